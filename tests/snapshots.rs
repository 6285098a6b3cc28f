//! Snapshot tests of the three report renderers (text without colour, JSON, Markdown) in Danish
//! and English, for three small repositories built in the test. Reports carry no timestamps
//! ("now" is fixed by `OS2GOV_NOW`); the tool version in the JSON is replaced before the snapshot.
//!
//! After a deliberate change: `INSTA_UPDATE=always cargo test --test snapshots`, then read the
//! changed files under `tests/snapshots/` before committing them.

mod common;
#[path = "snapshots/fixtures.rs"]
mod fixtures;

use common::{os2gov, Fixture};

/// Runs `os2gov check` on the fixture and returns standard output; the exit code is checked
/// against `passed` so that a snapshot can never hide a change of outcome.
fn check(fixture: &Fixture, format: &str, lang: &str, passed: bool) -> String {
    let output = os2gov()
        .arg("check")
        .arg(fixture.path())
        .args(["--format", format, "--lang", lang])
        .output()
        .expect("run os2gov");
    let stdout = String::from_utf8(output.stdout).expect("UTF-8 output");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert_eq!(
        output.status.code(),
        Some(if passed { 0 } else { 1 }),
        "stderr: {stderr}\nstdout: {stdout}"
    );
    assert!(stderr.is_empty(), "unexpected stderr: {stderr}");
    assert!(
        !stdout.contains(&*fixture.path().to_string_lossy()),
        "the report must not contain the temporary path"
    );
    stdout
}

/// The JSON report as written (field order included), with the tool version replaced.
fn json(fixture: &Fixture, lang: &str, passed: bool) -> String {
    let text = check(fixture, "json", lang, passed);
    let value: serde_json::Value = serde_json::from_str(&text).expect("JSON report");
    assert_eq!(value["tool"]["version"], env!("CARGO_PKG_VERSION"));
    let version = format!("\"version\": \"{}\"", env!("CARGO_PKG_VERSION"));
    assert_eq!(text.matches(&version).count(), 1, "{text}");
    text.replace(&version, "\"version\": \"[version]\"")
}

macro_rules! snapshots {
    ($name:ident, $fixture:expr, $passed:expr) => {
        mod $name {
            use super::*;

            #[test]
            fn text_da() {
                let fixture = $fixture;
                insta::assert_snapshot!(check(&fixture, "text", "da", $passed));
            }

            #[test]
            fn text_en() {
                let fixture = $fixture;
                insta::assert_snapshot!(check(&fixture, "text", "en", $passed));
            }

            #[test]
            fn markdown_da() {
                let fixture = $fixture;
                insta::assert_snapshot!(check(&fixture, "markdown", "da", $passed));
            }

            #[test]
            fn markdown_en() {
                let fixture = $fixture;
                insta::assert_snapshot!(check(&fixture, "markdown", "en", $passed));
            }

            #[test]
            fn json_da() {
                let fixture = $fixture;
                insta::assert_snapshot!(json(&fixture, "da", $passed));
            }

            #[test]
            fn json_en() {
                let fixture = $fixture;
                insta::assert_snapshot!(json(&fixture, "en", $passed));
            }
        }
    };
}

snapshots!(nearly_empty, fixtures::nearly_empty(), false);
snapshots!(good, fixtures::good(), true);
snapshots!(contradicting, fixtures::contradicting(), false);

/// Cells of a GFM table row: `|` not escaped by a backslash (GFM honours `\|` inside code spans
/// too, so code spans need no special case).
fn cell_count(row: &str) -> usize {
    let mut count = 0usize;
    let mut chars = row.chars();
    while let Some(c) = chars.next() {
        match c {
            '\\' => {
                chars.next();
            }
            '|' => count += 1,
            _ => {}
        }
    }
    count.saturating_sub(1)
}

/// The Markdown is valid GFM for a PR comment: every table row has as many cells as its header,
/// the only HTML is the `<details>` fold, repository text makes no links, images or emphasis,
/// and it shows up as literal text.
fn assert_well_formed_markdown(markdown: &str, literals: &[&str]) {
    use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

    let mut header: Option<usize> = None;
    for (n, line) in markdown.lines().enumerate() {
        if line.starts_with('|') {
            let cells = cell_count(line);
            match header {
                None => header = Some(cells),
                Some(expected) => assert_eq!(cells, expected, "line {}: {line}", n + 1),
            }
            assert!(line.ends_with('|'), "line {}: {line}", n + 1);
        } else {
            header = None;
        }
    }

    let options = Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH;
    let mut text = String::new();
    let mut emphasis = 0;
    for event in Parser::new_ext(markdown, options) {
        match event {
            Event::Html(html) | Event::InlineHtml(html) => {
                let html = html.trim();
                assert!(
                    html.starts_with("<details>") || html == "</details>",
                    "unexpected HTML: {html}"
                );
            }
            Event::Start(Tag::Link { .. } | Tag::Image { .. } | Tag::Strikethrough) => {
                panic!("unexpected {event:?}")
            }
            Event::Start(Tag::Emphasis) => emphasis += 1,
            Event::End(TagEnd::Emphasis) => emphasis -= 1,
            Event::Text(t) | Event::Code(t) => {
                if emphasis > 0 {
                    assert!(
                        matches!(&*t, "(anbefaling)" | "(recommendation)"),
                        "unexpected emphasis: {t}"
                    );
                }
                text.push_str(&t);
            }
            Event::End(_) | Event::SoftBreak => text.push('\n'),
            _ => {}
        }
    }
    for literal in literals {
        assert!(text.contains(literal), "{literal:?} is not shown as text");
    }
}

#[test]
fn markdown_is_well_formed_gfm() {
    for lang in ["da", "en"] {
        let markdown = check(&fixtures::nearly_empty(), "markdown", lang, false);
        assert_well_formed_markdown(&markdown, &[]);
        let markdown = check(&fixtures::good(), "markdown", lang, true);
        assert_well_formed_markdown(&markdown, &["CODE_OF_CONDUCT.md"]);
        let markdown = check(&fixtures::contradicting(), "markdown", lang, false);
        assert_well_formed_markdown(
            &markdown,
            &[
                "We ship Debian packages | not containers. <script>alert(1)</script> *really*",
                "OS2contra_governance_report.md",
            ],
        );
    }
}

#[test]
fn text_fits_an_80_column_terminal() {
    for (fixture, passed) in [
        (fixtures::nearly_empty(), false),
        (fixtures::good(), true),
        (fixtures::contradicting(), false),
    ] {
        for lang in ["da", "en"] {
            let text = check(&fixture, "text", lang, passed);
            for line in text.lines() {
                // Every character in these reports is one column wide except the ✅/❌ of
                // quoted declarations, which take two.
                let width: usize = line
                    .chars()
                    .map(|c| {
                        if matches!(c, '✅' | '❌' | '➖' | '❓') {
                            2
                        } else {
                            1
                        }
                    })
                    .sum();
                assert!(width <= 80, "{width} columns: {line}");
            }
            assert!(!text.contains('\x1b'), "no colour without a terminal");
        }
    }
}
