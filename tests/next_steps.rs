//! The text and Markdown reports open with the next steps: what keeps the product from its
//! required level, in the order to do it. Small fixtures written for these tests, and the four
//! corpus extracts at level 1.

mod common;

use common::{corpus_repo, NOW};
use os2gov::adapters::git::open_snapshot;
use os2gov::engine::report::Report;
use os2gov::engine::{check, Options};
use os2gov::{Lang, Level};

const CORPUS: [(&str, &str); 4] = [
    ("OS2compliance", "OS2compliance"),
    ("OS2iot", "OS2iot-docs"),
    ("OS2mo", "os2mo"),
    ("os2kitos", "kitos"),
];

fn corpus_report(owner: &str, name: &str, lang: Lang) -> Report {
    let fixture = corpus_repo(owner, name);
    let snapshot = open_snapshot(fixture.path(), None, NOW).expect("snapshot");
    check(
        &snapshot,
        &Options {
            lang: Some(lang),
            level: Some(Level::One),
            ..Options::default()
        },
    )
    .expect("check")
}

/// `cargo test --test next_steps corpus_line_counts -- --ignored --nocapture` prints the figures.
#[test]
#[ignore]
fn corpus_line_counts() {
    for (owner, name) in CORPUS {
        for lang in [Lang::Da, Lang::En] {
            let r = corpus_report(owner, name, lang);
            let text = os2gov::render::text(&r, false);
            println!("{name} {lang:?}: {} lines", text.lines().count());
        }
    }
}

fn fixture_report(files: &[(&str, common::Entry)], lang: Lang, level: Option<Level>) -> Report {
    let fixture = common::repo_with(files, 3);
    let snapshot = open_snapshot(fixture.path(), None, NOW).expect("snapshot");
    check(
        &snapshot,
        &Options {
            lang: Some(lang),
            level,
            ..Options::default()
        },
    )
    .expect("check")
}

/// A product with a README and a licence, nothing else: many gaps on every level.
fn small_product(lang: Lang) -> Report {
    use common::Entry::Text;
    fixture_report(
        &[
            (
                "README.md",
                Text("# OS2demo\n\nOS2demo hjælper kommunerne med at planlægge vejarbejde.\n"),
            ),
            ("LICENSE", Text("Mozilla Public License Version 2.0\n")),
        ],
        lang,
        Some(Level::One),
    )
}

/// The ids of the numbered steps of the text report ("  1. ✘ F4   …"), in order.
fn text_step_ids(text: &str) -> Vec<String> {
    text.lines()
        .filter_map(|l| {
            let (number, rest) = l.trim_start().split_once(". ")?;
            number.parse::<usize>().ok()?;
            rest.split_whitespace().nth(1).map(str::to_string)
        })
        .collect()
}

/// The ids of the rows of the Markdown next-steps table ("| 1 | ❌ **F4** …"), in order.
fn markdown_step_ids(markdown: &str) -> Vec<String> {
    markdown
        .lines()
        .filter_map(|l| {
            let rest = l.strip_prefix("| ")?;
            let (number, rest) = rest.split_once(" | ")?;
            number.parse::<usize>().ok()?;
            let id = rest.split("**").nth(1)?;
            Some(id.to_string())
        })
        .collect()
}

#[test]
fn steps_go_lowest_level_first_then_mandatory_before_recommendations_then_reruns() {
    for lang in [Lang::Da, Lang::En] {
        let report = small_product(lang);
        let steps = os2gov::render::next_steps(&report);
        let to_one: Vec<_> = steps.iter().filter(|s| s.target == Level::One).collect();
        assert!(to_one.len() >= 3, "{lang:?}: {}", to_one.len());
        // Every step to level 1 is at or below it and not compliant.
        assert!(to_one
            .iter()
            .all(|s| s.finding.level <= Level::One && !s.finding.verdict.is_compliant()));
        // Order: (rerun last, level, mandatory before recommendation).
        use os2gov::render::StepKind;
        let keys: Vec<(bool, Level, bool)> = to_one
            .iter()
            .map(|s| {
                let rerun = s.kind == StepKind::Rerun;
                let level = if rerun {
                    Level::Sandkasse
                } else {
                    s.finding.level
                };
                (rerun, level, s.kind == StepKind::Recommendation)
            })
            .collect();
        let mut sorted = keys.clone();
        sorted.sort();
        assert_eq!(keys, sorted, "{lang:?}");
        // Offline, the metadata checks cannot run: they are to be run again, not written.
        let f1 = to_one.iter().find(|s| s.finding.id == "F1").expect("F1");
        assert_eq!(f1.kind, StepKind::Rerun);
        // The next level's steps come after every step to the required level.
        let first_next = steps.iter().position(|s| s.target == Level::Two);
        let last_one = steps.iter().rposition(|s| s.target == Level::One);
        if let (Some(n), Some(o)) = (first_next, last_one) {
            assert!(o < n);
        }
    }
}

#[test]
fn text_and_markdown_follow_the_same_order() {
    for lang in [Lang::Da, Lang::En] {
        let report = small_product(lang);
        let expected: Vec<String> = os2gov::render::next_steps(&report)
            .iter()
            .filter(|s| s.target == Level::One && s.kind != os2gov::render::StepKind::Rerun)
            .map(|s| s.finding.id.clone())
            .collect();
        let all = os2gov::render::text_with(
            &report,
            &os2gov::render::TextOptions {
                colour: false,
                all: true,
            },
        );
        assert_eq!(text_step_ids(&all), expected, "{all}");
        let markdown = os2gov::render::markdown(&report);
        assert_eq!(markdown_step_ids(&markdown), expected, "{markdown}");
        // The short text shows the first steps in the same order.
        let short = os2gov::render::text(&report, false);
        let shown = text_step_ids(&short);
        assert!(!shown.is_empty());
        assert_eq!(shown[..], expected[..shown.len()], "{short}");
    }
}

#[test]
fn text_opens_with_the_next_steps_and_names_the_fix_command() {
    let cases = [
        (
            Lang::Da,
            "Næste skridt til niveau 1",
            "Sådan retter du det:",
            "skriver",
        ),
        (Lang::En, "Next steps to level 1", "Fix:", "writes"),
    ];
    for (lang, heading, fix, writes) in cases {
        let report = small_product(lang);
        let text = os2gov::render::text(&report, false);
        let lines: Vec<&str> = text.lines().collect();
        let at = lines
            .iter()
            .position(|l| l.starts_with(heading))
            .unwrap_or_else(|| panic!("{heading:?} missing:\n{text}"));
        // Only the headline (status and four figures, a blank line) comes before.
        assert!(at <= 7, "{text}");
        assert!(text.contains(fix), "{text}");
        assert!(!text.contains("Løsning:"), "{text}");
        // SECURITY.md is missing and `os2gov fix` writes it.
        assert!(
            text.contains(&format!("`os2gov fix --only F4` {writes} SECURITY.md")),
            "{text}"
        );
        // The non-breaking space of "0 %".
        assert!(text.contains("\u{a0}%"), "{text}");
        assert!(lines.len() <= 60, "{} lines:\n{text}", lines.len());
    }
}

#[test]
fn a_file_that_is_there_is_edited_not_scaffolded() {
    for (lang, writes, edit) in [
        (
            Lang::Da,
            "`os2gov fix --only F4` skriver SECURITY.md",
            "Ret i SECURITY.md",
        ),
        (
            Lang::En,
            "`os2gov fix --only F4` writes SECURITY.md",
            "Edit SECURITY.md",
        ),
    ] {
        let report = small_product(lang);
        let steps = os2gov::render::next_steps(&report);
        let step = steps
            .iter()
            .find(|s| s.finding.id == "F4")
            .expect("F4 step");
        assert_eq!(step.action(lang).as_deref(), Some(writes));
        // The same finding citing SECURITY.md (there, but unfinished): `os2gov fix` would not
        // overwrite it, so the step is to edit it.
        let mut cited = step.finding.clone();
        cited.evidence.push(os2gov::Evidence::file("SECURITY.md"));
        let there = os2gov::render::Step {
            finding: &cited,
            ..step.clone()
        };
        assert_eq!(there.action(lang).as_deref(), Some(edit));
        // A cited file the fix does not write is what was found, not what to edit.
        let p10 = steps
            .iter()
            .find(|s| s.finding.id == "P10")
            .expect("P10 step");
        let mut found = p10.finding.clone();
        found
            .evidence
            .push(os2gov::Evidence::file("docs/architecture.md"));
        let found_step = os2gov::render::Step {
            finding: &found,
            ..p10.clone()
        };
        assert_eq!(found_step.action(lang), None);
    }
}

#[test]
fn an_old_format_report_is_named_in_the_headline() {
    use common::Entry::Text;
    let report_md = "# OS2demo governance report\n\nProduktniveau: 2\n\n- [x] R1 Værdi\n- [ ] F1 Offentligt repository\n";
    let cases = [
        (
            Lang::Da,
            "følger OS2's gamle format og erklærer niveau 2; dens markeringer er ikke brugt",
        ),
        (
            Lang::En,
            "follows OS2's old format and declares level 2; its markers were not applied",
        ),
    ];
    for (lang, needle) in cases {
        let report = fixture_report(
            &[
                ("README.md", Text("# OS2demo\n\nEt værktøj.\n")),
                ("OS2demo_governance_report.md", Text(report_md)),
            ],
            lang,
            Some(Level::One),
        );
        let old = report.old_format_report.as_ref().expect("old format");
        assert_eq!(old.path, "OS2demo_governance_report.md");
        assert_eq!(old.declared_level, Some(Level::Two));
        let text = os2gov::render::text(&report, false);
        let headline: String = text
            .lines()
            .take_while(|l| !l.trim().is_empty())
            .collect::<Vec<_>>()
            .join(" ");
        let flat = headline.split_whitespace().collect::<Vec<_>>().join(" ");
        assert!(flat.contains(needle), "{lang:?}:\n{text}");
        let markdown = os2gov::render::markdown(&report);
        let before_steps = markdown.split("### ").nth(1).unwrap_or("");
        assert!(
            before_steps.contains("OS2demo\\_governance\\_report.md"),
            "{markdown}"
        );
    }
}

#[test]
fn a_current_format_report_is_not_called_old() {
    let report = small_product(Lang::En);
    assert!(report.old_format_report.is_none());
    assert!(!os2gov::render::text(&report, false).contains("old format"));
}

#[test]
fn corpus_at_level_1_fits_one_screen_and_all_shows_every_requirement() {
    for (owner, name) in CORPUS {
        for (lang, heading) in [(Lang::Da, "Næste skridt"), (Lang::En, "Next steps")] {
            let r = corpus_report(owner, name, lang);
            let text = os2gov::render::text(&r, false);
            let lines: Vec<&str> = text.lines().collect();
            assert!(
                lines.len() <= 60,
                "{name} {lang:?}: {} lines\n{text}",
                lines.len()
            );
            let first_section = lines
                .iter()
                .skip(1)
                .find(|l| !l.is_empty() && !l.starts_with(' '))
                .copied()
                .unwrap_or("");
            assert!(first_section.starts_with(heading), "{name}:\n{text}");
            let all = os2gov::render::text_with(
                &r,
                &os2gov::render::TextOptions {
                    colour: false,
                    all: true,
                },
            );
            // Every requirement has its line in a level section ("  ✔ F1   …").
            let listed = all
                .lines()
                .filter(|l| {
                    let mut words = l.split_whitespace();
                    l.starts_with("  ")
                        && !l.starts_with("   ")
                        && matches!(words.next(), Some("✔" | "✎" | "–" | "✘" | "?"))
                        && words.next().is_some_and(|id| r.finding(id).is_some())
                })
                .count();
            assert_eq!(listed, r.requirements.len(), "{name}:\n{all}");
            assert!(all.starts_with(&text.lines().take(6).collect::<Vec<_>>().join("\n")));
        }
    }
}

/// The snapshot a check with the network failing sees: the local clone, and GitHub's metadata
/// and open items asked for and not received.
fn network_failing(snapshot: &mut os2gov::base::model::Snapshot) {
    use os2gov::base::model::Fetched;
    let reason = os2gov::Msg::new(
        "api.github.com kunne ikke nås (forbindelsen blev afvist)",
        "api.github.com could not be reached (connection refused)",
    );
    snapshot.unread.metadata = Some(reason.clone());
    snapshot.unread.open_items = Some(reason.clone());
    snapshot.github = Fetched::Unknown {
        reason: reason.clone(),
    };
    snapshot.open_items = Fetched::Unknown { reason };
}

/// The first line of the report that is not indented, after the headline: its first section.
fn first_section(text: &str) -> &str {
    text.lines()
        .skip(1)
        .find(|l| !l.is_empty() && !l.starts_with(' '))
        .unwrap_or("")
}

#[test]
fn corpus_at_level_1_fits_one_screen_with_the_network_failing() {
    for (owner, name) in CORPUS {
        for (lang, heading) in [(Lang::Da, "Næste skridt"), (Lang::En, "Next steps")] {
            let fixture = corpus_repo(owner, name);
            let mut snapshot = open_snapshot(fixture.path(), None, NOW).expect("snapshot");
            network_failing(&mut snapshot);
            let r = check(
                &snapshot,
                &Options {
                    lang: Some(lang),
                    level: Some(Level::One),
                    ..Options::default()
                },
            )
            .expect("check");
            assert!(r.incomplete.is_some(), "{name}: the failure is reported");
            let text = os2gov::render::text(&r, false);
            let lines = text.lines().count();
            assert!(lines <= 60, "{name} {lang:?}: {lines} lines\n{text}");
            assert!(first_section(&text).starts_with(heading), "{name}:\n{text}");
        }
    }
}

/// With unread input, only what rests on it is a check to run again: a declared-only
/// requirement nobody declared is still a step to do, with what to write in the report.
#[test]
fn with_the_network_failing_an_undeclared_requirement_is_a_step_not_a_rerun() {
    use common::Entry::Text;
    for (lang, declare, rerun) in [
        (
            Lang::Da,
            "Skal erklæres i governancerapporten",
            "kør tjekket igen",
        ),
        (
            Lang::En,
            "Must be declared in the governance report",
            "run the check again",
        ),
    ] {
        let fixture = common::repo_with(
            &[
                (
                    "README.md",
                    Text("# OS2demo\n\nOS2demo planlægger vejarbejde.\n"),
                ),
                ("LICENSE", Text("Mozilla Public License Version 2.0\n")),
            ],
            3,
        );
        let mut snapshot = open_snapshot(fixture.path(), None, NOW).expect("snapshot");
        network_failing(&mut snapshot);
        let r = check(
            &snapshot,
            &Options {
                lang: Some(lang),
                level: Some(Level::Sandkasse),
                ..Options::default()
            },
        )
        .expect("check");
        let text = os2gov::render::text(&r, false);
        let f3 = r.finding("F3").expect("F3");
        assert!(f3.fix.starts_with(declare), "{lang:?}: {}", f3.fix);
        // F3 is a numbered step; F1 (metadata) is among the checks to run again.
        assert!(text_step_ids(&text).contains(&"F3".to_string()), "{text}");
        let rerun_part = &text[text.find(rerun).expect("rerun section")..];
        assert!(rerun_part.contains("F1"), "{text}");
        assert!(
            !rerun_part
                .split("\n\n")
                .next()
                .unwrap_or_default()
                .contains("F3"),
            "{text}"
        );
    }
}
