//! Text as people save it: a README written in Latin-1 / Windows-1252 by a Danish editor is read
//! as such, so its headings still count, and the report says how it was read.

mod common;

use common::{repo_with, Entry, NOW};
use os2gov::adapters::git::open_snapshot;
use os2gov::engine::report::Verdict;
use os2gov::engine::{check, Options};
use os2gov::Lang;

fn latin1(text: &str) -> Vec<u8> {
    text.chars()
        .map(|c| match c {
            '–' => 0x96,
            c => u8::try_from(u32::from(c)).expect("Latin-1"),
        })
        .collect()
}

#[test]
fn a_latin1_readme_is_read_as_windows_1252_with_a_note() {
    let readme = "# Bookingsystem\n\nBookingsystemet lader borgerne booke lokaler i kommunen.\n\n## Værdi\n\nKommunen sparer tid på manuel booking – og borgerne får svar med det samme, hele døgnet.\n";
    let fixture = repo_with(&[("README.md", Entry::Bytes(latin1(readme)))], 3);
    let snapshot = open_snapshot(fixture.path(), None, NOW).expect("snapshot");
    assert_eq!(snapshot.text("README.md"), Some(readme));
    for (lang, note) in [
        (
            Lang::Da,
            "README.md er ikke gyldig UTF-8 og blev læst som Windows-1252 (Latin-1).",
        ),
        (
            Lang::En,
            "README.md is not valid UTF-8 and was read as Windows-1252 (Latin-1).",
        ),
    ] {
        let report = check(
            &snapshot,
            &Options {
                lang: Some(lang),
                ..Options::default()
            },
        )
        .expect("check");
        let r1 = report.finding("R1").expect("R1");
        assert_eq!(r1.verdict, Verdict::Met, "{}", r1.message);
        assert!(report.notes.iter().any(|n| n == note), "{:?}", report.notes);
    }
}
