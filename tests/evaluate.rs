//! `os2gov evaluate` through the application layer: products of fixture repositories built
//! here, and a product assembled from the four corpus extracts.

mod common;

use common::{corpus_repo, repo_with, Entry, NOW};
use os2gov::app::evaluate::{evaluate, EvaluateError, EvaluateRequest, ProductSource};
use os2gov::engine::Options;
use os2gov::evaluate::{Evaluation, Light, Row};
use os2gov::Lang;
use std::path::Path;

fn offline(paths: &[&Path], lang: Lang) -> Result<Evaluation, EvaluateError> {
    let request = EvaluateRequest {
        sources: paths
            .iter()
            .map(|p| ProductSource::Local(p.to_path_buf()))
            .collect(),
        name: None,
        main: None,
        site: None,
        remote: None,
        engine: Options {
            lang: Some(lang),
            ..Options::default()
        },
        now: NOW,
    };
    evaluate(&request).map(|e| e.evaluation)
}

fn row<'a>(e: &'a Evaluation, id: &str) -> &'a Row {
    e.rows.iter().find(|r| r.id == id).expect("row")
}

const REPORT: &str = "# Governancerapport for OS2test\n\n| 🔽 | # | Krav | Beskrivelse / Dokumentation | Produktniveau | Retningslinjer |\n| --- | --- | --- | --- | --- | --- |\n| ✅ | G2 | Der koordineres løbende med OS2-sekretariatet | Månedligt møde med sekretariatet | 1 | Bekræft |\n";
const SECURITY: &str = "# Sikkerhed\n\nFejl rapporteres fortroligt til security@os2test.dk; vi svarer inden for fem arbejdsdage.\n";

#[test]
fn a_product_of_two_repositories_credits_evidence_and_the_report_wherever_they_are() {
    let login = repo_with(
        &[("README.md", Entry::Text("# Login\n\nEn login-tjeneste.\n"))],
        3,
    );
    let docs = repo_with(
        &[
            ("SECURITY.md", Entry::Text(SECURITY)),
            ("OS2test_governance_report.md", Entry::Text(REPORT)),
        ],
        400,
    );
    let e = offline(&[login.path(), docs.path()], Lang::Da).expect("evaluate");
    assert_eq!(e.repositories.len(), 2);
    assert_eq!(e.rows.len(), 43);
    let f4 = row(&e, "F4");
    assert_eq!(f4.light, Light::Green, "{f4:?}");
    assert_eq!(f4.repository.as_deref(), Some(e.repositories[1].as_str()));
    // The report lives in the second repository and is applied to the product once.
    let g2 = row(&e, "G2");
    assert_eq!(g2.light, Light::Yellow, "{g2:?}");
    assert!(e
        .governance_report
        .as_deref()
        .is_some_and(|r| r.ends_with(": OS2test_governance_report.md")));
    // Alone, the first repository has neither.
    let alone = offline(&[login.path()], Lang::Da).expect("evaluate");
    assert_ne!(row(&alone, "F4").light, Light::Green);
    assert_eq!(row(&alone, "G2").light, Light::White);
    assert_eq!(alone.governance_report, None);
}

#[test]
fn the_same_repository_named_twice_counts_once() {
    let login = repo_with(&[("README.md", Entry::Text("# Login\n"))], 3);
    let again = login.path().join(".");
    let e = offline(&[login.path(), &again], Lang::En).expect("evaluate");
    assert_eq!(e.repositories.len(), 1);
}

#[test]
fn a_source_that_is_not_there_is_one_error_naming_it() {
    let missing = Path::new("/nonexistent/os2gov-product");
    let err = offline(&[missing], Lang::En).expect_err("must fail");
    assert!(
        err.to_string().starts_with("/nonexistent/os2gov-product"),
        "{err}"
    );
}

#[test]
fn a_github_source_offline_is_refused_before_anything_is_read() {
    let request = EvaluateRequest {
        sources: vec![ProductSource::parse("github:OS2test")],
        name: None,
        main: None,
        site: None,
        remote: None,
        engine: Options::default(),
        now: NOW,
    };
    let err = evaluate(&request).expect_err("offline");
    assert!(matches!(err, EvaluateError::RemoteOffline(_)), "{err}");
    assert!(
        matches!(ProductSource::parse("github:OS2test/login"), ProductSource::Repository(t) if t.slug() == "OS2test/login")
    );
    assert!(
        matches!(ProductSource::parse("github:OS2test"), ProductSource::Organisation(o) if o == "OS2test")
    );
}

/// The four corpus extracts as one product: a real-world mix. The figures are printed for the
/// closing note (`cargo test --test evaluate corpus -- --nocapture`).
#[test]
fn a_product_assembled_from_the_corpus() {
    let fixtures = [
        corpus_repo("OS2mo", "os2mo"),
        corpus_repo("OS2iot", "OS2iot-docs"),
        corpus_repo("OS2compliance", "OS2compliance"),
        corpus_repo("os2kitos", "kitos"),
    ];
    let paths: Vec<&Path> = fixtures.iter().map(|f| f.path()).collect();
    let e = offline(&paths, Lang::Da).expect("evaluate");
    assert_eq!(e.rows.len(), 43);
    let counts = e.counts();
    assert_eq!(counts.total(), 43);
    let decided = counts.green + counts.yellow + counts.red;
    println!(
        "corpus product: {decided} of 43 decided (🟢 {} 🟡 {} 🔴 {}), ⚪ {}",
        counts.green, counts.yellow, counts.red, counts.white
    );
    // OS2mo's licence and publiccode.yml are there: F2 is green, citing it.
    let f2 = row(&e, "F2");
    assert!(decided >= 10, "{decided}");
    assert!(f2.light.is_decided(), "{f2:?}");
    for r in &e.rows {
        assert_eq!(
            r.light == Light::Green,
            r.verdict == os2gov::engine::report::Verdict::Met,
            "{r:?}"
        );
    }
}

#[test]
fn the_json_validates_against_the_published_schema() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/evaluation.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("schema")).expect("JSON");
    jsonschema::meta::validate(&schema).expect("a valid draft 2020-12 schema");
    let validator = jsonschema::validator_for(&schema).expect("compiles");
    let login = repo_with(&[("README.md", Entry::Text("# Login\n"))], 3);
    let docs = repo_with(
        &[
            ("SECURITY.md", Entry::Text(SECURITY)),
            ("OS2test_governance_report.md", Entry::Text(REPORT)),
        ],
        3,
    );
    for lang in [Lang::Da, Lang::En] {
        let e = offline(&[login.path(), docs.path()], lang).expect("evaluate");
        let mut value: serde_json::Value =
            serde_json::from_str(&os2gov::render::evaluation::json(&e)).expect("JSON");
        let errors: Vec<String> = validator
            .iter_errors(&value)
            .map(|e| e.to_string())
            .collect();
        assert!(errors.is_empty(), "{errors:#?}");
        value["rows"][0]["light"] = "blue".into();
        assert!(!validator.is_valid(&value));
    }
}

#[test]
fn the_products_schema_agrees_with_the_products_reader() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("schema/products.schema.json");
    let schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(path).expect("schema")).expect("JSON");
    jsonschema::meta::validate(&schema).expect("a valid draft 2020-12 schema");
    let validator = jsonschema::validator_for(&schema).expect("compiles");
    for (text, valid) in [
        (
            "[[product]]\nname = \"OS2faktor\"\nrepositories = [\"github:OS2faktor\", \"github:OS2mo/os2faktor-connector\"]\nos2eu = \"https://www.os2.eu/os2faktor\"\nmain = \"OS2faktor/os2faktor-login\"\n\n[[product]]\nname = \"OS2mo\"\n",
            true,
        ),
        ("[[product]]\nrepositories = [\"github:OS2mo\"]\n", false),
        ("[[product]]\nname = \"A\"\nos2eu = \"os2.eu/a\"\n", false),
        ("[[product]]\nname = \"A\"\nrepositories = [\"github:\"]\n", false),
        ("[[product]]\nname = \"A\"\nnavn = \"B\"\n", false),
        ("[product]\nname = \"A\"\n", false),
    ] {
        let data: serde_json::Value = toml::from_str(text).expect("TOML");
        let read = os2gov::engine::config::parse_products("products.toml", text);
        assert_eq!(read.is_ok(), valid, "{text:?}: {read:?}");
        assert_eq!(validator.is_valid(&data), valid, "{text:?}");
    }
}

/// Writes the portfolio page of three fixture products to `target/test-artifacts/` for the
/// browser test (`tests/browser/portfolio.test.mjs`, run by scripts/test.sh after this), and
/// checks what can be checked without a browser.
#[test]
fn the_portfolio_page_for_the_browser_test() {
    use os2gov::evaluate::portfolio::{ProductPortfolio, ProductRow};
    let bare = repo_with(&[("README.md", Entry::Text("# Bare\n"))], 3);
    let secure = repo_with(
        &[
            ("README.md", Entry::Text("# Sikker\n")),
            ("SECURITY.md", Entry::Text(SECURITY)),
            ("LICENSE", Entry::Text(include_str!("../LICENSE"))),
        ],
        3,
    );
    let mut rows = Vec::new();
    for (name, path) in [("Æblemost", bare.path()), ("OS2sikker", secure.path())] {
        let mut e = offline(&[path], Lang::Da).expect("evaluate");
        e.product = name.to_string();
        rows.push(ProductRow::from_evaluation(&e));
    }
    rows.push(ProductRow::failed(
        "OS2faktor",
        Some("https://github.com/OS2faktor".into()),
        "rate limit (resets 12:00)",
    ));
    let portfolio = ProductPortfolio::new(Lang::Da, "02-12-2026", rows);
    let html = os2gov::render::products::html(&portfolio);
    assert_eq!(html.matches("<tr").count(), 4);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("target/test-artifacts");
    std::fs::create_dir_all(&dir).expect("mkdir");
    std::fs::write(dir.join("portfolio.html"), html).expect("write");
}

/// The evaluation of a fixture product of two repositories, as Markdown, in both languages:
/// golden files (`tests/snapshots/evaluate__*.snap`). After a deliberate change:
/// `INSTA_UPDATE=always cargo test --test evaluate golden`, then read the diff.
#[test]
fn golden_evaluation_markdown() {
    use os2gov::adapters::git::open_snapshot;
    use os2gov::evaluate::{Product, Repository};
    let readme = "# OS2test Login\n\nOS2test Login er en fælles login-tjeneste for kommunerne.\n\n## Værdi\n\nKommunerne sparer tid, fordi brugerne kun logger ind ét sted.\n\n## Behov\n\nKommunerne har brug for et sikkert fælles login på tværs af deres systemer.\n";
    let login = repo_with(
        &[
            ("README.md", Entry::Text(readme)),
            ("LICENSE", Entry::Text(include_str!("../LICENSE"))),
        ],
        3,
    );
    let mfa = repo_with(
        &[
            ("SECURITY.md", Entry::Text(SECURITY)),
            ("Dockerfile", Entry::Text("FROM scratch\n")),
            ("OS2test_governance_report.md", Entry::Text(REPORT)),
        ],
        3,
    );
    for lang in [Lang::Da, Lang::En] {
        let mut snapshots = vec![
            open_snapshot(login.path(), None, NOW).expect("snapshot"),
            open_snapshot(mfa.path(), None, NOW).expect("snapshot"),
        ];
        let declarations = os2gov::evaluate::share_declarations(&mut snapshots, 0);
        let names = ["OS2test/login", "OS2test/mfa"];
        let options = Options {
            lang: Some(lang),
            ..Options::default()
        };
        let repositories = snapshots
            .iter()
            .zip(names)
            .map(|(s, name)| Repository {
                name: name.to_string(),
                url: Some(format!("https://github.com/{name}")),
                report: os2gov::engine::check(s, &options).expect("check"),
            })
            .collect();
        let product = Product {
            name: "OS2test".into(),
            organisation: Some("https://github.com/OS2test".into()),
            site: None,
            main: 0,
            main_chosen: os2gov::evaluate::MainChoice::Pushed,
            repositories,
            governance_report: declarations.map(|(i, path)| format!("{}: {path}", names[i])),
            target: None,
        };
        let e = os2gov::evaluate::evaluate(&product, "02-12-2026");
        let markdown = os2gov::render::evaluation::markdown(&e, None);
        let name = match lang {
            Lang::Da => "evaluation_da",
            Lang::En => "evaluation_en",
        };
        insta::assert_snapshot!(name, markdown);
    }
}

/// The command as a user runs it: from inside the product's repository, default paths.
#[test]
fn cli_evaluate_from_inside_a_repository_keeps_the_persons_work_and_refuses_a_broken_file() {
    let repo = repo_with(
        &[
            ("README.md", Entry::Text("# Login\n\nEn login-tjeneste.\n")),
            ("SECURITY.md", Entry::Text(SECURITY)),
        ],
        3,
    );
    let run = |args: &[&str]| {
        common::os2gov()
            .current_dir(repo.path())
            .args(["evaluate", "."])
            .args(args)
            .output()
            .expect("run")
    };
    let out = run(&["--out", "evaluering.md"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let file = repo.path().join("evaluering.md");
    let first = std::fs::read_to_string(&file).expect("written in the repository");
    assert!(
        first.starts_with("# Evaluering af OS2-produkt: "),
        "{first}"
    );

    // A person fills in a white row and the summary; the next run keeps both.
    let g2 = first
        .lines()
        .find(|l| l.starts_with("| G2 |"))
        .expect("G2")
        .to_string();
    let cells: Vec<&str> = g2.split(" | ").collect();
    let by_hand = format!(
        "{} | 🟢 | Møde med sekretariatet hver måned (referat 2026-10). |",
        cells[..4].join(" | ")
    );
    let edited = first.replace(&g2, &by_hand).replace(
        "[Her skrives et meget kort resumé af den samlede vurdering og anbefaling.]",
        "Login er godt på vej.",
    );
    std::fs::write(&file, &edited).expect("edit");
    let out = run(&["--out", "evaluering.md"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    assert!(
        stderr.contains("Ingen af værktøjets vurderinger er ændret."),
        "{stderr}"
    );
    let second = std::fs::read_to_string(&file).expect("read");
    assert!(second.contains(&by_hand), "{second}");
    assert!(second.contains("Login er godt på vej."));
    // Run again: byte for byte the same.
    run(&["--out", "evaluering.md"]);
    assert_eq!(std::fs::read_to_string(&file).expect("read"), second);

    // A broken table is refused and the file left as it was.
    let broken = second.replace(&by_hand, "| G2 | 1 | kun tre |");
    std::fs::write(&file, &broken).expect("break");
    let out = run(&["--out", "evaluering.md"]);
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("rækken G2 har 3 celler") && stderr.contains("filen er ikke ændret"),
        "{stderr}"
    );
    assert_eq!(std::fs::read_to_string(&file).expect("read"), broken);
}

#[test]
fn cli_evaluate_bad_sources_and_paths_write_nothing() {
    let repo = repo_with(&[("README.md", Entry::Text("# Login\n"))], 3);
    let before = common::walk(repo.path(), true);
    let out = common::os2gov()
        .current_dir(repo.path())
        .args([
            "evaluate",
            ".",
            "/nonexistent/os2gov-product",
            "--out",
            "e.md",
        ])
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(stderr.lines().count(), 1, "{stderr}");
    assert!(stderr.contains("/nonexistent/os2gov-product"), "{stderr}");
    // Outside the current folder and the repository: refused before anything is read.
    let out = common::os2gov()
        .current_dir(repo.path())
        .args(["evaluate", ".", "--out", "../outside.md"])
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(!repo.path().join("../outside.md").exists());
    assert_eq!(common::walk(repo.path(), true), before);
}

/// `os2gov evaluate ARGS` (offline) run in `dir`.
fn evaluate_in(dir: &Path, args: &[&str]) -> std::process::Output {
    common::os2gov()
        .current_dir(dir)
        .arg("evaluate")
        .args(args)
        .output()
        .expect("run")
}

#[test]
fn cli_evaluate_without_a_source_evaluates_the_product_os2gov_toml_describes() {
    let mfa = repo_with(
        &[
            ("README.md", Entry::Text("# MFA\n\nEn MFA-klient.\n")),
            ("SECURITY.md", Entry::Text(SECURITY)),
        ],
        400,
    );
    let mfa_path = mfa.path().display().to_string();
    let config = format!(
        "[product]\nname = \"OS2faktor\"\n# The same repository twice, and itself: each counts once.\nrepositories = [\"{mfa_path}\", \"{mfa_path}/.\", \".\"]\nos2eu = \"https://www.os2.eu/os2faktor\"\nmain = \"{mfa_path}\"\n"
    );
    let login = repo_with(
        &[
            ("README.md", Entry::Text("# Login\n\nEn login-tjeneste.\n")),
            ("os2gov.toml", Entry::Text(&config)),
            ("docs/guide.md", Entry::Text("# Vejledning\n")),
        ],
        3,
    );
    // From a folder inside the repository, as well as from its root.
    let inside = login.path().join("docs");
    let out = evaluate_in(&inside, &["--format", "json", "--lang", "en"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["product"], "OS2faktor");
    assert_eq!(json["site"], "https://www.os2.eu/os2faktor");
    assert_eq!(
        json["repositories"].as_array().map(Vec::len),
        Some(2),
        "{json}"
    );
    assert_eq!(json["main_chosen"], "config");
    assert_eq!(json["main_repository"], json["repositories"][1]);
    let f4 = json["rows"]
        .as_array()
        .and_then(|rows| rows.iter().find(|r| r["id"] == "F4"))
        .expect("F4");
    assert_eq!(f4["light"], "green", "{f4}");
    assert!(
        stderr.contains("(named in os2gov.toml)"),
        "the run names the main repository and why: {stderr}"
    );

    // The Markdown's document information: the os2.eu page and the main repository with why.
    let out = evaluate_in(login.path(), &[]);
    assert_eq!(out.status.code(), Some(0));
    let markdown = String::from_utf8_lossy(&out.stdout);
    assert!(
        markdown.contains("> **OS2 website link:** https://www.os2.eu/os2faktor  \n"),
        "{markdown}"
    );
    assert!(
        markdown.contains("(hovedrepository, angivet i os2gov.toml)"),
        "{markdown}"
    );
    assert!(
        markdown.contains("# Evaluering af OS2-produkt"),
        "{markdown}"
    );
    assert!(markdown.contains("OS2faktor"), "{markdown}");

    // The text form names the main repository and why, too.
    let out = evaluate_in(login.path(), &["--format", "text", "--lang", "en"]);
    let text = String::from_utf8_lossy(&out.stdout);
    let main = json["main_repository"].as_str().unwrap_or("?");
    assert!(
        text.contains(&format!(
            "; main repository: {main} (named in os2gov.toml)\n"
        )),
        "{text}"
    );

    // --name overrides the config's name.
    let out = evaluate_in(login.path(), &["--format", "json", "--name", "Login"]);
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["product"], "Login");
}

#[test]
fn cli_evaluate_without_main_in_the_config_says_why_its_main_repository_is_main() {
    let other = repo_with(&[("README.md", Entry::Text("# Andet\n"))], 40);
    let config = format!(
        "[product]\nrepositories = [\"{}\"]\n",
        other.path().display()
    );
    let login = repo_with(
        &[
            ("README.md", Entry::Text("# Login\n")),
            ("os2gov.toml", Entry::Text(&config)),
        ],
        3,
    );
    let out = evaluate_in(login.path(), &["--format", "json"]);
    assert_eq!(
        out.status.code(),
        Some(0),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    // Offline no push time is known: the first source, the repository the config is in.
    assert_eq!(json["main_chosen"], "first");
    assert_eq!(json["main_repository"], json["repositories"][0]);
    assert!(json.get("site").is_none(), "{json}");
}

#[test]
fn cli_evaluate_refuses_a_broken_product_config_naming_it_and_writes_nothing() {
    for (config, expected) in [
        (
            "[product]\nname = \"OS2faktor\"\nos2eu = \"os2.eu/os2faktor\"\n",
            "os2gov.toml:3: key `product.os2eu`",
        ),
        (
            "[product]\nrepositories = [\"\"]\n",
            "os2gov.toml:2: key `product.repositories`",
        ),
        ("[product]\nnavn = \"x\"\n", "os2gov.toml:2"),
        (
            "[product]\nmain = \"OS2faktor/elsewhere\"\n",
            "[product] main = \"OS2faktor/elsewhere\" is none of the product's repositories",
        ),
    ] {
        let login = repo_with(
            &[
                ("README.md", Entry::Text("# Login\n")),
                ("os2gov.toml", Entry::Text(config)),
            ],
            3,
        );
        let out = evaluate_in(login.path(), &["--out", "evaluering.md"]);
        let stderr = String::from_utf8_lossy(&out.stderr);
        assert_eq!(out.status.code(), Some(2), "{config:?}: {stderr}");
        assert!(stderr.contains(expected), "{config:?}: {stderr}");
        assert!(out.stdout.is_empty(), "{config:?}");
        assert!(!login.path().join("evaluering.md").exists(), "{config:?}");
    }
    // Outside any repository there is no product to find.
    let bare = tempfile::tempdir().expect("tempdir");
    let out = evaluate_in(bare.path(), &[]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("no SOURCE given"));
}

#[test]
fn cli_evaluate_in_a_repository_without_product_evaluates_it_alone_saying_so() {
    // A config without [product] (once refused: "no os2gov.toml with [product]"), and none at all.
    for files in [
        vec![
            ("README.md", Entry::Text("# Login\n")),
            ("os2gov.toml", Entry::Text("level = \"1\"\n")),
            ("docs/guide.md", Entry::Text("# Vejledning\n")),
        ],
        vec![
            ("README.md", Entry::Text("# Login\n")),
            ("docs/guide.md", Entry::Text("# Vejledning\n")),
        ],
    ] {
        let login = repo_with(&files, 3);
        for dir in [login.path().to_path_buf(), login.path().join("docs")] {
            let out = evaluate_in(&dir, &["--format", "json", "--lang", "en"]);
            let stderr = String::from_utf8_lossy(&out.stderr);
            assert_eq!(out.status.code(), Some(0), "{stderr}");
            assert!(
                stderr.contains(
                    "no [product] in os2gov.toml; the repository is evaluated as a product of one repository."
                ),
                "{stderr}"
            );
            let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
            assert_eq!(json["repositories"].as_array().map(Vec::len), Some(1));
            assert_eq!(json["main_chosen"], "first");
        }
        // In Danish by default.
        let out = evaluate_in(login.path(), &["--out", "evaluering.md"]);
        assert_eq!(out.status.code(), Some(0));
        assert!(String::from_utf8_lossy(&out.stderr)
            .contains("ingen [product] i os2gov.toml; repositoriet vurderes som et produkt med ét repository."));
        assert!(login.path().join("evaluering.md").exists());
    }
}

#[test]
fn cli_evaluate_with_sources_applies_their_product_configs_the_first_winning() {
    let shared = repo_with(&[("README.md", Entry::Text("# Fælles\n"))], 200);
    let shared_path = shared.path().display().to_string();
    let faktor = format!(
        "[product]\nname = \"OS2faktor\"\nrepositories = [\"{shared_path}\"]\nos2eu = \"https://www.os2.eu/os2faktor\"\nmain = \"{shared_path}\"\n"
    );
    let login = repo_with(
        &[
            ("README.md", Entry::Text("# Login\n")),
            ("os2gov.toml", Entry::Text(&faktor)),
        ],
        3,
    );
    let other = format!("[product]\nname = \"OS2andet\"\nrepositories = [\"{shared_path}\"]\n");
    let mfa = repo_with(
        &[
            ("README.md", Entry::Text("# MFA\n")),
            ("os2gov.toml", Entry::Text(&other)),
        ],
        30,
    );
    let here = tempfile::tempdir().expect("tempdir");
    let run = |sources: [&Path; 2]| {
        let mut args = vec!["--format", "json", "--lang", "en"];
        let sources: Vec<String> = sources.iter().map(|p| p.display().to_string()).collect();
        args.extend(sources.iter().map(String::as_str));
        let out = evaluate_in(here.path(), &args);
        let stderr = String::from_utf8_lossy(&out.stderr).into_owned();
        assert_eq!(out.status.code(), Some(0), "{stderr}");
        let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
        (json, stderr)
    };
    let login_config = login
        .path()
        .join("os2gov.toml")
        .canonicalize()
        .expect("path");
    let mfa_config = mfa.path().join("os2gov.toml").canonicalize().expect("path");

    let (json, stderr) = run([login.path(), mfa.path()]);
    assert_eq!(json["product"], "OS2faktor", "{json}");
    assert_eq!(json["site"], "https://www.os2.eu/os2faktor");
    // The repository both list joins once.
    assert_eq!(
        json["repositories"].as_array().map(Vec::len),
        Some(3),
        "{json}"
    );
    assert_eq!(json["main_chosen"], "config");
    assert_eq!(json["main_repository"], json["repositories"][2]);
    assert!(
        stderr.contains(&format!(
            "{} and {} describe the product differently ([product] name: \"OS2faktor\" and \"OS2andet\"); {} applies, as the first source's.",
            login_config.display(),
            mfa_config.display(),
            login_config.display()
        )),
        "{stderr}"
    );

    // The other order: the other config's name, and no os2.eu page or main repository of its own
    // to disagree with.
    let (json, stderr) = run([mfa.path(), login.path()]);
    assert_eq!(json["product"], "OS2andet", "{json}");
    assert_eq!(json["site"], "https://www.os2.eu/os2faktor");
    assert_eq!(json["main_chosen"], "config");
    assert!(
        stderr.contains(&format!(
            "{} and {} describe the product differently ([product] name: \"OS2andet\" and \"OS2faktor\")",
            mfa_config.display(),
            login_config.display()
        )),
        "{stderr}"
    );
    assert!(!stderr.contains("[product] os2eu"), "{stderr}");
}

#[test]
fn a_partly_met_requirement_is_yellow_citing_what_was_found_and_other_not_mets_red() {
    // F4: a security section without a reporting contact; F5: two of the four questions; F7:
    // part of OS2's template.
    let readme = "# Login\n\nLogin er en login-tjeneste, som kommunerne bruger til at logge medarbejdere ind i fagsystemer med MFA og SAML.\n\n## Formål\n\nTjenesten dækker kommunernes behov for én fælles og sikker login-løsning til alle deres fagsystemer.\n\n## Sikkerhed\n\nVi tager sikkerhed alvorligt og opdaterer jævnligt.\n\n## Sådan virker det\n\nTjenesten taler SAML med kommunernes IdP.\n";
    let partly = repo_with(&[("README.md", Entry::Text(readme))], 3);
    let e = offline(&[partly.path()], Lang::Da).expect("evaluate");
    for id in ["F4", "F5", "F7"] {
        let r = row(&e, id);
        assert_eq!(r.light, Light::Yellow, "{id}: {r:?}");
        assert!(r.basis.starts_with("Delvist opfyldt:"), "{id}: {}", r.basis);
        assert!(!r.evidence.is_empty(), "{id}: cites what was found");
        assert!(
            r.evidence
                .iter()
                .all(|c| c.evidence.path.as_deref() == Some("README.md")),
            "{id}: {:?}",
            r.evidence
        );
    }
    // Nothing of what is asked: red, never yellow.
    let nothing = repo_with(&[("src/main.rs", Entry::Text("fn main() {}\n"))], 3);
    let e = offline(&[nothing.path()], Lang::Da).expect("evaluate");
    for id in ["F4", "F5", "F7"] {
        assert_eq!(row(&e, id).light, Light::Red, "{id}: {:?}", row(&e, id));
    }
    // A not-met whose evidence is where the problem is, not part of the requirement: F7 with
    // only the template's leftovers is red.
    let leftovers = repo_with(
        &[(
            "README.md",
            Entry::Text("# Login\n\nReplace with a short mission statement.\n"),
        )],
        3,
    );
    let e = offline(&[leftovers.path()], Lang::En).expect("evaluate");
    let f7 = row(&e, "F7");
    assert_eq!(f7.light, Light::Red, "{f7:?}");
    assert!(!f7.evidence.is_empty(), "{f7:?}");
}
