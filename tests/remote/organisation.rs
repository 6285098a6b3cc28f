//! The organisation: its defaults (community files in `.github`) and the portfolio scan.

use super::*;

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
