//! Failures: input errors, refused connections, timeouts, unauthorised, malformed answers,
//! rate limits, truncated trees and the token never shown.

use super::*;

// ---------------------------------------------------------------------------------------------
// Failures: clear messages, unknown verdicts, never met

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
