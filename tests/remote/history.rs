//! History: local and remote scans read the same non-merge commits, and say when cut short.

use super::*;

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
