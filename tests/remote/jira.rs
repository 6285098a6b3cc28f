//! Jira: Cloud and Data Center, the project and issue look-ups, tokens.

use super::*;

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
