//! Human text, grouped by level; ANSI colours when the caller says the output is a terminal.

use super::{achieved_label, source_label, words};
use crate::model::{Evidence, Level};
use crate::report::{Report, Verdict};
use std::fmt::Write;

const RESET: &str = "\x1b[0m";
const BOLD: &str = "\x1b[1m";
const DIM: &str = "\x1b[2m";
const RED: &str = "\x1b[31m";
const GREEN: &str = "\x1b[32m";
const YELLOW: &str = "\x1b[33m";
const CYAN: &str = "\x1b[36m";

struct Paint {
    on: bool,
}

impl Paint {
    fn wrap(&self, code: &str, text: &str) -> String {
        if self.on {
            format!("{code}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
}

fn symbol(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Met => "✔",
        Verdict::Declared => "✎",
        Verdict::Explained => "➖",
        Verdict::NotMet => "✘",
        Verdict::Unknown => "?",
    }
}

fn colour(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Met => GREEN,
        Verdict::Declared | Verdict::Explained => CYAN,
        Verdict::NotMet => RED,
        Verdict::Unknown => YELLOW,
    }
}

pub(crate) fn evidence_line(e: &Evidence) -> String {
    let mut parts = Vec::new();
    match (&e.path, e.line) {
        (Some(p), Some(l)) => parts.push(format!("{p}:{l}")),
        (Some(p), None) => parts.push(p.clone()),
        _ => {}
    }
    if let Some(url) = &e.url {
        parts.push(url.clone());
    }
    if let Some(note) = &e.note {
        parts.push(format!("({note})"));
    }
    parts.join(" ")
}

/// Renders the report as text; `colour` adds ANSI escapes.
pub fn text(report: &Report, colour_on: bool) -> String {
    let p = Paint { on: colour_on };
    let w = words(report.lang);
    let lang = report.lang;
    let mut out = String::new();
    let status = if report.passed {
        p.wrap(GREEN, w.passed)
    } else {
        p.wrap(RED, w.failed)
    };
    let _ = writeln!(out, "{} {}", p.wrap(BOLD, "os2gov"), status);
    let _ = writeln!(
        out,
        "{}: {} ({})   {}: {}   {}: {}/100   {}: {:.0} %",
        w.required,
        report.required_level.level.label(lang),
        source_label(report.required_level.source, lang),
        w.achieved,
        achieved_label(report.achieved_level, lang),
        w.score,
        report.score,
        w.verified,
        report.verified_share * 100.0
    );
    for level in Level::ALL {
        let compliance = report.levels.iter().find(|l| l.level == level);
        let heading = match compliance {
            Some(c) => format!(
                "{} — {}/{} {}",
                level.label(lang),
                c.compliant,
                c.mandatory,
                w.mandatory
            ),
            None => level.label(lang).to_string(),
        };
        let _ = writeln!(out, "\n{}", p.wrap(BOLD, &heading));
        for f in report.requirements.iter().filter(|f| f.level == level) {
            let rec = if f.recommended {
                format!(" {}", p.wrap(DIM, &format!("({})", w.recommendation)))
            } else {
                String::new()
            };
            let _ = writeln!(
                out,
                "  {} {:<4} {}{}  {}",
                p.wrap(colour(f.verdict), symbol(f.verdict)),
                f.id,
                f.title,
                rec,
                p.wrap(colour(f.verdict), f.verdict.label(lang))
            );
            if !f.message.is_empty() {
                let _ = writeln!(out, "         {}", f.message);
            }
            for e in f.evidence.iter().take(3) {
                let _ = writeln!(
                    out,
                    "         {}",
                    p.wrap(DIM, &format!("→ {}", evidence_line(e)))
                );
            }
            if matches!(f.verdict, Verdict::NotMet | Verdict::Unknown)
                && f.level <= report.required_level.level
            {
                let _ = writeln!(out, "         {}: {}", w.fix, f.fix);
            }
        }
    }
    if !report.contradictions.is_empty() {
        let _ = writeln!(out, "\n{}", p.wrap(BOLD, w.contradictions));
        for c in &report.contradictions {
            let _ = writeln!(
                out,
                "  {}: {} {}; {} {}",
                c.id, w.report_says, c.declared, w.tool_found, c.found
            );
        }
    }
    if !report.notes.is_empty() {
        let _ = writeln!(out, "\n{}", p.wrap(BOLD, w.notes));
        for n in &report.notes {
            let _ = writeln!(out, "  - {n}");
        }
    }
    out
}
