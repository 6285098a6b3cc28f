//! The sticky pull-request comment against a local server standing in for GitHub's REST API.

use super::*;

#[tokio::test(flavor = "multi_thread")]
async fn pull_request_comment_created_then_updated_then_refused() {
    let (fixture, base, head) = pull_request_repo();
    let server = MockServer::start().await;
    let comments = format!("/repos/{REPO}/issues/7/comments");

    // 1. No comment yet: the action creates one, authenticated with the token.
    Mock::given(method("GET"))
        .and(path(comments.as_str()))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!([comment_json(11, "an unrelated comment")])),
        )
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(comments.as_str()))
        .and(body_string_contains("os2gov-report"))
        .respond_with(
            ResponseTemplate::new(201).set_body_json(comment_json(42, "<!-- os2gov-report -->")),
        )
        .expect(1)
        .mount(&server)
        .await;
    let pr_event = event(7, &base, &head, REPO);
    let first = tokio::task::block_in_place(|| {
        run_action(fixture.path(), &server.uri(), Some(&pr_event), &[])
    });
    assert_eq!(
        first.output.status.code(),
        Some(1),
        "below level by default: {}",
        first.stdout
    );
    assert!(
        first.stdout.contains("comment created on #7"),
        "{}",
        first.stdout
    );

    // Outputs, summary with the delta, annotations, SARIF.
    for key in [
        "score",
        "required-level",
        "achieved-level",
        "passed",
        "report-json",
        "sarif",
    ] {
        assert!(
            first.outputs.contains_key(key),
            "output {key} missing: {:?}",
            first.outputs
        );
    }
    assert_eq!(first.outputs["passed"], "false");
    assert_eq!(first.outputs["required-level"], "sandkasse");
    assert!(first.summary.contains("<!-- os2gov-report -->"));
    assert!(
        first.summary.contains("No longer compliant") && first.summary.contains("**F4**"),
        "{}",
        first.summary
    );
    assert!(
        first.summary.contains("Now compliant") && first.summary.contains("**P1**"),
        "{}",
        first.summary
    );
    assert!(
        first
            .stdout
            .lines()
            .any(|l| l.starts_with("::error title=os2gov::")),
        "{}",
        first.stdout
    );
    assert!(
        first
            .stdout
            .lines()
            .any(|l| l.starts_with("::") && l.contains("file=README.md")),
        "annotation located in a file: {}",
        first.stdout
    );
    let sarif: Value = serde_json::from_str(
        &std::fs::read_to_string(&first.outputs["sarif"]).expect("sarif file"),
    )
    .expect("sarif json");
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF invalid: {errors:?}");
    let rules = &sarif["runs"][0]["tool"]["driver"]["rules"];
    assert_eq!(rules.as_array().map(Vec::len), Some(56));
    assert!(rules[0]["helpUri"]
        .as_str()
        .is_some_and(|u| u.ends_with("#r1")));
    assert!(rules[0]["help"]["text"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    let report: Value = serde_json::from_str(
        &std::fs::read_to_string(&first.outputs["report-json"]).expect("json"),
    )
    .expect("json");
    assert_eq!(report["schema_version"], 1);
    assert!(!first.everything().contains(TOKEN), "the token leaked");
    server.verify().await;
    server.reset().await;

    // 2. Our comment exists (found by its hidden marker on page 2): it is updated in place.
    let next = format!("{}{comments}?page=2", server.uri());
    Mock::given(method("GET"))
        .and(path(comments.as_str()))
        .and(wiremock::matchers::query_param("page", "2"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!([comment_json(
                42,
                "<!-- os2gov-report -->\nold report"
            )])),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(comments.as_str()))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("link", format!("<{next}>; rel=\"next\"").as_str())
                .set_body_json(json!([comment_json(11, "hello")])),
        )
        .expect(1)
        .mount(&server)
        .await;
    // GitHub documents PATCH and also accepts POST for it (octocrab sends POST).
    Mock::given(path(format!("/repos/{REPO}/issues/comments/42").as_str()))
        .and(body_string_contains("os2gov-report"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(comment_json(42, "<!-- os2gov-report -->")),
        )
        .expect(1)
        .mount(&server)
        .await;
    let second = tokio::task::block_in_place(|| {
        run_action(
            fixture.path(),
            &server.uri(),
            Some(&pr_event),
            &[("INPUT_FAIL_ON", "regression")],
        )
    });
    if !second.stdout.contains("comment updated on #7") {
        let received = server.received_requests().await.unwrap_or_default();
        let seen: Vec<String> = received
            .iter()
            .map(|r| format!("{} {}", r.method, r.url))
            .collect();
        panic!("{}\nrequests: {seen:?}", second.stdout);
    }
    assert_eq!(
        second.output.status.code(),
        Some(1),
        "the pull request lowers compliance (F4)"
    );
    server.verify().await;
    server.reset().await;

    // 3. A fork's pull request: the token may not write. The step degrades to the summary.
    Mock::given(method("GET"))
        .and(path(comments.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    Mock::given(method("POST")).and(path(comments.as_str()))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({"message": "Resource not accessible by integration", "documentation_url": "https://docs.github.com/rest/issues/comments#create-an-issue-comment", "status": "403"})))
        .expect(1)
        .mount(&server)
        .await;
    let fork_event = event(7, &base, &head, "contributor/demo");
    let third = tokio::task::block_in_place(|| {
        run_action(
            fixture.path(),
            &server.uri(),
            Some(&fork_event),
            &[("INPUT_FAIL_ON", "never")],
        )
    });
    assert_eq!(
        third.output.status.code(),
        Some(0),
        "an API failure never fails the step: {}",
        third.stdout
    );
    let notice = third
        .stdout
        .lines()
        .find(|l| l.starts_with("::notice title=os2gov::"))
        .unwrap_or_default();
    assert!(
        notice.contains("from a fork") && notice.contains("403"),
        "{}",
        third.stdout
    );
    assert!(
        third.summary.contains("os2gov"),
        "the report is still in the summary"
    );
    assert!(!third.everything().contains(TOKEN));
    server.verify().await;
}

/// Issue 9, defect 7: GitHub answered 201 (the comment exists) with a body that does not parse.
/// The step says the comment was posted; the next run finds it by its marker on page 3 and
/// updates it instead of posting a second one, also when the edit's answer is unreadable.
#[tokio::test(flavor = "multi_thread")]
async fn comment_accepted_with_an_unreadable_answer_is_posted_and_updated_next_run() {
    let (fixture, base, head) = pull_request_repo();
    let server = MockServer::start().await;
    let comments = format!("/repos/{REPO}/issues/7/comments");
    let auth = format!("Bearer {TOKEN}");
    let pr_event = event(7, &base, &head, REPO);

    Mock::given(method("GET"))
        .and(path(comments.as_str()))
        .and(header("authorization", auth.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(comments.as_str()))
        .and(header("authorization", auth.as_str()))
        .and(body_string_contains("os2gov-report"))
        .respond_with(
            ResponseTemplate::new(201).set_body_string("{\"id\": 42, \"body\": \"<!-- os2"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let first = tokio::task::block_in_place(|| {
        run_action(
            fixture.path(),
            &server.uri(),
            Some(&pr_event),
            &[("INPUT_FAIL_ON", "never")],
        )
    });
    assert!(
        first.stdout.contains("os2gov: comment created on #7"),
        "{}",
        first.stdout
    );
    assert!(
        !first.stdout.contains("Could not comment"),
        "{}",
        first.stdout
    );
    assert_eq!(first.output.status.code(), Some(0), "{}", first.stdout);
    assert_only_our_commands(&first.stdout);
    server.verify().await;
    server.reset().await;

    // The comment posted above, on the third page, after a person's comment that quotes a
    // report further down (never overwritten). Every page is asked with the token.
    let page = |n: u32| format!("{}{comments}?per_page=100&page={n}", server.uri());
    let quoting = "I disagree with this:\n> <!-- os2gov-report -->\n> F4 not met";
    for (n, items, next) in [
        (2, json!([comment_json(12, quoting)]), Some(page(3))),
        (
            3,
            json!([
                comment_json(13, "lgtm"),
                comment_json(42, "<!-- os2gov-report -->\nold")
            ]),
            None,
        ),
    ] {
        let mut answer = ResponseTemplate::new(200).set_body_json(items);
        if let Some(next) = next {
            answer = answer.insert_header("link", format!("<{next}>; rel=\"next\"").as_str());
        }
        Mock::given(method("GET"))
            .and(path(comments.as_str()))
            .and(wiremock::matchers::query_param(
                "page",
                n.to_string().as_str(),
            ))
            .and(header("authorization", auth.as_str()))
            .respond_with(answer)
            .expect(2)
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path(comments.as_str()))
        .and(header("authorization", auth.as_str()))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("link", format!("<{}>; rel=\"next\"", page(2)).as_str())
                .set_body_json(json!([comment_json(11, "hello")])),
        )
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(comments.as_str()))
        .respond_with(ResponseTemplate::new(201))
        .expect(0)
        .mount(&server)
        .await;
    // First edit: the answer is not JSON. Second: JSON whose link tries to add commands.
    Mock::given(method("PATCH"))
        .and(path(format!("/repos/{REPO}/issues/comments/42").as_str()))
        .and(header("authorization", auth.as_str()))
        .and(body_string_contains("os2gov-report"))
        .respond_with(ResponseTemplate::new(200).set_body_string("<html>oops"))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    let hostile_url = "https://github.com/OS2mo/demo/pull/7#issuecomment-42\n::error::injected ##[stop-commands]tok";
    let mut edited = comment_json(42, "<!-- os2gov-report -->");
    edited["html_url"] = json!(hostile_url);
    Mock::given(method("PATCH"))
        .and(path(format!("/repos/{REPO}/issues/comments/42").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(edited))
        .expect(1)
        .mount(&server)
        .await;
    for expected in [
        "os2gov: comment updated on #7\n".to_string(),
        "os2gov: comment updated on #7: https://github.com/OS2mo/demo/pull/7#issuecomment-42%0A::error::injected ##%5Bstop-commands]tok\n".to_string(),
    ] {
        let run = tokio::task::block_in_place(|| {
            run_action(
                fixture.path(),
                &server.uri(),
                Some(&pr_event),
                &[("INPUT_FAIL_ON", "never")],
            )
        });
        if !run.stdout.contains(&expected) {
            let received = server.received_requests().await.unwrap_or_default();
            let seen: Vec<String> = received
                .iter()
                .map(|r| format!("{} {}", r.method, r.url))
                .collect();
            panic!("{}\nrequests: {seen:?}", run.stdout);
        }
        assert_only_our_commands(&run.stdout);
    }
    server.verify().await;
}

/// A refusal (403 on a branch without write access, 422 on a body GitHub rejects) is a notice
/// naming GitHub's answer, in the report's language; the step goes on.
#[tokio::test(flavor = "multi_thread")]
async fn refused_comment_is_a_notice_with_githubs_answer() {
    let (fixture, base, head) = pull_request_repo();
    let pr_event = event(7, &base, &head, REPO);
    let comments = format!("/repos/{REPO}/issues/7/comments");
    for (status, message, lang, expected) in [
        (
            403,
            "Resource not accessible by integration",
            "en",
            "::notice title=os2gov::Could not comment on the pull request: GitHub answered 403: Resource not accessible by integration. The report is in the step summary.",
        ),
        (
            422,
            "Validation Failed",
            "en",
            "::notice title=os2gov::Could not comment on the pull request: GitHub answered 422: Validation Failed. The report is in the step summary.",
        ),
        (
            422,
            "Validation Failed",
            "da",
            "::notice title=os2gov::Kunne ikke kommentere pull requesten: GitHub svarede 422: Validation Failed. Rapporten står i trinnets opsummering.",
        ),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path(comments.as_str()))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .and(path(comments.as_str()))
            .respond_with(
                ResponseTemplate::new(status).set_body_json(json!({"message": message, "status": status.to_string()})),
            )
            .expect(1)
            .mount(&server)
            .await;
        let run = tokio::task::block_in_place(|| {
            run_action(
                fixture.path(),
                &server.uri(),
                Some(&pr_event),
                &[("INPUT_FAIL_ON", "never"), ("INPUT_LANG", lang)],
            )
        });
        assert_eq!(run.output.status.code(), Some(0), "{}", run.stdout);
        assert!(
            run.stdout.lines().any(|l| l == expected),
            "{status} {lang}: {}",
            run.stdout
        );
        assert!(!run.stdout.contains("comment created"), "{}", run.stdout);
        assert_only_our_commands(&run.stdout);
        server.verify().await;
    }
}
