//! Reports in OS2's old format (`[x]`/`[ ]` check lists, the old numbering R5, F8, F9), read
//! only so that `os2gov report --out NEW` can carry their rows into the current template.

use super::columns::{krav_column, old_documentation_column};
use super::markers::{clean_documentation, old_marker};
use super::report::OLD_ONLY_IDS;
use super::scan::{is_task_item, scan};
use super::{canonical_id, Marker, REQUIREMENT_IDS};
use serde::Serialize;

/// One requirement row of an old-format report (`[x]`/`[ ]` check lists or the old numbering),
/// as its author wrote it: what `os2gov report --out NEW` carries into the current template.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct OldRow {
    /// The id as numbered in the old report, e.g. `"R5"`.
    pub id: String,
    /// The requirement's text in the old report (its *Krav* column or the list item's text).
    pub krav: String,
    /// `[x]` is ✅, `[ ]` is ❌ (the author left it unticked); symbols read as everywhere else.
    pub marker: Marker,
    /// The documentation cell's Markdown as written (links kept); empty for a check-list item.
    pub documentation: String,
    /// 1-based line of the row.
    pub line: u32,
}

/// The rows of an old-format report, and whether it follows the old numbering (R5, F8 or F9
/// appear), under which ids mean other requirements than today; see [`old_to_current`].
pub fn old_rows(text: &str) -> (Vec<OldRow>, bool) {
    let scanned = scan(text);
    let mut rows = Vec::new();
    for (table, columns) in scanned.requirement_tables() {
        let Some(columns) = columns else {
            continue;
        };
        let marker_col = columns.marker_or_first();
        let documentation = columns
            .documentation
            .or_else(|| old_documentation_column(&table.header_raw));
        let krav = krav_column(&table.header_raw);
        for raw in &table.rows {
            let Some(id) = raw.id(&columns) else {
                continue;
            };
            let marker_cell = raw.cell(marker_col);
            let documentation = documentation
                .filter(|&c| c != columns.id && c != marker_col)
                .and_then(|c| {
                    let plain = raw.cells.get(c).map(|t| clean_documentation(t))?;
                    // The Markdown as written, so links stay links; the plain text decides
                    // whether there is anything at all.
                    (!plain.is_empty()).then(|| raw.sources.get(c).cloned().unwrap_or(plain))
                })
                .unwrap_or_default();
            rows.push(OldRow {
                id,
                krav: krav
                    .and_then(|c| raw.cells.get(c))
                    .map(|t| t.trim().to_string())
                    .unwrap_or_default(),
                marker: old_marker(marker_cell),
                documentation,
                line: raw.line,
            });
        }
    }
    rows.extend(checklist_rows(text));
    rows.sort_by_key(|r| r.line);
    let old_numbering = rows.iter().any(|r| OLD_ONLY_IDS.contains(&r.id.as_str()));
    (rows, old_numbering)
}

/// `- [x] R1 Løsningen skaber lokal værdi` items outside code blocks.
fn checklist_rows(text: &str) -> Vec<OldRow> {
    let mut rows = Vec::new();
    let mut fence: Option<&str> = None;
    for (index, line) in text.lines().enumerate() {
        let t = line.trim_start();
        if let Some(open) = fence {
            if t.starts_with(open) {
                fence = None;
            }
            continue;
        }
        if t.starts_with("```") || t.starts_with("~~~") {
            fence = Some(&t[..3]);
            continue;
        }
        if t.starts_with('|') || !is_task_item(t) {
            continue;
        }
        let Some(open) = t.find('[') else { continue };
        let Some(close) = t[open..].find(']').map(|c| open + c) else {
            continue;
        };
        let ticked = t[open..close].contains(['x', 'X']);
        let rest = t[close + 1..].trim_start();
        let (first, krav) = rest.split_once(char::is_whitespace).unwrap_or((rest, ""));
        let Some(id) = canonical_id(first.trim_end_matches([':', '.', ')'])) else {
            continue;
        };
        rows.push(OldRow {
            id,
            krav: krav.trim().to_string(),
            marker: if ticked { Marker::Met } else { Marker::NotMet },
            documentation: String::new(),
            line: u32::try_from(index + 1).unwrap_or(u32::MAX),
        });
    }
    rows
}

/// Where a requirement of OS2's old checklist went in the current one, by its old number. The
/// old checklist (R1–R5, F1–F22 with F8 and F9, S1–S4, G1–G14) was revised: R2 ("potentielt værdi
/// for andre"), F7 ("Driftskrav"), F8 and F9 (technical documentation) have no counterpart; old
/// R3–R5 are today's R2–R4, old F13 and F14 swapped places, old S4 is today's S5 (S4, a vision
/// for the product, is new); the rest kept their numbers.
pub fn old_to_current(old_id: &str) -> Option<&'static str> {
    let id = canonical_id(old_id)?;
    let mapped = match id.as_str() {
        "R2" | "F7" | "F8" | "F9" => return None,
        "R3" => "R2",
        "R4" => "R3",
        "R5" => "R4",
        "F13" => "F14",
        "F14" => "F13",
        "S4" => "S5",
        other => other,
    };
    REQUIREMENT_IDS.into_iter().find(|c| *c == mapped)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::govreport::test_support::shared;

    #[test]
    fn os2iot_old_rows_keep_markers_and_markdown() {
        let path = "corpus/OS2iot/OS2iot-docs/files/OS2iot_GOVERNANCE_REPORT.md";
        let (rows, old_numbering) = old_rows(&shared(path));
        assert!(old_numbering, "R5, F8 and F9 appear");
        assert_eq!(rows.len(), 5 + 22 + 4 + 14);
        let row = |id: &str| rows.iter().find(|r| r.id == id).expect(id);
        assert_eq!(row("R1").marker, Marker::Met);
        assert_eq!(
            row("R1").documentation,
            "Se [gevinstkort](https://os2.eu/produkt/os2iot)"
        );
        assert_eq!(row("R1").krav, "Løsningen skaber lokal værdi");
        assert_eq!(row("R1").line, 12);
        assert_eq!(row("F3").marker, Marker::Met, "[X] counts as ticked");
        assert_eq!(row("F22").marker, Marker::NotMet, "[ ] is not ticked");
        assert_eq!(row("G3").documentation, "Mogens Kjeldsen, OS2");
    }

    #[test]
    fn old_check_list_items_are_rows_too() {
        let text = "# X\n\n- [x] R1 Løsningen skaber lokal værdi\n- [ ] F8: Teknisk dokumentation\n\n```\n- [x] G1 in code\n```\n";
        let (rows, old_numbering) = old_rows(text);
        assert!(old_numbering);
        let ids: Vec<(&str, Marker, u32)> = rows
            .iter()
            .map(|r| (r.id.as_str(), r.marker, r.line))
            .collect();
        assert_eq!(ids, [("R1", Marker::Met, 3), ("F8", Marker::NotMet, 4)]);
        assert_eq!(rows[0].krav, "Løsningen skaber lokal værdi");
    }

    #[test]
    fn old_numbering_maps_to_todays_ids() {
        let map = |id: &str| old_to_current(id);
        assert_eq!(map("R1"), Some("R1"));
        assert_eq!(map("R2"), None);
        assert_eq!(map("R3"), Some("R2"));
        assert_eq!(map("R5"), Some("R4"));
        assert_eq!(map("F7"), None);
        assert_eq!(map("F8"), None);
        assert_eq!(map("F9"), None);
        assert_eq!(map("F13"), Some("F14"));
        assert_eq!(map("F14"), Some("F13"));
        assert_eq!(map("S4"), Some("S5"));
        assert_eq!(map("G14"), Some("G14"));
        assert_eq!(map("G15"), None);
        assert_eq!(map("x"), None);
    }
}
