//! Remote checks end to end against local servers on 127.0.0.1 that answer like GitHub's REST
//! and GraphQL APIs, its raw content host, and Jira's REST API (response bodies shaped as their
//! documentation shows). Nothing here reaches the internet.
#![cfg(feature = "remote")]

mod common;

use common::{DAY, NOW};
use os2gov::adapters::remote::{
    self, ContentSource, RemoteError, RemoteOptions, RemoteTarget, RequestStats, Secret,
};
use os2gov::app;
use os2gov::engine;
use os2gov::engine::report::{Report, Verdict};
use sha2::{Digest, Sha256};
use std::path::Path;
use std::time::Duration;
use wiremock::matchers::{method, path, query_param};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const TOKEN: &str = "ghp_TESTSECRET0123456789abcdefABCDEF";
const JIRA_TOKEN: &str = "jira-SECRET-987654321";

// ---------------------------------------------------------------------------------------------
// The servers

struct Servers {
    rt: tokio::runtime::Runtime,
    api: MockServer,
    raw: MockServer,
    jira: MockServer,
}

fn servers() -> Servers {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("runtime");
    let (api, raw, jira) = rt.block_on(async {
        (
            MockServer::start().await,
            MockServer::start().await,
            MockServer::start().await,
        )
    });
    Servers { rt, api, raw, jira }
}

impl Servers {
    fn on(&self, server: &MockServer, mock: Mock) {
        self.rt.block_on(mock.mount(server));
    }

    fn requests(&self, server: &MockServer) -> Vec<Request> {
        self.rt
            .block_on(server.received_requests())
            .unwrap_or_default()
    }

    fn paths(&self, server: &MockServer) -> Vec<String> {
        self.requests(server)
            .iter()
            .map(|r| r.url.path().to_string())
            .collect()
    }

    fn reset(&self) {
        self.rt.block_on(async {
            self.api.reset().await;
            self.raw.reset().await;
            self.jira.reset().await;
        });
    }

    fn options(&self, cache: Option<&Path>) -> RemoteOptions {
        RemoteOptions {
            api_url: self.api.uri(),
            raw_url: self.raw.uri(),
            cache_dir: cache.map(Path::to_path_buf),
            // Any Jira a README links to is asked here, never on the internet.
            jira_url: Some(self.jira.uri()),
            // Generous, so that a loaded CI machine never turns a local answer into a timeout;
            // the timeout test shortens them itself.
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(10),
            ..RemoteOptions::new(NOW)
        }
    }
}

/// Answers 200 with an ETag, and 304 to a request that sends it back.
struct Etagged {
    body: Vec<u8>,
    etag: String,
    headers: Vec<(String, String)>,
}

impl Etagged {
    fn json(value: &serde_json::Value) -> Etagged {
        let body = serde_json::to_vec(value).expect("json");
        Etagged {
            etag: format!("\"{}\"", &hex(&body)[..20]),
            body,
            headers: Vec::new(),
        }
    }

    fn header(mut self, name: &str, value: &str) -> Etagged {
        self.headers.push((name.into(), value.into()));
        self
    }
}

impl Respond for Etagged {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let sent = request
            .headers
            .get("if-none-match")
            .and_then(|v| v.to_str().ok());
        let mut template = if sent == Some(self.etag.as_str()) {
            ResponseTemplate::new(304)
        } else {
            ResponseTemplate::new(200).set_body_raw(self.body.clone(), "application/json")
        };
        template = template.insert_header("etag", self.etag.as_str());
        for (name, value) in &self.headers {
            template = template.insert_header(name.as_str(), value.as_str());
        }
        template
    }
}

fn hex(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// A git-like object id.
fn oid(text: &str) -> String {
    hex(text.as_bytes())[..40].to_string()
}

/// The git blob id of `text`, as a tree lists it (computed by libgit2, not by os2gov).
fn blob(text: &str) -> String {
    git2::Oid::hash_object(git2::ObjectType::Blob, text.as_bytes())
        .expect("blob id")
        .to_string()
}

fn iso(days_ago: i64) -> String {
    chrono::DateTime::from_timestamp(NOW - days_ago * DAY, 0)
        .expect("time")
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

// ---------------------------------------------------------------------------------------------
// A repository as GitHub describes it

#[derive(Clone)]
struct Issue {
    number: u64,
    days_old: i64,
    pull: bool,
    author: &'static str,
    /// (login, user type, days ago)
    comments: Vec<(&'static str, &'static str, i64)>,
}

#[derive(Clone)]
struct Repo {
    owner: &'static str,
    name: &'static str,
    private: bool,
    archived: bool,
    fork: bool,
    has_issues: bool,
    license: Option<&'static str>,
    files: Vec<(String, String)>,
    links: Vec<(String, String)>,
    /// (message, days ago, merge), newest first.
    commits: Vec<(String, i64, bool)>,
    issues: Vec<Issue>,
    truncated: bool,
}

const README: &str =
    "# Produkt\n\nProduktet hjælper kommunerne med at registrere organisationen ét sted.\n";
const README_WITH_JIRA: &str = "# Produkt\n\nProduktet hjælper kommunerne med at registrere organisationen ét sted.\n\nSe [Jira](https://os2web.atlassian.net/browse/OS2MO-1).\n";
const CONFIG_WITH_JIRA: &str = "[jira]\nurl = \"{JIRA}\"\nproject = \"OS2MO\"\n";

fn good_repo() -> Repo {
    Repo {
        owner: "OS2mo",
        name: "os2mo",
        private: false,
        archived: false,
        fork: false,
        has_issues: true,
        license: Some("MPL-2.0"),
        files: vec![
            ("README.md".into(), README.into()),
            (
                "LICENSES/MPL-2.0.txt".into(),
                "SPDX-License-Identifier: MPL-2.0\nMozilla Public License Version 2.0\n".into(),
            ),
            ("src/main.rs".into(), "fn main() {}\n".into()),
            ("docs/architecture.md".into(), "# Arkitektur\n".into()),
        ],
        links: vec![("LICENSE".into(), "LICENSES/MPL-2.0.txt".into())],
        commits: vec![
            ("Fix login (#12)".into(), 3, false),
            ("Merge pull request #11 from x/y".into(), 4, true),
            ("OS2MO-7: add export".into(), 5, false),
            ("Refactor".into(), 6, false),
        ],
        issues: Vec::new(),
        truncated: false,
    }
}

impl Repo {
    fn commit_sha(&self) -> String {
        oid(&format!("commit {} {}", self.owner, self.name))
    }

    fn tree_sha(&self) -> String {
        oid(&format!("tree {} {}", self.owner, self.name))
    }

    fn json(&self) -> serde_json::Value {
        serde_json::json!({
            "id": 1296269,
            "node_id": "MDEwOlJlcG9zaXRvcnkxMjk2MjY5",
            "name": self.name,
            "full_name": format!("{}/{}", self.owner, self.name),
            "owner": {"login": self.owner, "id": 1, "type": "Organization"},
            "private": self.private,
            "visibility": if self.private { "private" } else { "public" },
            "html_url": format!("https://github.com/{}/{}", self.owner, self.name),
            "description": "OS2's organisation manager",
            "fork": self.fork,
            "homepage": "https://os2.eu/produkt/os2mo",
            "archived": self.archived,
            "disabled": false,
            "default_branch": "main",
            "has_issues": self.has_issues,
            "topics": ["os2", "municipality"],
            "license": self.license.map(|l| serde_json::json!({
                "key": l.to_ascii_lowercase(), "name": l, "spdx_id": l, "url": null, "node_id": "x"
            })),
            "pushed_at": iso(self.commits.first().map_or(400, |c| c.1)),
            "created_at": "2015-01-01T00:00:00Z",
            "updated_at": iso(1),
        })
    }

    fn commits_json(&self) -> serde_json::Value {
        let commits: Vec<serde_json::Value> = self
            .commits
            .iter()
            .enumerate()
            .map(|(i, (message, days, merge))| {
                let sha = if i == 0 {
                    self.commit_sha()
                } else {
                    oid(&format!("c{i}{message}"))
                };
                let parents: Vec<serde_json::Value> = (0..if *merge { 2 } else { 1 })
                    .map(|p| serde_json::json!({"sha": oid(&format!("p{i}{p}")), "url": "x"}))
                    .collect();
                serde_json::json!({
                    "sha": sha,
                    "node_id": "C_x",
                    "commit": {
                        "author": {"name": "Dev", "email": "dev@example.org", "date": iso(*days)},
                        "committer": {"name": "Dev", "email": "dev@example.org", "date": iso(*days)},
                        "message": message,
                        "tree": {"sha": if i == 0 { self.tree_sha() } else { oid(&format!("t{i}")) }, "url": "x"},
                        "comment_count": 0
                    },
                    "parents": parents,
                })
            })
            .collect();
        serde_json::Value::Array(commits)
    }

    fn tree_json(&self) -> serde_json::Value {
        let mut entries: Vec<(String, serde_json::Value)> = Vec::new();
        let mut dirs = std::collections::BTreeSet::new();
        let mut add_dirs = |path: &str| {
            let mut parts: Vec<&str> = path.split('/').collect();
            parts.pop();
            for i in 1..=parts.len() {
                dirs.insert(parts[..i].join("/"));
            }
        };
        for (path, text) in &self.files {
            add_dirs(path);
            entries.push((
                path.clone(),
                serde_json::json!({"path": path, "mode": "100644", "type": "blob",
                    "sha": blob(text), "size": text.len(), "url": "x"}),
            ));
        }
        for (path, target) in &self.links {
            add_dirs(path);
            entries.push((
                path.clone(),
                serde_json::json!({"path": path, "mode": "120000", "type": "blob",
                    "sha": blob(target), "size": target.len(), "url": "x"}),
            ));
        }
        for dir in dirs {
            entries.push((
                dir.clone(),
                serde_json::json!({"path": dir, "mode": "040000", "type": "tree",
                    "sha": oid(&format!("dir {dir}")), "url": "x"}),
            ));
        }
        entries.sort_by(|a, b| a.0.cmp(&b.0));
        serde_json::json!({
            "sha": self.tree_sha(),
            "url": "x",
            "tree": entries.into_iter().map(|(_, e)| e).collect::<Vec<_>>(),
            "truncated": self.truncated,
        })
    }

    fn issue_json(&self, issue: &Issue, api: &str) -> serde_json::Value {
        let mut value = serde_json::json!({
            "id": issue.number,
            "number": issue.number,
            "html_url": format!("https://github.com/{}/{}/issues/{}", self.owner, self.name, issue.number),
            "url": format!("{api}/repos/{}/{}/issues/{}", self.owner, self.name, issue.number),
            "state": "open",
            "title": "Something",
            "user": {"login": issue.author, "type": "User"},
            "comments": issue.comments.len(),
            "created_at": iso(issue.days_old),
            "updated_at": iso(1),
        });
        if issue.pull {
            value["pull_request"] = serde_json::json!({"url": "x", "html_url": "x"});
        }
        value
    }
}

/// Mounts everything GitHub would answer about `repo`.
fn mount_repo(s: &Servers, repo: &Repo) {
    let base = format!("/repos/{}/{}", repo.owner, repo.name);
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path(base.clone()))
            .respond_with(Etagged::json(&repo.json())),
    );
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path(format!("{base}/commits")))
            .respond_with(Etagged::json(&repo.commits_json())),
    );
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path(format!("{base}/git/trees/{}", repo.tree_sha())))
            .and(query_param("recursive", "1"))
            .respond_with(Etagged::json(&repo.tree_json())),
    );
    for (file, text) in &repo.files {
        s.on(
            &s.raw,
            Mock::given(method("GET"))
                .and(path(format!(
                    "/{}/{}/{}/{file}",
                    repo.owner,
                    repo.name,
                    repo.commit_sha()
                )))
                .respond_with(ResponseTemplate::new(200).set_body_string(text.clone())),
        );
    }
    for (link, target) in &repo.links {
        s.on(
            &s.raw,
            Mock::given(method("GET"))
                .and(path(format!(
                    "/{}/{}/{}/{link}",
                    repo.owner,
                    repo.name,
                    repo.commit_sha()
                )))
                .respond_with(ResponseTemplate::new(200).set_body_string(target.clone())),
        );
    }
    // Open issues, two to a page so that pagination is exercised.
    let api = s.api.uri();
    let pages: Vec<Vec<serde_json::Value>> = repo
        .issues
        .chunks(2)
        .map(|chunk| chunk.iter().map(|i| repo.issue_json(i, &api)).collect())
        .collect();
    let pages = if pages.is_empty() {
        vec![Vec::new()]
    } else {
        pages
    };
    for (i, page) in pages.iter().enumerate() {
        let mut answer = Etagged::json(&serde_json::Value::Array(page.clone()));
        if i + 1 < pages.len() {
            answer = answer.header(
                "link",
                &format!(
                    "<{api}{base}/issues?state=open&per_page=100&page={}>; rel=\"next\", <{api}{base}/issues?state=open&per_page=100&page={}>; rel=\"last\"",
                    i + 2,
                    pages.len()
                ),
            );
        }
        let mock = Mock::given(method("GET")).and(path(format!("{base}/issues")));
        let mock = if i == 0 {
            mock.respond_with(answer).with_priority(5)
        } else {
            mock.and(query_param("page", (i + 1).to_string()))
                .respond_with(answer)
                .with_priority(1)
        };
        s.on(&s.api, mock);
    }
    for issue in &repo.issues {
        let comments: Vec<serde_json::Value> = issue
            .comments
            .iter()
            .map(|(login, kind, days)| {
                serde_json::json!({"id": 1, "body": "Thanks", "user": {"login": login, "type": kind},
                    "created_at": iso(*days), "updated_at": iso(*days)})
            })
            .collect();
        s.on(
            &s.api,
            Mock::given(method("GET"))
                .and(path(format!("{base}/issues/{}/comments", issue.number)))
                .respond_with(Etagged::json(&serde_json::Value::Array(comments))),
        );
        s.on(
            &s.api,
            Mock::given(method("GET"))
                .and(path(format!("{base}/pulls/{}/reviews", issue.number)))
                .respond_with(Etagged::json(&serde_json::json!([]))),
        );
    }
}

/// Jira Cloud: serverInfo, the project, the new search; the removed old search answers 410.
fn mount_jira_cloud(s: &Servers, key: &str, exists: bool) {
    s.on(
        &s.jira,
        Mock::given(method("GET"))
            .and(path("/rest/api/2/serverInfo"))
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
                "baseUrl": s.jira.uri(), "version": "1001.0.0-SNAPSHOT", "versionNumbers": [1001, 0, 0],
                "deploymentType": "Cloud", "buildNumber": 100282, "serverTitle": "Jira"
            }))),
    );
    let project = if exists {
        ResponseTemplate::new(200).set_body_json(serde_json::json!({
            "self": format!("{}/rest/api/3/project/10000", s.jira.uri()),
            "id": "10000", "key": key, "name": "OS2mo", "projectTypeKey": "software", "simplified": false
        }))
    } else {
        ResponseTemplate::new(404).set_body_json(serde_json::json!({
            "errorMessages": [format!("No project could be found with key '{key}'.")], "errors": {}
        }))
    };
    s.on(
        &s.jira,
        Mock::given(method("GET"))
            .and(path(format!("/rest/api/3/project/{key}")))
            .respond_with(project),
    );
    s.on(
        &s.jira,
        Mock::given(method("GET"))
            .and(path("/rest/api/3/search/jql"))
            .and(query_param("maxResults", "1"))
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
                "issues": [{"id": "10068", "key": format!("{key}-68"),
                    "self": "x", "fields": {"updated": "2026-11-20T10:00:00.000+0100"}}],
                "isLast": false,
                "nextPageToken": "CAEaAggB"
            }))),
    );
    s.on(
        &s.jira,
        Mock::given(method("GET"))
            .and(path("/rest/api/2/search"))
            .respond_with(ResponseTemplate::new(410).set_body_json(serde_json::json!({
                "errorMessages": ["The requested API has been removed. Please migrate to the /rest/api/3/search/jql API."],
                "errors": {}
            }))),
    );
}

fn with_config(mut repo: Repo, s: &Servers) -> Repo {
    repo.files.push((
        "os2gov.toml".into(),
        CONFIG_WITH_JIRA.replace("{JIRA}", &s.jira.uri()),
    ));
    repo
}

/// Reports in English, so that the tests can read the messages.
fn english() -> engine::Options {
    engine::Options {
        lang: Some(os2gov::Lang::En),
        ..engine::Options::default()
    }
}

fn target(repo: &Repo) -> RemoteTarget {
    RemoteTarget::parse(&format!("github:{}/{}", repo.owner, repo.name)).expect("target")
}

fn check(repo: &Repo, options: &RemoteOptions) -> (Report, remote::RemoteScan) {
    app::check_remote(&target(repo), options, &english()).expect("check")
}

fn verdict(report: &Report, id: &str) -> Verdict {
    report.finding(id).expect("finding").verdict
}

fn message<'a>(report: &'a Report, id: &str) -> &'a str {
    &report.finding(id).expect("finding").message
}

fn assert_never_met(report: &Report, ids: &[&str]) {
    for id in ids {
        assert_ne!(
            verdict(report, id),
            Verdict::Met,
            "{id}: {}",
            message(report, id)
        );
    }
}

// ---------------------------------------------------------------------------------------------
// The happy path, the budget and the cache

#[test]
fn public_active_os2_repository_cold_then_warm() {
    let s = servers();
    let repo = with_config(
        Repo {
            issues: vec![Issue {
                number: 3,
                days_old: 10,
                pull: false,
                author: "citizen",
                comments: vec![],
            }],
            ..good_repo()
        },
        &s,
    );
    mount_repo(&s, &repo);
    mount_jira_cloud(&s, "OS2MO", true);
    let cache = tempfile::tempdir().expect("cache");
    let options = s.options(Some(cache.path()));

    let (report, scan) = check(&repo, &options);
    assert_eq!(
        verdict(&report, "F1"),
        Verdict::Met,
        "{}",
        message(&report, "F1")
    );
    assert_eq!(
        verdict(&report, "F6"),
        Verdict::Met,
        "{}",
        message(&report, "F6")
    );
    assert_eq!(
        verdict(&report, "F2"),
        Verdict::Met,
        "{}",
        message(&report, "F2")
    );
    assert!(message(&report, "F2").contains("MPL-2.0"));
    assert_eq!(
        verdict(&report, "F11"),
        Verdict::Met,
        "{}",
        message(&report, "F11")
    );
    // Two of the three non-merge commits reference an issue.
    assert!(
        message(&report, "F11").contains("2 of the last 3"),
        "{}",
        message(&report, "F11")
    );
    assert_eq!(
        verdict(&report, "F12"),
        Verdict::Met,
        "{}",
        message(&report, "F12")
    );
    assert_eq!(
        verdict(&report, "P9"),
        Verdict::Met,
        "{}",
        message(&report, "P9")
    );
    assert!(scan.incomplete.is_none());

    // The snapshot: every path listed, the symlink resolved inside the repository.
    let snap = &scan.snapshot;
    assert_eq!(
        snap.files["LICENSE"].symlink_to.as_deref(),
        Some("LICENSES/MPL-2.0.txt")
    );
    assert_eq!(
        snap.files["src/main.rs"].content,
        os2gov::Content::NotLoaded
    );
    let history = snap.history.as_ref().expect("history");
    assert_eq!(history.recent_commits.len(), 3, "merges are left out");
    assert_eq!(history.newest_commit_time, Some(NOW - 3 * DAY));
    match &snap.jira {
        os2gov::base::model::Fetched::Got { value } => {
            assert!(value.exists && value.public);
            assert_eq!(value.last_issue_updated, Some(1_795_165_200));
        }
        other => panic!("jira: {other:?}"),
    }
    // Jira Cloud: the new search endpoint, never the removed one.
    let jira_paths = s.paths(&s.jira);
    assert!(jira_paths.contains(&"/rest/api/3/search/jql".to_string()));
    assert!(!jira_paths.contains(&"/rest/api/2/search".to_string()));

    // The budget: repository, commits, tree — three rate-limited requests; files from raw.
    let stats = &scan.stats;
    assert_eq!(stats.snapshot_cost(), 3, "{stats:?}");
    assert_eq!(stats.graphql, 0);
    assert_eq!(stats.items, 1, "one page of issues, no comment requests");
    assert!(stats.raw >= 5, "{stats:?}");
    assert_eq!(stats.not_modified, 0);

    // Warm: 304s and the immutable cache; nothing costs rate limit.
    s.reset();
    mount_repo(&s, &repo);
    mount_jira_cloud(&s, "OS2MO", true);
    let (warm, scan) = check(&repo, &options);
    assert_eq!(scan.stats.rate_limited(), 0, "{:?}", scan.stats);
    assert_eq!(
        scan.stats.not_modified, 3,
        "repository, commits, issues: {:?}",
        scan.stats
    );
    assert!(
        scan.stats.cache_hits >= 4,
        "tree and blobs: {:?}",
        scan.stats
    );
    let raw_paths = s.paths(&s.raw);
    assert!(
        raw_paths.iter().all(|p| p.contains("/.github/HEAD/")),
        "only the organisation's defaults are asked again: {raw_paths:?}"
    );
    let api_paths = s.paths(&s.api);
    assert!(
        !api_paths.iter().any(|p| p.contains("/git/trees/")),
        "{api_paths:?}"
    );
    assert_eq!(report.requirements, warm.requirements);

    // --no-cache: everything asked again.
    let (_, scan) = check(&repo, &s.options(None));
    assert_eq!(scan.stats.snapshot_cost(), 3, "{:?}", scan.stats);
}

#[test]
fn verbose_counts_print_every_kind() {
    let stats = RequestStats {
        rest: 4,
        items: 1,
        graphql: 1,
        raw: 20,
        not_modified: 2,
        cache_hits: 7,
        jira: 3,
        failed: 0,
    };
    let text = stats.to_string();
    for needle in [
        "GitHub REST requests (rate-limited): 4 (1 for open issues",
        "GraphQL queries (rate-limited): 1",
        "raw content requests (no rate limit): 20",
        "304 Not Modified answers (no cost): 2",
        "without a request: 7",
        "Jira requests: 3",
    ] {
        assert!(text.contains(needle), "{needle}\n{text}");
    }
    assert_eq!(stats.snapshot_cost(), 4);
}

#[test]
fn archived_private_fork_and_foreign_owner() {
    let s = servers();
    let archived = Repo {
        name: "archived",
        archived: true,
        ..good_repo()
    };
    let private = Repo {
        name: "private",
        private: true,
        ..good_repo()
    };
    let fork = Repo {
        owner: "supplier",
        name: "fork",
        fork: true,
        ..good_repo()
    };
    let stale = Repo {
        name: "stale",
        commits: vec![("Old (#1)".into(), 500, false)],
        ..good_repo()
    };
    for repo in [&archived, &private, &fork, &stale] {
        mount_repo(&s, repo);
    }
    let options = s.options(None);
    let (report, _) = check(&archived, &options);
    assert_eq!(verdict(&report, "F1"), Verdict::NotMet);
    assert!(
        message(&report, "F1").contains("archived"),
        "{}",
        message(&report, "F1")
    );

    let mut with_token = s.options(None);
    with_token.token = Secret::new(TOKEN);
    with_token.contents = ContentSource::Raw;
    s.on(
        &s.api,
        Mock::given(method("POST"))
            .and(path("/graphql"))
            .respond_with(ResponseTemplate::new(502)),
    );
    let (report, _) = check(&private, &with_token);
    assert_eq!(verdict(&report, "F1"), Verdict::NotMet);
    assert!(
        message(&report, "F1").contains("private"),
        "{}",
        message(&report, "F1")
    );
    // The raw host got the token for the private repository (GitHub's own host).
    assert!(s
        .requests(&s.raw)
        .iter()
        .any(|r| r.url.path().starts_with("/OS2mo/private/")
            && r.headers.contains_key("authorization")));

    let (report, _) = check(&fork, &options);
    assert_eq!(verdict(&report, "F6"), Verdict::NotMet);
    assert!(message(&report, "F6").contains("supplier"));
    assert_eq!(verdict(&report, "F12"), Verdict::NotMet);
    assert!(message(&report, "F12").contains("fork"));

    let (report, _) = check(&stale, &options);
    assert_eq!(verdict(&report, "F1"), Verdict::NotMet);
    assert!(
        message(&report, "F1").contains("500 days"),
        "{}",
        message(&report, "F1")
    );
}

#[test]
fn issue_tracking_and_response_times() {
    let s = servers();
    let repo = Repo {
        issues: vec![
            // 40 days old, nobody answered: overdue.
            Issue {
                number: 40,
                days_old: 40,
                pull: false,
                author: "citizen",
                comments: vec![],
            },
            // Answered by a maintainer.
            Issue {
                number: 41,
                days_old: 60,
                pull: false,
                author: "citizen",
                comments: vec![("maintainer", "User", 55)],
            },
            // Only the author and a bot spoke: still unanswered.
            Issue {
                number: 42,
                days_old: 90,
                pull: false,
                author: "citizen",
                comments: vec![("citizen", "User", 80), ("stale[bot]", "Bot", 50)],
            },
            // Young: not overdue yet.
            Issue {
                number: 43,
                days_old: 5,
                pull: true,
                author: "dev",
                comments: vec![],
            },
            // A pull request on the last page of the list, reviewed by nobody.
            Issue {
                number: 44,
                days_old: 45,
                pull: true,
                author: "dev",
                comments: vec![],
            },
        ],
        ..good_repo()
    };
    mount_repo(&s, &repo);
    let (report, scan) = check(&repo, &s.options(None));
    assert_eq!(
        verdict(&report, "P9"),
        Verdict::NotMet,
        "{}",
        message(&report, "P9")
    );
    let p9 = message(&report, "P9");
    assert!(
        p9.contains("#40") && p9.contains("#42") && p9.contains("#44"),
        "{p9}"
    );
    assert!(!p9.contains("#41") && !p9.contains("#43"), "{p9}");
    match &scan.snapshot.open_items {
        os2gov::base::model::Fetched::Got { value } => {
            assert_eq!(value.len(), 5, "every page read");
            let answered = value.iter().find(|i| i.number == 41).expect("#41");
            assert_eq!(answered.first_response_at, Some(NOW - 55 * DAY));
        }
        other => panic!("{other:?}"),
    }
    // Issue 40 had no comments: no request for it. 41 and 42 had: one each. PR 44: comments
    // are zero, so only its reviews. Plus three pages.
    assert_eq!(scan.stats.items, 6, "{:?}", scan.stats);

    // F11: issues disabled and no Jira → not met; and commits without references → not met.
    let no_tracker = Repo {
        name: "no-tracker",
        has_issues: false,
        files: vec![("README.md".into(), "# X\n".into())],
        links: vec![],
        ..good_repo()
    };
    mount_repo(&s, &no_tracker);
    let (report, _) = check(&no_tracker, &s.options(None));
    assert_eq!(
        verdict(&report, "F11"),
        Verdict::NotMet,
        "{}",
        message(&report, "F11")
    );
    assert!(message(&report, "F11").contains("disabled"));
}

#[test]
fn a_budget_of_item_requests_gives_unknown_not_a_guess() {
    let s = servers();
    let repo = Repo {
        name: "busy",
        issues: (0..4)
            .map(|n| Issue {
                number: 100 + n,
                days_old: 100,
                pull: false,
                author: "citizen",
                comments: vec![("maintainer", "User", 99)],
            })
            .collect(),
        ..good_repo()
    };
    mount_repo(&s, &repo);
    let mut options = s.options(None);
    options.max_item_requests = 2;
    let (report, _) = check(&repo, &options);
    assert_eq!(
        verdict(&report, "P9"),
        Verdict::Unknown,
        "{}",
        message(&report, "P9")
    );
    assert!(message(&report, "P9").contains("too many"));
}

// ---------------------------------------------------------------------------------------------
// Organisation defaults

#[test]
fn organisation_defaults_count_and_say_where_they_come_from() {
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    s.on(
        &s.raw,
        Mock::given(method("GET"))
            .and(path("/OS2mo/.github/HEAD/CONTRIBUTING.md"))
            .respond_with(ResponseTemplate::new(200).set_body_string(
                "# Bidrag\n\nVi gennemgår pull requests og svarer inden for 5 arbejdsdage.\n",
            )),
    );
    s.on(
        &s.raw,
        Mock::given(method("GET"))
            .and(path(
                "/OS2mo/.github/HEAD/.github/ISSUE_TEMPLATE/bug_report.md",
            ))
            .respond_with(ResponseTemplate::new(200).set_body_string("---\nname: Bug\n---\n")),
    );
    let (report, scan) = check(&repo, &s.options(None));
    let file = &scan.snapshot.files[".github/CONTRIBUTING.md"];
    assert_eq!(file.origin.as_deref(), Some("OS2mo/.github"));
    assert_eq!(
        verdict(&report, "P2"),
        Verdict::Met,
        "{}",
        message(&report, "P2")
    );
    let evidence = &report.finding("P2").expect("P2").evidence;
    assert_eq!(evidence[0].note.as_deref(), Some("OS2mo/.github"));
    assert!(scan
        .snapshot
        .files
        .contains_key(".github/ISSUE_TEMPLATE/bug_report.md"));
    assert!(report
        .notes
        .iter()
        .any(|n| n.contains(".github/CONTRIBUTING.md") && n.contains("OS2mo/.github")));

    // A repository with its own CONTRIBUTING does not take the organisation's.
    let own = Repo {
        name: "own",
        files: vec![("docs/CONTRIBUTING.md".into(), "# Own\n".into())],
        links: vec![],
        ..good_repo()
    };
    mount_repo(&s, &own);
    let (_, scan) = check(&own, &s.options(None));
    assert!(!scan.snapshot.files.contains_key(".github/CONTRIBUTING.md"));
}

// ---------------------------------------------------------------------------------------------
// Jira

#[test]
fn jira_project_missing_is_not_public() {
    let s = servers();
    let repo = with_config(good_repo(), &s);
    mount_repo(&s, &repo);
    mount_jira_cloud(&s, "OS2MO", false);
    let (report, scan) = check(&repo, &s.options(None));
    match &scan.snapshot.jira {
        os2gov::base::model::Fetched::Got { value } => assert!(!value.exists && !value.public),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        verdict(&report, "F11"),
        Verdict::NotMet,
        "{}",
        message(&report, "F11")
    );
    assert!(report
        .notes
        .iter()
        .any(|n| n.contains("does not exist or cannot be read")));
}

#[test]
fn jira_data_center_uses_api_2_and_cloud_falls_back_when_search_jql_is_missing() {
    let s = servers();
    let repo = with_config(good_repo(), &s);
    mount_repo(&s, &repo);
    // Data Center: serverInfo says so; only REST API 2 exists.
    s.on(
        &s.jira,
        Mock::given(method("GET"))
            .and(path("/rest/api/2/serverInfo"))
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
                "baseUrl": "https://jira.example.org", "version": "9.12.4", "deploymentType": "Server"
            }))),
    );
    s.on(
        &s.jira,
        Mock::given(method("GET"))
            .and(path("/rest/api/2/project/OS2MO"))
            .respond_with(ResponseTemplate::new(200).set_body_json(
                serde_json::json!({"id": "10000", "key": "OS2MO", "name": "OS2mo"}),
            )),
    );
    s.on(
        &s.jira,
        Mock::given(method("GET"))
            .and(path("/rest/api/2/search"))
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
                "startAt": 0, "maxResults": 1, "total": 312,
                "issues": [{"id": "1", "key": "OS2MO-312", "fields": {"updated": "2026-11-26T08:00:00.000+0100"}}]
            }))),
    );
    let (report, scan) = check(&repo, &s.options(None));
    match &scan.snapshot.jira {
        os2gov::base::model::Fetched::Got { value } => {
            assert!(value.exists && value.public);
            assert_eq!(value.last_issue_updated, Some(NOW - DAY + 7 * 3600));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(
        verdict(&report, "F11"),
        Verdict::Met,
        "{}",
        message(&report, "F11")
    );
    assert!(!s
        .paths(&s.jira)
        .iter()
        .any(|p| p.starts_with("/rest/api/3/")));

    // No serverInfo (404): the host name decides — not atlassian.net, so Data Center.
    s.reset();
    mount_repo(&s, &repo);
    s.on(
        &s.jira,
        Mock::given(method("GET"))
            .and(path("/rest/api/2/project/OS2MO"))
            .respond_with(ResponseTemplate::new(200).set_body_json(
                serde_json::json!({"id": "10000", "key": "OS2MO", "name": "OS2mo"}),
            )),
    );
    s.on(
        &s.jira,
        Mock::given(method("GET"))
            .and(path("/rest/api/2/search"))
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!({
                "startAt": 0, "maxResults": 1, "total": 1,
                "issues": [{"id": "1", "key": "OS2MO-1", "fields": {"updated": "2026-11-26T08:00:00.000+0100"}}]
            }))),
    );
    let (_, scan) = check(&repo, &s.options(None));
    match &scan.snapshot.jira {
        os2gov::base::model::Fetched::Got { value } => assert!(value.last_issue_updated.is_some()),
        other => panic!("{other:?}"),
    }
}

#[test]
fn jira_cloud_410_on_the_old_search_is_reported_when_the_new_one_fails_too() {
    let s = servers();
    let repo = with_config(good_repo(), &s);
    mount_repo(&s, &repo);
    // A Cloud site whose new search fails (404 first): the old one then says 410 Gone.
    s.on(
        &s.jira,
        Mock::given(method("GET"))
            .and(path("/rest/api/3/search/jql"))
            .respond_with(ResponseTemplate::new(404)),
    );
    mount_jira_cloud(&s, "OS2MO", true);
    let (_, scan) = check(&repo, &s.options(None));
    match &scan.snapshot.jira {
        os2gov::base::model::Fetched::Got { value } => {
            assert!(value.exists && value.public);
            assert_eq!(value.last_issue_updated, None);
        }
        other => panic!("{other:?}"),
    }
    let note = scan
        .notes
        .iter()
        .find(|n| n.en.contains("latest Jira activity"))
        .expect("note");
    assert!(note.en.contains("410"), "{}", note.en);
}

#[test]
fn jira_from_the_readme_link_with_a_token() {
    let s = servers();
    let mut repo = good_repo();
    repo.files[0].1 = README_WITH_JIRA.into(); // links os2web.atlassian.net/browse/OS2MO-1
    mount_repo(&s, &repo);
    s.on(
        &s.jira,
        Mock::given(method("GET"))
            .and(path("/rest/api/2/serverInfo"))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(serde_json::json!({"deploymentType": "Cloud"})),
            ),
    );
    // Anonymous: 404 (not public). With the token: found.
    s.on(
        &s.jira,
        Mock::given(method("GET"))
            .and(path("/rest/api/3/project/OS2MO"))
            .and(wiremock::matchers::header(
                "authorization",
                format!("Bearer {JIRA_TOKEN}").as_str(),
            ))
            .respond_with(
                ResponseTemplate::new(200).set_body_json(serde_json::json!({"key": "OS2MO"})),
            )
            .with_priority(1),
    );
    s.on(
        &s.jira,
        Mock::given(method("GET"))
            .and(path("/rest/api/3/project/OS2MO"))
            .respond_with(ResponseTemplate::new(404))
            .with_priority(5),
    );
    let mut options = s.options(None);
    options.jira_url = Some(s.jira.uri());
    options.jira_token = Secret::new(JIRA_TOKEN);
    let (report, scan) = check(&repo, &options);
    match &scan.snapshot.jira {
        os2gov::base::model::Fetched::Got { value } => assert!(value.exists && !value.public),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        verdict(&report, "F11"),
        Verdict::NotMet,
        "a tracker nobody can read"
    );
    assert!(!render_all(&report).contains(JIRA_TOKEN));
}

// ---------------------------------------------------------------------------------------------
// GraphQL with a token

#[test]
fn token_uses_graphql_for_history_and_branches_and_caches_it() {
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    let graphql = serde_json::json!({"data": {"repository": {
        "object": {
            "oid": repo.commit_sha(),
            "committedDate": iso(3),
            "tree": {"oid": repo.tree_sha()},
            "history": {"nodes": [
                {"oid": repo.commit_sha(), "committedDate": iso(3), "message": "Fix login (#12)", "parents": {"totalCount": 1}},
                {"oid": oid("m"), "committedDate": iso(4), "message": "Merge pull request #11", "parents": {"totalCount": 2}},
                {"oid": oid("o"), "committedDate": iso(5), "message": "OS2MO-7: add export", "parents": {"totalCount": 1}}
            ]}
        },
        "refs": {"totalCount": 2, "nodes": [
            {"name": "main", "target": {"committedDate": iso(3)}, "compare": {"aheadBy": 0, "behindBy": 0}},
            {"name": "old-feature", "target": {"committedDate": iso(400)}, "compare": {"aheadBy": 120, "behindBy": 7}}
        ]}
    }}});
    s.on(
        &s.api,
        Mock::given(method("POST"))
            .and(path("/graphql"))
            .respond_with(ResponseTemplate::new(200).set_body_json(graphql)),
    );
    let cache = tempfile::tempdir().expect("cache");
    let mut options = s.options(Some(cache.path()));
    options.token = Secret::new(TOKEN);
    let (report, scan) = check(&repo, &options);
    assert_eq!(scan.stats.graphql, 1);
    assert_eq!(
        scan.stats.snapshot_cost(),
        3,
        "repository, GraphQL, tree: {:?}",
        scan.stats
    );
    let history = scan.snapshot.history.as_ref().expect("history");
    assert_eq!(history.recent_commits.len(), 2);
    let old = history
        .branches
        .iter()
        .find(|b| b.name == "old-feature")
        .expect("branch");
    assert_eq!(old.ahead, Some(7));
    assert!(
        message(&report, "F12").contains("old-feature"),
        "{}",
        message(&report, "F12")
    );
    // The token went to the API host only.
    let auth = |server: &MockServer| {
        s.requests(server)
            .iter()
            .filter(|r| r.headers.contains_key("authorization"))
            .count()
    };
    assert!(auth(&s.api) >= 3);
    assert_eq!(
        auth(&s.raw),
        0,
        "public repository: no token to the raw host"
    );

    let (_, warm) = check(&repo, &options);
    assert_eq!(
        warm.stats.graphql, 0,
        "cached under pushed_at: {:?}",
        warm.stats
    );
    assert_eq!(warm.stats.rate_limited(), 0, "{:?}", warm.stats);
}

#[test]
fn graphql_contents_in_one_query() {
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    struct Blobs(Vec<(String, String)>);
    impl Respond for Blobs {
        fn respond(&self, request: &Request) -> ResponseTemplate {
            let body: serde_json::Value = serde_json::from_slice(&request.body).expect("json");
            let query = body["query"].as_str().unwrap_or("");
            if query.contains("history(") {
                return ResponseTemplate::new(502);
            }
            let mut repository = serde_json::Map::new();
            for line in query.lines() {
                let line = line.trim();
                let Some((alias, rest)) = line.split_once(": object(oid: \"") else {
                    continue;
                };
                let oid = rest.split('"').next().unwrap_or("");
                let text = self
                    .0
                    .iter()
                    .find(|(o, _)| o == oid)
                    .map(|(_, t)| t.clone());
                repository.insert(
                    alias.to_string(),
                    match text {
                        Some(text) => serde_json::json!({"byteSize": text.len(), "isBinary": false, "isTruncated": false, "text": text}),
                        None => serde_json::Value::Null,
                    },
                );
            }
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"data": {"repository": repository}}))
        }
    }
    let mut blobs: Vec<(String, String)> = repo
        .files
        .iter()
        .map(|(_, t)| (blob(t), t.clone()))
        .collect();
    blobs.extend(repo.links.iter().map(|(_, t)| (blob(t), t.clone())));
    s.on(
        &s.api,
        Mock::given(method("POST"))
            .and(path("/graphql"))
            .respond_with(Blobs(blobs)),
    );
    let mut options = s.options(None);
    options.token = Secret::new(TOKEN);
    options.contents = ContentSource::GraphQl;
    let (report, scan) = check(&repo, &options);
    assert_eq!(
        verdict(&report, "F2"),
        Verdict::Met,
        "{}",
        message(&report, "F2")
    );
    assert!(scan.snapshot.text("README.md").is_some());
    // History by GraphQL failed (502) → REST commits; files: one query, then one for the
    // symlink's target — no raw requests for the repository's own files.
    assert!(
        s.paths(&s.raw).iter().all(|p| p.contains("/.github/HEAD/")),
        "{:?}",
        s.paths(&s.raw)
    );
    assert_eq!(
        scan.stats.graphql, 2,
        "history (502), then the files: {:?}",
        scan.stats
    );
}

// ---------------------------------------------------------------------------------------------
// Failures: clear messages, unknown verdicts, never met

fn render_all(report: &Report) -> String {
    format!(
        "{}{}{}",
        os2gov::render::json(report),
        os2gov::render::text(report, false),
        os2gov::render::markdown(report)
    )
}

#[test]
fn nonexistent_repository_and_revision_are_input_errors() {
    let s = servers();
    let err = app::check_remote(
        &RemoteTarget::parse("github:OS2mo/nope").expect("target"),
        &s.options(None),
        &english(),
    )
    .expect_err("404");
    assert!(
        matches!(err, app::AppError::Remote(RemoteError::NotFound(_))),
        "{err}"
    );
    assert!(err.to_string().contains("github:OS2mo/nope"));

    let repo = good_repo();
    mount_repo(&s, &repo);
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path("/repos/OS2mo/os2mo/commits"))
            .and(query_param("sha", "no-such-branch"))
            .respond_with(ResponseTemplate::new(404).set_body_json(
                serde_json::json!({"message": "No commit found for SHA: no-such-branch", "documentation_url": "x", "status": "404"}),
            ))
            .with_priority(1),
    );
    let mut t = target(&repo);
    t.rev = Some("no-such-branch".into());
    let err = app::check_remote(&t, &s.options(None), &english()).expect_err("bad rev");
    assert!(
        matches!(err, app::AppError::Remote(RemoteError::BadRevision { .. })),
        "{err}"
    );
    assert!(err.to_string().contains("no-such-branch"));
}

#[test]
fn connection_refused_and_timeouts_give_unknown() {
    // A port nobody listens on.
    let closed = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let port = closed.local_addr().expect("addr").port();
    drop(closed);
    let s = servers();
    let mut options = s.options(None);
    options.api_url = format!("http://127.0.0.1:{port}");
    let repo = good_repo();
    let (report, scan) = check(&repo, &options);
    assert!(scan.incomplete.is_some());
    assert_never_met(&report, &["F1", "F2", "F6", "F11", "P9", "F4"]);
    assert!(report.requirements.iter().all(
        |f| f.verdict != Verdict::NotMet || ["F1", "F6", "F12", "P9"].contains(&f.id.as_str())
    ));
    assert_eq!(verdict(&report, "F1"), Verdict::Unknown);
    assert!(
        message(&report, "F1").contains("could not reach GitHub"),
        "{}",
        message(&report, "F1")
    );

    // A server that answers too slowly.
    mount_repo(&s, &repo);
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path("/repos/OS2mo/slow"))
            .respond_with(
                ResponseTemplate::new(200)
                    .set_body_json(repo.json())
                    .set_delay(Duration::from_secs(3)),
            ),
    );
    let slow = Repo {
        name: "slow",
        ..good_repo()
    };
    let short = RemoteOptions {
        read_timeout: Duration::from_millis(700),
        ..s.options(None)
    };
    let (report, scan) = check(&slow, &short);
    assert!(scan.incomplete.is_some());
    assert_eq!(verdict(&report, "F1"), Verdict::Unknown);
    assert!(
        message(&report, "F1").contains("did not answer"),
        "{}",
        message(&report, "F1")
    );
}

#[test]
fn unauthorised_server_errors_and_malformed_answers() {
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path("/repos/OS2mo/badtoken"))
            .respond_with(ResponseTemplate::new(401).set_body_json(
                serde_json::json!({"message": "Bad credentials", "documentation_url": "https://docs.github.com/rest", "status": "401"}),
            )),
    );
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path("/repos/OS2mo/garbled"))
            .respond_with(ResponseTemplate::new(200).set_body_string("{\"name\": \"garbled\", ")),
    );
    let mut options = s.options(None);
    options.token = Secret::new(TOKEN);
    for (name, expected) in [("badtoken", "401"), ("garbled", "unexpected answer")] {
        let repo = Repo {
            name: Box::leak(name.to_string().into_boxed_str()),
            ..good_repo()
        };
        let (report, scan) = check(&repo, &options);
        assert!(scan.incomplete.is_some(), "{name}");
        assert_eq!(verdict(&report, "F1"), Verdict::Unknown, "{name}");
        assert!(
            message(&report, "F1").contains(expected),
            "{name}: {}",
            message(&report, "F1")
        );
        assert!(!render_all(&report).contains(TOKEN));
    }

    // 500 on the tree: metadata checks still run; file checks are never met, not-met becomes
    // unknown with the reason.
    let broken = Repo {
        name: "broken-tree",
        ..good_repo()
    };
    mount_repo(&s, &broken);
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path(format!(
                "/repos/OS2mo/broken-tree/git/trees/{}",
                broken.tree_sha()
            )))
            .respond_with(ResponseTemplate::new(500))
            .with_priority(1),
    );
    let (report, scan) = check(&broken, &s.options(None));
    assert_eq!(verdict(&report, "F1"), Verdict::Met);
    assert_eq!(
        verdict(&report, "F4"),
        Verdict::Unknown,
        "{}",
        message(&report, "F4")
    );
    assert!(
        message(&report, "F4").contains("500"),
        "{}",
        message(&report, "F4")
    );
    assert!(scan
        .incomplete
        .expect("incomplete")
        .en
        .contains("could not be read"));

    // A raw file that cannot be downloaded.
    let missing_file = Repo {
        name: "missing-file",
        ..good_repo()
    };
    mount_repo(&s, &missing_file);
    s.on(
        &s.raw,
        Mock::given(method("GET"))
            .and(path(format!(
                "/OS2mo/missing-file/{}/README.md",
                missing_file.commit_sha()
            )))
            .respond_with(ResponseTemplate::new(503))
            .with_priority(1),
    );
    let (report, scan) = check(&missing_file, &s.options(None));
    let reason = scan.incomplete.expect("incomplete").en;
    assert!(
        reason.contains("README.md") && reason.contains("503"),
        "{reason}"
    );
    assert_ne!(verdict(&report, "F5"), Verdict::Met);
    assert_ne!(verdict(&report, "F5"), Verdict::NotMet);
}

#[test]
fn rate_limits_stop_the_requests_and_say_when_they_reset() {
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    let reset = NOW + 3600;
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path("/repos/OS2mo/os2mo/commits"))
            .respond_with(
                ResponseTemplate::new(403)
                    .insert_header("x-ratelimit-limit", "60")
                    .insert_header("x-ratelimit-remaining", "0")
                    .insert_header("x-ratelimit-reset", reset.to_string().as_str())
                    .insert_header("x-ratelimit-resource", "core")
                    .set_body_json(serde_json::json!({
                        "message": "API rate limit exceeded for 127.0.0.1.",
                        "documentation_url": "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting"
                    })),
            )
            .with_priority(1),
    );
    let (report, scan) = check(&repo, &s.options(None));
    let api_paths = s.paths(&s.api);
    // Repository, commits (403) — then the tree by branch name and the issues are not asked.
    assert_eq!(api_paths.len(), 2, "{api_paths:?}");
    let reason = scan.incomplete.expect("incomplete").en;
    assert!(reason.contains("2026-11-27 01:00 UTC"), "{reason}");
    assert!(reason.contains("GITHUB_TOKEN"), "{reason}");
    assert_eq!(verdict(&report, "P9"), Verdict::Unknown);
    assert!(
        message(&report, "P9").contains("rate limit"),
        "{}",
        message(&report, "P9")
    );
    assert_never_met(&report, &["F2", "F11", "P2"]);

    // 429 with Retry-After (a secondary limit).
    s.reset();
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path("/repos/OS2mo/os2mo"))
            .respond_with(ResponseTemplate::new(429).insert_header("retry-after", "120")),
    );
    let (report, scan) = check(&repo, &s.options(None));
    assert_eq!(s.paths(&s.api).len(), 1);
    assert!(scan.incomplete.is_some());
    assert_eq!(verdict(&report, "F1"), Verdict::Unknown);
    assert!(
        message(&report, "F1").contains("rate limit"),
        "{}",
        message(&report, "F1")
    );
}

#[test]
fn truncated_tree_turns_not_met_into_unknown() {
    let s = servers();
    let repo = Repo {
        truncated: true,
        ..good_repo()
    };
    mount_repo(&s, &repo);
    let (report, scan) = check(&repo, &s.options(None));
    let reason = scan.incomplete.expect("incomplete").en;
    assert!(reason.contains("truncated"), "{reason}");
    // SECURITY.md is not in the (partial) listing: unknown, not not-met.
    assert_eq!(verdict(&report, "F4"), Verdict::Unknown);
    assert!(message(&report, "F4").contains("truncated"));
    // What was found still counts.
    assert_eq!(verdict(&report, "F2"), Verdict::Met);
    assert!(report.notes.iter().any(|n| n.contains("truncated")));
}

#[test]
fn the_token_never_appears_in_output_errors_or_the_cache() {
    let s = servers();
    let repo = with_config(good_repo(), &s);
    mount_repo(&s, &repo);
    mount_jira_cloud(&s, "OS2MO", true);
    // A server that echoes the Authorization header back in its error message.
    struct Echo;
    impl Respond for Echo {
        fn respond(&self, request: &Request) -> ResponseTemplate {
            let auth = request
                .headers
                .get("authorization")
                .and_then(|v| v.to_str().ok())
                .unwrap_or("")
                .to_string();
            ResponseTemplate::new(500)
                .set_body_json(serde_json::json!({"message": format!("bad header {auth}")}))
        }
    }
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path("/repos/OS2mo/os2mo/issues"))
            .respond_with(Echo)
            .with_priority(1),
    );
    let cache = tempfile::tempdir().expect("cache");
    let mut options = s.options(Some(cache.path()));
    options.token = Secret::new(TOKEN);
    options.jira_token = Secret::new(JIRA_TOKEN);
    s.on(
        &s.api,
        Mock::given(method("POST"))
            .and(path("/graphql"))
            .respond_with(Echo),
    );
    let (report, scan) = check(&repo, &options);
    // The API really got the token.
    assert!(s.requests(&s.api).iter().any(|r| r
        .headers
        .get("authorization")
        .and_then(|v| v.to_str().ok())
        .is_some_and(|v| v.contains(TOKEN))));
    assert_eq!(verdict(&report, "P9"), Verdict::Unknown);
    assert!(
        message(&report, "P9").contains("***"),
        "{}",
        message(&report, "P9")
    );
    let everything = format!(
        "{}{:?}{:?}{}{:?}",
        render_all(&report),
        scan.snapshot,
        scan.notes,
        scan.stats,
        options
    );
    assert!(!everything.contains(TOKEN));
    assert!(!everything.contains(JIRA_TOKEN));
    // Neither the GitHub token nor Jira's left the API host / was asked for anonymously.
    for r in s.requests(&s.raw).iter().chain(s.requests(&s.jira).iter()) {
        let auth = r
            .headers
            .get("authorization")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        assert!(!auth.contains(TOKEN), "{}", r.url);
    }
    // The cache: names and contents.
    let mut stack = vec![cache.path().to_path_buf()];
    let mut files = 0;
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("dir").flatten() {
            let p = entry.path();
            if p.is_dir() {
                stack.push(p);
                continue;
            }
            files += 1;
            let name = p.to_string_lossy().into_owned();
            assert!(
                !name.contains(TOKEN) && !name.contains("TESTSECRET"),
                "{name}"
            );
            let bytes = std::fs::read(&p).expect("read");
            let text = String::from_utf8_lossy(&bytes);
            assert!(
                !text.contains(TOKEN) && !text.contains(JIRA_TOKEN),
                "{name}"
            );
        }
    }
    assert!(files > 0);

    // Errors too.
    let err = app::check_remote(
        &RemoteTarget::parse("github:OS2mo/missing").expect("target"),
        &options,
        &english(),
    )
    .expect_err("404");
    assert!(!err.to_string().contains(TOKEN));
}

// ---------------------------------------------------------------------------------------------
// Local repositories with a GitHub origin

#[test]
fn local_repository_gets_metadata_from_its_origin() {
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    let fixture = common::repo_with(
        &[
            ("README.md", common::Entry::Text(README)),
            (
                "LICENSE",
                common::Entry::Text("SPDX-License-Identifier: MPL-2.0\n"),
            ),
        ],
        10,
    );
    fixture.set_origin("https://github.com/OS2mo/os2mo.git");
    let snapshot =
        os2gov::adapters::git::open_snapshot(fixture.path(), None, NOW).expect("snapshot");
    let (report, scan) =
        app::check_local(snapshot.clone(), &s.options(None), &english()).expect("check");
    assert_eq!(
        verdict(&report, "F1"),
        Verdict::Met,
        "{}",
        message(&report, "F1")
    );
    assert_eq!(verdict(&report, "F6"), Verdict::Met);
    assert!(matches!(
        scan.snapshot.open_items,
        os2gov::base::model::Fetched::Got { .. }
    ));
    // Only metadata: no tree, no commits, no file downloads of the repository itself.
    let api_paths = s.paths(&s.api);
    assert!(
        !api_paths
            .iter()
            .any(|p| p.contains("/git/trees/") || p.ends_with("/commits")),
        "{api_paths:?}"
    );
    assert_eq!(scan.stats.snapshot_cost(), 1);

    // Offline failure of the API: the local part is still there; metadata unknown.
    let mut options = s.options(None);
    options.api_url = "http://127.0.0.1:9".into();
    let (report, scan) = app::check_local(snapshot, &options, &english()).expect("check");
    assert!(scan.incomplete.is_none());
    assert_eq!(verdict(&report, "F1"), Verdict::Unknown);
    assert_eq!(verdict(&report, "F2"), Verdict::Met);
}

// ---------------------------------------------------------------------------------------------
// The organisation scan

#[test]
fn organisation_portfolio() {
    let s = servers();
    let good = with_config(good_repo(), &s);
    let second = Repo {
        name: "os2mo-ui",
        has_issues: false,
        files: vec![("README.md".into(), "# UI\n".into())],
        links: vec![],
        ..good_repo()
    };
    let broken = Repo {
        name: "broken",
        ..good_repo()
    };
    let archived = Repo {
        name: "old",
        archived: true,
        ..good_repo()
    };
    for repo in [&good, &second, &broken, &archived] {
        mount_repo(&s, repo);
    }
    mount_jira_cloud(&s, "OS2MO", true);
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path(format!(
                "/repos/OS2mo/broken/git/trees/{}",
                broken.tree_sha()
            )))
            .respond_with(ResponseTemplate::new(500))
            .with_priority(1),
    );
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path("/repos/OS2mo/broken/commits"))
            .respond_with(ResponseTemplate::new(500))
            .with_priority(1),
    );
    let api = s.api.uri();
    // Two pages of the organisation's repositories.
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path("/orgs/OS2mo/repos"))
            .and(query_param("page", "2"))
            .respond_with(Etagged::json(&serde_json::json!([
                archived.json(),
                broken.json()
            ])))
            .with_priority(1),
    );
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path("/orgs/OS2mo/repos"))
            .respond_with(
                Etagged::json(&serde_json::json!([good.json(), second.json()])).header(
                    "link",
                    &format!(
                        "<{api}/orgs/OS2mo/repos?type=public&per_page=100&page=2>; rel=\"next\""
                    ),
                ),
            )
            .with_priority(5),
    );
    let mut options = s.options(None);
    options.concurrency = 2;
    let scan = app::scan_organisation(
        "OS2mo",
        &options,
        &engine::Options {
            level: Some(os2gov::Level::One),
            ..english()
        },
        3,
    )
    .expect("org");
    let rows = &scan.portfolio.rows;
    let names: Vec<&str> = rows.iter().map(|r| r.repository.as_str()).collect();
    assert_eq!(
        names,
        ["OS2mo/broken", "OS2mo/os2mo", "OS2mo/os2mo-ui"],
        "archived left out"
    );
    assert!(rows
        .iter()
        .all(|r| r.required_level == Some(os2gov::Level::One)));
    assert!(rows[1].score.is_some() && rows[1].gaps.len() <= 3);
    assert!(rows[1].score > rows[2].score, "{rows:?}");
    // The broken repository is still a row: its metadata was read, its files were not.
    assert!(rows[0].error.is_none(), "{:?}", rows[0]);
    assert!(rows[0].gaps.iter().all(
        |g| g.verdict == Verdict::Unknown || ["F1", "F6", "F12", "P9"].contains(&g.id.as_str())
    ));
    // No per-repository metadata request: the listing had it.
    assert!(!s.paths(&s.api).contains(&"/repos/OS2mo/os2mo".to_string()));
    let text = os2gov::render::portfolio::render_text(&scan.portfolio, os2gov::Lang::En);
    assert!(
        text.contains("OS2mo/os2mo-ui") && text.contains("Top gaps"),
        "{text}"
    );
    let md = os2gov::render::portfolio::render_markdown(&scan.portfolio, os2gov::Lang::Da);
    assert!(
        md.contains("| [OS2mo/os2mo](https://github.com/OS2mo/os2mo) |"),
        "{md}"
    );
    let json: serde_json::Value =
        serde_json::from_str(&os2gov::render::portfolio::render_json(&scan.portfolio))
            .expect("json");
    assert_eq!(json["summary"]["repositories"], 3);

    let err = app::scan_organisation("nobody", &options, &english(), 3).expect_err("404");
    assert!(matches!(err, RemoteError::NotFound(_)), "{err}");
}

// ---------------------------------------------------------------------------------------------
// The command line over the same servers

fn cli(s: &Servers, args: &[&str]) -> std::process::Output {
    let mut cmd = common::os2gov();
    cmd.env_remove("OS2GOV_OFFLINE")
        .env_remove("GITHUB_TOKEN")
        .env("TEST_TOKEN", TOKEN);
    cmd.args(args).args([
        "--github-api-url",
        &s.api.uri(),
        "--github-raw-url",
        &s.raw.uri(),
        "--jira-url",
        &s.jira.uri(),
        "--no-cache",
    ]);
    cmd.output().expect("run")
}

#[test]
fn cli_checks_a_remote_repository_without_cloning() {
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    let slug = format!("github:{}/{}", repo.owner, repo.name);
    let out = cli(
        &s,
        &[
            "check",
            &slug,
            "--format",
            "json",
            "--lang",
            "en",
            "--verbose",
            "--token-env",
            "TEST_TOKEN",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json report");
    let f6 = report["requirements"]
        .as_array()
        .expect("reqs")
        .iter()
        .find(|f| f["id"] == "F6")
        .expect("F6");
    assert_eq!(f6["verdict"], "met", "{f6}");
    assert!(
        stderr.contains("REST"),
        "--verbose prints the requests by kind: {stderr}"
    );
    assert!(!stderr.contains(TOKEN) && !String::from_utf8_lossy(&out.stdout).contains(TOKEN));

    let url = format!("https://github.com/{}/{}", repo.owner, repo.name);
    let out = cli(&s, &["check", &url, "--format", "json"]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = cli(&s, &["check", "github:OS2mo/does-not-exist"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a nonexistent repository is an input error"
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);

    let mut offline = common::os2gov();
    offline.args(["check", &slug, "--offline"]).assert().code(2);
}

#[test]
fn cli_org_prints_a_portfolio() {
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path(format!("/orgs/{}/repos", repo.owner)))
            .respond_with(Etagged::json(&serde_json::json!([repo.json()]))),
    );
    let out = cli(
        &s,
        &[
            "org", repo.owner, "--format", "markdown", "--lang", "en", "--level", "1",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains(repo.name), "{table}");
    assert!(table.contains('|'), "{table}");
    let out = cli(&s, &["org", "no-such-org-here", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
}

// ---------------------------------------------------------------------------------------------
// Nothing silent: incomplete reads are marked, told apart by exit code 3, and never scored as
// gaps of the repository (issue 9 defects 4–6, issue 13 "Nothing counts that was not read")

/// 403 with the core limit used up, as GitHub answers when the rate limit runs out.
fn rate_limited() -> ResponseTemplate {
    ResponseTemplate::new(403)
        .insert_header("x-ratelimit-limit", "60")
        .insert_header("x-ratelimit-remaining", "0")
        .insert_header("x-ratelimit-reset", (NOW + 3600).to_string().as_str())
        .set_body_json(serde_json::json!({"message": "API rate limit exceeded for 127.0.0.1."}))
}

/// The organisation listing `repos`, on one page.
fn mount_org(s: &Servers, owner: &str, repos: &[&Repo]) {
    let listing: Vec<serde_json::Value> = repos.iter().map(|r| r.json()).collect();
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path(format!("/orgs/{owner}/repos")))
            .respond_with(Etagged::json(&serde_json::Value::Array(listing))),
    );
}

/// An organisation of three products and its `.github`, where the rate limit runs out on the
/// second product's history: the second and third rows cannot be read completely.
fn org_with_rate_limit_mid_scan(s: &Servers) {
    let names = ["a-first", "b-second", "c-third"];
    let repos: Vec<Repo> = names
        .iter()
        .map(|name| Repo {
            name,
            ..good_repo()
        })
        .collect();
    let dot_github = Repo {
        name: ".github",
        files: vec![(
            "SECURITY.md".into(),
            "# Security\n\nsikkerhed@os2.eu\n".into(),
        )],
        links: vec![],
        ..good_repo()
    };
    for repo in repos.iter().chain([&dot_github]) {
        mount_repo(s, repo);
    }
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path("/repos/OS2mo/b-second/commits"))
            .respond_with(rate_limited())
            .with_priority(1),
    );
    let mut listed: Vec<&Repo> = repos.iter().collect();
    listed.push(&dot_github);
    mount_org(s, "OS2mo", &listed);
}

#[test]
fn organisation_rows_read_incompletely_are_marked_in_every_format() {
    let s = servers();
    org_with_rate_limit_mid_scan(&s);
    let mut options = s.options(None);
    // One at a time, in name order: the limit runs out in the middle.
    options.concurrency = 1;
    let scan = app::scan_organisation("OS2mo", &options, &english(), 3).expect("org");
    let rows = &scan.portfolio.rows;
    let names: Vec<&str> = rows.iter().map(|r| r.repository.as_str()).collect();
    assert_eq!(
        names,
        ["OS2mo/a-first", "OS2mo/b-second", "OS2mo/c-third"],
        "OWNER/.github is no product"
    );
    assert_eq!(rows[0].incomplete, None, "{:?}", rows[0]);
    for row in &rows[1..] {
        let reason = row.incomplete.as_deref().expect("incomplete");
        assert!(reason.contains("rate limit"), "{reason}");
        assert!(reason.contains("2026-11-27 01:00 UTC"), "{reason}");
    }
    let summary = scan.portfolio.summary();
    assert_eq!(summary.incomplete, 2);
    assert_eq!(
        summary.mean_score, rows[0].score,
        "incomplete rows are not in the mean"
    );

    let text = os2gov::render::portfolio::render_text(&scan.portfolio, os2gov::Lang::En);
    let line = |name: &str| {
        text.lines()
            .find(|l| l.starts_with(name))
            .unwrap_or_default()
            .to_string()
    };
    assert!(!line("OS2mo/a-first").contains("incomplete"), "{text}");
    for name in ["OS2mo/b-second", "OS2mo/c-third"] {
        assert!(line(name).contains("incomplete: "), "{text}");
        assert!(line(name).contains('?'), "the score is marked: {text}");
    }
    assert!(text.contains("2 incomplete"), "{text}");
    let da = os2gov::render::portfolio::render_markdown(&scan.portfolio, os2gov::Lang::Da);
    assert_eq!(da.matches("ufuldstændig: ").count(), 2, "{da}");
    let json: serde_json::Value =
        serde_json::from_str(&os2gov::render::portfolio::render_json(&scan.portfolio))
            .expect("json");
    let repos = json["repositories"].as_array().expect("rows");
    assert!(repos[0]["incomplete"].is_null(), "{}", repos[0]);
    assert!(repos[1]["incomplete"].is_string(), "{}", repos[1]);
    assert_eq!(json["summary"]["incomplete"], 2);
    // Not read as a product either: no history, no tree.
    let api_paths = s.paths(&s.api);
    assert!(
        !api_paths
            .iter()
            .any(|p| p.starts_with("/repos/OS2mo/.github/")),
        "{api_paths:?}"
    );
}

#[test]
fn cli_org_exits_3_and_says_how_many_rows_are_incomplete() {
    let s = servers();
    org_with_rate_limit_mid_scan(&s);
    for format in ["text", "json", "markdown"] {
        let out = cli(
            &s,
            &[
                "org",
                "OS2mo",
                "--format",
                format,
                "--lang",
                "en",
                "--concurrency",
                "1",
            ],
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{format}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.contains("2 of 3 rows are incomplete") && stderr.contains("rate limit"),
            "{stderr}"
        );
        assert!(!out.stdout.is_empty(), "the table is still written");
    }
}

/// `repo` mounted, with its tree answering `status`.
fn mount_with_broken_tree(s: &Servers, repo: &Repo, status: u16) {
    mount_repo(s, repo);
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path(format!(
                "/repos/{}/{}/git/trees/{}",
                repo.owner,
                repo.name,
                repo.tree_sha()
            )))
            .respond_with(
                ResponseTemplate::new(status)
                    .set_body_json(serde_json::json!({"message": "Server Error"})),
            )
            .with_priority(1),
    );
}

#[test]
fn a_failed_tree_gives_unknown_with_a_rerun_fix_never_a_fix_to_write_content() {
    let s = servers();
    let repo = good_repo();
    mount_with_broken_tree(&s, &repo, 502);
    let (report, _) = check(&repo, &s.options(None));
    let affected: Vec<&os2gov::engine::report::Finding> = report
        .requirements
        .iter()
        .filter(|f| f.message.contains("502"))
        .collect();
    assert!(affected.len() >= 20, "{}", affected.len());
    for f in &affected {
        assert_eq!(f.verdict, Verdict::Unknown, "{}: {}", f.id, f.message);
        assert!(
            f.fix.starts_with("Run the check again"),
            "{}: the fix must not ask to write what may be there: {}",
            f.id,
            f.fix
        );
    }
    // The renderers print that fix, and no "add a section" for what could not be read.
    let text = os2gov::render::text(&report, false);
    let f7 = report.finding("F7").expect("F7");
    assert_eq!(f7.verdict, Verdict::Unknown);
    assert!(!text.contains(&rule_fix("F7")), "{text}");
    assert!(text.contains("Run the check again"), "{text}");
    // Requirements decided by metadata still are.
    assert_eq!(verdict(&report, "F6"), Verdict::Met);
}

/// The fix a requirement's own declaration gives (English).
fn rule_fix(id: &str) -> String {
    os2gov::rules::find(id).expect("rule").fix.en.to_string()
}

#[test]
fn cli_tells_an_unreadable_repository_from_one_below_the_level() {
    let s = servers();
    for (name, status, needle) in [
        ("gateway", 502u16, "502 Bad Gateway"),
        ("unavailable", 503, "503 Service Unavailable"),
    ] {
        let repo = Repo {
            name,
            ..good_repo()
        };
        mount_with_broken_tree(&s, &repo, status);
        let slug = format!("github:OS2mo/{name}");
        let out = cli(
            &s,
            &[
                "check", &slug, "--lang", "en", "--level", "1", "--format", "json",
            ],
        );
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(3), "{name}: {stderr}");
        assert_eq!(stderr.lines().count(), 1, "{stderr}");
        assert!(
            stderr.starts_with("os2gov: incomplete: ") && stderr.contains(needle),
            "{stderr}"
        );
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(stdout.contains(needle), "the report says it too: {stdout}");
        // Machine-readable: the JSON report carries why it is incomplete.
        let report: serde_json::Value = serde_json::from_str(&stdout).expect("JSON report");
        let why = report["incomplete"].as_str().expect("incomplete is set");
        assert!(why.contains(needle), "{why}");
        // Text and Markdown say so in their headline, not "failed".
        for (format, headline) in [
            ("text", "os2gov: INCOMPLETE: not everything could be read"),
            (
                "markdown",
                "## os2gov: ⚠️ INCOMPLETE: not everything could be read",
            ),
        ] {
            let out = cli(
                &s,
                &[
                    "check", &slug, "--lang", "en", "--level", "1", "--format", format, "--color",
                    "never",
                ],
            );
            let stdout = String::from_utf8_lossy(&out.stdout);
            assert!(stdout.starts_with(headline), "{format}: {stdout}");
            assert!(!stdout.contains("FAILED"), "{format}: {stdout}");
        }
    }
    // A 401 on the repository itself: nothing could be read.
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path("/repos/OS2mo/locked"))
            .respond_with(
                ResponseTemplate::new(401)
                    .set_body_json(serde_json::json!({"message": "Bad credentials"})),
            ),
    );
    let out = cli(&s, &["check", "github:OS2mo/locked", "--lang", "da"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(
        stderr.contains("401") && stderr.contains("krav er ukendte"),
        "{stderr}"
    );

    // The same repository read completely and below the level: 1, nothing on stderr.
    let repo = good_repo();
    mount_repo(&s, &repo);
    let out = cli(&s, &["check", "github:OS2mo/os2mo", "--level", "3"]);
    assert_eq!(out.status.code(), Some(1));
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let out = cli(
        &s,
        &[
            "check",
            "github:OS2mo/os2mo",
            "--level",
            "3",
            "--format",
            "json",
        ],
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON report");
    assert!(report.get("incomplete").is_none(), "complete: no flag");
}

#[test]
fn f11_is_not_met_on_metadata_when_the_files_naming_its_tracker_were_not_read() {
    let s = servers();
    // Complete, the README's private Jira decides F11: not met.
    let repo = Repo {
        name: "private-jira",
        files: vec![("README.md".into(), README_WITH_JIRA.into())],
        ..good_repo()
    };
    mount_repo(&s, &repo);
    mount_jira_cloud(&s, "OS2MO", false);
    let (report, _) = check(&repo, &s.options(None));
    assert_eq!(
        verdict(&report, "F11"),
        Verdict::NotMet,
        "{}",
        message(&report, "F11")
    );
    // Without the tree, GitHub Issues and the commits alone must not make it met.
    let broken = Repo {
        name: "private-jira-broken",
        ..repo
    };
    mount_with_broken_tree(&s, &broken, 500);
    let (report, _) = check(&broken, &s.options(None));
    assert_eq!(
        verdict(&report, "F11"),
        Verdict::Unknown,
        "{}",
        message(&report, "F11")
    );
    assert!(
        message(&report, "F11").contains("500"),
        "{}",
        message(&report, "F11")
    );
}

/// A local repository whose history has merges: 60 rounds of a feature commit on a side branch,
/// a fix on main and the merge of the two; every other feature names an issue. Its last 100
/// commits hold 34 merges, so a page of 100 gives 66 non-merge commits, not 100.
fn merge_heavy_repo() -> common::Fixture {
    let fixture = common::repo_with(&[("README.md", common::Entry::Text(README))], 400);
    add_merge_rounds(&fixture.repo);
    fixture
}

fn add_merge_rounds(repo: &git2::Repository) {
    let sig = |t: i64| git2::Signature::new("Dev", "dev@example.org", &git2::Time::new(t, 0));
    let tree = repo.head().expect("head").peel_to_tree().expect("tree");
    let mut time = NOW - 300 * DAY;
    for round in 0..60 {
        let main = repo.head().expect("head").peel_to_commit().expect("main");
        let feature_message = if round % 2 == 0 {
            format!("Feature {round} (#{round})")
        } else {
            format!("Feature {round}")
        };
        time += 600;
        let feature = repo
            .commit(
                None,
                &sig(time).expect("sig"),
                &sig(time).expect("sig"),
                &feature_message,
                &tree,
                &[&main],
            )
            .expect("feature");
        let feature = repo.find_commit(feature).expect("feature");
        time += 600;
        let fix = repo
            .commit(
                Some("HEAD"),
                &sig(time).expect("sig"),
                &sig(time).expect("sig"),
                &format!("Fix {round}"),
                &tree,
                &[&main],
            )
            .expect("fix");
        let fix = repo.find_commit(fix).expect("fix");
        time += 600;
        repo.commit(
            Some("HEAD"),
            &sig(time).expect("sig"),
            &sig(time).expect("sig"),
            &format!("Merge pull request #{round} from dev/feature-{round}"),
            &tree,
            &[&fix, &feature],
        )
        .expect("merge");
    }
}

/// A commit as `git log` prints it: id, parents, committer time, message.
type Logged = (String, Vec<String>, i64, String);

/// The repository's commits as `git log` lists them (the order GitHub's commit list and
/// GraphQL history use), newest first.
fn git_log(dir: &Path) -> Vec<Logged> {
    let out = std::process::Command::new("git")
        .args(["log", "--format=%H%x00%P%x00%ct%x00%B%x1e"])
        .current_dir(dir)
        .output()
        .expect("git log");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout)
        .split('\u{1e}')
        .filter(|r| !r.trim().is_empty())
        .map(|record| {
            let mut parts = record.trim_start_matches('\n').splitn(4, '\0');
            let id = parts.next().unwrap_or_default().to_string();
            let parents = parts
                .next()
                .unwrap_or_default()
                .split_whitespace()
                .map(str::to_string)
                .collect();
            let time = parts.next().unwrap_or_default().parse().expect("time");
            let message = parts.next().unwrap_or_default().trim_end().to_string();
            (id, parents, time, message)
        })
        .collect()
}

/// Mounts the local repository as GitHub would serve it: the repository (with `meta`), its
/// commits as REST pages of 100 (page `fail_page` answering 502) and as GraphQL history pages,
/// the tree of its head and its files.
fn mount_local_as_github(s: &Servers, dir: &Path, meta: &Repo, fail_page: Option<usize>) {
    let log = git_log(dir);
    let head = log[0].0.clone();
    let base = format!("/repos/{}/{}", meta.owner, meta.name);
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path(base.clone()))
            .respond_with(Etagged::json(&meta.json())),
    );
    let date = |t: i64| {
        chrono::DateTime::from_timestamp(t, 0)
            .expect("time")
            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
    };
    let api = s.api.uri();
    let pages: Vec<&[Logged]> = log.chunks(100).collect();
    for (i, page) in pages.iter().enumerate() {
        let commits: Vec<serde_json::Value> = page
            .iter()
            .map(|(id, parents, time, message)| {
                serde_json::json!({
                    "sha": id,
                    "commit": {
                        "author": {"name": "Dev", "date": date(*time)},
                        "committer": {"name": "Dev", "date": date(*time)},
                        "message": message,
                        "tree": {"sha": if *id == head { meta.tree_sha() } else { oid(id) }},
                    },
                    "parents": parents.iter().map(|p| serde_json::json!({"sha": p})).collect::<Vec<_>>(),
                })
            })
            .collect();
        let mut answer = Etagged::json(&serde_json::Value::Array(commits));
        if i + 1 < pages.len() {
            answer = answer.header(
                "link",
                &format!(
                    "<{api}{base}/commits?sha=main&per_page=100&page={}>; rel=\"next\"",
                    i + 2
                ),
            );
        }
        let mock = Mock::given(method("GET")).and(path(format!("{base}/commits")));
        let mock = if i == 0 {
            mock.respond_with(answer).with_priority(5)
        } else if fail_page == Some(i + 1) {
            mock.and(query_param("page", (i + 1).to_string()))
                .respond_with(ResponseTemplate::new(502))
                .with_priority(1)
        } else {
            mock.and(query_param("page", (i + 1).to_string()))
                .respond_with(answer)
                .with_priority(1)
        };
        s.on(&s.api, mock);
    }
    // GraphQL: the first query brings the first 100 and the refs; a page query the next 100
    // after the cursor (the index of the last commit given).
    struct History {
        log: Vec<Logged>,
        tree: String,
    }
    impl Respond for History {
        fn respond(&self, request: &Request) -> ResponseTemplate {
            let body: serde_json::Value = serde_json::from_slice(&request.body).expect("json");
            let from: usize = body["variables"]["after"]
                .as_str()
                .map_or(0, |c| c.parse::<usize>().expect("cursor") + 1);
            let page: Vec<serde_json::Value> = self.log[from.min(self.log.len())..]
                .iter()
                .take(100)
                .map(|(id, parents, time, message)| {
                    serde_json::json!({"oid": id, "message": message,
                        "committedDate": chrono::DateTime::from_timestamp(*time, 0).expect("t")
                            .to_rfc3339_opts(chrono::SecondsFormat::Secs, true),
                        "parents": {"totalCount": parents.len()}})
                })
                .collect();
            let end = from + page.len();
            let history = serde_json::json!({
                "pageInfo": {"hasNextPage": end < self.log.len(), "endCursor": (end - 1).to_string()},
                "nodes": page,
            });
            let object = if from == 0 {
                serde_json::json!({"oid": self.log[0].0, "committedDate": "2026-11-01T00:00:00Z",
                    "tree": {"oid": self.tree}, "history": history})
            } else {
                serde_json::json!({"history": history})
            };
            ResponseTemplate::new(200).set_body_json(serde_json::json!({"data": {"repository": {
                "object": object,
                "refs": {"totalCount": 1, "nodes": [{"name": "main",
                    "target": {"committedDate": "2026-11-01T00:00:00Z"},
                    "compare": {"aheadBy": 0, "behindBy": 0}}]}
            }}}))
        }
    }
    s.on(
        &s.api,
        Mock::given(method("POST"))
            .and(path("/graphql"))
            .respond_with(History {
                log: log.clone(),
                tree: meta.tree_sha(),
            }),
    );
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path(format!("{base}/git/trees/{}", meta.tree_sha())))
            .respond_with(Etagged::json(&meta.tree_json())),
    );
    for (file, text) in &meta.files {
        s.on(
            &s.raw,
            Mock::given(method("GET"))
                .and(path(format!("/{}/{}/{head}/{file}", meta.owner, meta.name)))
                .respond_with(ResponseTemplate::new(200).set_body_string(text.clone())),
        );
    }
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path(format!("{base}/issues")))
            .respond_with(Etagged::json(&serde_json::json!([]))),
    );
}

#[test]
fn local_and_remote_scans_read_the_same_100_non_merge_commits() {
    let fixture = merge_heavy_repo();
    fixture.set_origin("https://github.com/OS2mo/os2mo.git");
    let s = servers();
    let meta = Repo {
        files: vec![("README.md".into(), README.into())],
        links: vec![],
        ..good_repo()
    };
    mount_local_as_github(&s, fixture.path(), &meta, None);

    let snapshot = os2gov::adapters::git::open_snapshot(fixture.path(), None, NOW).expect("local");
    let local_ids: Vec<String> = snapshot
        .history
        .as_ref()
        .expect("history")
        .recent_commits
        .iter()
        .map(|c| c.id.clone())
        .collect();
    assert_eq!(local_ids.len(), 100);
    let (local, _) = app::check_local(snapshot, &s.options(None), &english()).expect("local");
    let f11 = local.finding("F11").expect("F11").clone();
    assert!(
        f11.message.contains("of the last 100 commits"),
        "{}",
        f11.message
    );

    for token in [None, Secret::new(TOKEN)] {
        let graphql = token.is_some();
        let mut options = s.options(None);
        options.token = token;
        let (report, scan) = check(&meta, &options);
        let ids: Vec<String> = scan
            .snapshot
            .history
            .as_ref()
            .expect("history")
            .recent_commits
            .iter()
            .map(|c| c.id.clone())
            .collect();
        assert_eq!(ids, local_ids, "graphql: {graphql}");
        let remote_f11 = report.finding("F11").expect("F11");
        assert_eq!(
            (remote_f11.verdict, &remote_f11.message),
            (f11.verdict, &f11.message),
            "graphql: {graphql}"
        );
        assert_eq!(scan.snapshot.stats.commits_walked, 150, "{graphql}");
        assert!(
            scan.snapshot.unread.is_empty(),
            "{:?}",
            scan.snapshot.unread
        );
    }
}

#[test]
fn a_history_cut_short_says_why_locally_and_remotely() {
    // Remote: the second page of commits fails.
    let fixture = merge_heavy_repo();
    let s = servers();
    let meta = Repo {
        files: vec![("README.md".into(), README.into())],
        links: vec![],
        ..good_repo()
    };
    mount_local_as_github(&s, fixture.path(), &meta, Some(2));
    let (report, scan) = check(&meta, &s.options(None));
    let why = scan
        .snapshot
        .unread
        .history
        .as_ref()
        .expect("cut short")
        .en
        .clone();
    assert!(
        why.contains("Only 66 of the last 100 non-merge commits") && why.contains("502"),
        "{why}"
    );
    let f11 = report.finding("F11").expect("F11");
    assert_eq!(f11.verdict, Verdict::Unknown, "{}", f11.message);
    assert!(f11.message.contains("502"), "{}", f11.message);

    // Local: a shallow clone of 10 commits.
    let clone = tempfile::tempdir().expect("clone");
    let out = std::process::Command::new("git")
        .args(["clone", "--quiet", "--depth", "10"])
        .arg(format!("file://{}", fixture.path().display()))
        .arg(clone.path().join("shallow"))
        .output()
        .expect("git clone");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let snapshot = os2gov::adapters::git::open_snapshot(&clone.path().join("shallow"), None, NOW)
        .expect("open");
    let why = snapshot
        .unread
        .history
        .as_ref()
        .expect("shallow")
        .en
        .clone();
    assert!(why.contains("shallow"), "{why}");
    let report = engine::check(&snapshot, &english()).expect("check");
    let f11 = report.finding("F11").expect("F11");
    assert_eq!(f11.verdict, Verdict::Unknown, "{}", f11.message);
    assert!(f11.message.contains("shallow"), "{}", f11.message);
    // A full clone with a short history is complete.
    let short = common::repo_with(&[("README.md", common::Entry::Text(README))], 3);
    let snapshot = os2gov::adapters::git::open_snapshot(short.path(), None, NOW).expect("open");
    assert!(snapshot.unread.is_empty(), "{:?}", snapshot.unread);
}

#[test]
fn a_download_cut_short_is_a_failed_download_not_the_file() {
    let s = servers();
    let full = "# Produkt\n\nProduktet hjælper kommunerne med at registrere organisationen ét sted.\n\n## Installation\n\nKør `make install`.\n";
    let repo = Repo {
        name: "cut-short",
        files: vec![("README.md".into(), full.into())],
        links: vec![],
        ..good_repo()
    };
    mount_repo(&s, &repo);
    // 200, and half the body.
    let half = &full.as_bytes()[..full.len() / 2];
    s.on(
        &s.raw,
        Mock::given(method("GET"))
            .and(path(format!(
                "/OS2mo/cut-short/{}/README.md",
                repo.commit_sha()
            )))
            .respond_with(ResponseTemplate::new(200).set_body_raw(half.to_vec(), "text/plain"))
            .with_priority(1),
    );
    let cache = tempfile::tempdir().expect("cache");
    let (report, scan) = check(&repo, &s.options(Some(cache.path())));
    assert_eq!(
        scan.snapshot.text("README.md"),
        None,
        "half a file is not the file"
    );
    let reason = scan
        .snapshot
        .unread
        .files
        .get("README.md")
        .expect("unread")
        .en
        .clone();
    assert!(reason.contains("cut short"), "{reason}");
    for id in ["F5", "F7"] {
        assert_eq!(
            verdict(&report, id),
            Verdict::Unknown,
            "{id}: {}",
            message(&report, id)
        );
        assert!(
            message(&report, id).contains("README.md"),
            "{}",
            message(&report, id)
        );
    }
    // Nor is it kept: the next run asks again and, answered in full, reads it.
    s.reset();
    mount_repo(&s, &repo);
    let (report, scan) = check(&repo, &s.options(Some(cache.path())));
    assert_eq!(scan.snapshot.text("README.md"), Some(full));
    assert!(
        scan.snapshot.unread.is_empty(),
        "{:?}",
        scan.snapshot.unread
    );
    assert_ne!(verdict(&report, "F5"), Verdict::Unknown);

    // Same size, other bytes: the blob id decides.
    let other = full.replace("make", "fake");
    s.on(
        &s.raw,
        Mock::given(method("GET"))
            .and(path(format!(
                "/OS2mo/cut-short/{}/README.md",
                repo.commit_sha()
            )))
            .respond_with(ResponseTemplate::new(200).set_body_string(other))
            .with_priority(1),
    );
    let (_, scan) = check(&repo, &s.options(None));
    let reason = scan
        .snapshot
        .unread
        .files
        .get("README.md")
        .expect("unread")
        .en
        .clone();
    assert!(reason.contains("does not match its blob id"), "{reason}");
}

/// Every file under `dir`.
fn files_under(dir: &Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(dir).expect("read_dir").flatten() {
        let path = entry.path();
        if path.is_dir() {
            out.extend(files_under(&path));
        } else {
            out.push(path);
        }
    }
    out
}

#[test]
fn damaged_cache_entries_are_not_trusted() {
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    let cache = tempfile::tempdir().expect("cache");
    let options = s.options(Some(cache.path()));
    let (cold, _) = check(&repo, &options);
    for damage in ["empty", "half"] {
        for file in files_under(cache.path()) {
            let bytes = std::fs::read(&file).expect("read");
            let damaged = match damage {
                "empty" => Vec::new(),
                _ => bytes[..bytes.len() / 2].to_vec(),
            };
            std::fs::write(&file, damaged).expect("damage");
        }
        let (warm, scan) = check(&repo, &options);
        assert_eq!(cold.requirements, warm.requirements, "{damage}");
        assert!(
            scan.snapshot.unread.is_empty(),
            "{damage}: {:?}",
            scan.snapshot.unread
        );
        assert_eq!(scan.stats.cache_hits, 0, "{damage}: {:?}", scan.stats);
        assert_eq!(
            scan.stats.not_modified, 0,
            "{damage}: nothing sent back from a bad entry"
        );
    }
}

#[cfg(unix)]
#[test]
fn cache_files_are_the_users_alone() {
    use std::os::unix::fs::PermissionsExt;
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    let parent = tempfile::tempdir().expect("parent");
    let cache = parent.path().join("os2gov");
    check(&repo, &s.options(Some(&cache)));
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    for dir in [cache.clone(), cache.join("http"), cache.join("objects")] {
        assert_eq!(mode(&dir), 0o700, "{}", dir.display());
    }
    let files = files_under(&cache);
    assert!(files.len() >= 4, "{files:?}");
    for file in files {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
}

#[test]
fn an_unusable_cache_folder_means_running_without_a_cache() {
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    // A file where the folder should be: no one can make it a folder, not even root.
    let parent = tempfile::tempdir().expect("parent");
    let blocked = parent.path().join("cache");
    std::fs::write(&blocked, "not a folder").expect("file");
    let (report, scan) = check(&repo, &s.options(Some(&blocked)));
    assert_eq!(verdict(&report, "F2"), Verdict::Met);
    assert!(
        scan.warnings
            .iter()
            .any(|w| w.en.contains("running without a cache")),
        "{:?}",
        scan.warnings
    );
    // The command line: a note on stderr, the usual exit code, never 2.
    let mut cmd = common::os2gov();
    cmd.env_remove("OS2GOV_OFFLINE")
        .env_remove("GITHUB_TOKEN")
        .env("OS2GOV_CACHE_DIR", &blocked)
        .args([
            "check",
            "github:OS2mo/os2mo",
            "--lang",
            "en",
            "--github-api-url",
            &s.api.uri(),
            "--github-raw-url",
            &s.raw.uri(),
            "--jira-url",
            &s.jira.uri(),
        ]);
    let out = cmd.output().expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{stderr}");
    assert!(stderr.contains("os2gov: note: the cache"), "{stderr}");
    assert!(!out.stdout.is_empty());
}

#[test]
fn a_failed_config_download_names_the_http_error() {
    let s = servers();
    let repo = with_config(
        Repo {
            name: "config-502",
            ..good_repo()
        },
        &s,
    );
    mount_repo(&s, &repo);
    s.on(
        &s.raw,
        Mock::given(method("GET"))
            .and(path(format!(
                "/OS2mo/config-502/{}/os2gov.toml",
                repo.commit_sha()
            )))
            .respond_with(ResponseTemplate::new(502))
            .with_priority(1),
    );
    let err = app::check_remote(&target(&repo), &s.options(None), &english())
        .expect_err("the config decides the level and the exceptions");
    assert!(
        err.to_string().contains("os2gov.toml could not be read")
            && err.to_string().contains("502 Bad Gateway"),
        "{err}"
    );
    let out = cli(&s, &["check", "github:OS2mo/config-502"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("502 Bad Gateway"), "{stderr}");
}

#[test]
fn failed_organisation_defaults_and_open_items_are_unknown_not_missing() {
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    s.on(
        &s.raw,
        Mock::given(method("GET"))
            .and(path("/OS2mo/.github/HEAD/.github/SECURITY.md"))
            .respond_with(ResponseTemplate::new(502))
            .with_priority(1),
    );
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path("/repos/OS2mo/os2mo/issues"))
            .respond_with(ResponseTemplate::new(500))
            .with_priority(1),
    );
    let (report, scan) = check(&repo, &s.options(None));
    assert!(scan
        .snapshot
        .unread
        .files
        .contains_key(".github/SECURITY.md"));
    let f4 = report.finding("F4").expect("F4");
    assert_eq!(f4.verdict, Verdict::Unknown, "{}", f4.message);
    assert!(f4.message.contains("502"), "{}", f4.message);
    let p9 = report.finding("P9").expect("P9");
    assert_eq!(p9.verdict, Verdict::Unknown, "{}", p9.message);
    assert!(p9.fix.starts_with("Run the check again"), "{}", p9.fix);
}
