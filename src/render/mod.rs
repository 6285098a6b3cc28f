//! Renderers read only the [`Report`]: human text, JSON, Markdown (PR comments, step summaries).

pub mod annotations;
pub mod badge;
pub mod delta;
pub mod evaluation;
mod markdown;
pub mod portfolio;
pub mod products;
pub mod report_writer;
mod sarif;
mod text;

pub use annotations::workflow_commands;
pub(crate) use markdown::cell as markdown_cell;
pub use markdown::markdown;
pub use sarif::{sarif, DOCS_URL};
pub use text::{text, text_with, TextOptions};

use crate::base::model::{Lang, Level};
use crate::engine::report::{Finding, LevelSource, Report, Verdict};
use crate::rules::Method;

/// The report as pretty JSON (the published contract, schema_version 1).
pub fn json(report: &Report) -> String {
    // Serialising plain data structures with string keys cannot fail.
    serde_json::to_string_pretty(report).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}")) + "\n"
}

pub(crate) fn source_label(source: LevelSource, lang: Lang) -> &'static str {
    match (source, lang) {
        (LevelSource::Flag, Lang::Da) => "fra kommandolinjen",
        (LevelSource::Flag, Lang::En) => "from the command line",
        (LevelSource::Config, Lang::Da) => "fra os2gov.toml",
        (LevelSource::Config, Lang::En) => "from os2gov.toml",
        (LevelSource::Report, Lang::Da) => "erklæret i governancerapporten",
        (LevelSource::Report, Lang::En) => "declared in the governance report",
        (LevelSource::Default, Lang::Da) => "standard",
        (LevelSource::Default, Lang::En) => "default",
    }
}

/// A level as the value of a "Krævet niveau:" line: "1", "sandkasse", so that the line does not
/// say "Niveau: Niveau 1".
pub(crate) fn level_value(level: Level, lang: Lang) -> &'static str {
    match (level, lang) {
        (Level::Sandkasse, Lang::Da) => "sandkasse",
        (Level::Sandkasse, Lang::En) => "sandbox",
        (Level::One, _) => "1",
        (Level::Two, _) => "2",
        (Level::Three, _) => "3",
    }
}

pub(crate) fn achieved_label(level: Option<Level>, lang: Lang) -> &'static str {
    match level {
        Some(level) => level_value(level, lang),
        None => match lang {
            Lang::Da => "intet (sandkasse ikke opfyldt)",
            Lang::En => "none (sandbox not met)",
        },
    }
}

pub(crate) struct Words {
    pub required: &'static str,
    pub achieved: &'static str,
    pub score: &'static str,
    pub verified: &'static str,
    pub passed: &'static str,
    pub failed: &'static str,
    pub mandatory: &'static str,
    pub recommendation: &'static str,
    pub fix: &'static str,
    pub contradictions: &'static str,
    pub report_says: &'static str,
    pub tool_found: &'static str,
    pub notes: &'static str,
    pub all: &'static str,
    pub requirement: &'static str,
    pub verdict: &'static str,
    pub message: &'static str,
    pub no_gaps: &'static str,
    /// The headline when some inputs could not be read: the score is not the repository's.
    pub incomplete: &'static str,
    pub next_steps: &'static str,
    pub rerun: &'static str,
    pub then: &'static str,
    pub overview: &'static str,
    pub details_hint: &'static str,
}

pub(crate) fn words(lang: Lang) -> Words {
    match lang {
        Lang::Da => Words {
            required: "Krævet niveau",
            achieved: "Opnået niveau",
            score: "Score",
            verified: "Verificeret andel",
            passed: "BESTÅET",
            failed: "IKKE BESTÅET",
            incomplete: "UFULDSTÆNDIG: ikke alt kunne læses",
            mandatory: "obligatoriske krav opfyldt på niveauet og niveauerne under",
            recommendation: "anbefaling",
            fix: "Sådan retter du det",
            contradictions: "Modsigelser med governancerapporten",
            report_says: "rapporten siger",
            tool_found: "værktøjet fandt",
            notes: "Noter",
            all: "Alle krav",
            requirement: "Krav",
            verdict: "Vurdering",
            message: "Fund",
            no_gaps: "Ingen mangler op til det krævede niveau.",
            next_steps: "Næste skridt",
            rerun: "Disse krav kunne ikke tjekkes – kør tjekket igen",
            then: "Derefter",
            overview: "Overblik",
            details_hint: "Alle krav, modsigelser og noter: `os2gov check --all`",
        },
        Lang::En => Words {
            required: "Required level",
            achieved: "Achieved level",
            score: "Score",
            verified: "Verified share",
            passed: "PASSED",
            failed: "FAILED",
            incomplete: "INCOMPLETE: not everything could be read",
            mandatory: "mandatory requirements compliant at this level and below",
            recommendation: "recommendation",
            fix: "Fix",
            contradictions: "Contradictions with the governance report",
            report_says: "the report says",
            tool_found: "the tool found",
            notes: "Notes",
            all: "All requirements",
            requirement: "Requirement",
            verdict: "Verdict",
            message: "Finding",
            no_gaps: "No gaps up to the required level.",
            next_steps: "Next steps",
            rerun: "These requirements could not be checked — run the check again",
            then: "Then",
            overview: "Overview",
            details_hint: "Every requirement, contradiction and note: `os2gov check --all`",
        },
    }
}

/// Why a requirement is among the next steps.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    /// A mandatory requirement that is not met, or not declared.
    Blocking,
    Recommendation,
    /// The check could not run (offline, unread input): running it again decides it, nothing
    /// needs writing first.
    Rerun,
}

/// One of the next steps: a requirement that keeps the product from a level.
#[derive(Debug, Clone)]
pub struct Step<'r> {
    pub finding: &'r Finding,
    pub kind: StepKind,
    /// The level it keeps the product from: the required level, or the one after it.
    pub target: Level,
    /// What `os2gov fix --only ID` writes for it; empty when no file closes it.
    pub scaffolds: Vec<&'static str>,
}

impl Step<'_> {
    /// The command or file that does the step: `os2gov fix --only F4` when the fix can write a
    /// file that is not there yet, else the file it would write that is there already.
    pub fn action(&self, lang: Lang) -> Option<String> {
        if self.kind == StepKind::Rerun {
            return None;
        }
        let cited: Vec<&str> = self
            .finding
            .evidence
            .iter()
            .filter_map(|e| e.path.as_deref())
            .collect();
        // The fix creates a missing file and inserts README sections; it never rewrites a file
        // that is there, so a cited file it would otherwise write (SECURITY.md still holding a
        // placeholder) is the one to edit. Other cited files are what was found, not the fix.
        let (there, writable): (Vec<&str>, Vec<&str>) =
            self.scaffolds.iter().copied().partition(|path| {
                *path != "README.md" && cited.iter().any(|c| c.eq_ignore_ascii_case(path))
            });
        if !writable.is_empty() {
            let files = writable.join(", ");
            return Some(match lang {
                Lang::Da => format!("`os2gov fix --only {}` skriver {files}", self.finding.id),
                Lang::En => format!("`os2gov fix --only {}` writes {files}", self.finding.id),
            });
        }
        there.first().map(|path| match lang {
            Lang::Da => format!("Ret i {path}"),
            Lang::En => format!("Edit {path}"),
        })
    }
}

/// The steps to `level`, split in the order given into what to do and the checks to run again:
/// what text and Markdown both list first.
pub(crate) fn to_level<'s, 'r>(
    steps: &'s [Step<'r>],
    level: Level,
) -> (Vec<&'s Step<'r>>, Vec<&'s Step<'r>>) {
    steps
        .iter()
        .filter(|s| s.target == level)
        .partition(|s| s.kind != StepKind::Rerun)
}

/// The level after `level`, if any.
pub(crate) fn next_level(level: Level) -> Option<Level> {
    Level::ALL.into_iter().find(|l| *l > level)
}

/// The next steps, in the order to do them, for every renderer: first what keeps the product
/// from its required level, then from the next level; within each, the lowest level first,
/// mandatory requirements before recommendations, the checklist's order, and the checks that
/// only need running again last.
pub fn next_steps(report: &Report) -> Vec<Step<'_>> {
    let required = report.required_level.level;
    let targets = std::iter::once(required).chain(next_level(required));
    let mut steps = Vec::new();
    for target in targets {
        let open: Vec<&Finding> = report
            .requirements
            .iter()
            .filter(|f| matches!(f.verdict, Verdict::NotMet | Verdict::Unknown))
            .filter(|f| {
                if target == required {
                    f.level <= required
                } else {
                    f.level == target
                }
            })
            .collect();
        let unread_fix = crate::engine::input_fix();
        let unread_fix = unread_fix.get(report.lang);
        let kind = |f: &Finding| {
            // An automatic check cannot be declared: unknown means it could not run. With
            // unread input, an unknown the engine gave the fix to read again may be decided by
            // reading it; one nothing was found for and nothing declared is still to declare.
            if f.verdict == Verdict::Unknown
                && (f.method == Method::Automatic
                    || (report.incomplete.is_some() && f.fix == unread_fix))
            {
                StepKind::Rerun
            } else if f.recommended {
                StepKind::Recommendation
            } else {
                StepKind::Blocking
            }
        };
        let mut ordered: Vec<(usize, &Finding, StepKind)> = open
            .into_iter()
            .enumerate()
            .map(|(i, f)| (i, f, kind(f)))
            .collect();
        ordered.sort_by_key(|(i, f, k)| {
            let rank = match k {
                StepKind::Blocking => 0,
                StepKind::Recommendation => 1,
                StepKind::Rerun => 2,
            };
            let level = if *k == StepKind::Rerun {
                Level::Sandkasse
            } else {
                f.level
            };
            (rank == 2, level, rank, *i)
        });
        steps.extend(ordered.into_iter().map(|(_, f, kind)| Step {
            finding: f,
            kind,
            target,
            scaffolds: crate::fix::scaffolds(&f.id),
        }));
    }
    steps
}

/// "Governancerapporten X følger det gamle format …", for the headline.
pub(crate) fn old_format_line(report: &Report) -> Option<String> {
    let old = report.old_format_report.as_ref()?;
    let lang = report.lang;
    let declared = match (old.declared_level, lang) {
        (Some(level), Lang::Da) => format!(" og erklærer {}", level.label(lang).to_lowercase()),
        (Some(level), Lang::En) => format!(" and declares {}", level.label(lang).to_lowercase()),
        (None, _) => String::new(),
    };
    Some(match lang {
        Lang::Da => format!(
            "Governancerapporten {p} følger OS2's gamle format{declared}; dens markeringer er ikke brugt. `os2gov report --out NY_FIL` skriver den aktuelle skabelon med rækkerne overført.",
            p = old.path
        ),
        Lang::En => format!(
            "The governance report {p} follows OS2's old format{declared}; its markers were not applied. `os2gov report --out NEW_FILE` writes the current template with its rows carried over.",
            p = old.path
        ),
    })
}

/// The heading of a group of steps, in the text report and the Markdown alike: "Næste skridt
/// til niveau 1 (3 krav)".
pub(crate) fn step_heading(target: Level, n: usize, lang: Lang, first: bool) -> String {
    let w = words(lang);
    let level = target.label(lang).to_lowercase();
    let count = requirements_count(n, lang);
    match (lang, first) {
        (Lang::Da, true) => format!("{} til {level} ({count})", w.next_steps),
        (Lang::En, true) => format!("{} to {level} ({count})", w.next_steps),
        (Lang::Da, false) => format!("{} til {level} ({count})", w.then),
        (Lang::En, false) => format!("{} to {level} ({count})", w.then),
    }
}

/// "1 krav" / "2 krav", "1 requirement" / "2 requirements".
pub(crate) fn requirements_count(n: usize, lang: Lang) -> String {
    match (lang, n) {
        (Lang::Da, _) => format!("{n} krav"),
        (Lang::En, 1) => "1 requirement".to_string(),
        (Lang::En, _) => format!("{n} requirements"),
    }
}
