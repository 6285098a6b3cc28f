//! Reads a product's own governance declaration: the governance report (OS2's checklist template,
//! `OS2produkt_governance_report.md`) and the self-assessment JSON under `docs/self-assessment/`.
//!
//! Both are declarations, never evidence (SPEC §8): this module only turns them into rows of
//! id + marker + documentation, plus the level the report declares. No I/O; never panics, because
//! reports are written by hand and arrive in every shape.
//!
//! `report` reads the current template, `old` the earlier check lists (for `report --out`),
//! `self_assessment` the JSON; all three read cells with `markers` and the report formats find
//! their tables with `scan` and their columns with `columns`, which `os2gov report`'s writer
//! shares so that it updates every table the check reads.

mod columns;
mod markers;
mod old;
mod report;
mod scan;
mod self_assessment;

pub(crate) use columns::{find_columns, Columns};
pub use old::{old_rows, old_to_current, OldRow};
pub use report::{parse, Format, GovernanceReport};
pub use self_assessment::{parse_self_assessment, GovReportError, SelfAssessment};

use crate::base::model::Msg;
use serde::Serialize;

/// The 43 requirement ids of OS2's current checklist, in template order (F8 and F9 were dropped
/// from the numbering when the checklist was revised).
pub const REQUIREMENT_IDS: [&str; 43] = [
    "R1", "R2", "R3", "R4", //
    "F1", "F2", "F3", "F4", "F5", "F6", "F7", "F10", "F11", "F12", "F13", "F14", "F15", "F16",
    "F17", "F18", "F19", "F20", "F21", "F22", //
    "S1", "S2", "S3", "S4", "S5", //
    "G1", "G2", "G3", "G4", "G5", "G6", "G7", "G8", "G9", "G10", "G11", "G12", "G13", "G14",
];

/// What one row of the report declares, from the 🔽 column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Marker {
    /// ✅ (also ✔/✔️, `:white_check_mark:`, "Ja").
    Met,
    /// ❌ (also ✖/✗, `:x:`, "Nej").
    NotMet,
    /// ➖ (also `:heavy_minus_sign:`, "Ikke relevant").
    NotRelevant,
    /// ❓ (also `:question:`, "Ved ikke").
    Doubt,
    /// No marker: the requirement has not been evaluated.
    Empty,
}

/// One requirement row of a governance report or self-assessment.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Row {
    /// Canonical id, e.g. `"F7"`.
    pub id: String,
    pub marker: Marker,
    /// The *Beskrivelse / Dokumentation* cell only (the guidance columns never count as an
    /// explanation), trimmed, whitespace collapsed. A link is kept as `label (url)`, or just the
    /// URL when the label is the URL, so that link checks can still see it.
    pub documentation: String,
    /// 1-based line of the row; 0 for the self-assessment JSON.
    pub line: u32,
}

pub(super) fn find_row<'a>(rows: &'a [Row], id: &str) -> Option<&'a Row> {
    let id = canonical_id(id)?;
    rows.iter().find(|r| r.id == id)
}

pub(super) fn missing(rows: &[Row]) -> Vec<&'static str> {
    REQUIREMENT_IDS
        .into_iter()
        .filter(|id| {
            !rows
                .iter()
                .any(|r| r.id == *id && r.marker != Marker::Empty)
        })
        .collect()
}

/// `" f7 "`, `"**F7**"`, `"F07"` → `"F7"`. Only the shape is checked (a theme letter and a
/// number), so old ids like `F8` come back too and the caller decides.
pub(crate) fn canonical_id(cell: &str) -> Option<String> {
    let compact: String = cell
        .chars()
        .filter(|c| !c.is_whitespace() && !matches!(c, '*' | '_' | '.' | '`'))
        .collect();
    let mut chars = compact.chars();
    let theme = chars.next()?.to_ascii_uppercase();
    if !matches!(theme, 'R' | 'F' | 'S' | 'G') {
        return None;
    }
    let digits = chars.as_str();
    if digits.is_empty() || digits.len() > 3 || !digits.chars().all(|c| c.is_ascii_digit()) {
        return None;
    }
    let number: u32 = digits.parse().ok()?;
    if number == 0 {
        return None;
    }
    Some(format!("{theme}{number}"))
}

pub(super) fn is_current_id(id: &str) -> bool {
    REQUIREMENT_IDS.contains(&id)
}

/// A garbage file can yield a problem per line; past this many, one summary stands for the rest.
pub(super) const MAX_PROBLEMS: usize = 50;

pub(super) fn cap_problems(problems: &mut Vec<Msg>) {
    if problems.len() > MAX_PROBLEMS {
        let more = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(Msg::new(
            format!("… og {more} problemer mere"),
            format!("… and {more} more problems"),
        ));
    }
}

#[cfg(test)]
pub(super) mod test_support {
    use crate::base::model::Msg;

    pub fn shared(rel: &str) -> String {
        let path = format!("{}/../shared/{rel}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    pub fn da(problems: &[Msg]) -> Vec<&str> {
        problems.iter().map(|p| p.da.as_str()).collect()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn canonical_ids() {
        assert_eq!(canonical_id(" f7 ").as_deref(), Some("F7"));
        assert_eq!(canonical_id("**G14**").as_deref(), Some("G14"));
        assert_eq!(canonical_id("F07").as_deref(), Some("F7"));
        assert_eq!(canonical_id("F8").as_deref(), Some("F8"));
        assert_eq!(canonical_id("Krav"), None);
        assert_eq!(canonical_id("F"), None);
        assert_eq!(canonical_id("X1"), None);
        assert_eq!(canonical_id(""), None);
        assert_eq!(REQUIREMENT_IDS.len(), 43);
    }

    #[test]
    fn marker_serialises_kebab_case() {
        assert_eq!(
            serde_json::to_string(&Marker::NotRelevant).ok().as_deref(),
            Some("\"not-relevant\"")
        );
        assert_eq!(
            serde_json::to_string(&Format::Old).ok().as_deref(),
            Some("\"old\"")
        );
    }
}
