//! The report: one finding per requirement, the contradictions with the repository's own
//! governance report, and the score. Its JSON form is a published contract
//! (`schema/report.schema.json`, `schema_version` 1).

use crate::base::model::{Evidence, Lang, Level};
use crate::rules::{Method, Theme};
use serde::{Deserialize, Serialize};

pub const SCHEMA_VERSION: u32 = 1;

/// SPEC §3: one verdict per requirement.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Verdict {
    /// The tool found the evidence itself.
    Met,
    /// Not verifiable; the governance report or self-assessment declares it met.
    Declared,
    /// Not met, with a recorded explanation ("følg eller forklar").
    Explained,
    NotMet,
    /// The check could not run, or nothing was declared.
    Unknown,
}

impl Verdict {
    pub fn is_compliant(self) -> bool {
        matches!(self, Verdict::Met | Verdict::Declared | Verdict::Explained)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Met => "met",
            Verdict::Declared => "declared",
            Verdict::Explained => "explained",
            Verdict::NotMet => "not-met",
            Verdict::Unknown => "unknown",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Verdict::Met, Lang::Da) => "opfyldt",
            (Verdict::Met, Lang::En) => "met",
            (Verdict::Declared, Lang::Da) => "erklæret",
            (Verdict::Declared, Lang::En) => "declared",
            (Verdict::Explained, Lang::Da) => "forklaret",
            (Verdict::Explained, Lang::En) => "explained",
            (Verdict::NotMet, Lang::Da) => "ikke opfyldt",
            (Verdict::NotMet, Lang::En) => "not met",
            (Verdict::Unknown, Lang::Da) => "ukendt",
            (Verdict::Unknown, Lang::En) => "unknown",
        }
    }

    /// The governance report's own marker for this verdict.
    pub fn marker(self) -> &'static str {
        match self {
            Verdict::Met | Verdict::Declared => "✅",
            Verdict::Explained => "➖",
            Verdict::NotMet => "❌",
            Verdict::Unknown => "❓",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Finding {
    pub id: String,
    pub theme: Theme,
    pub level: Level,
    pub recommended: bool,
    pub method: Method,
    pub title: String,
    pub verdict: Verdict,
    pub evidence: Vec<Evidence>,
    pub message: String,
    pub fix: String,
    /// A `not-met` where some but not all of what the requirement asks was found (the
    /// evaluation's 🟡); left out of the JSON when false, so reports without it are unchanged.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub partly: bool,
}

/// The repository's governance report says one thing, the tool's own check another.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Contradiction {
    pub id: String,
    pub declared: String,
    pub found: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum LevelSource {
    Flag,
    Config,
    Report,
    Default,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct RequiredLevel {
    pub level: Level,
    pub source: LevelSource,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Tool {
    pub name: String,
    pub version: String,
}

/// Compliance with the mandatory requirements of one level and the levels below it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct LevelCompliance {
    pub level: Level,
    pub compliant: usize,
    pub mandatory: usize,
    pub complete: bool,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Report {
    pub schema_version: u32,
    pub tool: Tool,
    pub lang: Lang,
    pub required_level: RequiredLevel,
    pub achieved_level: Option<Level>,
    pub passed: bool,
    /// 0–100: compliant share up to the required level, recommendations weighted ½.
    pub score: u32,
    /// 0–1: how much of the compliance was verified (`met`) rather than declared or explained.
    pub verified_share: f64,
    pub levels: Vec<LevelCompliance>,
    pub requirements: Vec<Finding>,
    pub contradictions: Vec<Contradiction>,
    /// Notes about the input: unreadable files, the governance report used, problems in it.
    pub notes: Vec<String>,
    /// Set when some inputs could not be read (a failed or truncated file list, failed
    /// downloads, a history cut short, failed metadata requests): why, in the report's language.
    /// The verdicts resting on them are `unknown`, so the score may be lower than the
    /// repository's; absent when everything was read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub incomplete: Option<String>,
    /// Set when the governance report follows OS2's old format, so its markers were not
    /// applied: the renderers say so in the headline, where a reader looks first.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub old_format_report: Option<OldFormatReport>,
}

/// A governance report in OS2's old format: where it is and the level it declares.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OldFormatReport {
    pub path: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub declared_level: Option<Level>,
}

impl Report {
    pub fn finding(&self, id: &str) -> Option<&Finding> {
        self.requirements
            .iter()
            .find(|f| f.id.eq_ignore_ascii_case(id))
    }
}
