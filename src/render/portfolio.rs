//! The portfolio of an organisation (`os2gov org OWNER`): one row per repository — required and
//! achieved level, score, the gaps that matter most — as text, JSON or Markdown. The overview a
//! coordination group or the OS2 secretariat wants. Built from reports; no I/O.

use crate::base::model::{Lang, Level};
use crate::engine::report::{LevelSource, Report, Verdict};
use serde::{Deserialize, Serialize};

/// Version of the portfolio's JSON form.
pub const PORTFOLIO_SCHEMA_VERSION: u32 = 1;

/// A requirement that keeps a repository from a level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    pub id: String,
    pub level: Level,
    pub verdict: Verdict,
    pub title: String,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PortfolioRow {
    /// `OWNER/REPO`.
    pub repository: String,
    pub url: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_level: Option<Level>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub required_level_source: Option<LevelSource>,
    pub achieved_level: Option<Level>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub passed: Option<bool>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub score: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub verified_share: Option<f64>,
    /// Mandatory requirements not complied with, lowest level first.
    pub gaps: Vec<Gap>,
    /// How many mandatory requirements are not complied with in all (the gaps shown are the
    /// first of them).
    pub gap_count: usize,
    /// Why the repository could not be checked at all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
    /// Set when some of the repository's inputs could not be read (a rate limit that ran out
    /// mid-scan, a failed request): the reason. Its score and gaps then hold `unknown`
    /// verdicts that a complete read might not, so the row says so. `null` for a complete row.
    #[serde(default)]
    pub incomplete: Option<String>,
}

impl PortfolioRow {
    /// A row from a repository's report, with its first `max_gaps` gaps: the mandatory
    /// requirements that are not compliant, lowest level first, in catalogue order.
    pub fn from_report(repository: &str, url: &str, report: &Report, max_gaps: usize) -> Self {
        let mut open: Vec<Gap> = report
            .requirements
            .iter()
            .filter(|f| !f.recommended && !f.verdict.is_compliant())
            .map(|f| Gap {
                id: f.id.clone(),
                level: f.level,
                verdict: f.verdict,
                title: f.title.clone(),
            })
            .collect();
        // Stable: catalogue order within a level.
        open.sort_by_key(|g| g.level);
        let gap_count = open.len();
        open.truncate(max_gaps);
        PortfolioRow {
            repository: repository.to_string(),
            url: url.to_string(),
            required_level: Some(report.required_level.level),
            required_level_source: Some(report.required_level.source),
            achieved_level: report.achieved_level,
            passed: Some(report.passed),
            score: Some(report.score),
            verified_share: Some(report.verified_share),
            gaps: open,
            gap_count,
            error: None,
            incomplete: None,
        }
    }

    pub fn failed(repository: &str, url: &str, error: &str) -> Self {
        PortfolioRow {
            repository: repository.to_string(),
            url: url.to_string(),
            required_level: None,
            required_level_source: None,
            achieved_level: None,
            passed: None,
            score: None,
            verified_share: None,
            gaps: Vec::new(),
            gap_count: 0,
            error: Some(error.to_string()),
            incomplete: None,
        }
    }

    /// Whether the row is not a whole answer: not checked at all, or checked on incomplete
    /// inputs.
    pub fn is_incomplete(&self) -> bool {
        self.error.is_some() || self.incomplete.is_some()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Portfolio {
    pub organisation: String,
    pub rows: Vec<PortfolioRow>,
}

/// Counts over the rows.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Summary {
    pub repositories: usize,
    pub checked: usize,
    pub passed: usize,
    /// Checked repositories whose inputs could not all be read.
    pub incomplete: usize,
    /// Mean score of the checked repositories read completely, rounded: a score lowered by a
    /// failed request is not a score of the repository.
    pub mean_score: Option<u32>,
}

impl Portfolio {
    pub fn summary(&self) -> Summary {
        let checked: Vec<&PortfolioRow> = self.rows.iter().filter(|r| r.error.is_none()).collect();
        let scores: Vec<u32> = checked
            .iter()
            .filter(|r| r.incomplete.is_none())
            .filter_map(|r| r.score)
            .collect();
        Summary {
            repositories: self.rows.len(),
            checked: checked.len(),
            passed: checked.iter().filter(|r| r.passed == Some(true)).count(),
            incomplete: checked.iter().filter(|r| r.incomplete.is_some()).count(),
            mean_score: (!scores.is_empty()).then(|| {
                let sum: u32 = scores.iter().sum();
                (f64::from(sum) / scores.len() as f64).round() as u32
            }),
        }
    }
}

struct Words {
    title: &'static str,
    repository: &'static str,
    required: &'static str,
    achieved: &'static str,
    score: &'static str,
    gaps: &'static str,
    none: &'static str,
    error: &'static str,
    incomplete: &'static str,
    more: &'static str,
    summary: &'static str,
    incomplete_summary: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Da => Words {
            title: "Portefølje",
            repository: "Repository",
            required: "Krævet",
            achieved: "Opnået",
            score: "Score",
            gaps: "Største mangler",
            none: "intet",
            error: "fejl",
            incomplete: "ufuldstændig",
            more: "flere",
            summary: "{n} repositories, {c} kontrolleret, {p} bestået, gennemsnitlig score {s}",
            incomplete_summary: "; {i} ufuldstændige (ikke med i gennemsnittet)",
        },
        Lang::En => Words {
            title: "Portfolio",
            repository: "Repository",
            required: "Required",
            achieved: "Achieved",
            score: "Score",
            gaps: "Top gaps",
            none: "none",
            error: "error",
            incomplete: "incomplete",
            more: "more",
            summary: "{n} repositories, {c} checked, {p} passed, mean score {s}",
            incomplete_summary: "; {i} incomplete (not in the mean)",
        },
    }
}

fn level_cell(level: Option<Level>, lang: Lang, none: &str) -> String {
    level.map_or_else(|| none.to_string(), |l| l.label(lang).to_string())
}

fn gaps_cell(row: &PortfolioRow, lang: Lang) -> String {
    let w = words(lang);
    if let Some(error) = &row.error {
        return format!("{}: {error}", w.error);
    }
    let prefix = row
        .incomplete
        .as_ref()
        .map(|reason| format!("{}: {reason} — ", w.incomplete))
        .unwrap_or_default();
    if row.gaps.is_empty() {
        return format!("{prefix}—");
    }
    let mut cell = prefix;
    cell += &row
        .gaps
        .iter()
        .map(|g| format!("{} ({})", g.id, g.verdict.label(lang)))
        .collect::<Vec<_>>()
        .join(", ");
    if row.gap_count > row.gaps.len() {
        cell.push_str(&format!(" +{} {}", row.gap_count - row.gaps.len(), w.more));
    }
    cell
}

fn cells(row: &PortfolioRow, lang: Lang) -> [String; 5] {
    let w = words(lang);
    let dash = "—".to_string();
    [
        row.repository.clone(),
        row.required_level
            .map_or(dash.clone(), |l| l.label(lang).to_string()),
        if row.error.is_some() {
            dash.clone()
        } else {
            level_cell(row.achieved_level, lang, w.none)
        },
        // An incomplete row's score is marked where it is read: beside the number.
        row.score.map_or(dash, |s| {
            if row.incomplete.is_some() {
                format!("{s}?")
            } else {
                s.to_string()
            }
        }),
        gaps_cell(row, lang),
    ]
}

fn summary_line(portfolio: &Portfolio, lang: Lang) -> String {
    let s = portfolio.summary();
    let w = words(lang);
    let mut line = w
        .summary
        .replace("{n}", &s.repositories.to_string())
        .replace("{c}", &s.checked.to_string())
        .replace("{p}", &s.passed.to_string())
        .replace("{s}", &s.mean_score.map_or("—".into(), |m| m.to_string()));
    if s.incomplete > 0 {
        line.push_str(
            &w.incomplete_summary
                .replace("{i}", &s.incomplete.to_string()),
        );
    }
    line
}

/// A plain-text table, columns padded to their widest cell.
pub fn render_text(portfolio: &Portfolio, lang: Lang) -> String {
    let w = words(lang);
    let header = [w.repository, w.required, w.achieved, w.score, w.gaps].map(str::to_string);
    let rows: Vec<[String; 5]> = portfolio.rows.iter().map(|r| cells(r, lang)).collect();
    let mut widths = [0usize; 5];
    for row in std::iter::once(&header).chain(rows.iter()) {
        for (i, cell) in row.iter().enumerate() {
            widths[i] = widths[i].max(cell.chars().count());
        }
    }
    let line = |row: &[String; 5]| {
        let mut out = String::new();
        for (i, cell) in row.iter().enumerate() {
            if i == 4 {
                out.push_str(cell);
            } else {
                out.push_str(cell);
                let pad = widths[i] - cell.chars().count();
                out.push_str(&" ".repeat(pad + 2));
            }
        }
        out.trim_end().to_string()
    };
    let mut out = format!("{} — {}\n\n", w.title, portfolio.organisation);
    out.push_str(&line(&header));
    out.push('\n');
    let rule: Vec<String> = widths.iter().map(|&n| "─".repeat(n)).collect();
    out.push_str(&rule.join("  "));
    out.push('\n');
    for row in &rows {
        out.push_str(&line(row));
        out.push('\n');
    }
    out.push('\n');
    out.push_str(&summary_line(portfolio, lang));
    out.push('\n');
    out
}

fn md_escape(text: &str) -> String {
    text.replace('|', "\\|").replace('\n', " ")
}

/// A Markdown table for an issue, a wiki page or a step summary.
pub fn render_markdown(portfolio: &Portfolio, lang: Lang) -> String {
    let w = words(lang);
    let mut out = format!(
        "## {} — {}\n\n",
        w.title,
        md_escape(&portfolio.organisation)
    );
    out.push_str(&format!(
        "| {} | {} | {} | {} | {} |\n|---|---|---|---:|---|\n",
        w.repository, w.required, w.achieved, w.score, w.gaps
    ));
    for row in &portfolio.rows {
        let [name, required, achieved, score, gaps] = cells(row, lang);
        let name = if row.url.is_empty() {
            md_escape(&name)
        } else {
            format!("[{}]({})", md_escape(&name), row.url)
        };
        out.push_str(&format!(
            "| {name} | {required} | {achieved} | {score} | {} |\n",
            md_escape(&gaps)
        ));
    }
    out.push('\n');
    out.push_str(&summary_line(portfolio, lang));
    out.push('\n');
    out
}

#[derive(Serialize)]
struct JsonPortfolio<'a> {
    schema_version: u32,
    organisation: &'a str,
    summary: Summary,
    repositories: &'a [PortfolioRow],
}

/// The portfolio as pretty JSON (`schema_version` 1).
pub fn render_json(portfolio: &Portfolio) -> String {
    let json = JsonPortfolio {
        schema_version: PORTFOLIO_SCHEMA_VERSION,
        organisation: &portfolio.organisation,
        summary: portfolio.summary(),
        repositories: &portfolio.rows,
    };
    serde_json::to_string_pretty(&json).unwrap_or_else(|e| format!("{{\"error\":\"{e}\"}}")) + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::model::{FileEntry, Snapshot};

    fn report() -> Report {
        let mut snapshot = Snapshot::default();
        snapshot
            .files
            .insert("README.md".into(), FileEntry::text("# Product\n"));
        crate::engine::check(&snapshot, &crate::engine::Options::default()).expect("report")
    }

    #[test]
    fn rows_and_renderings() {
        let report = report();
        let row =
            PortfolioRow::from_report("OS2mo/os2mo", "https://github.com/OS2mo/os2mo", &report, 3);
        assert_eq!(row.gaps.len(), 3);
        assert!(row.gap_count >= 3);
        assert!(row.gaps.windows(2).all(|g| g[0].level <= g[1].level));
        assert_eq!(row.gaps[0].level, Level::Sandkasse);
        let portfolio = Portfolio {
            organisation: "OS2mo".into(),
            rows: vec![
                row,
                PortfolioRow::failed("OS2mo/broken", "", "GitHub answered 500 | Internal"),
            ],
        };
        let summary = portfolio.summary();
        assert_eq!(
            (summary.repositories, summary.checked, summary.passed),
            (2, 1, 0)
        );
        let text = render_text(&portfolio, Lang::En);
        assert!(text.contains("Repository"), "{text}");
        assert!(text.contains("OS2mo/os2mo"), "{text}");
        assert!(text.contains("error: GitHub answered 500"), "{text}");
        assert!(
            text.contains("2 repositories, 1 checked, 0 passed"),
            "{text}"
        );
        let da = render_text(&portfolio, Lang::Da);
        assert!(da.contains("Største mangler"), "{da}");
        let md = render_markdown(&portfolio, Lang::En);
        assert!(
            md.contains("| [OS2mo/os2mo](https://github.com/OS2mo/os2mo) |"),
            "{md}"
        );
        assert!(md.contains("500 \\| Internal"), "{md}");
        let json: serde_json::Value = serde_json::from_str(&render_json(&portfolio)).expect("json");
        assert_eq!(json["schema_version"], 1);
        assert_eq!(json["repositories"][0]["repository"], "OS2mo/os2mo");
        assert_eq!(
            json["repositories"][1]["error"],
            "GitHub answered 500 | Internal"
        );
        assert_eq!(json["summary"]["checked"], 1);
    }
}
