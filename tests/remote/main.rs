//! Remote checks end to end against local servers on 127.0.0.1 that answer like GitHub's REST
//! and GraphQL APIs, its raw content host, and Jira's REST API (response bodies shaped as their
//! documentation shows). Nothing here reaches the internet.
//!
//! One file per concern; this file holds the servers and the repository they describe.
#![cfg(feature = "remote")]

#[path = "../common/mod.rs"]
mod common;

mod command_line;
mod downloads_and_cache;
mod failures;
mod graphql;
mod history;
mod incomplete;
mod jira;
mod organisation;
mod portfolio;
mod repository;

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

/// `os2gov ARGS` online against the servers, with the test token and no cache.
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

/// The report in every format, for what must (not) appear in any of them.
fn render_all(report: &Report) -> String {
    format!(
        "{}{}{}",
        os2gov::render::json(report),
        os2gov::render::text(report, false),
        os2gov::render::markdown(report)
    )
}
