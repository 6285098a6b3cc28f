//! Markdown for pull-request comments and step summaries: the headline, the gaps up to the
//! required level, contradictions, and every requirement folded away in `<details>`.

use super::text::evidence_line;
use super::{achieved_label, source_label, words};
use crate::model::Level;
use crate::report::{Finding, Report, Verdict};
use std::fmt::Write;

/// Repository text ends up in these cells: keep it from breaking the table or injecting HTML.
pub(crate) fn cell(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('|', "\\|")
        .replace(['\n', '\r'], " ")
}

fn icon(verdict: Verdict) -> &'static str {
    match verdict {
        Verdict::Met => "✅",
        Verdict::Declared => "📝",
        Verdict::Explained => "➖",
        Verdict::NotMet => "❌",
        Verdict::Unknown => "❓",
    }
}

fn row(out: &mut String, f: &Finding, report: &Report, with_fix: bool) {
    let lang = report.lang;
    let w = words(lang);
    let rec = if f.recommended {
        format!(" ({})", w.recommendation)
    } else {
        String::new()
    };
    let evidence = f
        .evidence
        .iter()
        .take(2)
        .map(|e| format!("`{}`", cell(&evidence_line(e)).replace('`', "'")))
        .collect::<Vec<_>>()
        .join(" ");
    let mut message = cell(&f.message);
    if !evidence.is_empty() {
        message = format!("{message} {evidence}");
    }
    if with_fix {
        let _ = writeln!(
            out,
            "| {} **{}** {}{} | {} | {} | {} |",
            icon(f.verdict),
            f.id,
            cell(&f.title),
            rec,
            f.level.label(lang),
            message,
            cell(&f.fix)
        );
    } else {
        let _ = writeln!(
            out,
            "| {} **{}** {}{} | {} | {} | {} |",
            icon(f.verdict),
            f.id,
            cell(&f.title),
            rec,
            f.level.label(lang),
            f.verdict.label(lang),
            message
        );
    }
}

pub fn markdown(report: &Report) -> String {
    let lang = report.lang;
    let w = words(lang);
    let mut out = String::new();
    let status = if report.passed {
        format!("✅ {}", w.passed)
    } else {
        format!("❌ {}", w.failed)
    };
    let _ = writeln!(out, "## os2gov: {status}\n");
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(
        out,
        "| {} | {} ({}) |",
        w.required,
        report.required_level.level.label(lang),
        source_label(report.required_level.source, lang)
    );
    let _ = writeln!(
        out,
        "| {} | {} |",
        w.achieved,
        achieved_label(report.achieved_level, lang)
    );
    let _ = writeln!(out, "| {} | {}/100 |", w.score, report.score);
    let _ = writeln!(
        out,
        "| {} | {:.0} % |\n",
        w.verified,
        report.verified_share * 100.0
    );

    let gaps: Vec<&Finding> = report
        .requirements
        .iter()
        .filter(|f| {
            f.level <= report.required_level.level
                && matches!(f.verdict, Verdict::NotMet | Verdict::Unknown)
        })
        .collect();
    let _ = writeln!(out, "### {} ({})\n", w.gaps, gaps.len());
    if gaps.is_empty() {
        let _ = writeln!(out, "{}\n", w.no_gaps);
    } else {
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |\n|---|---|---|---|",
            w.requirement, w.level, w.message, w.fix
        );
        for f in gaps {
            row(&mut out, f, report, true);
        }
        out.push('\n');
    }
    if !report.contradictions.is_empty() {
        let _ = writeln!(out, "### {}\n", w.contradictions);
        for c in &report.contradictions {
            let _ = writeln!(
                out,
                "- **{}**: {} {}; {} {}",
                c.id,
                w.report_says,
                cell(&c.declared),
                w.tool_found,
                cell(&c.found)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "<details><summary>{}</summary>\n", w.all);
    for level in Level::ALL {
        let _ = writeln!(out, "#### {}\n", level.label(lang));
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} |\n|---|---|---|---|",
            w.requirement, w.level, w.verdict, w.message
        );
        for f in report.requirements.iter().filter(|f| f.level == level) {
            row(&mut out, f, report, false);
        }
        out.push('\n');
    }
    let _ = writeln!(out, "</details>");
    if !report.notes.is_empty() {
        let _ = writeln!(
            out,
            "\n{}: {}",
            w.notes,
            report
                .notes
                .iter()
                .map(|n| cell(n))
                .collect::<Vec<_>>()
                .join(" · ")
        );
    }
    out
}
