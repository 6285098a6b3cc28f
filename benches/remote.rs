//! Requests and wall time of a remote check (`os2gov check github:OWNER/REPO`) of a repository
//! with 20,000 files, cold and warm cache, against a local server on 127.0.0.1 that answers like
//! GitHub. Not a timed test: it only prints, and only runs when asked:
//!
//! `cargo test --release --bench remote -- --ignored --nocapture` (or `scripts/bench-remote.sh`)
//!
//! Targets: at most 3 rate-limited requests cold for the snapshot and metadata (P9's issue pages
//! apart), none warm.
#![cfg(feature = "remote")]

use os2gov::adapters::remote::{RemoteOptions, RemoteTarget, RequestStats, Secret};
use os2gov::app;
use os2gov::engine;
use std::collections::HashMap;
use std::time::{Duration, Instant};
use wiremock::matchers::{method, path, path_regex};
use wiremock::{Mock, MockServer, Request, Respond, ResponseTemplate};

const FILES: usize = 20_000;
const NOW: i64 = 1_795_737_600;
const OWNER: &str = "OS2mo";
const REPO: &str = "big";
const COMMIT: &str = "c0ffee0000000000000000000000000000000001";
const TREE: &str = "7ree000000000000000000000000000000000001";

fn oid(n: usize) -> String {
    format!("{n:040x}")
}

fn iso(days_ago: i64) -> String {
    chrono::DateTime::from_timestamp(NOW - days_ago * 86_400, 0)
        .expect("time")
        .to_rfc3339_opts(chrono::SecondsFormat::Secs, true)
}

/// 200 with an ETag, 304 when it comes back.
struct Etagged(Vec<u8>, &'static str);

impl Respond for Etagged {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let again = request
            .headers
            .get("if-none-match")
            .and_then(|v| v.to_str().ok())
            == Some(self.1);
        let t = if again {
            ResponseTemplate::new(304)
        } else {
            ResponseTemplate::new(200).set_body_raw(self.0.clone(), "application/json")
        };
        t.insert_header("etag", self.1)
    }
}

/// The raw host: any path of the commit, from a map.
struct Raw(HashMap<String, String>);

impl Respond for Raw {
    fn respond(&self, request: &Request) -> ResponseTemplate {
        let prefix = format!("/{OWNER}/{REPO}/{COMMIT}/");
        match request
            .url
            .path()
            .strip_prefix(&prefix)
            .and_then(|p| self.0.get(p))
        {
            Some(text) => ResponseTemplate::new(200).set_body_string(text.clone()),
            None => ResponseTemplate::new(404),
        }
    }
}

/// 20,000 paths: source folders three deep, plus the files a product repository has.
fn repository() -> (serde_json::Value, HashMap<String, String>) {
    let mut files: Vec<(String, String)> = vec![
        ("README.md".into(), "# Big\n\nA big product for the municipalities of Denmark.\n\n## Kontakt\n\nAnne Andersen, anne@example.org\n".into()),
        ("LICENSE".into(), "SPDX-License-Identifier: MPL-2.0\n".into()),
        ("SECURITY.md".into(), "# Security\n\nWrite to security@example.org.\n".into()),
        ("CONTRIBUTING.md".into(), "# Contributing\n\nWe review pull requests within 5 business days.\n".into()),
        ("publiccode.yml".into(), "publiccodeYmlVersion: \"0.4\"\nname: Big\n".into()),
        (".github/CODEOWNERS".into(), "* @anne @bo\n".into()),
    ];
    for i in 0..20 {
        files.push((
            format!("docs/guide/part-{i}.md"),
            format!("# Part {i}\n\nText.\n"),
        ));
    }
    let mut n = files.len();
    let mut i = 0;
    while n < FILES {
        files.push((
            format!("src/module{}/sub{}/file{i}.rs", i % 50, i % 7),
            String::new(),
        ));
        i += 1;
        n += 1;
    }
    let wanted: HashMap<String, String> = files
        .iter()
        .filter(|(p, _)| os2gov::evidence::wants_content(p))
        .cloned()
        .collect();
    let mut dirs = std::collections::BTreeSet::new();
    let mut entries: Vec<serde_json::Value> = Vec::new();
    for (path, text) in &files {
        let parts: Vec<&str> = path.split('/').collect();
        for d in 1..parts.len() {
            dirs.insert(parts[..d].join("/"));
        }
        // The blob id and size of the text served: os2gov checks downloads against both.
        let sha = git2::Oid::hash_object(git2::ObjectType::Blob, text.as_bytes()).expect("blob id");
        entries.push(
            serde_json::json!({"path": path, "mode": "100644", "type": "blob",
            "sha": sha.to_string(), "size": text.len(), "url": "x"}),
        );
    }
    for (k, dir) in dirs.iter().enumerate() {
        entries.push(
            serde_json::json!({"path": dir, "mode": "040000", "type": "tree",
            "sha": oid(1_000_000 + k), "url": "x"}),
        );
    }
    let tree = serde_json::json!({"sha": TREE, "url": "x", "tree": entries, "truncated": false});
    (tree, wanted)
}

fn mount(rt: &tokio::runtime::Runtime, api: &MockServer, raw: &MockServer) -> usize {
    let (tree, wanted) = repository();
    let repo = serde_json::json!({
        "name": REPO, "full_name": format!("{OWNER}/{REPO}"),
        "owner": {"login": OWNER, "type": "Organization"}, "private": false, "visibility": "public",
        "html_url": format!("https://github.com/{OWNER}/{REPO}"), "fork": false, "archived": false,
        "default_branch": "main", "has_issues": true, "topics": [],
        "license": {"key": "mpl-2.0", "name": "Mozilla Public License 2.0", "spdx_id": "MPL-2.0"},
        "pushed_at": iso(1)
    });
    let commits: Vec<serde_json::Value> = (0..100)
        .map(|i| {
            serde_json::json!({
                "sha": if i == 0 { COMMIT.to_string() } else { oid(5_000_000 + i) },
                "commit": {"message": format!("Change {i} (#{i})"),
                    "author": {"date": iso(i as i64 + 1)}, "committer": {"date": iso(i as i64 + 1)},
                    "tree": {"sha": if i == 0 { TREE.to_string() } else { oid(6_000_000 + i) }}},
                "parents": [{"sha": oid(7_000_000 + i)}]
            })
        })
        .collect();
    let graphql = serde_json::json!({"data": {"repository": {
        "object": {"oid": COMMIT, "committedDate": iso(1), "tree": {"oid": TREE},
            "history": {"nodes": commits.iter().map(|c| serde_json::json!({
                "oid": c["sha"], "committedDate": c["commit"]["committer"]["date"],
                "message": c["commit"]["message"], "parents": {"totalCount": 1}})).collect::<Vec<_>>()}},
        "refs": {"totalCount": 1, "nodes": [{"name": "main", "target": {"committedDate": iso(1)},
            "compare": {"aheadBy": 0, "behindBy": 0}}]}
    }}});
    let json = |v: &serde_json::Value| serde_json::to_vec(v).expect("json");
    rt.block_on(async {
        let base = format!("/repos/{OWNER}/{REPO}");
        Mock::given(method("GET"))
            .and(path(base.clone()))
            .respond_with(Etagged(json(&repo), "\"r1\""))
            .mount(api)
            .await;
        Mock::given(method("GET"))
            .and(path(format!("{base}/commits")))
            .respond_with(Etagged(json(&serde_json::Value::Array(commits)), "\"c1\""))
            .mount(api)
            .await;
        Mock::given(method("GET"))
            .and(path(format!("{base}/git/trees/{TREE}")))
            .respond_with(Etagged(json(&tree), "\"t1\""))
            .mount(api)
            .await;
        Mock::given(method("GET"))
            .and(path(format!("{base}/issues")))
            .respond_with(Etagged(b"[]".to_vec(), "\"i1\""))
            .mount(api)
            .await;
        Mock::given(method("POST"))
            .and(path("/graphql"))
            .respond_with(ResponseTemplate::new(200).set_body_json(graphql))
            .mount(api)
            .await;
        Mock::given(method("GET"))
            .and(path_regex(".*"))
            .respond_with(Raw(wanted.clone()))
            .mount(raw)
            .await;
    });
    wanted.len()
}

fn run(options: &RemoteOptions) -> (Duration, RequestStats, usize) {
    let target = RemoteTarget::parse(&format!("github:{OWNER}/{REPO}")).expect("target");
    let start = Instant::now();
    let (report, scan) =
        app::check_remote(&target, options, &engine::Options::default()).expect("check");
    let elapsed = start.elapsed();
    assert!(!report.requirements.is_empty());
    (elapsed, scan.stats, scan.snapshot.files.len())
}

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

#[test]
#[ignore = "a benchmark: run with --ignored --nocapture"]
fn remote_check_of_20000_files() {
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .enable_all()
        .build()
        .expect("runtime");
    let (api, raw) = rt.block_on(async { (MockServer::start().await, MockServer::start().await) });
    let wanted = mount(&rt, &api, &raw);
    let base = RemoteOptions {
        api_url: api.uri(),
        raw_url: raw.uri(),
        jira_url: None,
        now: NOW,
        ..RemoteOptions::new(NOW)
    };
    println!("remote check of {FILES} paths ({wanted} files the requirements read), local server");
    println!(
        "{:<22} {:>9} {:>6} {:>7} {:>5} {:>5} {:>6} {:>6} {:>10}",
        "run", "wall", "REST", "of P9", "GQL", "raw", "304", "cache", "paths"
    );
    for (label, token) in [
        ("no token", None),
        ("GITHUB_TOKEN set", Secret::new("bench-token")),
    ] {
        let mut cold_times = Vec::new();
        let mut warm_times = Vec::new();
        let (mut cold_stats, mut warm_stats, mut listed) = (None, None, 0);
        for _ in 0..3 {
            let cache = tempfile::tempdir().expect("cache");
            let options = RemoteOptions {
                cache_dir: Some(cache.path().to_path_buf()),
                token: token.clone(),
                ..base.clone()
            };
            let (t, stats, paths) = run(&options);
            cold_times.push(t);
            assert!(stats.snapshot_cost() <= 3, "cold budget: {stats:?}");
            cold_stats = Some(stats);
            listed = paths;
            for _ in 0..3 {
                let (t, stats, _) = run(&options);
                assert_eq!(stats.rate_limited(), 0, "warm: {stats:?}");
                warm_times.push(t);
                warm_stats = Some(stats);
            }
        }
        for (kind, times, stats) in [
            ("cold", cold_times, cold_stats),
            ("warm", warm_times, warm_stats),
        ] {
            let s = stats.expect("stats");
            println!(
                "{:<22} {:>7.1}ms {:>6} {:>7} {:>5} {:>5} {:>6} {:>6} {:>10}",
                format!("{label}, {kind}"),
                median(times).as_secs_f64() * 1000.0,
                s.rest,
                s.items,
                s.graphql,
                s.raw,
                s.not_modified,
                s.cache_hits,
                listed
            );
        }
    }
}
