//! `os2gov report`: writes or updates the repository's governance report in OS2's own template
//! format (`governance_template.md`: same sections, tables and columns), and exports OS2's
//! self-assessment JSON.
//!
//! On update only the 🔽 marker of requirements the tool verifies changes (and an empty
//! documentation cell is filled with the evidence); every human-written explanation, every human
//! marker on a declared requirement and every other byte of the file stay as they were.

use crate::base::model::{Bilingual, Evidence, Lang, Msg};
use crate::base::text::normalize;
use crate::engine::report::{Finding, Report, Verdict};
use crate::parse::govreport::{self, Columns, GovernanceReport, Marker, OldRow};
use crate::rules::{Method, Theme};
use serde_json::json;

/// OS2's checklist, shipped in the crate.
pub const TEMPLATE: &str = include_str!("../base/profile/governance_template.md");
const NAME_PLACEHOLDER: &str = "# INDSÆT NAVNET PÅ PRODUKTET";

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct MarkerChange {
    pub id: String,
    pub before: String,
    pub after: String,
}

/// A row whose marker the tool would change to ❌ but leaves as it is: the row holds text, and
/// ❌ with text reads as a person's explanation ("følg eller forklar"), which only a person may
/// give. The check keeps reporting the requirement as not met, with the contradiction.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeptMarker {
    pub id: String,
    /// The marker left in place, e.g. `✅`.
    pub marker: String,
}

/// A written or updated report, what changed and what was deliberately left alone.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Written {
    pub text: String,
    pub changes: Vec<MarkerChange>,
    pub kept: Vec<KeptMarker>,
}

/// An old-format requirement that could not be carried into the current template.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Unmapped {
    /// The id as numbered in the old report.
    pub id: String,
    pub line: u32,
    pub krav: String,
    /// The old row had a documentation text, which is now only in the old report.
    pub had_text: bool,
}

/// What `report --out NEW` carried over from an old-format report.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Migration {
    /// Old id → current id of every carried row, in old-report order.
    pub carried: Vec<(String, String)>,
    /// Current ids carried as ❌ or ➖ with text, which the check reads as explanations.
    pub explained: Vec<String>,
    pub unmapped: Vec<Unmapped>,
}

#[derive(Debug, thiserror::Error, PartialEq, Eq)]
pub enum WriteError {
    #[error("{}", self.msg().en)]
    Broken { path: String, problems: Msg },
}

impl Bilingual for WriteError {
    fn msg(&self) -> Msg {
        match self {
            WriteError::Broken { path, problems } => {
                let (da, en) = (&problems.da, &problems.en);
                crate::msg!(
                    "{path}: governancerapporten kan ikke opdateres sikkert: {da}",
                    "{path}: the governance report cannot be updated safely: {en}"
                )
            }
        }
    }
}

/// Splits a Markdown table row into its cells' raw text, keeping escaped pipes inside cells.
fn split_row(line: &str) -> Option<Vec<String>> {
    let trimmed = line.trim_end_matches(['\n', '\r']);
    let body = trimmed.trim_start();
    if !body.starts_with('|') {
        return None;
    }
    let mut cells = Vec::new();
    let mut current = String::new();
    let mut chars = body[1..].chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                current.push('\\');
                current.push('|');
                chars.next();
            }
            '|' => cells.push(std::mem::take(&mut current)),
            _ => current.push(c),
        }
    }
    if !current.trim().is_empty() {
        cells.push(current);
    }
    Some(cells)
}

fn join_row(line: &str, cells: &[String]) -> String {
    let indent: String = line
        .chars()
        .take_while(|c| c.is_whitespace() && *c != '\n')
        .collect();
    let ending = if line.ends_with("\r\n") {
        "\r\n"
    } else if line.ends_with('\n') {
        "\n"
    } else {
        ""
    };
    format!("{indent}|{}|{ending}", cells.join("|"))
}

/// Puts `text` in a cell, keeping the cell's width when it fits so the table stays aligned.
fn set_cell(cell: &str, text: &str) -> String {
    let width = cell.chars().count();
    let wanted = format!(" {text} ");
    let len = wanted.chars().count();
    if len < width {
        format!("{wanted}{}", " ".repeat(width - len))
    } else {
        wanted
    }
}

/// The tool verified this requirement itself: its marker is the tool's to set.
fn tool_marker(finding: &Finding) -> Option<&'static str> {
    match (finding.verdict, finding.method) {
        (_, Method::Declared) => None,
        (Verdict::Met, _) => Some("✅"),
        (Verdict::NotMet, Method::Automatic) => Some("❌"),
        _ => None,
    }
}

fn evidence_links(evidence: &[Evidence]) -> String {
    evidence
        .iter()
        .take(3)
        .filter_map(|e| match (&e.path, e.line, &e.url) {
            (Some(p), Some(l), _) => Some(format!("[{p}:{l}]({p}#L{l})")),
            (Some(p), None, _) => Some(format!("[{p}]({p})")),
            (None, _, Some(u)) => Some(format!("<{u}>")),
            _ => None,
        })
        .collect::<Vec<_>>()
        .join(", ")
}

/// The columns of the table whose header is `lines[0]`, found by the reader's own detector (so
/// every header spelling the check reads is one this writer updates); the rows below the header
/// decide where the ids are when no header names them.
fn table_columns(lines: &[&str]) -> Option<Columns> {
    let mut block = lines.iter().map_while(|line| split_row(line));
    let header = block.next()?;
    let rows: Vec<Vec<String>> = block.collect();
    let rows: Vec<&[String]> = rows.iter().map(Vec::as_slice).collect();
    govreport::find_columns(&header, &rows)
}

/// Hands each requirement row of `text`'s tables to `edit` (its id, its cells, the marker and the
/// documentation column) and writes back the cells `edit` returns; every other byte is copied.
/// A table without an id or a 🔽 column is one the check does not read: it is left alone.
fn edit_rows(
    text: &str,
    mut edit: impl FnMut(&str, Vec<String>, usize, Option<usize>) -> Option<Vec<String>>,
) -> String {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut out = String::with_capacity(text.len() + 1024);
    // Some while inside a table: its columns, if the check reads it.
    let mut table: Option<Option<Columns>> = None;
    for (at, line) in lines.iter().enumerate() {
        let Some(cells) = split_row(line) else {
            table = None;
            out.push_str(line);
            continue;
        };
        let Some(columns) = table.as_ref() else {
            table = Some(table_columns(lines.get(at..).unwrap_or_default()));
            out.push_str(line);
            continue;
        };
        let edited = columns.as_ref().and_then(|c| {
            let marker = c.marker?;
            let id = govreport::canonical_id(cells.get(c.id)?)?;
            edit(&id, cells, marker, c.documentation)
        });
        match edited {
            Some(cells) => out.push_str(&join_row(line, &cells)),
            None => out.push_str(line),
        }
    }
    out
}

/// Applies the report's verdicts to the rows of `text` (a report in OS2's template format).
fn apply(text: &str, report: &Report) -> Written {
    let mut changes = Vec::new();
    let mut kept = Vec::new();
    let text = edit_rows(text, |id, mut cells, marker_col, documentation| {
        let finding = report.finding(id)?;
        let human = cells
            .get(marker_col)
            .map(|c| c.trim().to_string())
            .unwrap_or_default();
        let new_marker = match tool_marker(finding) {
            Some(marker) => Some(marker),
            None if human.is_empty()
                && finding.verdict == Verdict::Unknown
                && finding.method != Method::Declared =>
            {
                Some("❓")
            }
            None => None,
        };
        let has_text = documentation
            .and_then(|d| cells.get(d))
            .is_some_and(|c| !c.trim().is_empty());
        let mut changed = false;
        if let Some(marker) = new_marker {
            // ❌ beside text is an explanation; the tool never gives one on a person's behalf
            // (not for a person's ✅ or ❓, nor for the evidence links it wrote itself).
            if marker == "❌" && has_text && human != marker {
                kept.push(KeptMarker {
                    id: id.to_string(),
                    marker: human.clone(),
                });
            } else if human != marker {
                changes.push(MarkerChange {
                    id: id.to_string(),
                    before: human.clone(),
                    after: marker.to_string(),
                });
                if let Some(cell) = cells.get_mut(marker_col) {
                    *cell = set_cell(cell, marker);
                    changed = true;
                }
            }
        }
        if let Some(doc) = documentation {
            let empty = cells.get(doc).is_some_and(|c| c.trim().is_empty());
            let links = evidence_links(&finding.evidence);
            // Only a met row gets the evidence: text in a ❌ row would read as an explanation
            // ("følg eller forklar") on the next check.
            if empty && tool_marker(finding) == Some("✅") && !links.is_empty() {
                if let Some(cell) = cells.get_mut(doc) {
                    *cell = set_cell(cell, &links.replace('|', "\\|"));
                    changed = true;
                }
            }
        }
        changed.then_some(cells)
    });
    Written {
        text,
        changes,
        kept,
    }
}

fn named_template(product: &str, report: &Report) -> String {
    TEMPLATE.replacen(
        NAME_PLACEHOLDER,
        &format!(
            "# {product}\n\nProduktniveau: {}",
            report.required_level.level
        ),
        1,
    )
}

/// A new governance report from OS2's template, for `product` at the report's required level.
pub fn new_report(product: &str, report: &Report) -> Written {
    apply(&named_template(product, report), report)
}

fn marker_symbol(marker: Marker) -> &'static str {
    match marker {
        Marker::Met => "✅",
        Marker::NotMet => "❌",
        Marker::NotRelevant => "➖",
        Marker::Doubt => "❓",
        Marker::Empty => "",
    }
}

/// Today's id for an old row: the current template's requirement with the same text (so a
/// check list with today's numbering but old check boxes maps one to one), else by the old
/// numbering when the report uses it, else the id itself when it is a current one.
fn current_id(row: &OldRow, old_numbering: bool, krav: &[(String, String)]) -> Option<String> {
    let key = |t: &str| {
        normalize(&t.replace("(anbefaling)", ""))
            .replace(' ', "")
            .replace("fx", "feks")
    };
    let wanted = key(&row.krav);
    if !wanted.is_empty() {
        if let Some((id, _)) = krav.iter().find(|(_, k)| key(k) == wanted) {
            return Some(id.clone());
        }
    }
    if old_numbering {
        return govreport::old_to_current(&row.id).map(str::to_string);
    }
    govreport::REQUIREMENT_IDS
        .contains(&row.id.as_str())
        .then(|| row.id.clone())
}

/// A new report in the current template that carries an old-format report's rows over: each
/// row's marker (as a person's marker: `[x]` ✅, `[ ]` ❌) and documentation text, by requirement
/// id where the old numbering maps to today's; then the tool's verdicts, as on every update.
pub fn migrate_report(product: &str, old_text: &str, report: &Report) -> (Written, Migration) {
    let (rows, old_numbering) = govreport::old_rows(old_text);
    let krav: Vec<(String, String)> = template_rows()
        .into_iter()
        .map(|(id, krav, _)| (id, krav))
        .collect();
    let mut migration = Migration::default();
    let mut carried: Vec<(String, &OldRow)> = Vec::new();
    for row in &rows {
        match current_id(row, old_numbering, &krav) {
            Some(id) if !carried.iter().any(|(c, _)| *c == id) => {
                migration.carried.push((row.id.clone(), id.clone()));
                if matches!(row.marker, Marker::NotMet | Marker::NotRelevant)
                    && !row.documentation.is_empty()
                {
                    migration.explained.push(id.clone());
                }
                carried.push((id, row));
            }
            _ => migration.unmapped.push(Unmapped {
                id: row.id.clone(),
                line: row.line,
                krav: row.krav.clone(),
                had_text: !row.documentation.is_empty(),
            }),
        }
    }
    let named = named_template(product, report);
    let text = edit_rows(&named, |id, mut cells, marker, documentation| {
        let (_, old) = carried.iter().find(|(c, _)| c == id)?;
        if let Some(cell) = cells.get_mut(marker) {
            *cell = set_cell(cell, marker_symbol(old.marker));
        }
        if let (Some(doc), false) = (documentation, old.documentation.is_empty()) {
            if let Some(cell) = cells.get_mut(doc) {
                *cell = set_cell(cell, &escape_cell(&old.documentation));
            }
        }
        Some(cells)
    });
    (apply(&text, report), migration)
}

/// Text for one table cell: line breaks would end the row and an unescaped `|` would split it.
fn escape_cell(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut chars = text.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                out.push_str("\\|");
                chars.next();
            }
            '|' => out.push_str("\\|"),
            '\n' | '\r' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Updates an existing report; refuses when its tables are broken (nothing is written then).
pub fn update_report(path: &str, text: &str, report: &Report) -> Result<Written, WriteError> {
    let parsed: GovernanceReport = govreport::parse(path, text);
    if parsed.format == govreport::Format::Old {
        return Err(WriteError::Broken {
            path: path.to_string(),
            problems: Msg::new(
                "den bruger et gammelt format; `os2gov report --out NY_FIL` skriver OS2's nuværende skabelon og fører rækkerne med over",
                "it uses an old format; `os2gov report --out NEW_FILE` writes OS2's current template and carries its rows over",
            ),
        });
    }
    if !parsed.problems.is_empty() {
        let join = |lang: Lang| {
            parsed
                .problems
                .iter()
                .map(|m| m.get(lang))
                .collect::<Vec<_>>()
                .join("; ")
        };
        let problems = Msg::new(join(Lang::Da), join(Lang::En));
        return Err(WriteError::Broken {
            path: path.to_string(),
            problems,
        });
    }
    Ok(apply(text, report))
}

fn category(theme: Theme) -> &'static str {
    match theme {
        Theme::Relevans => "RELEVANS",
        Theme::Formkrav => "FORMKRAV",
        Theme::StrategiskSammenhaeng => "STRATEGISK SAMMENHÆNG",
        Theme::Governance => "GOVERNANCE",
        Theme::GoodPractice => "GOD PRAKSIS",
    }
}

/// Krav text and guidance (Retningslinjer) of each row of OS2's template.
fn template_rows() -> Vec<(String, String, String)> {
    let mut rows = Vec::new();
    for line in TEMPLATE.lines() {
        let Some(cells) = split_row(line) else {
            continue;
        };
        if cells.len() >= 6 {
            let id = cells[1].trim().to_string();
            if govreport::REQUIREMENT_IDS.contains(&id.as_str()) {
                rows.push((id, cells[2].trim().to_string(), cells[5].trim().to_string()));
            }
        }
    }
    rows
}

/// OS2's self-assessment JSON (`docs/self-assessment/*.json`) with the tool's verdicts.
/// `date` is `YYYY-MM-DD`, `timestamp` an RFC 3339 time.
pub fn self_assessment_json(product: &str, report: &Report, date: &str, timestamp: &str) -> String {
    let krav: Vec<serde_json::Value> = template_rows()
        .into_iter()
        .filter_map(|(id, krav, guidance)| {
            let f = report.finding(&id)?;
            let efterlevet = match f.verdict {
                Verdict::Met | Verdict::Declared => json!("Ja"),
                Verdict::NotMet => json!("Nej"),
                Verdict::Explained => json!("Ikke relevant"),
                Verdict::Unknown => json!("Ved ikke"),
            };
            let links = evidence_links(&f.evidence);
            let dokumentation = if links.is_empty() {
                f.message.clone()
            } else {
                format!("{} {}", f.message, links)
            };
            Some(json!({
                "id": id,
                "kategori": category(f.theme),
                "krav": krav,
                "produktniveau": f.level.as_str(),
                "retningslinjer": guidance,
                "efterlevet": efterlevet,
                "dokumentation": dokumentation,
            }))
        })
        .collect();
    let doc = json!({
        "productName": product,
        "filledBy": format!("os2gov {}", report.tool.version),
        "filledDate": date,
        "generatedAt": timestamp,
        "krav": krav,
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixture::report_of as report_for;

    #[test]
    fn new_report_round_trips_through_the_parser() {
        let report = report_for(&[
            ("SECURITY.md", "Mail security@example.org"),
            ("README.md", "# Demo\n"),
        ]);
        let text = new_report("Demo", &report).text;
        let parsed = govreport::parse("Demo_governance_report.md", &text);
        assert!(parsed.problems.is_empty(), "{:?}", parsed.problems);
        assert_eq!(parsed.rows.len(), 43);
        assert_eq!(
            parsed.declared_level.map(|l| l.0),
            Some(report.required_level.level)
        );
        assert_eq!(
            parsed.row("F4").map(|r| r.marker),
            Some(govreport::Marker::Met)
        );
        assert!(parsed
            .row("F4")
            .is_some_and(|r| r.documentation.contains("SECURITY.md")));
        assert_eq!(
            parsed.row("F3").map(|r| r.marker),
            Some(govreport::Marker::Empty),
            "declared rows stay for humans"
        );
        assert_eq!(
            parsed.row("F5").map(|r| r.marker),
            Some(govreport::Marker::NotMet)
        );
    }

    #[test]
    fn update_keeps_human_text_byte_identical() {
        let report = report_for(&[("README.md", "# Demo\n")]);
        let mut text = new_report("Demo", &report).text;
        // A human fills in F3 and explains F4 in their own words.
        text = text.replacen("|     | F3  |", "| ✅  | F3  |", 1);
        let explained = "| ❌  | F4  | Der er tænkt på sikkerheden i løsningen                                                         | Vi har en aftale med Kommune X | sandkasse |";
        let f4_line = text
            .lines()
            .find(|l| l.contains("| F4  |"))
            .map(str::to_string)
            .expect("F4 row");
        text = text.replacen(&f4_line, &format!("{explained} Beskriv hvordan sikkerhed er indtænkt i design, kode og drift – f.eks. kryptering, adgangsstyring. |"), 1);
        let before = text.clone();
        let now_secure = report_for(&[
            ("README.md", "# Demo\n"),
            ("SECURITY.md", "Mail security@example.org"),
        ]);
        let Written {
            text: after,
            changes,
            ..
        } = update_report("r_governance_report.md", &before, &now_secure).expect("update");
        assert!(after.contains("Vi har en aftale med Kommune X"));
        assert!(
            after.contains("| ✅  | F3  |"),
            "human marker on a declared row kept"
        );
        assert_eq!(
            changes
                .iter()
                .find(|c| c.id == "F4")
                .map(|c| (c.before.as_str(), c.after.as_str())),
            Some(("❌", "✅"))
        );
        // Every line except F4's is byte-identical.
        let differing: Vec<(&str, &str)> = before
            .lines()
            .zip(after.lines())
            .filter(|(a, b)| a != b)
            .collect();
        assert_eq!(differing.len(), 1, "{differing:?}");
        assert!(differing[0].0.contains("| F4"));
    }

    #[test]
    fn the_tool_never_puts_a_cross_beside_text() {
        let report = report_for(&[("README.md", "# Demo\n")]);
        let mut text = new_report("Demo", &report).text;
        let f4 = text
            .lines()
            .find(|l| l.contains("| F4  |"))
            .map(str::to_string)
            .expect("F4 row");
        let mut cells: Vec<String> = f4.split('|').map(str::to_string).collect();
        // A person in doubt writes why; ❌ here would turn the doubt into an explanation.
        cells[1] = " ❓ ".into();
        cells[4] = " Vi er ikke sikre på, om driftsaftalen dækker det. ".into();
        let doubted = cells.join("|");
        text = text.replacen(&f4, &doubted, 1);
        let written = update_report("r_governance_report.md", &text, &report).expect("update");
        assert!(written.text.contains(&doubted));
        assert!(written.changes.iter().all(|c| c.id != "F4"));
        assert_eq!(
            written.kept,
            vec![KeptMarker {
                id: "F4".into(),
                marker: "❓".into()
            }]
        );
    }

    /// Every header spelling the check reads is one `report` updates (issue 10 §3: the writer
    /// knew only `#` and "Beskrivelse"/"Dokumentation", so such reports were read, never updated).
    #[test]
    fn every_header_the_check_reads_is_updated() {
        let before = report_for(&[("README.md", "# Demo\n")]);
        let secure = report_for(&[
            ("README.md", "# Demo\n"),
            ("SECURITY.md", "Mail security@example.org"),
        ]);
        let template = new_report("Demo", &before).text;
        let (marker_id, documentation) = ("| 🔽  | #   |", "| Beskrivelse / Dokumentation |");
        assert!(template.contains(marker_id) && template.contains(documentation));
        for (marker, id, doc) in [
            ("🔽", "#", "Beskrivelse / Dokumentation"),
            ("🔽", "Nr.", "Beskrivelse / Dokumentation"),
            ("Efterlevet?", "ID", "Documentation"),
            ("Status", "Krav-id", "Description"),
            ("⬇", "No", "Dokumentation"),
            ("", "#", "Documentation"),
            ("🔽", "", "Beskrivelse"),
        ] {
            let text = template
                .replace(marker_id, &format!("| {marker} | {id} |"))
                .replace(documentation, &format!("| {doc} |"));
            let parsed = govreport::parse("r_governance_report.md", &text);
            assert!(parsed.problems.is_empty(), "{id}: {:?}", parsed.problems);
            assert_eq!(parsed.rows.len(), 43, "{marker} {id} {doc}");
            let written = update_report("r_governance_report.md", &text, &secure)
                .unwrap_or_else(|e| panic!("{marker} {id} {doc}: {e}"));
            assert_eq!(
                written
                    .changes
                    .iter()
                    .find(|c| c.id == "F4")
                    .map(|c| (c.before.as_str(), c.after.as_str())),
                Some(("❌", "✅")),
                "{marker} {id} {doc}"
            );
            let f4 = govreport::parse("r_governance_report.md", &written.text)
                .row("F4")
                .cloned()
                .expect("F4");
            assert_eq!(f4.marker, govreport::Marker::Met, "{marker} {id} {doc}");
            assert!(
                f4.documentation.contains("SECURITY.md"),
                "{marker} {id} {doc}"
            );
        }
    }

    #[test]
    fn broken_table_is_refused() {
        let report = report_for(&[]);
        let broken = "# X\n\n| 🔽 | # | Krav | Beskrivelse / Dokumentation | Produktniveau | Retningslinjer |\n|---|---|---|---|---|---|\n| ✅ | F2 | only three |\n";
        assert!(matches!(
            update_report("x_governance_report.md", broken, &report),
            Err(WriteError::Broken { .. })
        ));
    }

    #[test]
    fn self_assessment_has_os2s_shape() {
        let report = report_for(&[("README.md", "# Demo\n")]);
        let json = self_assessment_json("Demo", &report, "2026-11-27", "2026-11-27T00:00:00Z");
        let parsed = govreport::parse_self_assessment("docs/self-assessment/demo.json", &json)
            .expect("parses");
        assert_eq!(parsed.rows.len(), 43);
        let value: serde_json::Value = serde_json::from_str(&json).expect("json");
        assert_eq!(value["krav"][0]["kategori"], "RELEVANS");
        assert_eq!(value["krav"][0]["produktniveau"], "sandkasse");
    }
}
