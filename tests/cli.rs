//! The command line: exit codes (0 passed, 1 below the required level, 2 usage, config or input
//! error), the inputs `check` reads (work tree, `--rev`, bare repository, plain folder), output
//! formats, languages, colour, `--output`, `--verbose`, and the `rules` and `explain` commands.

mod common;
#[path = "snapshots/fixtures.rs"]
mod fixtures;

use common::{json_report, new_repo, os2gov, repo_with, Entry, Fixture, DAY, NOW};
use predicates::prelude::*;
use serde_json::Value;

fn verdict<'a>(report: &'a Value, id: &str) -> &'a str {
    report["requirements"]
        .as_array()
        .and_then(|rs| rs.iter().find(|r| r["id"] == id))
        .and_then(|r| r["verdict"].as_str())
        .unwrap_or_else(|| panic!("no finding {id}"))
}

/// Asserts exit code 2 with nothing on stdout and exactly one line on stderr that contains
/// every one of `words`; returns the line.
fn assert_input_error(cmd: &mut assert_cmd::Command, words: &[&str]) -> String {
    let output = cmd.output().expect("run");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(output.stdout.is_empty(), "stdout must stay empty");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    assert!(stderr.starts_with("os2gov: error: "), "{stderr}");
    for word in words {
        assert!(stderr.contains(word), "{word:?} not in {stderr:?}");
    }
    stderr
}

const SECURITY: &str = "# Security\n\nReport vulnerabilities to security@example.dk.\n";

// ---------------------------------------------------------------------------------------------
// Exit codes

#[test]
fn exit_0_when_the_required_level_is_met() {
    let fixture = fixtures::good();
    os2gov()
        .arg("check")
        .arg(fixture.path())
        .assert()
        .code(0)
        .stdout(predicate::str::contains("BESTÅET"))
        .stderr("");
}

#[test]
fn exit_1_below_the_required_level() {
    let fixture = fixtures::nearly_empty();
    os2gov()
        .arg("check")
        .arg(fixture.path())
        .assert()
        .code(1)
        .stdout(predicate::str::contains("IKKE BESTÅET"))
        .stderr("");
    // The good repository meets level 1, not level 3.
    let good = fixtures::good();
    os2gov()
        .arg("check")
        .arg(good.path())
        .args(["--level", "3"])
        .assert()
        .code(1);
    os2gov()
        .arg("check")
        .arg(good.path())
        .args(["--level", "sandkasse"])
        .assert()
        .code(0);
}

#[test]
fn exit_2_on_a_missing_path() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("no-such-repo");
    assert_input_error(os2gov().arg("check").arg(&missing), &["no-such-repo"]);
}

#[test]
fn exit_2_on_a_file_instead_of_a_repository() {
    let fixture = fixtures::nearly_empty();
    assert_input_error(
        os2gov().arg("check").arg(fixture.path().join("README.md")),
        &["README.md"],
    );
}

#[test]
fn exit_2_on_a_bad_revision() {
    let fixture = fixtures::nearly_empty();
    assert_input_error(
        os2gov()
            .arg("check")
            .arg(fixture.path())
            .args(["--rev", "no-such-branch"]),
        &["no-such-branch"],
    );
    // HEAD~1 of a repository with one commit.
    assert_input_error(
        os2gov()
            .arg("check")
            .arg(fixture.path())
            .args(["--rev", "HEAD~1"]),
        &["HEAD~1"],
    );
}

#[test]
fn exit_2_on_rev_with_a_plain_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("README.md"), "# Plain\n").expect("write");
    assert_input_error(
        os2gov()
            .arg("check")
            .arg(dir.path())
            .args(["--rev", "HEAD"]),
        &["--rev", "HEAD"],
    );
}

#[test]
fn exit_2_on_a_bad_level_in_the_config() {
    let fixture = repo_with(
        &[
            ("README.md", Entry::Text("# Demo\n")),
            (
                "os2gov.toml",
                Entry::Text("language = \"da\"\nlevel = \"5\"\n"),
            ),
        ],
        1,
    );
    assert_input_error(
        os2gov().arg("check").arg(fixture.path()),
        &["os2gov.toml:2", "level", "\"5\""],
    );
}

#[test]
fn exit_2_on_an_unknown_key_in_the_config() {
    let fixture = repo_with(
        &[
            ("README.md", Entry::Text("# Demo\n")),
            ("os2gov.toml", Entry::Text("level = \"1\"\nlevle = \"2\"\n")),
        ],
        1,
    );
    let line = assert_input_error(
        os2gov().arg("check").arg(fixture.path()),
        &["os2gov.toml:2", "levle"],
    );
    assert_eq!(
        line.matches("levle").count(),
        1,
        "the cause is not repeated: {line}"
    );
}

#[test]
fn exit_2_on_a_binary_config() {
    let fixture = repo_with(
        &[
            ("README.md", Entry::Text("# Demo\n")),
            ("os2gov.toml", Entry::Bytes(vec![0, 159, 146, 150])),
        ],
        1,
    );
    assert_input_error(os2gov().arg("check").arg(fixture.path()), &["os2gov.toml"]);
}

#[test]
fn exit_2_on_a_missing_config_file() {
    let fixture = fixtures::nearly_empty();
    assert_input_error(
        os2gov()
            .arg("check")
            .arg(fixture.path())
            .args(["--config", "/no/such/os2gov.toml"]),
        &["/no/such/os2gov.toml"],
    );
}

#[test]
fn exit_2_on_usage_errors_in_one_line() {
    assert_input_error(os2gov().args(["check", "--level", "5"]), &["--level", "5"]);
    assert_input_error(os2gov().args(["check", "--lang", "de"]), &["--lang", "de"]);
    assert_input_error(
        os2gov().args(["check", "--format", "sarif-ish"]),
        &["--format", "possible values"],
    );
    assert_input_error(os2gov().args(["check", "--frobnicate"]), &["--frobnicate"]);
    assert_input_error(os2gov().args(["explain"]), &["<ID>"]);
    assert_input_error(os2gov().args(["lint"]), &["lint"]);
    os2gov().assert().code(2);
}

#[test]
fn help_and_version_exit_0() {
    os2gov()
        .arg("--help")
        .assert()
        .code(0)
        .stdout(predicate::str::contains("check"));
    os2gov()
        .args(["check", "--help"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("--rev"));
    os2gov()
        .arg("--version")
        .assert()
        .code(0)
        .stdout(predicate::str::contains(env!("CARGO_PKG_VERSION")));
}

#[test]
fn a_broken_git_directory_is_an_input_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::create_dir(dir.path().join(".git")).expect("mkdir");
    assert_input_error(os2gov().arg("check").arg(dir.path()), &[".git"]);
}

// ---------------------------------------------------------------------------------------------
// What `check` reads

#[test]
fn the_work_tree_includes_untracked_files_but_not_ignored_ones() {
    let fixture = repo_with(
        &[
            ("README.md", Entry::Text("# Demo\n")),
            (".gitignore", Entry::Text("CODE_OF_CONDUCT.md\n")),
        ],
        1,
    );
    std::fs::write(fixture.path().join("SECURITY.md"), SECURITY).expect("write");
    std::fs::write(
        fixture.path().join("CODE_OF_CONDUCT.md"),
        "# Code of conduct\n\nWe follow OS2's code of conduct.\n",
    )
    .expect("write");
    let report = json_report(fixture.path(), &[]);
    assert_eq!(
        verdict(&report, "F4"),
        "met",
        "untracked SECURITY.md counts"
    );
    assert_eq!(verdict(&report, "P1"), "not-met", "ignored files do not");
    let head = json_report(fixture.path(), &["--rev", "HEAD"]);
    assert_eq!(
        verdict(&head, "F4"),
        "not-met",
        "--rev reads the commit only"
    );
}

#[test]
fn rev_reads_older_content() {
    let fixture = repo_with(&[("README.md", Entry::Text("# Demo\n"))], 30);
    fixture.commit(
        &[("SECURITY.md", Entry::Text(SECURITY))],
        "Add a security policy (#2)",
        NOW - DAY,
    );
    let now = json_report(fixture.path(), &[]);
    assert_eq!(verdict(&now, "F4"), "met");
    let older = json_report(fixture.path(), &["--rev", "HEAD~1"]);
    assert_eq!(verdict(&older, "F4"), "not-met");
    let head = json_report(fixture.path(), &["--rev", "main"]);
    assert_eq!(verdict(&head, "F4"), "met");
}

/// A bare clone of `fixture`.
fn bare_clone(fixture: &Fixture) -> tempfile::TempDir {
    let dir = tempfile::tempdir().expect("tempdir");
    let url = fixture.path().to_str().expect("UTF-8 path");
    git2::build::RepoBuilder::new()
        .bare(true)
        .clone(url, dir.path())
        .expect("bare clone");
    dir
}

#[test]
fn a_bare_repository_is_read_at_head() {
    let fixture = repo_with(&[("README.md", Entry::Text("# Demo\n"))], 30);
    fixture.commit(
        &[("SECURITY.md", Entry::Text(SECURITY))],
        "Add a security policy (#2)",
        NOW - DAY,
    );
    let bare = bare_clone(&fixture);
    assert!(git2::Repository::open(bare.path()).expect("open").is_bare());
    let report = json_report(bare.path(), &[]);
    assert_eq!(verdict(&report, "F4"), "met");
    let older = json_report(bare.path(), &["--rev", "HEAD~1"]);
    assert_eq!(verdict(&older, "F4"), "not-met");
}

#[test]
fn a_bare_repository_without_commits_is_checked_as_empty() {
    let dir = tempfile::tempdir().expect("tempdir");
    git2::Repository::init_bare(dir.path()).expect("init");
    os2gov().arg("check").arg(dir.path()).assert().code(1);
    assert_input_error(
        os2gov()
            .arg("check")
            .arg(dir.path())
            .args(["--rev", "HEAD"]),
        &["HEAD"],
    );
}

#[test]
fn a_plain_folder_is_checked_without_history() {
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("README.md"), fixtures::GOOD_README).expect("write");
    std::fs::write(dir.path().join("SECURITY.md"), SECURITY).expect("write");
    let report = json_report(dir.path(), &[]);
    assert_eq!(verdict(&report, "F4"), "met");
    assert_eq!(verdict(&report, "R1"), "met");
    assert_ne!(verdict(&report, "F1"), "met", "no history to show activity");
}

#[test]
fn an_empty_repository_does_not_fail_the_tool() {
    let fixture = new_repo();
    os2gov()
        .arg("check")
        .arg(fixture.path())
        .assert()
        .code(1)
        .stderr("");
}

#[test]
fn hostile_files_do_not_break_the_check() {
    let report = fixtures::governance_report("1", |id| {
        (id == "F3").then(|| {
            (
                "✅",
                "Udbud \x1b[2J\x1b]0;pwned\x07 ok \u{202E}txt.exe".to_string(),
            )
        })
    });
    let mut readme =
        b"# Demo\n\nBinary \xff\xfe bytes and a \x1b[2J clear-screen escape.\n".to_vec();
    readme.extend(std::iter::repeat_n(b'x', 100));
    let fixture = repo_with(
        &[
            ("README.md", Entry::Bytes(readme)),
            ("LICENSE", Entry::Link("/etc/passwd")),
            ("SECURITY.md", Entry::Link("SECURITY.md")),
            ("CONTRIBUTING.md", Entry::Link("docs")),
            ("docs/x.md", Entry::Text("| a | b\n|---\n| ✅ | \n")),
            (
                "docs/old_governance_report.md",
                Entry::Text("| 🔽 | # |\n|---|---|\n| ✅ | F99 |\n| ❌ |\n"),
            ),
            ("OS2demo_governance_report.md", Entry::Text(&report)),
            ("publiccode.yml", Entry::Text("publiccodeYmlVersion: [\n")),
        ],
        1,
    );
    // The declaration reaches the report's messages: the escape and the bidi override must be
    // defused in text and Markdown (JSON escapes them anyway).
    let json = json_report(fixture.path(), &[]);
    let f3 = json["requirements"]
        .as_array()
        .and_then(|rs| rs.iter().find(|r| r["id"] == "F3"))
        .and_then(|r| r["message"].as_str())
        .expect("F3");
    assert!(f3.contains('\x1b') && f3.contains('\u{202E}'), "{f3:?}");
    for format in ["text", "json", "markdown"] {
        let output = os2gov()
            .arg("check")
            .arg(fixture.path())
            .args(["--format", format])
            .output()
            .expect("run");
        assert_eq!(
            output.status.code(),
            Some(1),
            "{}",
            String::from_utf8_lossy(&output.stderr)
        );
        let stdout = String::from_utf8(output.stdout).expect("UTF-8");
        assert!(!stdout.contains('\x1b'), "{format}: escape passed through");
        if format != "json" {
            assert!(
                !stdout.contains('\u{202E}'),
                "{format}: bidi override passed through"
            );
        }
    }
}

// ---------------------------------------------------------------------------------------------
// Output

#[test]
fn json_has_schema_version_1() {
    let fixture = fixtures::good();
    let report = json_report(fixture.path(), &[]);
    assert_eq!(report["schema_version"], 1);
    assert_eq!(report["tool"]["name"], "os2gov");
    assert_eq!(report["passed"], true);
    assert_eq!(report["required_level"]["level"], "1");
    assert_eq!(report["required_level"]["source"], "report");
    assert_eq!(report["requirements"].as_array().map(Vec::len), Some(56));
}

#[test]
fn danish_by_default_english_on_request() {
    let fixture = fixtures::nearly_empty();
    os2gov().arg("check").arg(fixture.path()).assert().stdout(
        predicate::str::contains("Krævet niveau")
            .and(predicate::str::contains("Required level").not()),
    );
    os2gov()
        .arg("check")
        .arg(fixture.path())
        .args(["--lang", "en"])
        .assert()
        .stdout(
            predicate::str::contains("Required level")
                .and(predicate::str::contains("Krævet niveau").not()),
        );
    let report = json_report(fixture.path(), &["--lang", "en"]);
    assert_eq!(report["lang"], "en");
    assert_eq!(json_report(fixture.path(), &[])["lang"], "da");
}

#[test]
fn the_config_sets_language_and_level_and_flags_override_it() {
    let fixture = repo_with(
        &[
            ("README.md", Entry::Text("# Demo\n")),
            (
                "os2gov.toml",
                Entry::Text("language = \"en\"\nlevel = \"2\"\n"),
            ),
        ],
        1,
    );
    let report = json_report(fixture.path(), &[]);
    assert_eq!(report["lang"], "en");
    assert_eq!(report["required_level"]["level"], "2");
    assert_eq!(report["required_level"]["source"], "config");
    let report = json_report(fixture.path(), &["--lang", "da", "--level", "3"]);
    assert_eq!(report["lang"], "da");
    assert_eq!(report["required_level"]["level"], "3");
    assert_eq!(report["required_level"]["source"], "flag");

    // --config replaces the repository's own file.
    let dir = tempfile::tempdir().expect("tempdir");
    let config = dir.path().join("other.toml");
    std::fs::write(&config, "level = \"sandkasse\"\n").expect("write");
    let config = config.to_str().expect("UTF-8 path");
    let report = json_report(fixture.path(), &["--config", config]);
    assert_eq!(report["lang"], "da");
    assert_eq!(report["required_level"]["level"], "sandkasse");
}

#[test]
fn markdown_format() {
    let fixture = fixtures::contradicting();
    os2gov()
        .arg("check")
        .arg(fixture.path())
        .args(["--format", "markdown", "--lang", "en"])
        .assert()
        .code(1)
        .stdout(
            predicate::str::starts_with("## os2gov: ❌ FAILED")
                .and(predicate::str::contains("<details>"))
                .and(predicate::str::contains("&lt;script&gt;")),
        );
}

#[test]
fn output_writes_the_file() {
    let fixture = fixtures::nearly_empty();
    let dir = tempfile::tempdir().expect("tempdir");
    let file = dir.path().join("report.json");
    os2gov()
        .arg("check")
        .arg(fixture.path())
        .args(["--format", "json", "--output"])
        .arg(&file)
        .assert()
        .code(1)
        .stdout("");
    let report: Value =
        serde_json::from_str(&std::fs::read_to_string(&file).expect("written")).expect("JSON");
    assert_eq!(report["schema_version"], 1);
    let leftovers: Vec<_> = std::fs::read_dir(dir.path())
        .expect("read dir")
        .map(|e| e.expect("entry").file_name())
        .collect();
    assert_eq!(leftovers.len(), 1, "no temporary file left: {leftovers:?}");

    // Text to a file is never coloured, even when asked for `auto`.
    let text = dir.path().join("report.txt");
    os2gov()
        .arg("check")
        .arg(fixture.path())
        .arg("-o")
        .arg(&text)
        .env_remove("NO_COLOR")
        .assert()
        .code(1);
    assert!(!std::fs::read_to_string(&text)
        .expect("written")
        .contains('\x1b'));

    // A folder that does not exist is an error, not a panic.
    assert_input_error(
        os2gov()
            .arg("check")
            .arg(fixture.path())
            .arg("--output")
            .arg(dir.path().join("missing/report.txt")),
        &["missing"],
    );
}

#[test]
fn colour_always_and_never() {
    let fixture = fixtures::nearly_empty();
    os2gov()
        .arg("check")
        .arg(fixture.path())
        .args(["--color", "always"])
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\x1b[31m").and(predicate::str::contains("\x1b[0m")));
    os2gov()
        .arg("check")
        .arg(fixture.path())
        .args(["--color", "never"])
        .env_remove("NO_COLOR")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\x1b[").not());
    // `auto` (the default) with standard output not a terminal.
    os2gov()
        .arg("check")
        .arg(fixture.path())
        .env_remove("NO_COLOR")
        .assert()
        .code(1)
        .stdout(predicate::str::contains("\x1b[").not());
}

#[test]
fn verbose_reports_what_was_read() {
    let fixture = fixtures::good();
    let output = os2gov()
        .arg("check")
        .arg(fixture.path())
        .arg("--verbose")
        .output()
        .expect("run");
    assert_eq!(output.status.code(), Some(0));
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    let blobs: usize = stderr
        .lines()
        .find_map(|l| l.strip_prefix("blobs read: "))
        .and_then(|n| n.trim().parse().ok())
        .unwrap_or_else(|| panic!("no `blobs read: N` in {stderr:?}"));
    assert!(blobs >= 5, "{stderr}");
    assert!(stderr.contains("paths listed: "), "{stderr}");
    assert!(stderr.contains("commits walked: 1"), "{stderr}");
    // Without --verbose, standard error stays quiet.
    os2gov()
        .arg("check")
        .arg(fixture.path())
        .assert()
        .stderr("");
}

// ---------------------------------------------------------------------------------------------
// rules and explain

#[test]
fn rules_lists_every_requirement() {
    let output = os2gov().arg("rules").output().expect("run");
    assert_eq!(output.status.code(), Some(0));
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let rows: Vec<&str> = stdout.lines().filter(|l| !l.trim().is_empty()).collect();
    assert_eq!(rows.len(), 56, "{stdout}");
    assert!(rows[0].starts_with("R1 "), "{}", rows[0]);
    assert!(stdout.contains("Løsningen skaber lokal værdi"));
    os2gov()
        .args(["rules", "--lang", "en"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("The solution creates local value"));
}

#[test]
fn rules_markdown_is_docs_requirements_md() {
    os2gov()
        .args(["rules", "--format", "markdown"])
        .assert()
        .code(0)
        .stdout(os2gov::rules::docs::requirements_markdown());
}

#[test]
fn explain_one_requirement() {
    os2gov().args(["explain", "F7"]).assert().code(0).stdout(
        predicate::str::starts_with("F7 — ")
            .and(predicate::str::contains("Hvorfor"))
            .and(predicate::str::contains("os2-docs-template")),
    );
    os2gov()
        .args(["explain", "f7", "--lang", "en"])
        .assert()
        .code(0)
        .stdout(predicate::str::starts_with("F7 — ").and(predicate::str::contains("How to fix")));
}

#[test]
fn explain_score() {
    os2gov().args(["explain", "score"]).assert().code(0).stdout(
        predicate::str::contains("score = 100 ×")
            .and(predicate::str::contains("verificeret andel")),
    );
    os2gov()
        .args(["explain", "score", "--lang", "en"])
        .assert()
        .code(0)
        .stdout(predicate::str::contains("verified share"));
}

#[test]
fn explain_an_unknown_id_exits_2() {
    assert_input_error(os2gov().args(["explain", "X99"]), &["X99", "os2gov rules"]);
}

#[test]
fn badge_is_an_svg_naming_level_and_score() {
    let fixture = repo_with(&[("README.md", Entry::Text("# Demo <b>&\n"))], 1);
    let out = os2gov()
        .args(["badge", "--lang", "en", "--level", "1"])
        .arg(fixture.path())
        .output()
        .expect("run");
    assert!(out.status.success());
    let svg = String::from_utf8_lossy(&out.stdout);
    assert!(
        svg.starts_with("<svg") && svg.trim_end().ends_with("</svg>"),
        "{svg}"
    );
    assert!(
        svg.contains("OS2 governance") && svg.contains("/100"),
        "{svg}"
    );
    assert!(svg.contains("role=\"img\""), "accessible: {svg}");
}

#[test]
fn check_writes_sarif() {
    let fixture = repo_with(&[("README.md", Entry::Text("# Demo\n"))], 1);
    let out = os2gov()
        .args(["check", "--format", "sarif", "--lang", "en"])
        .arg(fixture.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(1));
    let sarif: Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(sarif["version"], "2.1.0");
    let results = sarif["runs"][0]["results"].as_array().expect("results");
    assert!(results.iter().any(|r| r["ruleId"] == "F5"));
    assert!(results
        .iter()
        .all(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].is_string()));
}

/// Issue 9: run as users do, from inside the repository with the default path; a relative
/// `--output` lands in the current folder, and one that leaves it is refused (exit 2, one line).
#[test]
fn check_from_inside_the_repository_with_default_paths() {
    let fixture = fixtures::nearly_empty();
    let inside = os2gov()
        .current_dir(fixture.path())
        .args(["check", "--format", "json"])
        .output()
        .expect("run");
    let from_outside = os2gov()
        .arg("check")
        .arg(fixture.path())
        .args(["--format", "json"])
        .output()
        .expect("run");
    assert_eq!(inside.status.code(), Some(1));
    assert_eq!(inside.stdout, from_outside.stdout, "the same report");
    os2gov()
        .current_dir(fixture.path())
        .args(["check", "--format", "json", "-o", "report.json"])
        .assert()
        .code(1)
        .stdout("");
    assert!(fixture.path().join("report.json").is_file());
    let line = assert_input_error(
        os2gov()
            .current_dir(fixture.path())
            .args(["check", "-o", "../os2gov-escape.json"]),
        &["is outside", "nothing was written"],
    );
    assert!(!line.contains("ligger uden for"), "English only: {line}");
    assert!(line.contains("../os2gov-escape.json"), "{line}");
    let parent = fixture.path().parent().expect("parent");
    assert!(!parent.join("os2gov-escape.json").exists());
}

// ---------------------------------------------------------------------------------------------
// One language: the command line's own lines follow --lang
// ---------------------------------------------------------------------------------------------

/// The one line on standard error of a run that exits 2.
fn error_line(args: &[&str]) -> String {
    let output = os2gov().args(args).output().expect("run");
    assert_eq!(output.status.code(), Some(2), "{args:?}");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    stderr
}

#[test]
fn errors_are_danish_with_lang_da_and_english_with_lang_en() {
    let da = error_line(&["explain", "X99", "--lang", "da"]);
    assert!(
        da.starts_with("os2gov: fejl: ukendt krav-id \"X99\""),
        "{da}"
    );
    let en = error_line(&["explain", "X99", "--lang", "en"]);
    assert!(
        en.starts_with("os2gov: error: unknown requirement id \"X99\""),
        "{en}"
    );
    // Usage errors, which clap reports before the command runs.
    for (args, words) in [
        (
            &["check", "--level", "7", "--lang", "da"][..],
            &[
                "os2gov: fejl: ugyldig værdi '7'",
                "forventede sandkasse, 1, 2 eller 3",
            ][..],
        ),
        (
            &["check", "--lang=da", "--format", "xml"][..],
            &["ugyldig værdi 'xml'", "mulige værdier: text, json"][..],
        ),
        (
            &["check", "--lang", "da", "--bogus"][..],
            &[
                "ukendt argument '--bogus'",
                "brug: os2gov check [TILVALG] [STI]",
            ][..],
        ),
        (
            &["chek", "--lang", "da"][..],
            &[
                "ukendt kommando 'chek'",
                "brug: os2gov <KOMMANDO>; mente du 'check'?",
            ][..],
        ),
        (
            &["check", "--lang", "da", "--offline", "--offline"][..],
            &["'--offline' må kun angives én gang"][..],
        ),
        (
            &["check", "--lang", "da", "--format"][..],
            &["'--format <FORMAT>' skal have en værdi", "mulige værdier"][..],
        ),
        (
            &["check", "--lang", "da", "a", "b"][..],
            &["ukendt argument 'b'"][..],
        ),
        (
            &["explain", "--lang", "da"][..],
            &["der mangler et påkrævet argument: <ID>"][..],
        ),
    ] {
        let line = error_line(args);
        for word in words {
            assert!(line.contains(word), "{word:?} not in {line:?}");
        }
        // clap's own English, which must not reach a Danish line.
        for english in [
            "invalid value",
            "unexpected",
            "unrecognized",
            "cannot be used",
            "required",
            "tip:",
            "usage:",
            "[OPTIONS]",
            "<COMMAND>",
        ] {
            assert!(!line.contains(english), "{english:?} in {line:?}");
        }
    }
    let en = error_line(&["check", "--level", "7", "--lang", "en"]);
    assert!(en.contains("expected sandkasse, 1, 2 or 3"), "{en}");
}

#[test]
fn an_unreadable_config_is_a_danish_error_with_lang_da() {
    let fixture = repo_with(&[("README.md", Entry::Text("# X\n"))], 1);
    let line = error_line(&[
        "check",
        fixture.path().to_str().expect("UTF-8 path"),
        "--offline",
        "--lang",
        "da",
        "--config",
        "/nonexistent/os2gov.toml",
    ]);
    assert!(
        line.starts_with("os2gov: fejl: kan ikke læse konfigurationen"),
        "{line}"
    );
}

/// English words of the library's errors that must not reach a Danish line.
const ENGLISH_IN_ERRORS: &[&str] = &[
    "cannot",
    "not found",
    "is outside",
    "nothing was written",
    "expected",
    "found",
    "unknown",
    "invalid",
    "needs",
    "uncommitted",
    "not a ",
    "must",
];

/// The library's errors (adapters, config, paths, fix) in one language: Danish only with
/// `--lang da`, English only with `--lang en`.
#[test]
fn library_errors_are_in_the_language_asked_for() {
    let fixture = repo_with(&[("README.md", Entry::Text("# X\n"))], 1);
    let repo = fixture.path().to_str().expect("UTF-8 path").to_string();
    let plain = tempfile::tempdir().expect("tempdir");
    let plain_path = plain.path().to_str().expect("UTF-8 path").to_string();
    let bad = fixture.path().join("bad.toml");
    std::fs::write(&bad, "level = \"7\"\n").expect("write");
    let unknown_key = fixture.path().join("typo.toml");
    std::fs::write(&unknown_key, "levl = \"1\"\n").expect("write");
    let bad = bad.to_str().expect("UTF-8 path").to_string();
    let unknown_key = unknown_key.to_str().expect("UTF-8 path").to_string();
    // (arguments, run in the repository?, Danish words, English words)
    type Case<'a> = (Vec<&'a str>, bool, &'a [&'a str], &'a [&'a str]);
    let cases: Vec<Case> = vec![
        (
            vec!["check", "/nonexistent/os2gov-x", "--offline"],
            false,
            &["stien findes ikke: /nonexistent/os2gov-x"],
            &["path not found: /nonexistent/os2gov-x"],
        ),
        (
            vec!["check", &plain_path, "--rev", "HEAD", "--offline"],
            false,
            &["--rev HEAD kræver et git-repository"],
            &["--rev HEAD needs a git repository"],
        ),
        (
            vec!["check", "--offline", "-o", "../os2gov-escape.json"],
            true,
            &["ligger uden for", "intet blev skrevet"],
            &["is outside", "nothing was written"],
        ),
        (
            vec!["check", &repo, "--offline", "--config", &bad],
            false,
            &["bad.toml:1:", "forventede", "fandt \"7\""],
            &["bad.toml:1:", "expected", "found \"7\""],
        ),
        (
            vec!["check", &repo, "--offline", "--config", &unknown_key],
            false,
            &["typo.toml:1:", "ukendt nøgle `levl`"],
            &["typo.toml:1:", "unknown field `levl`"],
        ),
        (
            vec!["fix", &repo, "--only", "X99"],
            false,
            &["--only: ukendt krav-id \"X99\""],
            &["--only: unknown requirement id \"X99\""],
        ),
    ];
    for (args, inside, danish, english) in cases {
        for (lang, words, label) in [("da", danish, "fejl"), ("en", english, "error")] {
            let mut cmd = os2gov();
            if inside {
                cmd.current_dir(fixture.path());
            }
            let output = cmd
                .args(&args)
                .args(["--lang", lang])
                .output()
                .expect("run");
            let line = String::from_utf8(output.stderr).expect("UTF-8");
            assert_eq!(output.status.code(), Some(2), "{args:?} {lang}: {line}");
            assert_eq!(
                line.lines().count(),
                1,
                "{args:?} {lang}: one line: {line:?}"
            );
            assert!(
                line.starts_with(&format!("os2gov: {label}: ")),
                "{args:?} {lang}: {line}"
            );
            for word in words {
                assert!(line.contains(word), "{word:?} not in {line:?}");
            }
            if lang == "da" {
                for english in ENGLISH_IN_ERRORS {
                    assert!(!line.contains(english), "{english:?} in {line:?}");
                }
            } else {
                for danish in [
                    "intet blev skrevet",
                    "ligger uden for",
                    "forventede",
                    "findes ikke",
                    "kræver",
                ] {
                    assert!(!line.contains(danish), "{danish:?} in {line:?}");
                }
            }
        }
    }
}

/// The subcommands `os2gov --help` lists.
fn subcommands() -> Vec<String> {
    let help = os2gov().arg("--help").output().expect("run").stdout;
    let help = String::from_utf8(help).expect("UTF-8");
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|c| c != "help")
        .collect()
}

#[test]
fn help_describes_every_option_of_every_subcommand() {
    let commands = subcommands();
    assert!(commands.len() >= 10, "{commands:?}");
    for command in commands {
        let output = os2gov().args([&command, "--help"]).output().expect("run");
        assert_eq!(output.status.code(), Some(0), "{command}");
        let help = String::from_utf8(output.stdout).expect("UTF-8");
        let mut in_list = false;
        let lines: Vec<&str> = help.lines().collect();
        for (i, line) in lines.iter().copied().enumerate() {
            if line == "Arguments:" || line == "Options:" {
                in_list = true;
                continue;
            }
            if line.is_empty() || !line.starts_with(' ') {
                in_list = false;
                continue;
            }
            if !in_list {
                continue;
            }
            let entry = line.trim_start();
            // An entry is `-o, --output <FILE>  What it does`; clap leaves the text out when
            // the option has none.
            // Entries start at column 2 (6 for a long flag without a short one); deeper lines
            // are descriptions and their `[default: …]`.
            let entry_indent = line.len() - entry.len() <= 6;
            if entry_indent
                && (entry.starts_with('-') || entry.starts_with('<') || entry.starts_with('['))
            {
                // A long text goes on the next lines, indented further.
                let indent = line.len() - entry.len();
                let described = entry
                    .split_once("  ")
                    .is_some_and(|(_, text)| !text.trim().is_empty())
                    || lines.get(i + 1).is_some_and(|next| {
                        let text = next.trim_start();
                        !text.is_empty() && next.len() - text.len() > indent
                    });
                assert!(
                    described,
                    "`os2gov {command} --help`: {line:?} has no description"
                );
            }
        }
    }
}

// ---------------------------------------------------------------------------------------------
// README's example is the tool's real output
// ---------------------------------------------------------------------------------------------

/// The command README.md shows, after `$ `; the fixture below stands for `~/src/os2demo`.
const README_COMMAND: &str = "os2gov check ~/src/os2demo --level 1 --lang en --offline";

/// A small product written for README's example: a README with its purpose, value and
/// contact, the MPL-2.0 licence and a security policy; much of level 1 still to do.
fn readme_example_repo() -> Fixture {
    repo_with(
        &[
            (
                "README.md",
                Entry::Text(
                    "# OS2demo\n\nOS2demo helps municipalities plan road works together.\n\n\
                     ## Value\n\nMunicipalities share one plan instead of each keeping a \
                     spreadsheet, which saves coordination meetings and avoids digging the \
                     same road twice.\n\n## Who is it for\n\nRoad departments of Danish \
                     municipalities and their contractors.\n\n## Contact\n\nJane Jensen, \
                     Aarhus Kommune, jane@aarhus.dk\n",
                ),
            ),
            (
                "LICENSE",
                Entry::Text("Mozilla Public License Version 2.0\n"),
            ),
            ("SECURITY.md", Entry::Text(SECURITY)),
        ],
        20,
    )
}

#[test]
fn readme_example_is_the_real_output() {
    let fixture = readme_example_repo();
    let output = os2gov()
        .args(["check", fixture.path().to_str().expect("UTF-8 path")])
        .args(README_COMMAND.split_whitespace().skip(3))
        .output()
        .expect("run");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8");
    let expected = format!("```console\n$ {README_COMMAND}\n{stdout}```\n");
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("README.md");
    let readme = std::fs::read_to_string(&path).expect("README.md");
    let start = readme
        .find("```console\n")
        .expect("README has a ```console block");
    let end =
        start + readme[start + 3..].find("\n```\n").expect("the block ends") + 3 + "\n```\n".len();
    let block = &readme[start..end];
    if block != expected && std::env::var_os("OS2GOV_WRITE_DOCS").is_some() {
        std::fs::write(&path, readme.replacen(block, &expected, 1)).expect("write README.md");
        return;
    }
    assert!(
        block == expected,
        "README.md's example is not the tool's current output; refresh it with\n\n    \
         OS2GOV_WRITE_DOCS=1 cargo test --test cli readme_example_is_the_real_output\n\n\
         expected:\n{expected}\nfound:\n{block}"
    );
}

/// The line about an incomplete read is in the report's language, its label too: Danish by
/// default, English with `--lang en`.
#[test]
fn the_incomplete_line_speaks_the_reports_language() {
    let fixture = repo_with(&[("README.md", Entry::Text("# OS2demo\n"))], 1);
    // A shallow clone: git's list of cut-off commits names HEAD.
    let git = fixture.path().join(".git");
    let head = std::fs::read_to_string(git.join("HEAD")).expect("HEAD");
    let head = match head.trim().strip_prefix("ref: ") {
        Some(reference) => std::fs::read_to_string(git.join(reference)).expect("ref"),
        None => head,
    };
    std::fs::write(git.join("shallow"), format!("{}\n", head.trim())).expect("shallow");
    let path = fixture.path().to_str().expect("UTF-8 path");
    for (args, label) in [
        (&["check", path, "--offline"][..], "os2gov: ufuldstændig: "),
        (
            &["check", path, "--offline", "--lang", "da"][..],
            "os2gov: ufuldstændig: ",
        ),
        (
            &["check", path, "--offline", "--lang", "en"][..],
            "os2gov: incomplete: ",
        ),
    ] {
        let output = os2gov().args(args).output().expect("run");
        let stderr = String::from_utf8(output.stderr).expect("UTF-8");
        assert_eq!(output.status.code(), Some(3), "{args:?}: {stderr}");
        assert!(stderr.starts_with(label), "{args:?}: {stderr}");
    }
}

/// A level is named once: "Krævet niveau: 1", "Niveau 1", never "Niveau: Niveau 1".
#[test]
fn a_level_is_not_named_twice() {
    let explain = os2gov()
        .args(["explain", "F7", "--lang", "da"])
        .output()
        .expect("run");
    let explain = String::from_utf8(explain.stdout).expect("UTF-8");
    assert!(explain.contains("   Niveau 1   "), "{explain}");
    assert!(explain.contains("Sådan retter du det:"), "{explain}");
    let fixture = repo_with(&[("README.md", Entry::Text("# OS2demo\n"))], 1);
    let path = fixture.path().to_str().expect("UTF-8 path");
    for (lang, line) in [
        ("da", "Krævet niveau:      1 "),
        ("en", "Required level:  1 "),
    ] {
        let check = os2gov()
            .args(["check", path, "--level", "1", "--lang", lang])
            .output()
            .expect("run");
        let text = String::from_utf8(check.stdout).expect("UTF-8");
        assert!(text.contains(line), "{text}");
        assert!(
            !text.contains("Niveau: Niveau") && !text.contains("level: Level"),
            "{text}"
        );
        assert!(!explain.contains("Niveau: Niveau"), "{explain}");
    }
}
