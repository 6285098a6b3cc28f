//! The governance report in OS2's Markdown template: requirement rows, the declared level and
//! the product's name, and whether the report follows the current or the old format.

use super::columns::Columns;
use super::markers::{clean_documentation, read_marker, MarkerRead};
use super::scan::{scan, RawTable};
use super::REQUIREMENT_IDS;
use super::{canonical_id, cap_problems, find_row, is_current_id, missing, Marker, Row};
use crate::base::model::{Level, Msg};
use crate::base::text::normalize;
use serde::Serialize;

/// Ids that only exist in the checklist's old numbering; seeing them marks a table as old.
pub(super) const OLD_ONLY_IDS: [&str; 3] = ["R5", "F8", "F9"];

/// Which generation of OS2's checklist the report follows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "kebab-case")]
pub enum Format {
    /// The current template (🔽 column with ✅ ❌ ➖ ❓, ids R1–G14).
    Current,
    /// The earlier `[x]`/`[ ]` check-list style or old numbering (R5, F8, F9). Its declared level
    /// is read, its markers are not applied (SPEC §8).
    Old,
}

/// A parsed governance report.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct GovernanceReport {
    pub path: String,
    pub format: Format,
    /// From the first level-1 heading that is not the template's guide or placeholder title.
    pub product_name: Option<String>,
    /// The first "Produktniveau"/"Niveau"/"Level" followed by a level outside the tables, and the
    /// line it is on.
    pub declared_level: Option<(Level, u32)>,
    /// Requirement rows in document order; empty for [`Format::Old`].
    pub rows: Vec<Row>,
    /// What could not be read as intended, in Danish and English, with line numbers.
    pub problems: Vec<Msg>,
}

impl GovernanceReport {
    /// The row for `id` (any case, surrounding spaces allowed).
    pub fn row(&self, id: &str) -> Option<&Row> {
        find_row(&self.rows, id)
    }

    /// True when every one of the 43 requirements has a row with a marker (P11's "complete").
    pub fn is_complete(&self) -> bool {
        missing(&self.rows).is_empty()
    }

    /// Requirement ids without a marked row (no row, or an empty 🔽 cell), in template order.
    /// Empty exactly when [`GovernanceReport::is_complete`].
    pub fn missing_ids(&self) -> Vec<&'static str> {
        missing(&self.rows)
    }

    /// Requirement ids with no row at all (rows deleted from the template), in template order.
    pub fn absent_ids(&self) -> Vec<&'static str> {
        REQUIREMENT_IDS
            .into_iter()
            .filter(|id| !self.rows.iter().any(|r| r.id == *id))
            .collect()
    }
}

/// The first "Produktniveau"/"Niveau"/"Level" directly followed (only punctuation and spaces
/// between) by a level word on the same line.
fn find_declared_level(prose_lines: &[(u32, String)]) -> Option<(Level, u32)> {
    for (line, text) in prose_lines {
        let words: Vec<&str> = text
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .collect();
        for pair in words.windows(2) {
            let keyword = pair[0].to_lowercase();
            if matches!(keyword.as_str(), "produktniveau" | "niveau" | "level") {
                if let Some(level) = Level::parse(pair[1]) {
                    return Some((level, *line));
                }
            }
        }
    }
    None
}

/// The product's name from a title like "OS2iot's Governance Report", "Governancerapport for X"
/// or the template's plain "# Produktnavn". The template's guide heading and its placeholder
/// "INDSÆT NAVNET PÅ PRODUKTET" are not names.
fn product_name(titles: &[String]) -> Option<String> {
    const KEYWORDS: [&str; 5] = [
        "governance report",
        "governance-report",
        "governancerapport",
        "governance-rapport",
        "governance rapport",
    ];
    const TRIM: &[char] = &[' ', ':', '-', '–', '—', '|', '"', '\''];
    for title in titles {
        let norm = normalize(title);
        if norm.is_empty()
            || norm.starts_with("guide")
            || norm.contains("indsaet navnet")
            || norm.contains("navnet paa produktet")
            || matches!(
                norm.as_str(),
                "relevans" | "formkrav" | "strategisk sammenhaeng" | "governance"
            )
        {
            continue;
        }
        // ASCII lower-casing keeps byte offsets, so positions found in `lower` slice `title`.
        let lower = title.to_ascii_lowercase();
        let Some((pos, keyword)) = KEYWORDS
            .iter()
            .find_map(|k| lower.find(k).map(|pos| (pos, *k)))
        else {
            return Some(title.trim().to_string());
        };
        let before = title.get(..pos).unwrap_or("").trim();
        let before = before
            .strip_suffix("'s")
            .or_else(|| before.strip_suffix("’s"))
            .unwrap_or(before)
            .trim_matches(TRIM);
        if !before.is_empty() {
            return Some(before.to_string());
        }
        let after = title.get(pos + keyword.len()..).unwrap_or("").trim();
        let after = after.trim_matches(TRIM);
        let after = after
            .strip_prefix("for ")
            .or_else(|| after.strip_prefix("af "))
            .or_else(|| after.strip_prefix("of "))
            .unwrap_or(after)
            .trim_matches(TRIM);
        if !after.is_empty() {
            return Some(after.to_string());
        }
    }
    None
}

/// Why a requirement table counts as the old format, if it does.
fn old_format_reason(table: &RawTable, columns: Option<&Columns>) -> Option<Msg> {
    let Some(columns) = columns else {
        return Some(Msg::new(
            "ingen kolonne med krav-id'er",
            "no column of requirement ids",
        ));
    };
    // Only the marker column: "[x]" in a documentation cell is just text.
    let checkbox = table
        .rows
        .iter()
        .any(|r| read_marker(r.cell(columns.marker_or_first())) == MarkerRead::Checkbox);
    if checkbox {
        return Some(Msg::new(
            "afkrydsningsfelter [x] i stedet for ✅ ❌ ➖ ❓",
            "check boxes [x] instead of ✅ ❌ ➖ ❓",
        ));
    }
    let ids: Vec<String> = table.rows.iter().filter_map(|r| r.id(columns)).collect();
    if !ids.iter().any(|id| is_current_id(id)) {
        return Some(Msg::new(
            "ingen af de nuværende krav-id'er",
            "none of the current requirement ids",
        ));
    }
    if columns.marker.is_none() {
        return Some(Msg::new("ingen 🔽-kolonne", "no 🔽 column"));
    }
    if !columns.current_header {
        if let Some(old) = ids.iter().find(|id| OLD_ONLY_IDS.contains(&id.as_str())) {
            return Some(Msg::new(
                format!("gammel nummerering ({old})"),
                format!("old numbering ({old})"),
            ));
        }
    }
    None
}

/// Parses a governance report in OS2's Markdown format. Never fails: what cannot be read becomes
/// a problem, and text that is no report at all gives no rows and a problem saying so.
pub fn parse(path: &str, text: &str) -> GovernanceReport {
    let scanned = scan(text);
    let mut problems = Vec::new();
    let mut rows: Vec<Row> = Vec::new();
    let mut current_tables = 0usize;
    let mut old_tables: Vec<(u32, Msg)> = Vec::new();

    for (table, columns) in scanned.requirement_tables() {
        if let Some(reason) = old_format_reason(table, columns.as_ref()) {
            old_tables.push((table.line, reason));
            continue;
        }
        let Some(columns) = columns else { continue };
        let Some(marker_col) = columns.marker else {
            continue;
        };
        current_tables += 1;
        read_table(table, &columns, marker_col, &mut rows, &mut problems);
    }

    let format = if current_tables > 0 {
        for (line, reason) in &old_tables {
            problems.push(Msg::new(
                format!(
                    "linje {line}: tabellen følger det gamle format ({}) og er sprunget over",
                    reason.da
                ),
                format!(
                    "line {line}: the table follows the old format ({}) and was skipped",
                    reason.en
                ),
            ));
        }
        Format::Current
    } else if !old_tables.is_empty() || scanned.checklist_line.is_some() {
        Format::Old
    } else {
        problems.push(Msg::new(
            "ingen kravtabel fundet (🔽 | # | Krav | Beskrivelse / Dokumentation | …)",
            "no requirement table found (🔽 | # | Krav | Beskrivelse / Dokumentation | …)",
        ));
        Format::Current
    };

    cap_problems(&mut problems);
    GovernanceReport {
        path: path.to_string(),
        format,
        product_name: product_name(&scanned.titles),
        declared_level: find_declared_level(&scanned.prose_lines),
        rows,
        problems,
    }
}

fn read_table(
    table: &RawTable,
    columns: &Columns,
    marker_col: usize,
    rows: &mut Vec<Row>,
    problems: &mut Vec<Msg>,
) {
    let expected = table.header_raw.len();
    for raw in &table.rows {
        let line = raw.line;
        let id_cell = raw.cell(columns.id);
        let marker_cell = raw.cell(marker_col);
        if raw.cells.iter().all(|c| c.is_empty()) {
            continue;
        }
        if raw.source_cells != expected {
            problems.push(Msg::new(
                format!(
                    "linje {line}: rækken har {} celler, men tabellen har {expected} kolonner \
                     (en | i teksten skal skrives \\|)",
                    raw.source_cells
                ),
                format!(
                    "line {line}: the row has {} cells but the table has {expected} columns \
                     (write a | in text as \\|)",
                    raw.source_cells
                ),
            ));
        }
        let Some(id) = canonical_id(id_cell) else {
            // A row without id and marker is a sub-heading or spacer, not a broken requirement.
            if read_marker(marker_cell) == MarkerRead::Marker(Marker::Empty) {
                continue;
            }
            problems.push(Msg::new(
                format!("linje {line}: rækken har intet krav-id (\"{id_cell}\")"),
                format!("line {line}: the row has no requirement id (\"{id_cell}\")"),
            ));
            continue;
        };
        if !is_current_id(&id) {
            problems.push(Msg::new(
                format!("linje {line}: ukendt krav-id {id}"),
                format!("line {line}: unknown requirement id {id}"),
            ));
            continue;
        }
        if let Some(first) = rows.iter().find(|r| r.id == id) {
            problems.push(Msg::new(
                format!(
                    "linje {line}: {id} står også i linje {}; den første række gælder",
                    first.line
                ),
                format!(
                    "line {line}: {id} also appears on line {}; the first row counts",
                    first.line
                ),
            ));
            continue;
        }
        let marker = match read_marker(marker_cell) {
            MarkerRead::Marker(m) => m,
            MarkerRead::Conflict => {
                problems.push(Msg::new(
                    format!(
                        "linje {line}: {id} har flere forskellige markeringer (\"{marker_cell}\"); \
                         læst som ikke udfyldt"
                    ),
                    format!(
                        "line {line}: {id} has more than one kind of marker (\"{marker_cell}\"); \
                         read as not evaluated"
                    ),
                ));
                Marker::Empty
            }
            MarkerRead::Checkbox | MarkerRead::Unknown => {
                problems.push(Msg::new(
                    format!(
                        "linje {line}: {id} har en ukendt markering (\"{marker_cell}\"); \
                         brug ✅ ❌ ➖ eller ❓"
                    ),
                    format!(
                        "line {line}: {id} has an unknown marker (\"{marker_cell}\"); \
                         use ✅ ❌ ➖ or ❓"
                    ),
                ));
                Marker::Empty
            }
        };
        let documentation = columns
            .documentation
            .and_then(|c| raw.cells.get(c))
            .map(|c| clean_documentation(c))
            .unwrap_or_default();
        rows.push(Row {
            id,
            marker,
            documentation,
            line,
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::govreport::test_support::{da, shared};
    use crate::parse::govreport::MAX_PROBLEMS;

    #[test]
    fn blank_template_has_43_empty_rows() {
        let text = shared("os2/governance_template.md");
        let report = parse("governance_template.md", &text);
        assert_eq!(report.format, Format::Current);
        assert_eq!(report.rows.len(), 43);
        assert!(report.rows.iter().all(|r| r.marker == Marker::Empty));
        assert!(report.rows.iter().all(|r| r.documentation.is_empty()));
        let ids: Vec<&str> = report.rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, REQUIREMENT_IDS.to_vec());
        assert_eq!(report.declared_level, None);
        assert_eq!(report.product_name, None);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert!(!report.is_complete());
        assert_eq!(report.missing_ids().len(), 43);
        assert!(report.absent_ids().is_empty());
        // Lines point at the rows themselves.
        let r1 = report.row("r1").expect("R1");
        assert!(text
            .lines()
            .nth(r1.line as usize - 1)
            .is_some_and(|l| l.contains("| R1")));
        let g14 = report.row("G14").expect("G14");
        assert!(text
            .lines()
            .nth(g14.line as usize - 1)
            .is_some_and(|l| l.contains("| G14")));
    }

    /// The template with every marker filled: what a finished current report looks like.
    fn filled_template() -> String {
        let text = shared("os2/governance_template.md");
        let mut out = String::from("Produktniveau: **2**\n");
        for line in text.lines() {
            let id = line
                .split('|')
                .nth(2)
                .and_then(canonical_id)
                .filter(|id| is_current_id(id));
            match id {
                Some(id) => {
                    let marker = match id.as_str() {
                        "F7" => "✔️",
                        "F19" => ":x:",
                        "G9" => " ➖ ",
                        "G14" => "❓",
                        _ => "✅ ",
                    };
                    // Drop the empty marker cell: everything after the second pipe.
                    let rest = line.split_once('|').map_or("", |(_, r)| r);
                    let rest = rest.split_once('|').map_or("", |(_, r)| r);
                    let mut cells: Vec<String> = rest.split('|').map(str::to_string).collect();
                    if id == "F7" {
                        cells[2] = " Se [README](https://github.com/OS2/x#readme) og <br> docs "
                            .to_string();
                    }
                    if id == "F2" {
                        cells[2] = " MPL-2.0 ".to_string();
                    }
                    out.push_str(&format!("| {marker} |{}", cells.join("|")));
                }
                None => out.push_str(line),
            }
            out.push('\n');
        }
        out.replace("# INDSÆT NAVNET PÅ PRODUKTET", "# OS2demo")
    }

    #[test]
    fn filled_template_reads_markers_and_documentation() {
        let report = parse("OS2demo_governance_report.md", &filled_template());
        assert_eq!(report.format, Format::Current);
        assert_eq!(report.product_name.as_deref(), Some("OS2demo"));
        assert_eq!(report.declared_level, Some((Level::Two, 1)));
        assert_eq!(report.rows.len(), 43);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert!(report.is_complete());
        assert!(report.missing_ids().is_empty());
        let f7 = report.row("F7").expect("F7");
        assert_eq!(f7.marker, Marker::Met);
        assert_eq!(
            f7.documentation,
            "Se README (https://github.com/OS2/x#readme) og docs"
        );
        assert_eq!(
            report.row("F2").map(|r| r.documentation.as_str()),
            Some("MPL-2.0")
        );
        assert_eq!(report.row("F19").map(|r| r.marker), Some(Marker::NotMet));
        assert_eq!(
            report.row("G9").map(|r| r.marker),
            Some(Marker::NotRelevant)
        );
        assert_eq!(report.row("G14").map(|r| r.marker), Some(Marker::Doubt));
        // Guidance in "Retningslinjer" is not documentation.
        assert_eq!(report.row("R1").map(|r| r.documentation.as_str()), Some(""));
    }

    #[test]
    fn os2iot_report_is_old_format_level_3() {
        let path = "corpus/OS2iot/OS2iot-docs/files/OS2iot_GOVERNANCE_REPORT.md";
        let report = parse("OS2iot_GOVERNANCE_REPORT.md", &shared(path));
        assert_eq!(report.format, Format::Old);
        // "OS2iot er klassificeret som et niveau 3 produkt i OS2 jf. nedenstående." (line 5);
        // the "Niveau" column inside the tables (0, 1, 2, 3) does not count.
        assert_eq!(report.declared_level, Some((Level::Three, 5)));
        assert_eq!(report.product_name.as_deref(), Some("OS2iot"));
        assert!(report.rows.is_empty());
        assert!(!report.is_complete());
        assert_eq!(report.missing_ids().len(), 43);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
    }

    #[test]
    fn self_assessment_markdown_export_reads_efterlevet_column() {
        let text = shared("os2/os2-test-selvevaluering-governancerapport.md");
        let report = parse("os2-test-selvevaluering-governancerapport.md", &text);
        assert_eq!(report.format, Format::Current);
        assert_eq!(
            report.product_name.as_deref(),
            Some("OS2-test-selvevaluering")
        );
        assert_eq!(report.declared_level, None);
        assert_eq!(report.rows.len(), 43);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        let r1 = report.row("R1").expect("R1");
        assert_eq!(r1.marker, Marker::Met);
        assert_eq!(
            r1.documentation,
            "Det er en løsning som hjælper OS2 med at evaluere produktniveau"
        );
        assert_eq!(
            report.row("R4").map(|r| r.marker),
            Some(Marker::NotRelevant)
        );
        let f13 = report.row("F13").expect("F13");
        assert_eq!(
            (f13.marker, f13.documentation.as_str()),
            (Marker::NotMet, "")
        );
        // G1's row starts with a space before the pipe.
        assert_eq!(report.row("G1").map(|r| r.marker), Some(Marker::Met));
        assert!(report.is_complete());
    }

    #[test]
    fn declared_level_spellings() {
        let level = |t: &str| parse("r.md", t).declared_level;
        assert_eq!(level("**Produktniveau:** 2\n"), Some((Level::Two, 1)));
        assert_eq!(
            level("# X\n\nNiveau: Sandkasse\n"),
            Some((Level::Sandkasse, 3))
        );
        assert_eq!(level("Product level: sandbox"), Some((Level::Sandkasse, 1)));
        assert_eq!(level("LEVEL 0"), Some((Level::Sandkasse, 1)));
        assert_eq!(
            level("The level of ambition is high. Niveau 1."),
            Some((Level::One, 1))
        );
        assert_eq!(level("Information om produktniveauer 2"), None);
        assert_eq!(level("```\nNiveau 3\n```\n"), None);
        assert_eq!(level("niveau 10"), None);
        // Inside a table it is a column, not a declaration.
        assert_eq!(level("| Niveau | 2 |\n|---|---|\n| Level 3 | x |\n"), None);
    }

    #[test]
    fn broken_table_rows_are_problems() {
        let text = "\
# OS2test governance report

Produktniveau: 1

| 🔽 | # | Krav | Beskrivelse / Dokumentation | Produktniveau | Retningslinjer |
|---|---|---|---|---|---|
| ✅ | R1 | Værdi | Sparer tid | sandkasse | guide |
| ✅ | R2 | Accept | a | b | 2 | guide |
| ❌ | R3 | Potentiale |
| ✅ | R1 | Igen | dobbelt | sandkasse | guide |
| 👍 | F1 | Kode | github | sandkasse | guide |
| ✅ | F8 | Gammel | x | 1 | guide |
| ✅ | | Intet id | x | 1 | guide |
| ✅ / ❌ | F2 | Licens | MPL | sandkasse | guide |
";
        let report = parse("r.md", text);
        assert_eq!(report.format, Format::Current);
        assert_eq!(report.product_name.as_deref(), Some("OS2test"));
        assert_eq!(report.declared_level, Some((Level::One, 3)));
        let ids: Vec<&str> = report.rows.iter().map(|r| r.id.as_str()).collect();
        assert_eq!(ids, ["R1", "R2", "R3", "F1", "F2"]);
        assert_eq!(report.row("R1").map(|r| r.line), Some(7));
        assert_eq!(
            report.row("R1").map(|r| r.documentation.as_str()),
            Some("Sparer tid")
        );
        // The extra cell is dropped by the table parser; the problem says so.
        assert_eq!(
            report.row("R2").map(|r| r.documentation.as_str()),
            Some("a")
        );
        assert_eq!(report.row("R3").map(|r| r.marker), Some(Marker::NotMet));
        assert_eq!(report.row("F1").map(|r| r.marker), Some(Marker::Empty));
        assert_eq!(report.row("F2").map(|r| r.marker), Some(Marker::Empty));
        let problems = da(&report.problems);
        assert_eq!(problems.len(), 7, "{problems:#?}");
        assert!(problems[0].starts_with("linje 8: rækken har 7 celler"));
        assert!(problems[1].starts_with("linje 9: rækken har 3 celler"));
        assert!(problems[2].contains("R1 står også i linje 7"));
        assert!(problems[3].contains("ukendt markering (\"👍\")"));
        assert!(problems[4].contains("ukendt krav-id F8"));
        assert!(problems[5].starts_with("linje 13: rækken har intet krav-id"));
        assert!(problems[6].contains("flere forskellige markeringer"));
        assert!(report.problems.iter().all(|p| !p.en.is_empty()));
    }

    #[test]
    fn old_checklist_is_old_format() {
        let text = "\
# Governance report for OS2gammel

Produktet er på Niveau 2.

- [x] R1 Løsningen skaber lokal værdi
- [ ] F8 Løsningen er dokumenteret på teknisk niveau
";
        let report = parse("r.md", text);
        assert_eq!(report.format, Format::Old);
        assert_eq!(report.product_name.as_deref(), Some("OS2gammel"));
        assert_eq!(report.declared_level, Some((Level::Two, 3)));
        assert!(report.rows.is_empty());
        assert!(report.problems.is_empty());
    }

    #[test]
    fn old_numbering_table_is_old_format() {
        let text = "\
Level: 1

|  | # | Krav | Henvisning | Niveau |
|---|---|---|---|---|
| ✅ | R1 | Værdi | se os2.eu | 0 |
| ✅ | R5 | Strategi | x | 3 |
| ✅ | F8 | Teknisk | x | 1 |
";
        let report = parse("r.md", text);
        assert_eq!(report.format, Format::Old);
        assert_eq!(report.declared_level, Some((Level::One, 1)));
        assert!(report.rows.is_empty());
    }

    #[test]
    fn current_table_without_emoji_header_still_reads() {
        let text = "\
|  | # | Krav | Beskrivelse / Dokumentation |
|---|---|---|---|
| :white_check_mark: | r1 | Værdi | [https://os2.eu/produkt/x](https://os2.eu/produkt/x) |
| ✔ | f2 | Licens | <https://mozilla.org/MPL/2.0/> |
";
        let report = parse("r.md", text);
        assert_eq!(report.format, Format::Current);
        assert_eq!(report.rows.len(), 2);
        assert_eq!(
            report.row("R1").map(|r| r.documentation.as_str()),
            Some("https://os2.eu/produkt/x")
        );
        assert_eq!(
            report.row("F2").map(|r| r.documentation.as_str()),
            Some("https://mozilla.org/MPL/2.0/")
        );
        assert_eq!(report.absent_ids().len(), 41);
    }

    #[test]
    fn old_table_next_to_current_one_is_skipped_with_a_problem() {
        let text = "\
| 🔽 | # | Krav | Beskrivelse / Dokumentation |
|---|---|---|---|
| ✅ | R1 | Værdi | ja |

|  | # | Krav | Henvisning |
|---|---|---|---|
| [x] | R1 | Værdi | gammel |
";
        let report = parse("r.md", text);
        assert_eq!(report.format, Format::Current);
        assert_eq!(report.rows.len(), 1);
        assert_eq!(
            report.row("R1").map(|r| r.documentation.as_str()),
            Some("ja")
        );
        assert_eq!(report.problems.len(), 1);
        assert!(report.problems[0].en.contains("line 5"));
        assert!(report.problems[0].en.contains("check boxes"));
    }

    #[test]
    fn garbage_never_panics() {
        let inputs = [
            String::new(),
            "\u{0}\u{1}\u{fffd}\u{fffd}PNG\r\n\u{1a}\n\u{0}\u{0}".to_string(),
            "|".repeat(5000),
            "| 🔽 |\n|---|\n| ✅ |\n".to_string(),
            "| # |\n|---|\n| R1 |\n| |\n".to_string(),
            "[".repeat(3000) + &"]".repeat(10),
            "> ".repeat(500) + "Niveau 2",
            "# \n#\n# governance report\n# 's governance report\n".to_string(),
            "Niveau".to_string(),
            "\r\n\r\n|a|b|\r\n|-|-|\r\n|✅|R1|\r\n".to_string(),
            (0..=255u8).map(char::from).collect(),
        ];
        for input in &inputs {
            let report = parse("x.md", input);
            assert!(!report.is_complete());
            let _ = report.missing_ids();
        }
        let report = parse("x.md", &inputs[1]);
        assert_eq!(report.format, Format::Current);
        assert!(report.rows.is_empty());
        assert_eq!(report.problems.len(), 1);
        assert!(report.problems[0].en.contains("no requirement table"));
        assert_eq!(
            parse("x.md", &inputs[6]).declared_level.map(|l| l.0),
            Some(Level::Two)
        );
        assert_eq!(parse("x.md", &inputs[7]).product_name, None);
    }

    #[test]
    fn problems_are_capped() {
        let mut text = String::from("| 🔽 | # | Krav |\n|---|---|---|\n| ✅ | R1 | x |\n");
        for _ in 0..200 {
            text.push_str("| ✅ | F8 | x |\n");
        }
        let report = parse("r.md", &text);
        assert_eq!(report.problems.len(), MAX_PROBLEMS + 1);
        assert!(report.problems[MAX_PROBLEMS].en.contains("150 more"));
        // A spacer row with neither id nor marker is no problem.
        let text = "| 🔽 | # | Krav |\n|---|---|---|\n| | **Formkrav** | |\n| ✅ | F1 | x |\n";
        let report = parse("r.md", text);
        assert!(report.problems.is_empty(), "{:?}", report.problems);
        assert_eq!(report.rows.len(), 1);
    }
}
