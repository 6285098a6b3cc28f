//! Real-world input: the data extracts of four OS2 repositories, rebuilt as git repositories.
//! Every assertion here can be verified by reading the extract's files.

mod common;

use common::{corpus_repo, NOW};
use os2gov::adapters::git::open_snapshot;
use os2gov::engine::report::{LevelSource, Report, Verdict};
use os2gov::engine::{check, Options};
use os2gov::{Lang, Level};

fn report(owner: &str, name: &str) -> Report {
    let fixture = corpus_repo(owner, name);
    let snapshot = open_snapshot(fixture.path(), None, NOW).expect("snapshot");
    check(
        &snapshot,
        &Options {
            lang: Some(Lang::En),
            ..Options::default()
        },
    )
    .expect("check")
}

fn finding<'a>(report: &'a Report, id: &str) -> &'a os2gov::engine::report::Finding {
    report.finding(id).expect("finding")
}

#[test]
fn os2mo_licence_through_symlink_and_valid_publiccode() {
    let r = report("OS2mo", "os2mo");
    let f2 = finding(&r, "F2");
    assert_eq!(f2.verdict, Verdict::Met, "{}", f2.message);
    assert!(f2.message.contains("MPL-2.0"), "{}", f2.message);
    assert_eq!(f2.evidence[0].path.as_deref(), Some("LICENSE"));
    assert_eq!(
        f2.evidence[0].note.as_deref(),
        Some("symlink → LICENSES/MPL-2.0.txt")
    );
    assert_eq!(
        finding(&r, "P12").verdict,
        Verdict::Met,
        "{}",
        finding(&r, "P12").message
    );
    assert_eq!(finding(&r, "F6").verdict, Verdict::Met);
    assert_eq!(finding(&r, "F4").verdict, Verdict::Met);
    assert_eq!(
        finding(&r, "P8").verdict,
        Verdict::Met,
        "{}",
        finding(&r, "P8").message
    );
    assert!(finding(&r, "P8").message.contains(".gitlab-ci.yml"));
    assert_eq!(finding(&r, "F19").verdict, Verdict::Met);
    // The docs link to OS2rollekatalog's page (an integration), which is not OS2mo's own page.
    assert_ne!(
        finding(&r, "F10").verdict,
        Verdict::Met,
        "{}",
        finding(&r, "F10").message
    );
    // No governance report: the level falls back to the default, and declared rows are unknown.
    assert_eq!(r.required_level.source, LevelSource::Default);
    assert_eq!(finding(&r, "F3").verdict, Verdict::Unknown);
    // Offline: metadata checks never pass.
    assert_eq!(finding(&r, "F1").verdict, Verdict::Unknown);
    assert_eq!(finding(&r, "P9").verdict, Verdict::Unknown);
}

#[test]
fn os2iot_docs_declares_level_3_in_an_old_format_report() {
    let r = report("OS2iot", "OS2iot-docs");
    assert_eq!(r.required_level.level, Level::Three);
    assert_eq!(r.required_level.source, LevelSource::Report);
    let p11 = finding(&r, "P11");
    assert_eq!(p11.verdict, Verdict::NotMet);
    assert!(p11.message.contains("old format"), "{}", p11.message);
    let p12 = finding(&r, "P12");
    assert_eq!(p12.verdict, Verdict::NotMet);
    assert!(p12.message.contains("0.2"), "{}", p12.message);
    assert_eq!(p12.evidence[0].path.as_deref(), Some("Publiccode.yml"));
    let f2 = finding(&r, "F2");
    assert_eq!(f2.verdict, Verdict::NotMet);
    assert!(f2.message.contains("CC-BY-SA-4.0"), "{}", f2.message);
    // Old-format markers are not applied: F3 stays undeclared although the old report ticks it.
    assert_eq!(finding(&r, "F3").verdict, Verdict::Unknown);
    assert_eq!(
        finding(&r, "F4").verdict,
        Verdict::Met,
        "Security.md in any case"
    );
    assert!(!r.passed);
}

#[test]
fn os2compliance_ignores_vendored_licences() {
    let r = report("OS2compliance", "OS2compliance");
    let f2 = finding(&r, "F2");
    assert_eq!(f2.verdict, Verdict::Met);
    assert!(f2.message.contains("MPL-2.0"));
    assert_eq!(finding(&r, "P1").verdict, Verdict::Met);
    assert_eq!(finding(&r, "P2").verdict, Verdict::Met);
    // The newest commit in the extract is from 2025-08; "today" is 2026-11-27.
    let f1 = finding(&r, "F1");
    assert_eq!(f1.verdict, Verdict::NotMet);
    assert!(f1.message.contains("days old"));
    assert_eq!(
        finding(&r, "P12").verdict,
        Verdict::NotMet,
        "no publiccode.yml"
    );
}

#[test]
fn kitos_pull_request_template_at_the_root() {
    let r = report("os2kitos", "kitos");
    assert_eq!(finding(&r, "P3").verdict, Verdict::Met);
    assert_eq!(finding(&r, "F4").verdict, Verdict::NotMet);
    assert_eq!(finding(&r, "F6").verdict, Verdict::Met);
    assert_eq!(r.achieved_level, None);
}
