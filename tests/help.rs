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

/// Every command's help, long (`--help`) and short (`-h`), through `os2gov CMD --help` and
/// `os2gov help CMD`: none of clap's English fragments survive in Danish.
#[test]
fn every_command_help_in_danish_has_no_english_fragments() {
    let english = [
        "[OPTIONS]",
        "<COMMAND>",
        "[COMMAND]",
        "[default:",
        "possible values",
        "Possible values",
        "<LEVEL>",
        "<LANG>",
        "[PATH]",
        "<OUTPUT>",
        "<CONFIG>",
        "<NAME>",
        "<OWNER>",
        "[SOURCES]",
        "(see more with",
    ];
    let mut commands: Vec<Vec<&str>> = vec![vec![]];
    let names = [
        "check",
        "rules",
        "explain",
        "fix",
        "report",
        "action",
        "badge",
        "org",
        "evaluate",
        "portfolio",
    ];
    for name in names {
        commands.push(vec![name]);
    }
    let mut checked = 0;
    for command in &commands {
        for flag in ["--help", "-h"] {
            // Before the command: `action` takes no --lang of its own.
            let mut args = vec!["--lang", "da"];
            args.extend(command.iter().copied());
            args.push(flag);
            let mut outputs = vec![(args.clone(), help(&args))];
            if let Some(name) = command.first() {
                let args = vec!["--lang", "da", "help", name];
                outputs.push((args.clone(), help(&args)));
            }
            for (args, text) in outputs {
                assert!(text.contains("Brug: os2gov"), "{args:?}:\n{text}");
                for fragment in english.iter().chain(ENGLISH) {
                    assert!(
                        !text.contains(fragment),
                        "{fragment:?} in `os2gov {}`:\n{text}",
                        args.join(" ")
                    );
                }
                checked += 1;
            }
        }
    }
    assert_eq!(checked, 42);
    let check = help(&["check", "--lang", "da", "--help"]);
    for danish in [
        "Brug: os2gov check [TILVALG] [STI]",
        "--level <NIVEAU>",
        "[mulige værdier: text, json, markdown, sarif] [standard: text]",
        "[standard: .]",
        "sarif: SARIF 2.1.0 til GitHub code scanning",
    ] {
        assert!(check.contains(danish), "{danish:?} not in:\n{check}");
    }
}

#[test]
fn help_without_lang_is_english() {
    let text = help(&["check", "--help"]);
    assert!(text.contains("Usage: os2gov check"), "{text}");
    assert!(text.contains("Options:"), "{text}");
    assert!(text.contains("Language of the report: da or en"), "{text}");
    assert!(text.contains("[OPTIONS] [PATH]"), "{text}");
    assert!(text.contains("[default: text]"), "{text}");
    assert!(!text.contains("Brug:"), "{text}");
    assert!(!text.contains("[standard:"), "{text}");
    let text = help(&["--help"]);
    assert!(text.contains("Commands:"), "{text}");
    assert!(
        text.contains("Check a repository and print the report"),
        "{text}"
    );
}
