//! An evaluation file written before (`os2gov evaluate --out FILE` on an existing file): what a
//! person wrote in it is kept. The rows the tool leaves ⚪ keep the person's light and
//! Vurderingsgrundlag, the sections for people (Resumé, Overordnet vurdering, Anbefaling) and the
//! evaluator's and date lines keep their text; only the rows the tool decides are written anew,
//! and what changed in them is listed — as `os2gov report` does for the governance report.

use super::{Evaluation, Light};
use crate::base::model::{Bilingual, Lang, Msg};
use crate::msg;
use std::collections::BTreeMap;

/// A requirement's row as the file has it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FileRow {
    /// The "Vurdering" cell as written (a light, the template's "🟢 / 🟡 / 🔴", or empty).
    pub marker: String,
    pub light: Option<Light>,
    /// The "Vurderingsgrundlag" cell as written.
    pub basis: String,
}

/// What a person may have written in an evaluation file.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct EvaluationFile {
    pub rows: BTreeMap<String, FileRow>,
    /// The text under each section for people, by [`Section`], as written.
    pub sections: BTreeMap<Section, String>,
    /// The document-information lines a person fills in, by [`InfoLine`], as written.
    pub info: BTreeMap<InfoLine, String>,
}

/// The sections of the template that only a person writes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Section {
    Summary,
    Overall,
    Recommendation,
}

impl Section {
    pub const ALL: [Section; 3] = [Section::Summary, Section::Overall, Section::Recommendation];

    pub fn heading(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Section::Summary, Lang::Da) => "📝 Resumé",
            (Section::Summary, Lang::En) => "📝 Summary",
            (Section::Overall, Lang::Da) => "🔍 Overordnet vurdering",
            (Section::Overall, Lang::En) => "🔍 Overall assessment",
            (Section::Recommendation, Lang::Da) => "📈 Anbefaling",
            (Section::Recommendation, Lang::En) => "📈 Recommendation",
        }
    }

    /// The template's placeholder for the section.
    pub fn placeholder(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Section::Summary, Lang::Da) => "[Her skrives et meget kort resumé af den samlede vurdering og anbefaling.]",
            (Section::Summary, Lang::En) => "[A very short summary of the overall assessment and the recommendation.]",
            (Section::Overall, Lang::Da) => "[Her skrives en samlet vurdering: hvilke styrker, hvilke forbedringspunkter, anbefalinger til næste skridt.]",
            (Section::Overall, Lang::En) => "[The overall assessment: strengths, points to improve, recommended next steps.]",
            (Section::Recommendation, Lang::Da) => "[Her skrives et overblik over anbefalinger - gerne i punktform]",
            (Section::Recommendation, Lang::En) => "[An overview of the recommendations, preferably as a list.]",
        }
    }

    fn from_heading(text: &str) -> Option<Section> {
        let words: String = text
            .chars()
            .filter(|c| c.is_alphabetic() || c.is_whitespace())
            .collect::<String>()
            .trim()
            .to_lowercase();
        match words.as_str() {
            "resumé" | "resume" | "summary" => Some(Section::Summary),
            "overordnet vurdering" | "overall assessment" => Some(Section::Overall),
            "anbefaling" | "anbefalinger" | "recommendation" | "recommendations" => {
                Some(Section::Recommendation)
            }
            _ => None,
        }
    }
}

/// The lines of the document information a person fills in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum InfoLine {
    Date,
    Evaluator,
}

impl InfoLine {
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (InfoLine::Date, Lang::Da) => "Dato for udfyldelse",
            (InfoLine::Date, Lang::En) => "Date filled in",
            (InfoLine::Evaluator, Lang::Da) => "Evaluering lavet af",
            (InfoLine::Evaluator, Lang::En) => "Evaluated by",
        }
    }

    fn of(line: &str) -> Option<InfoLine> {
        let line = line.trim_start_matches(['>', ' ']);
        let label = line.strip_prefix("**")?.split_once(":**")?.0.trim();
        [InfoLine::Date, InfoLine::Evaluator]
            .into_iter()
            .find(|info| {
                [Lang::Da, Lang::En].iter().any(|l| info.label(*l) == label)
                    || (*info == InfoLine::Evaluator && label == "Audit made by")
            })
    }
}

/// Why an evaluation file was refused (it is then left untouched).
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FileError {
    #[error("{}", self.msg().en)]
    BrokenRow {
        line: usize,
        id: String,
        cells: usize,
    },
    #[error("{}", self.msg().en)]
    DuplicateRow { line: usize, id: String },
    #[error("{}", self.msg().en)]
    NoRows,
}

impl Bilingual for FileError {
    fn msg(&self) -> Msg {
        match self {
            FileError::BrokenRow { line, id, cells } => msg!(
                "linje {line}: rækken {id} har {cells} celler, ikke skabelonens 6",
                "line {line}: row {id} has {cells} cells, not the template's 6"
            ),
            FileError::DuplicateRow { line, id } => msg!(
                "linje {line}: rækken {id} står der to gange",
                "line {line}: row {id} appears twice"
            ),
            FileError::NoRows => msg!(
                "ingen kravrækker fundet: ikke en evaluering i OS2's skabelon",
                "no requirement rows found: not an evaluation in OS2's template"
            ),
        }
    }
}

/// The cells of a Markdown table row, split on `|` not escaped by a backslash.
fn cells(line: &str) -> Option<Vec<String>> {
    let inner = line.trim().strip_prefix('|')?;
    let mut out = Vec::new();
    let mut cell = String::new();
    let mut chars = inner.chars().peekable();
    while let Some(c) = chars.next() {
        match c {
            '\\' if chars.peek() == Some(&'|') => {
                cell.push_str("\\|");
                chars.next();
            }
            '|' => out.push(std::mem::take(&mut cell).trim().to_string()),
            _ => cell.push(c),
        }
    }
    if !cell.trim().is_empty() {
        out.push(cell.trim().to_string());
    }
    Some(out)
}

fn requirement_id(cell: &str) -> Option<&str> {
    let id = cell.trim();
    let ok = id.len() >= 2
        && matches!(id.as_bytes()[0], b'R' | b'F' | b'S' | b'G')
        && id[1..].bytes().all(|b| b.is_ascii_digit());
    ok.then_some(id)
}

/// Reads an evaluation file. Refuses one whose requirement table is broken, so that nothing a
/// person wrote is lost by writing over it.
pub fn read(text: &str) -> Result<EvaluationFile, FileError> {
    let mut file = EvaluationFile::default();
    let mut section: Option<(Section, Vec<&str>)> = None;
    let lines: Vec<&str> = text.lines().collect();
    let close = |section: &mut Option<(Section, Vec<&str>)>, file: &mut EvaluationFile| {
        if let Some((which, body)) = section.take() {
            file.sections
                .insert(which, body.join("\n").trim_matches('\n').to_string());
        }
    };
    for (n, line) in lines.iter().enumerate() {
        let trimmed = line.trim();
        if let Some(heading) = trimmed.strip_prefix('#') {
            close(&mut section, &mut file);
            let heading = heading.trim_start_matches('#');
            if let Some(which) = Section::from_heading(heading) {
                section = Some((which, Vec::new()));
            }
            continue;
        }
        if trimmed == "---" || trimmed.starts_with("<!-- os2gov") {
            close(&mut section, &mut file);
            continue;
        }
        if let Some((_, body)) = section.as_mut() {
            body.push(line);
            continue;
        }
        if let Some(info) = InfoLine::of(trimmed) {
            file.info.entry(info).or_insert_with(|| trimmed.to_string());
            continue;
        }
        let Some(cells) = cells(trimmed) else {
            continue;
        };
        let Some(id) = cells.first().and_then(|c| requirement_id(c)) else {
            continue;
        };
        if cells.len() != 6 {
            return Err(FileError::BrokenRow {
                line: n + 1,
                id: id.to_string(),
                cells: cells.len(),
            });
        }
        let row = FileRow {
            marker: cells[4].clone(),
            light: Light::from_symbol(&cells[4]),
            basis: cells[5].clone(),
        };
        if file.rows.insert(id.to_string(), row).is_some() {
            return Err(FileError::DuplicateRow {
                line: n + 1,
                id: id.to_string(),
            });
        }
    }
    close(&mut section, &mut file);
    if file.rows.is_empty() {
        return Err(FileError::NoRows);
    }
    Ok(file)
}

/// What a new run changed in a row the tool decides.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub id: String,
    pub before: String,
    pub after: Light,
}

impl Change {
    pub fn line(&self, lang: Lang) -> String {
        let before = if self.before.is_empty() {
            match lang {
                Lang::Da => "tom",
                Lang::En => "empty",
            }
        } else {
            self.before.as_str()
        };
        format!("{}: {before} → {}", self.id, self.after.symbol())
    }
}

/// Keeps what a person wrote: the rows the tool leaves ⚪ take the file's light and basis (and
/// count with the file's light), and the sections and info lines are kept by the renderer.
/// Returns the tool-decided rows whose light changed.
pub fn keep_written(evaluation: &mut Evaluation, file: &EvaluationFile) -> Vec<Change> {
    let mut changes = Vec::new();
    for row in &mut evaluation.rows {
        let Some(old) = file.rows.get(&row.id) else {
            continue;
        };
        if row.light.is_decided() {
            if old.light != Some(row.light) {
                changes.push(Change {
                    id: row.id.clone(),
                    before: old.marker.clone(),
                    after: row.light,
                });
            }
            continue;
        }
        row.light = old.light.unwrap_or(Light::White);
        row.basis = old.basis.clone();
        row.written = Some(old.marker.clone());
    }
    changes
}
