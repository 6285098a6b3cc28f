//! Reads a product's own governance declaration: the governance report (OS2's checklist template,
//! `OS2produkt_governance_report.md`) and the self-assessment JSON under `docs/self-assessment/`.
//!
//! Both are declarations, never evidence (SPEC §8): this module only turns them into rows of
//! id + marker + documentation, plus the level the report declares. No I/O; never panics, because
//! reports are written by hand and arrive in every shape.

use crate::model::{Level, Msg};
use crate::text::normalize;
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};
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

/// Ids that only exist in the checklist's old numbering; seeing them marks a table as old.
const OLD_ONLY_IDS: [&str; 3] = ["R5", "F8", "F9"];

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

/// A parsed self-assessment (`docs/self-assessment/*.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SelfAssessment {
    pub path: String,
    pub product_name: Option<String>,
    pub filled_by: Option<String>,
    pub filled_date: Option<String>,
    pub generated_at: Option<String>,
    /// One row per known requirement id, in file order; `line` is 0.
    pub rows: Vec<Row>,
    /// Entries that were skipped or values that were not understood.
    pub problems: Vec<Msg>,
}

impl SelfAssessment {
    /// The row for `id` (any case, surrounding spaces allowed).
    pub fn row(&self, id: &str) -> Option<&Row> {
        find_row(&self.rows, id)
    }

    /// True when every one of the 43 requirements has an answer.
    pub fn is_complete(&self) -> bool {
        missing(&self.rows).is_empty()
    }

    /// Requirement ids without an answer, in template order.
    pub fn missing_ids(&self) -> Vec<&'static str> {
        missing(&self.rows)
    }
}

/// Why a self-assessment could not be read at all. Every message names the file.
#[derive(Debug, thiserror::Error)]
pub enum GovReportError {
    #[error("{path}: ikke gyldig JSON / not valid JSON: {source}")]
    Json {
        path: String,
        source: serde_json::Error,
    },
    #[error("{path}: ikke en selvevaluering / not a self-assessment: {what}")]
    Shape { path: String, what: String },
}

fn find_row<'a>(rows: &'a [Row], id: &str) -> Option<&'a Row> {
    let id = canonical_id(id)?;
    rows.iter().find(|r| r.id == id)
}

fn missing(rows: &[Row]) -> Vec<&'static str> {
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
fn canonical_id(cell: &str) -> Option<String> {
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

fn is_current_id(id: &str) -> bool {
    REQUIREMENT_IDS.contains(&id)
}

/// How a marker cell read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum MarkerRead {
    Marker(Marker),
    /// `[x]` / `[ ]`: the old check-list style.
    Checkbox,
    /// Markers of more than one kind in one cell, e.g. `✅ / ❌` left from an example.
    Conflict,
    Unknown,
}

/// Symbols and GitHub shortcodes, matched anywhere in the cell so that "✅ " or "✅ se README"
/// still read. ✔️ is ✔ plus a variation selector, so ✔ covers both.
const MARKER_SYMBOLS: [(&str, Marker); 21] = [
    ("✅", Marker::Met),
    ("✔", Marker::Met),
    ("✓", Marker::Met),
    ("☑", Marker::Met),
    (":white_check_mark:", Marker::Met),
    (":heavy_check_mark:", Marker::Met),
    (":ballot_box_with_check:", Marker::Met),
    ("❌", Marker::NotMet),
    ("✖", Marker::NotMet),
    ("✗", Marker::NotMet),
    ("✘", Marker::NotMet),
    ("❎", Marker::NotMet),
    (":x:", Marker::NotMet),
    (":heavy_multiplication_x:", Marker::NotMet),
    (":negative_squared_cross_mark:", Marker::NotMet),
    ("➖", Marker::NotRelevant),
    (":heavy_minus_sign:", Marker::NotRelevant),
    ("❓", Marker::Doubt),
    ("❔", Marker::Doubt),
    (":question:", Marker::Doubt),
    (":grey_question:", Marker::Doubt),
];

fn read_marker(cell: &str) -> MarkerRead {
    // Zero-width characters and a stray variation selector are invisible: the cell is empty.
    let visible: String = cell
        .chars()
        .filter(|c| {
            !matches!(
                c,
                '\u{200b}'..='\u{200d}' | '\u{2060}' | '\u{fe0f}' | '\u{feff}'
            )
        })
        .collect();
    let t = visible.trim();
    if t.is_empty() {
        return MarkerRead::Marker(Marker::Empty);
    }
    let compact: String = t.chars().filter(|c| !c.is_whitespace()).collect();
    if compact.contains("[x]") || compact.contains("[X]") || compact.contains("[]") {
        return MarkerRead::Checkbox;
    }
    let mut found: Vec<Marker> = Vec::new();
    for (symbol, marker) in MARKER_SYMBOLS {
        if t.contains(symbol) && !found.contains(&marker) {
            found.push(marker);
        }
    }
    match found.as_slice() {
        [one] => return MarkerRead::Marker(*one),
        [] => {}
        _ => return MarkerRead::Conflict,
    }
    // Words: the self-assessment's "Efterlevet?" column, and people who type instead of pasting
    // emoji. A bare dash or question mark is what a keyboard offers for ➖ and ❓.
    match t {
        "-" | "–" | "—" | "−" => return MarkerRead::Marker(Marker::NotRelevant),
        "?" => return MarkerRead::Marker(Marker::Doubt),
        _ => {}
    }
    match answer_marker(t) {
        // Only symbols this parser does not know (👍, 🟢): not "not evaluated" but unreadable.
        Some(Marker::Empty) | None => MarkerRead::Unknown,
        Some(marker) => MarkerRead::Marker(marker),
    }
}

/// "Ja"/"Nej"/"Ved ikke"/"Ikke relevant" and their English equivalents.
fn answer_marker(text: &str) -> Option<Marker> {
    match normalize(text).as_str() {
        "" => Some(Marker::Empty),
        "ja" | "yes" | "opfyldt" | "met" => Some(Marker::Met),
        "nej" | "no" | "ikke opfyldt" | "not met" => Some(Marker::NotMet),
        "ikke relevant" | "not relevant" | "n a" | "na" | "irrelevant" => Some(Marker::NotRelevant),
        "ved ikke" | "tvivl" | "i tvivl" | "don t know" | "unknown" | "uncertain" => {
            Some(Marker::Doubt)
        }
        _ => None,
    }
}

/// Placeholders a generator writes for "nothing filled in"; they are not an explanation.
fn clean_documentation(text: &str) -> String {
    let t = text.trim();
    let n = normalize(t);
    if n == "ikke udfyldt" || n == "not filled in" || n == "not filled" {
        String::new()
    } else {
        t.to_string()
    }
}

/// Offsets of line starts, for turning byte offsets into 1-based line numbers.
struct Lines(Vec<usize>);

impl Lines {
    fn new(text: &str) -> Lines {
        let mut starts = vec![0];
        starts.extend(text.match_indices('\n').map(|(i, _)| i + 1));
        Lines(starts)
    }

    fn line_of(&self, offset: usize) -> u32 {
        let index = self.0.partition_point(|&start| start <= offset).max(1);
        u32::try_from(index).unwrap_or(u32::MAX)
    }
}

/// Collects the plain text of inline events, rendering links so their URL survives.
#[derive(Default)]
struct InlineText {
    text: String,
    /// Open links: destination and where their label starts in `text`.
    links: Vec<(String, usize)>,
    with_urls: bool,
}

impl InlineText {
    fn new(with_urls: bool) -> InlineText {
        InlineText {
            with_urls,
            ..InlineText::default()
        }
    }

    /// Takes one event; returns false for events it does not consume.
    fn feed(&mut self, event: &Event<'_>) -> bool {
        match event {
            Event::Text(t) | Event::Code(t) => self.text.push_str(t),
            Event::SoftBreak | Event::HardBreak => self.text.push(' '),
            Event::InlineHtml(h) | Event::Html(h) => {
                // <br> separates lines inside a cell; other tags (<ul><li>) carry no text.
                if h.trim_start().to_ascii_lowercase().starts_with("<br") {
                    self.text.push(' ');
                }
            }
            Event::Start(Tag::Link { dest_url, .. } | Tag::Image { dest_url, .. }) => {
                self.links.push((dest_url.to_string(), self.text.len()));
            }
            Event::End(TagEnd::Link | TagEnd::Image) => {
                if let Some((url, start)) = self.links.pop() {
                    if self.with_urls && !url.is_empty() {
                        let label = self.text.get(start..).unwrap_or("").trim();
                        if label.is_empty() {
                            self.text.push_str(&url);
                        } else if label != url && label.trim_start_matches("mailto:") != url {
                            self.text.push_str(" (");
                            self.text.push_str(&url);
                            self.text.push(')');
                        }
                    }
                }
            }
            Event::Start(_) | Event::End(_) => {}
            _ => return false,
        }
        true
    }

    fn finish(self) -> String {
        collapse_whitespace(&self.text)
    }
}

fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Debug, Default)]
struct RawRow {
    cells: Vec<String>,
    /// Each cell's Markdown as written (links, escapes), for carrying it into another report.
    sources: Vec<String>,
    line: u32,
    /// Cells counted in the source line; pulldown-cmark pads or drops cells to fit the header.
    source_cells: usize,
}

#[derive(Debug, Default)]
struct RawTable {
    line: u32,
    header_raw: Vec<String>,
    rows: Vec<RawRow>,
}

/// Everything one pass over the Markdown events yields.
#[derive(Default)]
struct Scan {
    tables: Vec<RawTable>,
    /// Level-1 headings outside tables and code, with URLs left out.
    titles: Vec<String>,
    /// Text outside tables, code and HTML, by line, for the declared level.
    prose_lines: Vec<(u32, String)>,
    /// Line of the first `- [x]` / `- [ ]` task-list item.
    checklist_line: Option<u32>,
}

/// Counts the cells of one source table row the way GFM splits it: on unescaped pipes, with
/// optional leading and trailing pipes.
fn count_source_cells(line: &str) -> usize {
    let mut t = line.trim();
    if let Some(rest) = t.strip_prefix('|') {
        t = rest;
    }
    if t.ends_with('|') && !t.ends_with("\\|") {
        t = &t[..t.len() - 1];
    }
    if t.trim().is_empty() {
        return usize::from(!line.trim().trim_matches('|').is_empty());
    }
    let mut count = 1;
    let mut escaped = false;
    for c in t.chars() {
        match c {
            '\\' if !escaped => escaped = true,
            '|' if !escaped => count += 1,
            _ => escaped = false,
        }
        if c != '\\' {
            escaped = false;
        }
    }
    count
}

fn is_task_item(source: &str) -> bool {
    let t = source.trim_start();
    let rest = if let Some(r) = t.strip_prefix(['-', '*', '+']) {
        r
    } else {
        let digits = t.chars().take_while(char::is_ascii_digit).count();
        if digits == 0 {
            return false;
        }
        match t.get(digits..).and_then(|r| r.strip_prefix(['.', ')'])) {
            Some(r) => r,
            None => return false,
        }
    };
    let rest = rest.trim_start();
    rest.starts_with("[ ]") || rest.starts_with("[x]") || rest.starts_with("[X]")
}

fn scan(text: &str) -> Scan {
    let lines = Lines::new(text);
    let mut out = Scan::default();
    let mut table: Option<RawTable> = None;
    let mut row: Option<RawRow> = None;
    let mut cell: Option<InlineText> = None;
    let mut title: Option<InlineText> = None;
    let mut code_depth = 0usize;

    for (event, range) in Parser::new_ext(text, Options::ENABLE_TABLES).into_offset_iter() {
        let line = lines.line_of(range.start);
        if let Some(c) = cell.as_mut() {
            if !matches!(event, Event::End(TagEnd::TableCell)) {
                c.feed(&event);
                continue;
            }
        }
        match &event {
            Event::Start(Tag::Table(_)) => {
                table = Some(RawTable {
                    line,
                    ..RawTable::default()
                });
            }
            Event::End(TagEnd::Table) => {
                if let Some(t) = table.take() {
                    out.tables.push(t);
                }
            }
            Event::Start(Tag::TableHead | Tag::TableRow) => {
                let source_line = text
                    .get(range.clone())
                    .and_then(|s| s.lines().next())
                    .unwrap_or("");
                row = Some(RawRow {
                    cells: Vec::new(),
                    sources: Vec::new(),
                    line,
                    source_cells: count_source_cells(source_line),
                });
            }
            Event::End(TagEnd::TableHead) => {
                if let (Some(t), Some(r)) = (table.as_mut(), row.take()) {
                    t.header_raw = r.cells;
                }
            }
            Event::End(TagEnd::TableRow) => {
                if let (Some(t), Some(r)) = (table.as_mut(), row.take()) {
                    t.rows.push(r);
                }
            }
            Event::Start(Tag::TableCell) => {
                if let Some(r) = row.as_mut() {
                    let source = text.get(range.clone()).unwrap_or("");
                    r.sources
                        .push(collapse_whitespace(source.trim().trim_matches('|').trim()));
                }
                cell = Some(InlineText::new(true));
            }
            Event::End(TagEnd::TableCell) => {
                if let (Some(r), Some(c)) = (row.as_mut(), cell.take()) {
                    r.cells.push(c.finish());
                }
            }
            Event::Start(Tag::CodeBlock(_)) => code_depth += 1,
            Event::End(TagEnd::CodeBlock) => code_depth = code_depth.saturating_sub(1),
            Event::Start(Tag::Item) if code_depth == 0 && table.is_none() => {
                if out.checklist_line.is_none() && text.get(range.clone()).is_some_and(is_task_item)
                {
                    out.checklist_line = Some(line);
                }
            }
            Event::Start(Tag::Heading {
                level: HeadingLevel::H1,
                ..
            }) if code_depth == 0 && table.is_none() => title = Some(InlineText::new(false)),
            Event::End(TagEnd::Heading(HeadingLevel::H1)) => {
                if let Some(t) = title.take() {
                    out.titles.push(t.finish());
                }
            }
            Event::Text(t) | Event::Code(t) if code_depth == 0 && table.is_none() => {
                if let Some(h) = title.as_mut() {
                    h.feed(&event);
                }
                // A text event rarely spans lines, but when it does each part keeps its line.
                for (i, part) in t.split('\n').enumerate() {
                    let at = line.saturating_add(u32::try_from(i).unwrap_or(u32::MAX));
                    match out.prose_lines.last_mut() {
                        Some((l, s)) if *l == at => s.push_str(part),
                        _ => out.prose_lines.push((at, part.to_string())),
                    }
                }
            }
            other => {
                if let Some(h) = title.as_mut() {
                    h.feed(other);
                }
            }
        }
    }
    out
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

/// Where a requirement table keeps what this parser reads.
#[derive(Debug)]
struct Columns {
    id: usize,
    marker: Option<usize>,
    documentation: Option<usize>,
    /// The header names the current template's 🔽 column or the self-assessment's "Efterlevet?".
    current_header: bool,
}

fn header_is_id(raw: &str) -> bool {
    let t = raw.trim();
    t == "#"
        || matches!(
            normalize(t).as_str(),
            "id" | "nr" | "no" | "krav id" | "kravnr"
        )
}

fn header_is_marker(raw: &str) -> bool {
    raw.contains('🔽')
        || raw.contains('⬇')
        || matches!(
            normalize(raw).as_str(),
            "efterlevet" | "opfyldt" | "status" | "markering" | "marker"
        )
}

fn header_is_documentation(raw: &str) -> bool {
    let n = normalize(raw);
    [
        "beskrivelse",
        "dokumentation",
        "documentation",
        "description",
    ]
    .iter()
    .any(|w| n.split(' ').any(|word| word == *w))
}

fn find_columns(table: &RawTable) -> Option<Columns> {
    let header = &table.header_raw;
    let id_cells = |col: usize| {
        table
            .rows
            .iter()
            .filter(|r| r.cells.get(col).and_then(|c| canonical_id(c)).is_some())
            .count()
    };
    let id = header.iter().position(|h| header_is_id(h)).or_else(|| {
        // No "#" header: the column where most cells look like requirement ids.
        (0..header.len())
            .map(|col| (id_cells(col), col))
            .filter(|(n, _)| *n > 0)
            .max_by_key(|(n, col)| (*n, std::cmp::Reverse(*col)))
            .map(|(_, col)| col)
    })?;
    let named_marker = header.iter().position(|h| header_is_marker(h));
    let marker = named_marker.or_else(|| {
        // The marker column is the first one; its header may have lost the 🔽.
        (id != 0 && header.first().is_some_and(|h| normalize(h).is_empty())).then_some(0)
    });
    let documentation = header
        .iter()
        .position(|h| header_is_documentation(h))
        .filter(|&c| Some(c) != marker && c != id);
    Some(Columns {
        id,
        marker,
        documentation,
        current_header: named_marker.is_some(),
    })
}

fn is_requirement_table(table: &RawTable) -> bool {
    let has_ids = table
        .rows
        .iter()
        .any(|r| r.cells.iter().any(|c| canonical_id(c).is_some()));
    let has_krav_header = table
        .header_raw
        .iter()
        .any(|h| normalize(h) == "krav" || normalize(h) == "requirement");
    has_ids || has_krav_header
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
    let marker_col = columns.marker.unwrap_or(0);
    let checkbox = table.rows.iter().any(|r| {
        r.cells
            .get(marker_col)
            .is_some_and(|c| read_marker(c) == MarkerRead::Checkbox)
    });
    if checkbox {
        return Some(Msg::new(
            "afkrydsningsfelter [x] i stedet for ✅ ❌ ➖ ❓",
            "check boxes [x] instead of ✅ ❌ ➖ ❓",
        ));
    }
    let ids: Vec<String> = table
        .rows
        .iter()
        .filter_map(|r| r.cells.get(columns.id).and_then(|c| canonical_id(c)))
        .collect();
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

    for table in scanned.tables.iter().filter(|t| is_requirement_table(t)) {
        let columns = find_columns(table);
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

/// A garbage file can yield a problem per line; past this many, one summary stands for the rest.
const MAX_PROBLEMS: usize = 50;

fn cap_problems(problems: &mut Vec<Msg>) {
    if problems.len() > MAX_PROBLEMS {
        let more = problems.len() - MAX_PROBLEMS;
        problems.truncate(MAX_PROBLEMS);
        problems.push(Msg::new(
            format!("… og {more} problemer mere"),
            format!("… and {more} more problems"),
        ));
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
        let id_cell = raw.cells.get(columns.id).map_or("", String::as_str);
        let marker_cell = raw.cells.get(marker_col).map_or("", String::as_str);
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
    for table in scanned.tables.iter().filter(|t| is_requirement_table(t)) {
        let Some(columns) = find_columns(table) else {
            continue;
        };
        let marker_col = columns.marker.unwrap_or(0);
        let documentation = columns.documentation.or_else(|| {
            table.header_raw.iter().position(|h| {
                matches!(
                    normalize(h).as_str(),
                    "henvisning" | "reference" | "dokumentation" | "kommentar"
                )
            })
        });
        let krav = table
            .header_raw
            .iter()
            .position(|h| matches!(normalize(h).as_str(), "krav" | "requirement" | "kriterie"));
        for raw in &table.rows {
            let Some(id) = raw.cells.get(columns.id).and_then(|c| canonical_id(c)) else {
                continue;
            };
            let marker_cell = raw.cells.get(marker_col).map_or("", String::as_str);
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

fn old_marker(cell: &str) -> Marker {
    let compact: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    match read_marker(cell) {
        MarkerRead::Checkbox if compact.contains("[x]") || compact.contains("[X]") => Marker::Met,
        MarkerRead::Checkbox => Marker::NotMet,
        MarkerRead::Marker(m) => m,
        MarkerRead::Conflict | MarkerRead::Unknown => Marker::Empty,
    }
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

fn json_string(value: Option<&serde_json::Value>) -> Option<String> {
    match value? {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        serde_json::Value::Number(n) => Some(number_text(n)),
        _ => None,
    }
}

/// A JSON number as written back: whole numbers exactly, others with the shortest digits
/// (`2.5`, `3.0`). Not serde_json's `Display` nor `f64`'s, whose float formatting would add ~4 KB
/// (gzipped) to the browser build for this one use: [`crate::text::short_decimal`], and a number
/// that needs more than six decimals is written rounded to six.
fn number_text(n: &serde_json::Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    let x = n.as_f64().unwrap_or_default();
    let text = crate::text::short_decimal(x, 6)
        .or_else(|| crate::text::short_decimal((x * 1e6).round() / 1e6, 6))
        .unwrap_or_else(|| (x as i128).to_string());
    if text.contains('.') {
        text
    } else {
        text + ".0"
    }
}

/// Parses a self-assessment JSON file (shape: SPEC §1). Malformed JSON or a document without a
/// `krav` list is an error; a bad entry inside the list is a problem and is skipped.
pub fn parse_self_assessment(path: &str, text: &str) -> Result<SelfAssessment, GovReportError> {
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|source| GovReportError::Json {
            path: path.to_string(),
            source,
        })?;
    let shape = |what: &str| GovReportError::Shape {
        path: path.to_string(),
        what: what.to_string(),
    };
    let object = value
        .as_object()
        .ok_or_else(|| shape("the top level is not an object"))?;
    let krav = object
        .get("krav")
        .ok_or_else(|| shape("no \"krav\" list"))?
        .as_array()
        .ok_or_else(|| shape("\"krav\" is not a list"))?;

    let mut rows: Vec<Row> = Vec::new();
    let mut problems = Vec::new();
    for (index, entry) in krav.iter().enumerate() {
        let n = index + 1;
        let Some(entry) = entry.as_object() else {
            problems.push(Msg::new(
                format!("krav nr. {n} er ikke et objekt"),
                format!("krav entry {n} is not an object"),
            ));
            continue;
        };
        let raw_id = json_string(entry.get("id")).unwrap_or_default();
        let Some(id) = canonical_id(&raw_id).filter(|id| is_current_id(id)) else {
            problems.push(Msg::new(
                format!("krav nr. {n}: ukendt id \"{raw_id}\""),
                format!("krav entry {n}: unknown id \"{raw_id}\""),
            ));
            continue;
        };
        if rows.iter().any(|r| r.id == id) {
            problems.push(Msg::new(
                format!("krav nr. {n}: {id} forekommer flere gange; det første svar gælder"),
                format!("krav entry {n}: {id} appears more than once; the first answer counts"),
            ));
            continue;
        }
        let marker = match entry.get("efterlevet") {
            None | Some(serde_json::Value::Null) => Marker::Empty,
            Some(serde_json::Value::Bool(true)) => Marker::Met,
            Some(serde_json::Value::Bool(false)) => Marker::NotMet,
            Some(serde_json::Value::String(s)) => answer_marker(s).unwrap_or_else(|| {
                problems.push(Msg::new(
                    format!("{id}: ukendt svar \"{s}\" (Ja, Nej eller Ved ikke)"),
                    format!("{id}: unknown answer \"{s}\" (Ja, Nej or Ved ikke)"),
                ));
                Marker::Empty
            }),
            Some(other) => {
                // Named rather than printed as JSON: formatting a JSON value would add ~4 KB
                // (gzipped) to the browser build, which has no other use for it.
                let (da, en) = match other {
                    serde_json::Value::Number(n) => (number_text(n), number_text(n)),
                    serde_json::Value::Array(_) => ("(en liste)".into(), "(a list)".into()),
                    _ => ("(et objekt)".into(), "(an object)".into()),
                };
                problems.push(Msg::new(
                    format!("{id}: ukendt svar {da}"),
                    format!("{id}: unknown answer {en}"),
                ));
                Marker::Empty
            }
        };
        let documentation = json_string(entry.get("dokumentation"))
            .map(|d| clean_documentation(&d))
            .unwrap_or_default();
        rows.push(Row {
            id,
            marker,
            documentation,
            line: 0,
        });
    }

    cap_problems(&mut problems);
    Ok(SelfAssessment {
        path: path.to_string(),
        product_name: json_string(object.get("productName")),
        filled_by: json_string(object.get("filledBy")),
        filled_date: json_string(object.get("filledDate")),
        generated_at: json_string(object.get("generatedAt")),
        rows,
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shared(rel: &str) -> String {
        let path = format!("{}/../shared/{rel}", env!("CARGO_MANIFEST_DIR"));
        std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
    }

    fn da(problems: &[Msg]) -> Vec<&str> {
        problems.iter().map(|p| p.da.as_str()).collect()
    }

    #[test]
    fn numbers_read_as_written() {
        for text in [
            "0",
            "42",
            "-7",
            "18446744073709551615",
            "2.5",
            "3.0",
            "-0.125",
            "1234.5678",
        ] {
            let n: serde_json::Number = serde_json::from_str(text).expect("a number");
            assert_eq!(number_text(&n), n.to_string(), "{text}");
        }
        let long: serde_json::Number = serde_json::from_str("0.30000000000000004").expect("n");
        assert_eq!(number_text(&long), "0.3");
    }

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
    fn markers() {
        let m = |s| read_marker(s);
        assert_eq!(m("✅"), MarkerRead::Marker(Marker::Met));
        assert_eq!(m(" ✅ "), MarkerRead::Marker(Marker::Met));
        assert_eq!(m("✔️"), MarkerRead::Marker(Marker::Met));
        assert_eq!(m("✔"), MarkerRead::Marker(Marker::Met));
        assert_eq!(m(":white_check_mark:"), MarkerRead::Marker(Marker::Met));
        assert_eq!(m("❌"), MarkerRead::Marker(Marker::NotMet));
        assert_eq!(m("✖"), MarkerRead::Marker(Marker::NotMet));
        assert_eq!(m("✗"), MarkerRead::Marker(Marker::NotMet));
        assert_eq!(m(":x:"), MarkerRead::Marker(Marker::NotMet));
        assert_eq!(m("➖"), MarkerRead::Marker(Marker::NotRelevant));
        assert_eq!(
            m(":heavy_minus_sign:"),
            MarkerRead::Marker(Marker::NotRelevant)
        );
        assert_eq!(m("❓"), MarkerRead::Marker(Marker::Doubt));
        assert_eq!(m(":question:"), MarkerRead::Marker(Marker::Doubt));
        assert_eq!(m(""), MarkerRead::Marker(Marker::Empty));
        assert_eq!(m("Ja"), MarkerRead::Marker(Marker::Met));
        assert_eq!(m("Ikke relevant"), MarkerRead::Marker(Marker::NotRelevant));
        assert_eq!(m("Ved ikke"), MarkerRead::Marker(Marker::Doubt));
        assert_eq!(m("✅ / ❌"), MarkerRead::Conflict);
        assert_eq!(m("<ul><li> [x] </li>"), MarkerRead::Checkbox);
        assert_eq!(m("[ ]"), MarkerRead::Checkbox);
        assert_eq!(m("🟢"), MarkerRead::Unknown);
    }

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
    fn os2iot_tables_are_all_read_even_without_blank_lines() {
        // The GOVERNANCE table directly follows "**GOVERNANCE**" with no blank line; the scan
        // must still see it as a table (four tables in all, 5 + 22 + 4 + 14 rows).
        let path = "corpus/OS2iot/OS2iot-docs/files/OS2iot_GOVERNANCE_REPORT.md";
        let scanned = scan(&shared(path));
        let counts: Vec<usize> = scanned.tables.iter().map(|t| t.rows.len()).collect();
        assert_eq!(counts, vec![5, 22, 4, 14]);
        let g3 = &scanned.tables[3].rows[2];
        assert_eq!(g3.cells[1], "G3");
        assert_eq!(g3.cells[3], "Mogens Kjeldsen, OS2");
        assert_eq!(g3.cells[0], "[x]");
        let f22 = &scanned.tables[1].rows[21];
        assert_eq!(f22.cells[0], "[ ]");
        let r1 = &scanned.tables[0].rows[0];
        assert_eq!(
            r1.cells[3],
            "Se gevinstkort (https://os2.eu/produkt/os2iot)"
        );
        assert_eq!(r1.line, 12);
    }

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

    #[test]
    fn source_cell_count() {
        assert_eq!(count_source_cells("| a | b |"), 2);
        assert_eq!(count_source_cells(" a | b "), 2);
        assert_eq!(count_source_cells("| a \\| b | c |"), 2);
        assert_eq!(
            count_source_cells("|     |  #  | Krav | Henvisning | Niveau | "),
            5
        );
        assert_eq!(count_source_cells("| |"), 1);
        assert_eq!(count_source_cells("|"), 0);
    }

    #[test]
    fn self_assessment_json() {
        let mut krav: Vec<serde_json::Value> = REQUIREMENT_IDS
            .iter()
            .map(|id| {
                serde_json::json!({
                    "id": id, "kategori": "x", "krav": "x", "produktniveau": "1",
                    "retningslinjer": "Beskriv ...", "efterlevet": "Ja", "dokumentation": "Se README"
                })
            })
            .collect();
        krav[0]["efterlevet"] = "Nej".into();
        krav[1]["efterlevet"] = "Ved ikke".into();
        krav[2]["efterlevet"] = serde_json::Value::Null;
        krav[2]["dokumentation"] = serde_json::Value::Null;
        if let Some(o) = krav[3].as_object_mut() {
            o.remove("efterlevet");
        }
        krav[4]["efterlevet"] = "Måske".into();
        krav[5]["id"] = " f2 ".into();
        krav[5]["dokumentation"] = "[Ikke udfyldt]".into();
        krav.push(serde_json::json!({"id": "F8", "efterlevet": "Ja"}));
        krav.push(serde_json::json!({"id": "R1", "efterlevet": "Ja"}));
        krav.push(serde_json::json!("nonsense"));
        let doc = serde_json::json!({
            "productName": "OS2demo", "filledBy": "Jens", "filledDate": "2026-05-06",
            "generatedAt": "2026-05-06T10:00:00Z", "krav": krav
        });
        let sa = parse_self_assessment("docs/self-assessment/os2demo.json", &doc.to_string())
            .expect("valid");
        assert_eq!(sa.product_name.as_deref(), Some("OS2demo"));
        assert_eq!(sa.filled_by.as_deref(), Some("Jens"));
        assert_eq!(sa.rows.len(), 43);
        assert!(sa.rows.iter().all(|r| r.line == 0));
        assert_eq!(sa.row("R1").map(|r| r.marker), Some(Marker::NotMet));
        assert_eq!(sa.row("R2").map(|r| r.marker), Some(Marker::Doubt));
        assert_eq!(sa.row("R3").map(|r| r.marker), Some(Marker::Empty));
        assert_eq!(sa.row("R3").map(|r| r.documentation.as_str()), Some(""));
        assert_eq!(sa.row("R4").map(|r| r.marker), Some(Marker::Empty));
        assert_eq!(sa.row("F1").map(|r| r.marker), Some(Marker::Empty));
        let f2 = sa.row("F2").expect("F2");
        assert_eq!((f2.marker, f2.documentation.as_str()), (Marker::Met, ""));
        assert_eq!(
            sa.row("G14").map(|r| r.documentation.as_str()),
            Some("Se README")
        );
        assert_eq!(sa.missing_ids(), ["R3", "R4", "F1"]);
        assert!(!sa.is_complete());
        let problems = da(&sa.problems);
        assert_eq!(problems.len(), 4, "{problems:#?}");
        assert!(problems[0].contains("Måske"));
        assert!(problems[1].contains("ukendt id \"F8\""));
        assert!(problems[2].contains("R1 forekommer flere gange"));
        assert!(problems[3].contains("ikke et objekt"));
    }

    #[test]
    fn malformed_self_assessment_is_an_error_naming_the_path() {
        let path = "docs/self-assessment/broken.json";
        for text in [
            "{\"krav\": [",
            "",
            "[1, 2]",
            "{\"productName\": \"x\"}",
            "{\"krav\": 3}",
        ] {
            let err = parse_self_assessment(path, text).expect_err(text);
            assert!(err.to_string().starts_with(path), "{err}");
        }
        assert!(matches!(
            parse_self_assessment(path, "{\"krav\": ["),
            Err(GovReportError::Json { .. })
        ));
        let empty = parse_self_assessment(path, "{\"krav\": []}").expect("empty list is valid");
        assert!(empty.rows.is_empty());
        assert_eq!(empty.product_name, None);
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
