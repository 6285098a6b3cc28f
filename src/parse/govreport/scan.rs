//! One pass over a report's Markdown events: its tables (cells as text and as written), its
//! titles, its prose by line and where a check list starts.

use super::canonical_id;
use super::columns::{find_columns, header_is_krav, Columns};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag, TagEnd};

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

pub(super) fn collapse_whitespace(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

#[derive(Debug, Default)]
pub(super) struct RawRow {
    pub(super) cells: Vec<String>,
    /// Each cell's Markdown as written (links, escapes), for carrying it into another report.
    pub(super) sources: Vec<String>,
    pub(super) line: u32,
    /// Cells counted in the source line; pulldown-cmark pads or drops cells to fit the header.
    pub(super) source_cells: usize,
}

#[derive(Debug, Default)]
pub(super) struct RawTable {
    pub(super) line: u32,
    pub(super) header_raw: Vec<String>,
    pub(super) rows: Vec<RawRow>,
}

impl RawRow {
    /// Cell `col` as text; "" past the row's end.
    pub(super) fn cell(&self, col: usize) -> &str {
        self.cells.get(col).map_or("", String::as_str)
    }

    /// The row's requirement id, in canonical form, if its id cell holds one.
    pub(super) fn id(&self, columns: &Columns) -> Option<String> {
        canonical_id(self.cell(columns.id))
    }
}

impl RawTable {
    pub(super) fn columns(&self) -> Option<Columns> {
        let rows: Vec<&[String]> = self.rows.iter().map(|r| r.cells.as_slice()).collect();
        find_columns(&self.header_raw, &rows)
    }

    /// Ids in its cells or a "Krav" column: a table of requirements, in whichever format.
    fn holds_requirements(&self) -> bool {
        let has_ids = self
            .rows
            .iter()
            .any(|r| r.cells.iter().any(|c| canonical_id(c).is_some()));
        has_ids || self.header_raw.iter().any(|h| header_is_krav(h))
    }
}

/// Everything one pass over the Markdown events yields.
#[derive(Default)]
pub(super) struct Scan {
    pub(super) tables: Vec<RawTable>,
    /// Level-1 headings outside tables and code, with URLs left out.
    pub(super) titles: Vec<String>,
    /// Text outside tables, code and HTML, by line, for the declared level.
    pub(super) prose_lines: Vec<(u32, String)>,
    /// Line of the first `- [x]` / `- [ ]` task-list item.
    pub(super) checklist_line: Option<u32>,
}

impl Scan {
    /// The requirement tables, each with its columns (None: no column of ids was found).
    pub(super) fn requirement_tables(&self) -> impl Iterator<Item = (&RawTable, Option<Columns>)> {
        self.tables
            .iter()
            .filter(|t| t.holds_requirements())
            .map(|t| (t, t.columns()))
    }
}

/// Counts the cells of one source table row the way GFM splits it: on unescaped pipes, with
/// optional leading and trailing pipes.
pub(super) fn count_source_cells(line: &str) -> usize {
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

pub(super) fn is_task_item(source: &str) -> bool {
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

pub(super) fn scan(text: &str) -> Scan {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::govreport::test_support::shared;

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
}
