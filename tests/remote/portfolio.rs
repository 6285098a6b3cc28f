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

/// A repository of `owner` whose os2gov.toml says `config`, pushed `days` ago.
fn repo_with_config(owner: &'static str, name: &'static str, config: &str, days: i64) -> Repo {
    let mut repo = Repo {
        owner,
        name,
        commits: vec![("Work".into(), days, false)],
        ..good_repo()
    };
    if !config.is_empty() {
        repo.files.push(("os2gov.toml".into(), config.into()));
    }
    repo
}

const FAKTOR: &str = "[product]\nname = \"OS2faktor\"\nrepositories = [\"github:OS2other/mfa-client\", \"../elsewhere\"]\nos2eu = \"https://www.os2.eu/os2faktor\"\n";

/// OS2test: login (its [product] OS2faktor takes OS2other/mfa-client) and docs (no [product]);
/// OS2other: mfa-client, web (whose [product] names OS2faktor too) and api (no os2gov.toml).
fn two_organisations_one_product_across(s: &Servers) {
    let login = repo_with_config("OS2test", "login", FAKTOR, 3);
    let docs = repo_with_config("OS2test", "docs", "level = \"1\"\n", 10);
    let mfa = repo_with_config("OS2other", "mfa-client", "", 20);
    let web = repo_with_config("OS2other", "web", "[product]\nname = \"os2faktor\"\n", 30);
    let api = repo_with_config("OS2other", "api", "", 40);
    for repo in [&login, &docs, &mfa, &web, &api] {
        mount_repo(s, repo);
    }
    mount_org(s, "OS2test", &[&login, &docs]);
    mount_org(s, "OS2other", &[&mfa, &web, &api]);
}

#[test]
fn a_remote_sources_product_config_brings_the_whole_product() {
    let s = servers();
    two_organisations_one_product_across(&s);
    let out = cli(
        &s,
        &[
            "evaluate",
            "github:OS2test/login",
            "--format",
            "json",
            "--lang",
            "en",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["product"], "OS2faktor", "{json}");
    assert_eq!(json["site"], "https://www.os2.eu/os2faktor");
    assert_eq!(
        json["repositories"],
        serde_json::json!(["OS2test/login", "OS2other/mfa-client"])
    );
    // A path means nothing in a repository on GitHub: skipped, and said.
    assert!(
        stderr.contains("OS2test/login: os2gov.toml: ../elsewhere in repositories is a path"),
        "{stderr}"
    );
    // Read once, though the product lists it and it is named as a source too.
    let out = cli(
        &s,
        &[
            "evaluate",
            "github:OS2test/login",
            "github:OS2other/mfa-client",
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["repositories"].as_array().map(Vec::len), Some(2));
}

/// The portfolio's rows by product: (name, repositories, organisation).
fn rows_of(json: &serde_json::Value) -> Vec<(String, u64, Option<String>)> {
    json["products"]
        .as_array()
        .expect("products")
        .iter()
        .map(|p| {
            (
                p["product"].as_str().unwrap_or("").to_string(),
                p["repositories"].as_u64().unwrap_or(0),
                p["organisation"].as_str().map(str::to_string),
            )
        })
        .collect()
}

#[test]
fn the_portfolio_forms_products_from_the_repositories_product_configs() {
    let s = servers();
    two_organisations_one_product_across(&s);
    let out = cli(
        &s,
        &[
            "portfolio",
            "OS2test",
            "OS2other",
            "--format",
            "json",
            "--lang",
            "en",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let org = |o: &str| Some(format!("https://github.com/{o}"));
    assert_eq!(
        rows_of(&json),
        [
            // login, the mfa-client it lists from OS2other, and web, which names it too.
            ("OS2faktor".to_string(), 3, None),
            ("OS2other".to_string(), 1, org("OS2other")),
            ("OS2test".to_string(), 1, org("OS2test")),
        ],
        "{json}"
    );
    // Every repository read once.
    let trees = s
        .paths(&s.api)
        .iter()
        .filter(|p| p.starts_with("/repos/OS2other/mfa-client/git/trees"))
        .count();
    assert_eq!(trees, 1, "{:?}", s.paths(&s.api));
    // OS2test's `.github` is where both its products may keep a governance report: asked once.
    let dot_github = s
        .paths(&s.api)
        .iter()
        .filter(|p| p.as_str() == "/repos/OS2test/.github")
        .count();
    assert_eq!(dot_github, 1, "{:?}", s.paths(&s.api));

    // Every format names the products so.
    for format in ["markdown", "csv", "html"] {
        let out = cli(
            &s,
            &["portfolio", "OS2test", "OS2other", "--format", format],
        );
        assert_eq!(out.status.code(), Some(0));
        let text = String::from_utf8_lossy(&out.stdout);
        for name in ["OS2faktor", "OS2other", "OS2test"] {
            assert!(text.contains(name), "{format}: {name}: {text}");
        }
    }
}

#[test]
fn a_products_file_defines_the_products_and_a_broken_one_is_refused() {
    let s = servers();
    two_organisations_one_product_across(&s);
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("products.toml");
    std::fs::write(
        &file,
        "[[product]]\nname = \"OS2samlet\"\nrepositories = [\"github:OS2test/docs\", \"github:OS2other/api\"]\nos2eu = \"https://www.os2.eu/os2samlet\"\nmain = \"OS2other/api\"\n",
    )
    .expect("write");
    let products = file.display().to_string();
    let out = cli(
        &s,
        &[
            "portfolio",
            "OS2test",
            "OS2other",
            "--products",
            &products,
            "--format",
            "json",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // The file's product takes docs and api; nothing is left for the organisations' own.
    assert_eq!(
        rows_of(&json),
        [
            ("OS2faktor".to_string(), 3, None),
            ("OS2samlet".to_string(), 2, None),
        ],
        "{json}"
    );

    // Without organisations to scan, the file's product is read from its repositories alone.
    let out = cli(
        &s,
        &["portfolio", "--products", &products, "--format", "json"],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(
        rows_of(&json),
        [("OS2samlet".to_string(), 2, None)],
        "{json}"
    );
    // The budget counts the repositories the file names, one by one, not only organisations.
    assert!(
        stderr.contains("Portefølje: 0 organisationer, 2 repositorier; op til ca. 12"),
        "{stderr}"
    );

    // What the file lists is the product, whatever the repository's own [product] adds: login
    // alone, without the mfa-client its os2gov.toml lists, nor its os2.eu page.
    std::fs::write(
        &file,
        "[[product]]\nname = \"Login alene\"\nrepositories = [\"github:OS2test/login\"]\n",
    )
    .expect("write");
    let out = cli(
        &s,
        &[
            "portfolio",
            "OS2test",
            "OS2other",
            "--products",
            &products,
            "--format",
            "json",
        ],
    );
    assert_eq!(out.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let org = |o: &str| Some(format!("https://github.com/{o}"));
    assert_eq!(
        rows_of(&json),
        [
            ("Login alene".to_string(), 1, org("OS2test")),
            // web names it (in its own case), and nothing else is left of it.
            ("os2faktor".to_string(), 1, org("OS2other")),
            ("OS2other".to_string(), 2, org("OS2other")),
            ("OS2test".to_string(), 1, org("OS2test")),
        ],
        "{json}"
    );

    // A broken file: one line naming it and the key, exit 2, not one request.
    s.reset();
    std::fs::write(&file, "[[product]]\nrepositories = [\"github:OS2test\"]\n").expect("write");
    let out = cli(&s, &["portfolio", "OS2test", "--products", &products]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{stderr}");
    assert!(
        stderr.contains(&format!(
            "{products}:1: [[product]]: every product needs a name"
        )),
        "{stderr}"
    );
    assert!(out.stdout.is_empty());
    assert!(s.paths(&s.api).is_empty(), "{:?}", s.paths(&s.api));
}
