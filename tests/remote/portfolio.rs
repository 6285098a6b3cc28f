//! `os2gov evaluate` and `os2gov portfolio` against the local GitHub: organisations as
//! products, one of them rate limited mid-scan, and the budget printed before the scan.

use super::incomplete::{mount_org, org_with_rate_limit_mid_scan};
use super::*;

fn mount_rate_limit(s: &Servers, remaining: u64) {
    s.on(
        &s.api,
        Mock::given(method("GET")).and(path("/rate_limit")).respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({
                "resources": {},
                "rate": {"limit": 60, "remaining": remaining, "reset": NOW + 1800, "used": 60 - remaining}
            })),
        ),
    );
}

fn os2test(s: &Servers) {
    let login = Repo {
        owner: "OS2test",
        name: "login",
        ..good_repo()
    };
    mount_repo(s, &login);
    mount_org(s, "OS2test", &[&login]);
}

#[test]
fn a_portfolio_of_organisations_marks_the_one_read_incompletely_in_every_format() {
    let s = servers();
    org_with_rate_limit_mid_scan(&s);
    os2test(&s);
    mount_rate_limit(&s, 40);
    let started = std::time::Instant::now();
    let out = cli(
        &s,
        &[
            "portfolio",
            "OS2mo",
            "OS2test",
            "--format",
            "json",
            "--lang",
            "en",
        ],
    );
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    // The budget comes first, before anything is scanned.
    let first = stderr.lines().next().unwrap_or("");
    assert!(
        // 4 repositories of 6 requests, OS2mo's .github (read for a governance report, which no
        // repository has) of 4, and a listing per organisation.
        first.contains("Portfolio: 2 organisations, 4 repositories; up to about 30 requests")
            && first.contains("GitHub: 40 of 60 left (resets "),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 of 2 products could not be read completely; the first, OS2mo"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let products = json["products"].as_array().expect("products");
    assert_eq!(products.len(), 2);
    assert_eq!(products[0]["product"], "OS2mo");
    let why = products[0]["incomplete"].as_str().unwrap_or("");
    assert!(why.contains("b-second"), "{why}");
    assert!(products[1].get("incomplete").is_none(), "{}", products[1]);
    let rate_limited = s
        .paths(&s.api)
        .iter()
        .filter(|p| p.as_str() != "/rate_limit")
        .count();
    println!("portfolio of the test server's 2 organisations (4 repositories): {elapsed:?}, {rate_limited} REST requests");

    // The same scan in the other formats says so too.
    for (format, marker) in [
        ("markdown", "OS2mo ⚠"),
        ("csv", "not read completely"),
        ("html", "<tr class=\"incomplete\">"),
    ] {
        let out = cli(
            &s,
            &[
                "portfolio",
                "OS2mo",
                "OS2test",
                "--format",
                format,
                "--lang",
                "en",
            ],
        );
        assert_eq!(out.status.code(), Some(3));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(marker), "{format}: {text}");
    }
}

#[test]
fn an_organisation_evaluated_as_one_product_cites_its_repositories() {
    let s = servers();
    os2test(&s);
    let out = cli(
        &s,
        &[
            "evaluate",
            "github:OS2test",
            "--format",
            "json",
            "--lang",
            "en",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["product"], "OS2test");
    assert_eq!(json["organisation"], "https://github.com/OS2test");
    assert_eq!(json["repositories"], serde_json::json!(["OS2test/login"]));
    let rows = json["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 43);
    let f1 = rows.iter().find(|r| r["id"] == "F1").expect("F1");
    assert_eq!(f1["light"], "green", "{f1}");
    assert!(
        f1["basis"]
            .as_str()
            .unwrap_or("")
            .contains("the main repository OS2test/login"),
        "{f1}"
    );
}

#[test]
fn a_rate_limit_mid_scan_makes_the_products_rows_white_never_red() {
    let s = servers();
    org_with_rate_limit_mid_scan(&s);
    let out = cli(
        &s,
        &[
            "evaluate",
            "github:OS2mo",
            "--format",
            "json",
            "--lang",
            "en",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(json["incomplete"].as_array().is_some_and(|a| !a.is_empty()));
}

const ORG_REPORT: &str = "# Governancerapport for OS2test\n\n| 🔽 | # | Krav | Beskrivelse / Dokumentation | Produktniveau | Retningslinjer |\n| --- | --- | --- | --- | --- | --- |\n| ✅ | G2 | Der koordineres løbende med OS2-sekretariatet | Månedligt møde med sekretariatet | 1 | Bekræft |\n";

/// OS2test with its login and mfa repositories and a `.github` holding `files`.
fn os2test_with_dot_github(s: &Servers, files: Vec<(String, String)>) {
    let login = Repo {
        owner: "OS2test",
        name: "login",
        ..good_repo()
    };
    let mfa = Repo {
        owner: "OS2test",
        name: "mfa",
        commits: vec![("Older work".into(), 90, false)],
        ..good_repo()
    };
    let dot_github = Repo {
        owner: "OS2test",
        name: ".github",
        files,
        links: vec![],
        ..good_repo()
    };
    for repo in [&login, &mfa, &dot_github] {
        mount_repo(s, repo);
    }
    mount_org(s, "OS2test", &[&login, &mfa, &dot_github]);
}

#[test]
fn the_governance_report_in_the_organisations_dot_github_is_applied_once_to_the_product() {
    let s = servers();
    os2test_with_dot_github(
        &s,
        vec![
            ("profile/README.md".into(), "# OS2test\n".into()),
            ("docs/governance-report.md".into(), ORG_REPORT.into()),
        ],
    );
    let out = cli(
        &s,
        &[
            "evaluate",
            "github:OS2test",
            "--format",
            "json",
            "--lang",
            "en",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        json["governance_report"], "OS2test/.github: docs/governance-report.md",
        "{json}"
    );
    // `.github` is where the report lives, no repository of the product.
    assert_eq!(
        json["repositories"],
        serde_json::json!(["OS2test/login", "OS2test/mfa"])
    );
    assert_eq!(json["main_repository"], "OS2test/login");
    assert_eq!(json["main_chosen"], "pushed");
    let g2 = json["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["id"] == "G2"))
        .expect("G2");
    assert_eq!(g2["light"], "yellow", "{g2}");
    assert_eq!(g2["verdict"], "declared", "{g2}");
    // The report was read once, from `.github`'s own files.
    let reads = s
        .paths(&s.raw)
        .iter()
        .filter(|p| p.ends_with("/docs/governance-report.md"))
        .count();
    assert_eq!(reads, 1);
    // What reading `.github` cost is within what the portfolio's budget counts for it.
    let dot_github = s
        .paths(&s.api)
        .iter()
        .filter(|p| p.starts_with("/repos/OS2test/.github"))
        .count();
    assert!(
        (1..=remote::REQUESTS_PER_DOT_GITHUB).contains(&dot_github),
        "{dot_github}: {:?}",
        s.paths(&s.api)
    );

    // In Markdown, the document information names it.
    let out = cli(&s, &["evaluate", "github:OS2test"]);
    assert_eq!(out.status.code(), Some(0));
    let markdown = String::from_utf8_lossy(&out.stdout);
    assert!(
        markdown.contains("> **Governancerapport:** OS2test/.github: docs/governance-report.md"),
        "{markdown}"
    );
    assert!(
        markdown.contains("OS2test/login (hovedrepository, senest opdateret)"),
        "{markdown}"
    );
}

#[test]
fn without_a_report_anywhere_the_product_has_none_and_a_failing_dot_github_is_incomplete() {
    // A `.github` without a report: "Ingen rapport lokaliseret", and the product complete.
    let s = servers();
    os2test_with_dot_github(&s, vec![("profile/README.md".into(), "# OS2test\n".into())]);
    let out = cli(&s, &["evaluate", "github:OS2test", "--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(json.get("governance_report").is_none(), "{json}");
    assert_eq!(json["incomplete"], serde_json::json!([]));

    // A `.github` that answers 500: the report may be there, so the product is incomplete (exit
    // 3) and its declared rows are not decided by a guess.
    let s = servers();
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path("/repos/OS2test/.github"))
            .respond_with(ResponseTemplate::new(500))
            .with_priority(1),
    );
    os2test_with_dot_github(
        &s,
        vec![("docs/governance-report.md".into(), ORG_REPORT.into())],
    );
    let out = cli(&s, &["evaluate", "github:OS2test", "--format", "json"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let incomplete = json["incomplete"].as_array().expect("incomplete");
    assert!(
        incomplete.iter().any(|i| i
            .as_str()
            .is_some_and(|i| i.starts_with("OS2test/.github: "))),
        "{json}"
    );
    let g2 = json["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["id"] == "G2"))
        .expect("G2");
    assert_eq!(g2["light"], "white", "{g2}");
}
