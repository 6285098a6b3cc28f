//! One repository end to end: the happy path, the request budget and the cache, and a local
//! repository that takes its metadata from its GitHub origin.

use super::*;

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
