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
pub use text::text;

use crate::base::model::{Lang, Level};
use crate::engine::report::{LevelSource, Report};

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
        (LevelSource::Report, Lang::Da) => "erklæret i governance-rapporten",
        (LevelSource::Report, Lang::En) => "declared in the governance report",
        (LevelSource::Default, Lang::Da) => "standard",
        (LevelSource::Default, Lang::En) => "default",
    }
}

pub(crate) fn achieved_label(level: Option<Level>, lang: Lang) -> &'static str {
    match level {
        Some(level) => level.label(lang),
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
    pub gaps: &'static str,
    pub all: &'static str,
    pub requirement: &'static str,
    pub level: &'static str,
    pub verdict: &'static str,
    pub message: &'static str,
    pub no_gaps: &'static str,
    /// The headline when some inputs could not be read: the score is not the repository's.
    pub incomplete: &'static str,
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
            fix: "Løsning",
            contradictions: "Modsigelser med governance-rapporten",
            report_says: "rapporten siger",
            tool_found: "værktøjet fandt",
            notes: "Noter",
            gaps: "Mangler",
            all: "Alle krav",
            requirement: "Krav",
            level: "Niveau",
            verdict: "Vurdering",
            message: "Fund",
            no_gaps: "Ingen mangler op til det krævede niveau.",
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
            gaps: "Gaps",
            all: "All requirements",
            requirement: "Requirement",
            level: "Level",
            verdict: "Verdict",
            message: "Finding",
            no_gaps: "No gaps up to the required level.",
        },
    }
}
