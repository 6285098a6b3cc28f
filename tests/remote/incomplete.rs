//! Incomplete reads: marked in every format, exit code 3, never scored as gaps.

use super::*;

// ---------------------------------------------------------------------------------------------
// Nothing silent: incomplete reads are marked, told apart by exit code 3, and never scored as
// gaps of the repository (issue 9 defects 4–6, issue 13 "Nothing counts that was not read")

/// 403 with the core limit used up, as GitHub answers when the rate limit runs out.
pub(super) fn rate_limited() -> ResponseTemplate {
    ResponseTemplate::new(403)
        .insert_header("x-ratelimit-limit", "60")
        .insert_header("x-ratelimit-remaining", "0")
        .insert_header("x-ratelimit-reset", (NOW + 3600).to_string().as_str())
        .set_body_json(serde_json::json!({"message": "API rate limit exceeded for 127.0.0.1."}))
}

/// The organisation listing `repos`, on one page.
pub(super) fn mount_org(s: &Servers, owner: &str, repos: &[&Repo]) {
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
pub(super) fn org_with_rate_limit_mid_scan(s: &Servers) {
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
