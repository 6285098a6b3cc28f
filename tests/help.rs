//! `--help` in Danish with `--lang da`, and unchanged English without.

mod common;

use common::os2gov;

fn help(args: &[&str]) -> String {
    let out = os2gov().args(args).output().expect("os2gov runs");
    assert!(out.status.success(), "{args:?} failed");
    String::from_utf8(out.stdout).expect("help is UTF-8")
}

/// English option texts that must not survive in Danish help.
const ENGLISH: &[&str] = &[
    "Usage:",
    "Options:",
    "Arguments:",
    "Commands:",
    "Language of the report",
    "Write the report to this file",
    "Check a repository and print the report",
    "Print help",
];

#[test]
fn check_help_in_danish() {
    for args in [
        &["check", "--lang", "da", "--help"][..],
        &["check", "--lang=da", "--help"][..],
    ] {
        let text = help(args);
        assert!(text.contains("Brug:"), "{text}");
        assert!(text.contains("Rapportens sprog: da eller en."), "{text}");
        assert!(text.contains("Tilvalg:"), "{text}");
        for english in ENGLISH {
            assert!(
                !text.contains(english),
                "{english:?} in Danish help:\n{text}"
            );
        }
    }
}

#[test]
fn top_level_help_in_danish() {
    let text = help(&["--lang", "da", "--help"]);
    assert!(text.contains("Brug:"), "{text}");
    assert!(text.contains("Kommandoer:"), "{text}");
    assert!(
        text.contains("Tjek et repository og skriv rapporten"),
        "{text}"
    );
    for english in ENGLISH {
        assert!(
            !text.contains(english),
            "{english:?} in Danish help:\n{text}"
        );
    }
}

#[test]
fn help_without_lang_is_english() {
    let text = help(&["check", "--help"]);
    assert!(text.contains("Usage: os2gov check"), "{text}");
    assert!(text.contains("Options:"), "{text}");
    assert!(text.contains("Language of the report: da or en"), "{text}");
    assert!(!text.contains("Brug:"), "{text}");
    let text = help(&["--help"]);
    assert!(text.contains("Commands:"), "{text}");
    assert!(
        text.contains("Check a repository and print the report"),
        "{text}"
    );
}
