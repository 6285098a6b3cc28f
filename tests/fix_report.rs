//! `os2gov fix` and `os2gov report` end to end on fixture repositories: scaffolded files do not
//! pass until a human fills them in; existing bytes are never rewritten; nothing is half-written.

mod common;

use common::{os2gov, repo_with, walk, Entry, Fixture, NOW};
use os2gov::engine::report::{Report, Verdict};
use std::path::Path;

const INTRO: &str =
    "# Demo\n\nDemo helps municipalities keep track of their shared resources every single day.\n";

fn check(path: &Path) -> Report {
    let out = os2gov()
        .args(["check", "--lang", "en", "--format", "json"])
        .arg(path)
        .output()
        .expect("run");
    serde_json::from_slice(&out.stdout)
        .unwrap_or_else(|e| panic!("{e}: {}", String::from_utf8_lossy(&out.stderr)))
}

fn verdict(report: &Report, id: &str) -> Verdict {
    report.finding(id).map(|f| f.verdict).expect("finding")
}

fn small_repo() -> Fixture {
    repo_with(
        &[
            ("README.md", Entry::Text(INTRO)),
            ("LICENSE", Entry::Text(include_str!("../LICENSE"))),
        ],
        1,
    )
}

fn commit_all(fixture: &Fixture, message: &str) {
    fixture.commit(&[], message, NOW - 3600);
}

/// What a maintainer would write in place of each placeholder.
fn fill(text: &str) -> String {
    text.lines()
        .map(|line| {
            if !line.contains("TODO(os2gov)") {
                return line.to_string();
            }
            if line.contains("e-mail") && line.starts_with('|') {
                return if line.contains("Contact person") {
                    "| Jens Hansen | @jenshansen | Contact person (tovholder) | jens.hansen@aarhus.dk |".to_string()
                } else {
                    "| Mette Holm | @metteholm | Maintainer | mette.holm@odense.dk |".to_string()
                };
            }
            if line.contains("Name the contact person") {
                return "Jens Hansen, Aarhus Kommune, jens.hansen@aarhus.dk".to_string();
            }
            if line.contains("os2.eu/produkt") {
                return "The product page on os2.eu: https://os2.eu/produkt/demo".to_string();
            }
            if line.contains("receives vulnerability reports") {
                return "Send vulnerability reports to security@aarhus.dk; the contact person answers them.".to_string();
            }
            if line.starts_with("<!--") || line.starts_with('#') {
                return String::new();
            }
            // The template's own guidance, as the maintainer's answer in their words.
            line.replace("TODO(os2gov): ", "").replace("TODO(os2gov)", "five")
        })
        .collect::<Vec<_>>()
        .join("\n")
        + "\n"
}

#[test]
fn scaffolded_files_do_not_pass_until_filled_in() {
    let fixture = small_repo();
    let before = check(fixture.path());
    for id in [
        "F4", "P1", "P2", "P13", "S4", "G3", "P7", "P3", "F7", "F5", "R1",
    ] {
        assert_ne!(verdict(&before, id), Verdict::Met, "{id} before fix");
    }
    os2gov()
        .args(["fix", "--lang", "en"])
        .arg(fixture.path())
        .assert()
        .success();
    let readme = std::fs::read_to_string(fixture.path().join("README.md")).expect("readme");
    assert!(
        readme.starts_with(INTRO),
        "the existing README bytes are kept"
    );
    assert!(
        !readme.contains("## About Demo"),
        "the intro already says what Demo is"
    );
    commit_all(&fixture, "Scaffold governance files (#2)");

    let scaffolded = check(fixture.path());
    for id in [
        "F4", "P1", "P2", "P13", "S4", "G3", "P7", "P3", "F7", "F5", "R1", "F10",
    ] {
        assert_ne!(
            verdict(&scaffolded, id),
            Verdict::Met,
            "{id} must not pass from a fresh scaffold"
        );
    }
    assert!(
        scaffolded
            .notes
            .iter()
            .any(|n| n.contains("SECURITY.md holds TODO(os2gov)")),
        "{:?}",
        scaffolded.notes
    );

    for entry in walk(fixture.path(), false) {
        let text = std::fs::read_to_string(&entry).expect("read");
        if text.contains("TODO(os2gov)") {
            std::fs::write(&entry, fill(&text)).expect("write");
        }
    }
    commit_all(&fixture, "Fill in the governance files (#3)");
    let filled = check(fixture.path());
    for id in [
        "F4", "P1", "P2", "P13", "S4", "G3", "P7", "P3", "F5", "R1", "F10", "P4",
    ] {
        let f = filled.finding(id).expect("finding");
        assert_eq!(
            f.verdict,
            Verdict::Met,
            "{id} once filled in: {}",
            f.message
        );
    }
    assert!(filled.notes.iter().all(|n| !n.contains("TODO(os2gov)")));
}

#[test]
fn dry_run_prints_a_diff_and_writes_nothing() {
    let fixture = small_repo();
    let out = os2gov()
        .args(["fix", "--dry-run", "--lang", "da"])
        .arg(fixture.path())
        .output()
        .expect("run");
    assert!(out.status.success());
    let diff = String::from_utf8_lossy(&out.stdout);
    assert!(diff.contains("--- a/README.md\n+++ b/README.md"), "{diff}");
    assert!(diff.contains("--- /dev/null\n+++ b/SECURITY.md"), "{diff}");
    assert!(diff.contains("+# Sikkerhedspolitik"), "{diff}");
    assert!(!fixture.path().join("SECURITY.md").exists());
    assert_eq!(
        std::fs::read_to_string(fixture.path().join("README.md")).expect("readme"),
        INTRO
    );
}

#[test]
fn only_limits_the_fix() {
    let fixture = small_repo();
    os2gov()
        .args(["fix", "--only", "F4,P1"])
        .arg(fixture.path())
        .assert()
        .success();
    assert!(fixture.path().join("SECURITY.md").exists());
    assert!(fixture.path().join("CODE_OF_CONDUCT.md").exists());
    assert!(!fixture.path().join("VISION.md").exists());
    assert_eq!(
        std::fs::read_to_string(fixture.path().join("README.md")).expect("readme"),
        INTRO
    );
    os2gov()
        .args(["fix", "--only", "X99"])
        .arg(fixture.path())
        .assert()
        .code(2);
}

#[test]
fn dirty_work_tree_is_refused_without_allow_dirty() {
    let fixture = small_repo();
    std::fs::write(fixture.path().join("notes.txt"), "work in progress").expect("write");
    let out = os2gov()
        .arg("fix")
        .arg(fixture.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("uncommitted changes") && err.contains("notes.txt"),
        "{err}"
    );
    assert!(!fixture.path().join("SECURITY.md").exists());
    os2gov()
        .args(["fix", "--allow-dirty"])
        .arg(fixture.path())
        .assert()
        .success();
    assert!(fixture.path().join("SECURITY.md").exists());
}

#[test]
fn a_file_that_is_a_folder_stops_everything() {
    let fixture = small_repo();
    std::fs::create_dir_all(fixture.path().join("VISION.md")).expect("dir");
    let out = os2gov()
        .args(["fix", "--allow-dirty"])
        .arg(fixture.path())
        .output()
        .expect("run");
    assert_eq!(
        out.status.code(),
        Some(2),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(String::from_utf8_lossy(&out.stderr).contains("exists as a folder"));
    assert!(
        !fixture.path().join("SECURITY.md").exists(),
        "nothing half-written"
    );
    assert_eq!(
        std::fs::read_to_string(fixture.path().join("README.md")).expect("readme"),
        INTRO
    );
}

#[test]
fn report_round_trips_and_keeps_human_text() {
    let fixture = small_repo();
    let out = os2gov()
        .args(["report", "--lang", "en"])
        .arg(fixture.path())
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let path = fixture.path().join("Demo_governance_report.md");
    let text = std::fs::read_to_string(&path).expect("report written");
    let parsed = os2gov::parse::govreport::parse("Demo_governance_report.md", &text);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.rows.len(), 43);
    let report = check(fixture.path());
    // Round trip: the markers the tool wrote are the verdicts it reaches again.
    for row in &parsed.rows {
        let f = report.finding(&row.id).expect("finding");
        match row.marker {
            os2gov::parse::govreport::Marker::Met => {
                assert!(f.verdict.is_compliant(), "{} {:?}", row.id, f.verdict)
            }
            os2gov::parse::govreport::Marker::NotMet => {
                assert_eq!(f.verdict, Verdict::NotMet, "{}", row.id)
            }
            _ => {}
        }
    }
    assert_eq!(verdict(&report, "F2"), Verdict::Met);
    assert!(
        report.contradictions.is_empty(),
        "{:?}",
        report.contradictions
    );

    // A human declares F3 with an explanation; adding SECURITY.md flips F4; the rest stays.
    let f3 = text
        .lines()
        .find(|l| l.contains("| F3 "))
        .expect("F3")
        .to_string();
    let human = f3.replacen("|     |", "| ✅  |", 1).replacen(
        "|      |",
        "| Udbud gennemført efter SKI 02.19 (bilag 4). |",
        1,
    );
    let edited = text.replacen(&f3, &human, 1);
    std::fs::write(&path, &edited).expect("write");
    std::fs::write(
        fixture.path().join("SECURITY.md"),
        "Report vulnerabilities to security@aarhus.dk.\n",
    )
    .expect("write");
    commit_all(&fixture, "Security policy (#4)");
    let out = os2gov()
        .args(["report", "--lang", "en"])
        .arg(fixture.path())
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(stdout.contains("F4   ❌ → ✅"), "{stdout}");
    let updated = std::fs::read_to_string(&path).expect("read");
    assert!(updated.contains(&human), "the human row is byte-identical");
    let changed: Vec<_> = edited
        .lines()
        .zip(updated.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    assert_eq!(verdict(&check(fixture.path()), "F3"), Verdict::Declared);
}

#[test]
fn broken_report_table_is_refused_and_left_alone() {
    let broken = "# Demo\n\n| 🔽 | # | Krav | Beskrivelse / Dokumentation | Produktniveau | Retningslinjer |\n|---|---|---|---|---|---|\n| ✅ | F2 | too few cells |\n";
    let fixture = repo_with(
        &[
            ("README.md", Entry::Text(INTRO)),
            ("Demo_governance_report.md", Entry::Text(broken)),
        ],
        1,
    );
    let out = os2gov()
        .arg("report")
        .arg(fixture.path())
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("cannot be updated safely"));
    assert_eq!(
        std::fs::read_to_string(fixture.path().join("Demo_governance_report.md")).expect("read"),
        broken
    );
}

#[test]
fn self_assessment_export() {
    let fixture = small_repo();
    let out_file = fixture.path().join("docs/self-assessment/demo.json");
    os2gov()
        .args(["report", "--allow-dirty", "--self-assessment"])
        .arg(&out_file)
        .arg(fixture.path())
        .assert()
        .success();
    let json = std::fs::read_to_string(&out_file).expect("json");
    let sa =
        os2gov::parse::govreport::parse_self_assessment("docs/self-assessment/demo.json", &json)
            .expect("parse");
    assert_eq!(sa.rows.len(), 43);
    assert!(json.contains("\"filledDate\": \"2026-11-27\""), "{json}");
}

/// Golden files: what `fix` writes, per template and language.
#[test]
fn golden_templates() {
    for lang in ["da", "en"] {
        let fixture = repo_with(&[("README.md", Entry::Text("# Demo\n"))], 1);
        os2gov()
            .args(["fix", "--lang", lang])
            .arg(fixture.path())
            .assert()
            .success();
        let mut files: Vec<_> = walk(fixture.path(), false)
            .into_iter()
            .map(|p| {
                p.strip_prefix(fixture.path())
                    .expect("inside")
                    .to_string_lossy()
                    .into_owned()
            })
            .collect();
        files.sort();
        for file in files {
            let text = std::fs::read_to_string(fixture.path().join(&file)).expect("read");
            let name = format!("fix_{lang}_{}", file.replace(['/', '.'], "_"));
            insta::assert_snapshot!(name, text);
        }
    }
}

/// `fix` and F7 read the same heading lists: a Danish "Eksempler" section is not inserted twice.
#[test]
fn fix_does_not_duplicate_a_danish_examples_section() {
    let readme = "# Demo\n\nDemo hjælper kommunerne med at holde styr på fælles ressourcer hver dag.\n\n## Eksempler\n\nKør `demo --hjælp`.\n";
    let fixture = repo_with(&[("README.md", Entry::Text(readme))], 1);
    os2gov()
        .args(["fix", "--lang", "da", "--only", "F7"])
        .arg(fixture.path())
        .assert()
        .success();
    let after = std::fs::read_to_string(fixture.path().join("README.md")).expect("readme");
    assert!(after.starts_with(readme), "existing bytes kept");
    assert_eq!(after.matches("## Eksempler").count(), 1, "{after}");
}

/// A read-only file system, for real: root ignores file modes, so the fixture is bind-mounted
/// read-only onto itself in a private mount namespace (`unshare -m`), which only this process
/// sees. Where mounting is not permitted the test says so on stderr and checks nothing.
#[test]
fn read_only_file_system_is_a_clear_error_and_nothing_is_written() {
    let fixture = small_repo();
    let dir = fixture.path();
    let script = r#"mount --bind "$1" "$1" && mount -o remount,bind,ro "$1" || exit 99
"$2" fix "$1"; echo "fix=$?"
"$2" report "$1"; echo "report=$?"
"$2" fix --dry-run "$1" >/dev/null; echo "dry-run=$?""#;
    let out = std::process::Command::new("unshare")
        .args(["-m", "--propagation", "private", "sh", "-c", script, "sh"])
        .arg(dir)
        .arg(env!("CARGO_BIN_EXE_os2gov"))
        .env("OS2GOV_NOW", NOW.to_string())
        .env("OS2GOV_OFFLINE", "1")
        .output();
    let out = match out {
        Ok(out) if out.status.code() != Some(99) && out.status.success() => out,
        other => {
            eprintln!("skipped: cannot mount a read-only folder here: {other:?}");
            return;
        }
    };
    let stdout = String::from_utf8_lossy(&out.stdout);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stdout.contains("fix=2"), "{stdout}\n{stderr}");
    assert!(stdout.contains("report=2"), "{stdout}\n{stderr}");
    // A dry run writes nothing, so it works on a read-only checkout.
    assert!(stdout.contains("dry-run=0"), "{stdout}\n{stderr}");
    assert_eq!(
        stderr
            .lines()
            .filter(|l| l.contains("Read-only file system") && l.contains("nothing was written"))
            .count(),
        2,
        "{stderr}"
    );
    let files: Vec<_> = walk(dir, false)
        .into_iter()
        .map(|p| p.strip_prefix(dir).expect("inside").to_path_buf())
        .collect();
    assert_eq!(files.len(), 2, "{files:?}");
    assert_eq!(
        std::fs::read_to_string(dir.join("README.md")).expect("readme"),
        INTRO
    );
}

fn report_in(dir: &Path, args: &[&str]) -> String {
    let out = os2gov()
        .current_dir(dir)
        .arg("report")
        .args(args)
        .output()
        .expect("run");
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    String::from_utf8_lossy(&out.stdout).into_owned()
}

fn row_of<'a>(text: &'a str, id: &str) -> &'a str {
    text.lines()
        .find(|l| l.contains(&format!("| {id} ")))
        .unwrap_or_else(|| panic!("no row {id}"))
}

/// Issue 9, defect 2: `report` turned a person's contradicting ✅-with-text into ❌-with-text,
/// which the next check read as an explanation: the requirement became compliant and the
/// score rose. Only a person's ❌/➖ with text explains.
#[test]
fn report_never_turns_a_contradiction_into_an_explanation() {
    let fixture = small_repo();
    report_in(fixture.path(), &["--lang", "en"]);
    let path = fixture.path().join("Demo_governance_report.md");
    let text = std::fs::read_to_string(&path).expect("report");
    let f4 = row_of(&text, "F4").to_string();
    // A person marks F4 ✅ and writes why; the repository has no security policy.
    let mut cells: Vec<String> = f4.split('|').map(str::to_string).collect();
    assert_eq!(cells[1].trim(), "❌", "{f4}");
    cells[1] = " ✅ ".into();
    cells[4] = " Sikkerhed er beskrevet i driftsaftalen med leverandøren. ".into();
    let claimed = cells.join("|");
    std::fs::write(&path, text.replacen(&f4, &claimed, 1)).expect("write");
    commit_all(&fixture, "Declare F4 (#2)");
    let before = check(fixture.path());
    assert_eq!(verdict(&before, "F4"), Verdict::NotMet);
    assert!(before.contradictions.iter().any(|c| c.id == "F4"));

    let stdout = report_in(fixture.path(), &["--lang", "en"]);
    assert!(!stdout.contains("F4   ✅ → ❌"), "{stdout}");
    assert!(stdout.contains("F4   ✅ kept"), "{stdout}");
    let updated = std::fs::read_to_string(&path).expect("report");
    assert!(
        updated.contains(&claimed),
        "the person's row is byte-identical"
    );
    commit_all(&fixture, "Report (#3)");
    let after = check(fixture.path());
    assert_eq!(verdict(&after, "F4"), Verdict::NotMet);
    assert_eq!(after.score, before.score, "the score must not rise");
    assert!(after.contradictions.iter().any(|c| c.id == "F4"));
}

/// The same class: the evidence links `report` writes into a met row must not become an
/// explanation when the evidence goes away.
#[test]
fn the_tools_own_evidence_links_never_explain_a_gap() {
    let fixture = small_repo();
    std::fs::write(
        fixture.path().join("SECURITY.md"),
        "Report vulnerabilities to security@aarhus.dk.\n",
    )
    .expect("write");
    commit_all(&fixture, "Security policy (#2)");
    report_in(fixture.path(), &["--lang", "en"]);
    let path = fixture.path().join("Demo_governance_report.md");
    let text = std::fs::read_to_string(&path).expect("report");
    assert!(row_of(&text, "F4").contains("[SECURITY.md](SECURITY.md)"));
    std::fs::remove_file(fixture.path().join("SECURITY.md")).expect("rm");
    let mut index = fixture.repo.index().expect("index");
    index
        .remove_path(Path::new("SECURITY.md"))
        .expect("unstage");
    index.write().expect("write");
    commit_all(&fixture, "Drop the security policy (#3)");
    let before = check(fixture.path());
    assert_eq!(verdict(&before, "F4"), Verdict::NotMet);

    let stdout = report_in(fixture.path(), &["--lang", "da"]);
    assert!(stdout.contains("F4   ✅ beholdt"), "{stdout}");
    commit_all(&fixture, "Report (#4)");
    let after = check(fixture.path());
    assert_eq!(verdict(&after, "F4"), Verdict::NotMet);
    assert_eq!(after.score, before.score);
}

/// Issue 9, defect 8: `report --out NEW` beside an old-format report carries every old row's
/// marker and text over by requirement id, and lists what has no counterpart today.
#[test]
fn old_format_report_is_migrated_with_its_text() {
    let old = std::fs::read_to_string(
        common::corpus_dir().join("OS2iot/OS2iot-docs/files/OS2iot_GOVERNANCE_REPORT.md"),
    )
    .expect("corpus");
    let fixture = repo_with(
        &[
            ("README.md", Entry::Text(INTRO)),
            ("LICENSE", Entry::Text(include_str!("../LICENSE"))),
            ("OS2iot_GOVERNANCE_REPORT.md", Entry::Text(&old)),
        ],
        1,
    );
    // The old report cannot be updated in place; the message says how to migrate.
    let out = os2gov()
        .current_dir(fixture.path())
        .arg("report")
        .output()
        .expect("run");
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("--out NEW_FILE"));

    let stdout = report_in(
        fixture.path(),
        &["--out", "docs/Demo_governance_report.md", "--lang", "en"],
    );
    assert!(
        stdout.starts_with("created docs/Demo_governance_report.md\n"),
        "{stdout}"
    );
    assert!(
        stdout.contains("carried over from OS2iot_GOVERNANCE_REPORT.md (old format)"),
        "{stdout}"
    );
    for (id, line) in [("R2", 13), ("F7", 33), ("F8", 34), ("F9", 35)] {
        assert!(
            stdout.contains(&format!("not carried over: {id} (line {line})")),
            "{id}: {stdout}"
        );
    }
    assert!(
        stdout.contains("R3→R2") && stdout.contains("F13→F14"),
        "{stdout}"
    );
    let new = std::fs::read_to_string(fixture.path().join("docs/Demo_governance_report.md"))
        .expect("written");
    let parsed = os2gov::parse::govreport::parse("docs/Demo_governance_report.md", &new);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.format, os2gov::parse::govreport::Format::Current);
    let row = |id: &str| parsed.row(id).unwrap_or_else(|| panic!("{id}"));
    use os2gov::parse::govreport::Marker;
    // Same id, same text; links kept as links.
    assert_eq!(row("G3").marker, Marker::Met);
    assert_eq!(row("G3").documentation, "Mogens Kjeldsen, OS2");
    assert!(row_of(&new, "R1").contains("[gevinstkort](https://os2.eu/produkt/os2iot)"));
    // Renumbered: old R3 is R2, old R5 is R4, old F13/F14 swapped, old S4 is S5.
    assert!(row("R2").documentation.contains("tilslutningserklæring"));
    assert!(row("R4").documentation.contains("forretningsmæssige mål"));
    assert!(row("F13")
        .documentation
        .contains("praesentationer-fra-os2iot"));
    assert!(row("F14").documentation.contains("Se følgende"));
    assert_eq!(
        (row("S5").marker, row("S5").documentation.as_str()),
        (Marker::NotMet, "Afventer beskrivelse")
    );
    assert_eq!(row("S4").documentation, "", "new in the current template");
    // `[ ]` is the author's ❌; with its text it explains, and stdout says to read it through.
    assert_eq!(row("G9").marker, Marker::NotMet);
    assert!(stdout.contains("counts as an explanation"), "{stdout}");
    assert!(stdout.contains("G9"), "{stdout}");

    // Once the old report is gone, the check reads the carried explanations.
    std::fs::remove_file(fixture.path().join("OS2iot_GOVERNANCE_REPORT.md")).expect("rm");
    let mut index = fixture.repo.index().expect("index");
    index
        .remove_path(Path::new("OS2iot_GOVERNANCE_REPORT.md"))
        .expect("unstage");
    index.write().expect("write");
    commit_all(&fixture, "Move to the current template (#2)");
    let report = check(fixture.path());
    assert_eq!(verdict(&report, "G9"), Verdict::Explained);
    assert_eq!(verdict(&report, "F3"), Verdict::Declared);
}

/// Issue 10 §3: the check's reader knew more header spellings than `report`'s writer, so a
/// report whose table says "Status", "Nr." and "Documentation" was read by every check but never
/// updated: `report` found no table, changed nothing and said nothing. Both now use one detector.
#[test]
fn report_updates_a_table_whose_headers_the_check_reads() {
    let fixture = small_repo();
    report_in(fixture.path(), &["--lang", "en"]);
    let path = fixture.path().join("Demo_governance_report.md");
    let text = std::fs::read_to_string(&path).expect("report");
    let (marker_id, documentation) = ("| 🔽  | #   |", "| Beskrivelse / Dokumentation |");
    assert!(text.contains(marker_id) && text.contains(documentation));
    let renamed = text
        .replace(marker_id, "| Status | Nr. |")
        .replace(documentation, "| Documentation               |");
    std::fs::write(&path, &renamed).expect("write");
    let parsed = os2gov::parse::govreport::parse("Demo_governance_report.md", &renamed);
    assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
    assert_eq!(parsed.rows.len(), 43, "the check reads every row");
    std::fs::write(
        fixture.path().join("SECURITY.md"),
        "Report vulnerabilities to security@aarhus.dk.\n",
    )
    .expect("write");
    commit_all(&fixture, "Security policy (#2)");

    let stdout = report_in(fixture.path(), &["--lang", "en"]);
    assert!(stdout.contains("F4   ❌ → ✅"), "{stdout}");
    let updated = std::fs::read_to_string(&path).expect("report");
    let f4 = row_of(&updated, "F4");
    assert!(f4.starts_with("| ✅ "), "{f4}");
    assert!(f4.contains("[SECURITY.md](SECURITY.md)"), "{f4}");
    let changed: Vec<_> = renamed
        .lines()
        .zip(updated.lines())
        .filter(|(a, b)| a != b)
        .collect();
    assert_eq!(changed.len(), 1, "{changed:?}");
    commit_all(&fixture, "Report (#3)");
    let after = check(fixture.path());
    assert_eq!(verdict(&after, "F4"), Verdict::Met);
    assert!(
        after.contradictions.iter().all(|c| c.id != "F4"),
        "{:?}",
        after.contradictions
    );
}

/// A README with most of OS2's template: a badge-laden title without the mission statement under
/// it, and an install section that covers only the development half: `intro` goes under the
/// title, `production` at the end of the install section.
fn template_readme(lang: &str, intro: &str, production: &str) -> String {
    let (how, arch, features, install, examples, footer) =
        if lang == "da" {
            (
                "Sådan virker det",
                "Arkitektur",
                "Funktioner",
                "Installation",
                "Eksempler",
                "Licens: EUPL-1.2. Bidrag: se CONTRIBUTING.md. Kontakt: tovholder@kommune.dk",
            )
        } else {
            ("How it works", "Architecture", "Key features", "How to install and run", "Examples",
         "Licence: EUPL-1.2. Contributing: see CONTRIBUTING.md. Contact: tovholder@kommune.dk")
        };
    format!(
        "# Tjekliste [![Build](https://ci.example/b.svg)](https://ci.example)\n\n{intro}\
         ## {how}\n\nTjekliste reads the forms and sends each one to the right office at once.\n\n\
         ## {arch}\n\nA web front end, a small API and a PostgreSQL database behind them both.\n\n\
         ## {features}\n\n- Forms\n- Routing of every form to the office that handles it\n\n\
         ## {install}\n\nRun `make dev` to start the development environment on your own machine.\n\n\
         {production}## {examples}\n\nRun `tjekliste --help` to see every command it has and what it does.\n\n\
         ---\n\n{footer}\n"
    )
}

fn template_repo(readme: &str) -> Fixture {
    repo_with(
        &[
            ("README.md", Entry::Text(readme)),
            ("LICENSE", Entry::Text(include_str!("../LICENSE"))),
            ("MAINTAINERS.md", Entry::Text("# Maintainers\n\n| Name | E-mail |\n|---|---|\n| Mette Holm | mette.holm@odense.dk |\n| Jens Hansen | jens.hansen@aarhus.dk |\n")),
            ("CONTRIBUTING.md", Entry::Text("# Contributing\n\nOpen an issue first, then a pull request against main; the maintainers review each one within a week.\n")),
            ("docs/architecture.md", Entry::Text("# Architecture\n\nThe web front end talks to the API, which stores every form in PostgreSQL and routes it.\n")),
        ],
        1,
    )
}

/// Every line of `before` stands in `after`, in the same order: the fix only inserted.
fn only_inserted(before: &str, after: &str) -> bool {
    let mut rest = after.lines();
    before.lines().all(|line| rest.any(|l| l == line))
}

#[test]
fn fix_inserts_the_halves_f7_still_asks_for_in_a_readme_that_has_the_sections() {
    for (lang, production, mission) in [
        ("da", "### Drift", "formålsbeskrivelse"),
        ("en", "### Production", "mission statement"),
    ] {
        let readme = template_readme(lang, "", "");
        let fixture = template_repo(&readme);
        let before = check(fixture.path());
        let f7 = before.finding("F7").expect("F7");
        assert_eq!(f7.verdict, Verdict::NotMet, "{lang}");
        assert!(
            f7.message.contains("mission statement")
                && f7.message.contains("production deployment")
                && !f7.message.contains("development set-up"),
            "{lang}: {}",
            f7.message
        );
        let out = os2gov()
            .args(["fix", "--only", "F7", "--lang", lang])
            .arg(fixture.path())
            .output()
            .expect("run");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let after = std::fs::read_to_string(fixture.path().join("README.md")).expect("readme");
        assert!(only_inserted(&readme, &after), "{lang}: {after}");
        let lines: Vec<&str> = after.lines().collect();
        // The mission statement right under the title, the production half inside the install
        // section (before the next section), and nothing that is there twice.
        assert!(
            lines[2].contains("TODO(os2gov)") && lines[2].contains(mission),
            "{after}"
        );
        let install_end = lines
            .iter()
            .position(|l| l.starts_with("## Eksempler") || l.starts_with("## Examples"))
            .expect("examples");
        let half = lines.iter().position(|l| *l == production).expect("half");
        let install = lines
            .iter()
            .position(|l| l.starts_with("## Installation") || l.starts_with("## How to install"))
            .expect("install");
        assert!(install < half && half < install_end, "{after}");
        let sections = |t: &str| t.lines().filter(|l| l.starts_with("## ")).count();
        assert_eq!(sections(&after), sections(&readme), "{after}");
        assert!(!after.contains("### Udvikling") && !after.contains("### Development"));
        commit_all(&fixture, "Scaffold F7's halves (#2)");
        assert_ne!(
            verdict(&check(fixture.path()), "F7"),
            Verdict::Met,
            "placeholders"
        );

        let filled = fill(&after).replace(
            "Describe how the product is deployed in production, following OS2's deployment recommendations.",
            "Deploy the container image to production with the Helm chart in deploy/; see the runbook.",
        );
        std::fs::write(fixture.path().join("README.md"), filled).expect("write");
        commit_all(&fixture, "Fill in F7's halves (#3)");
        let f7 = check(fixture.path());
        let f7 = f7.finding("F7").expect("F7");
        assert_eq!(f7.verdict, Verdict::Met, "{lang}: {}", f7.message);
    }
}

#[test]
fn fix_names_what_is_left_by_hand_instead_of_nothing_to_fix() {
    let intro =
        "Tjekliste helps municipal offices route every incoming form to the right desk.\n\n";
    let install_prod =
        "Deploy to production with the Helm chart in deploy/ and the runbook beside it.\n\n";
    for (lang, said, not_said) in [
        ("da", "skal gøres i hånden", "Intet at rette"),
        ("en", "to be done by hand", "Nothing to fix"),
    ] {
        let readme = template_readme(lang, intro, install_prod)
            .replace(
                "## Eksempler",
                "Replace with your examples.\n\n## Eksempler",
            )
            .replace("## Examples", "Replace with your examples.\n\n## Examples");
        let fixture = template_repo(&readme);
        let f7 = check(fixture.path());
        let f7 = f7.finding("F7").expect("F7");
        assert_eq!(f7.verdict, Verdict::NotMet, "{}", f7.message);
        let out = os2gov()
            .args(["fix", "--only", "F7", "--lang", lang])
            .arg(fixture.path())
            .output()
            .expect("run");
        assert!(out.status.success());
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.contains(said) && stdout.contains("F7:") && !stdout.contains(not_said),
            "{lang}: {stdout}"
        );
        assert_eq!(
            std::fs::read_to_string(fixture.path().join("README.md")).expect("readme"),
            readme
        );
    }
}
