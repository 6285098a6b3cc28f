//! GitHub-flavoured Markdown for pull-request comments and step summaries: the headline, the gaps
//! up to the required level, contradictions, and every requirement folded away in `<details>`.
//!
//! Repository text (governance-report cells, config explanations, file names) reaches the table
//! cells, so every cell is escaped: it cannot end the cell or the row (`|`, line breaks), open
//! HTML (`<`, `&`), add links, images or emphasis, or mention a GitHub user or team (`@name`).
//! Code spans in the text are kept as code.

use super::text::{evidence_line, sanitize};
use super::{
    achieved_label, next_level, next_steps, old_format_line, source_label, step_heading, to_level,
    words, Step,
};
use crate::base::model::{Lang, Level};
use crate::engine::report::{Finding, Report, Verdict};
use std::fmt::Write;

/// Escapes one character of plain text for a table cell.
fn escape_char(out: &mut String, c: char, previous: Option<char>) {
    match c {
        '&' => out.push_str("&amp;"),
        '<' => out.push_str("&lt;"),
        '>' => out.push_str("&gt;"),
        '|' => out.push_str("\\|"),
        '\\' | '*' | '_' | '[' | ']' | '~' | '`' => {
            out.push('\\');
            out.push(c);
        }
        // At the start of a list item these would open a heading or a nested list.
        '#' | '-' | '+' if previous.is_none() => {
            out.push('\\');
            out.push(c);
        }
        // `@name` after a space or punctuation would notify a user or team; `jane@example.dk`
        // is an address and stays as it is. A word joiner keeps the text readable.
        '@' if !previous.is_some_and(char::is_alphanumeric) => out.push_str("@\u{2060}"),
        c => out.push(c),
    }
}

/// Text for a table cell: one line, escaped, with balanced code spans kept as code (their
/// content only needs `|` escaped, which GFM undoes inside tables).
pub(crate) fn cell(text: &str) -> String {
    let text = sanitize(text);
    let chars: Vec<char> = text.chars().collect();
    let mut out = String::with_capacity(text.len() + 8);
    let mut i = 0;
    while i < chars.len() {
        if chars[i] == '`' {
            let run = chars[i..].iter().take_while(|&&c| c == '`').count();
            if let Some(end) = closing_run(&chars, i + run, run) {
                out.extend(std::iter::repeat_n('`', run));
                for &c in &chars[i + run..end] {
                    if c == '|' {
                        out.push_str("\\|");
                    } else {
                        out.push(c);
                    }
                }
                out.extend(std::iter::repeat_n('`', run));
                i = end + run;
                continue;
            }
            for _ in 0..run {
                out.push_str("\\`");
            }
            i += run;
            continue;
        }
        escape_char(&mut out, chars[i], i.checked_sub(1).map(|j| chars[j]));
        i += 1;
    }
    out
}

/// The start of the next run of exactly `run` backticks at or after `from`.
fn closing_run(chars: &[char], from: usize, run: usize) -> Option<usize> {
    let mut j = from;
    while j < chars.len() {
        if chars[j] == '`' {
            let len = chars[j..].iter().take_while(|&&c| c == '`').count();
            if len == run {
                return Some(j);
            }
            j += len;
        } else {
            j += 1;
        }
    }
    None
}

/// `text` as one code span in a table cell, whatever backticks it holds.
pub(crate) fn code(text: &str) -> String {
    let text = sanitize(text).replace('|', "\\|");
    let longest = text.split(|c| c != '`').map(str::len).max().unwrap_or(0);
    let fence = "`".repeat(longest + 1);
    let pad = if text.starts_with('`') || text.ends_with('`') {
        " "
    } else {
        ""
    };
    format!("{fence}{pad}{text}{pad}{fence}")
}

fn capitalised(text: &str) -> String {
    let mut chars = text.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
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

/// The requirement cell: icon, id, title and "(recommendation)".
fn requirement(f: &Finding, report: &Report) -> String {
    let rec = if f.recommended {
        format!(" *({})*", words(report.lang).recommendation)
    } else {
        String::new()
    };
    format!("{} **{}** {}{rec}", icon(f.verdict), f.id, cell(&f.title))
}

/// The finding cell: the message and up to two pieces of evidence as code.
fn finding(f: &Finding) -> String {
    let mut parts = vec![cell(&f.message)];
    parts.extend(f.evidence.iter().take(2).map(|e| code(&evidence_line(e))));
    if f.evidence.len() > 2 {
        parts.push(format!("(+{})", f.evidence.len() - 2));
    }
    parts.retain(|p| !p.is_empty());
    parts.join(" ")
}

/// The fix cell: the requirement's fix and the command or file that does it.
fn fix_cell(step: &Step, lang: Lang) -> String {
    let mut fix = cell(&step.finding.fix);
    if let Some(action) = step.action(lang) {
        if !fix.is_empty() {
            fix.push(' ');
        }
        fix.push_str(&cell(&action));
    }
    fix
}

/// The next steps in the order [`next_steps`] gives: to the required level as a table, the
/// checks to run again, and the next level's by id.
fn steps_markdown(out: &mut String, report: &Report) {
    let lang = report.lang;
    let w = words(lang);
    let steps = next_steps(report);
    let required = report.required_level.level;
    let (to_required, rerun) = to_level(&steps, required);
    let _ = writeln!(
        out,
        "### {}\n",
        step_heading(required, to_required.len() + rerun.len(), lang, true)
    );
    if to_required.is_empty() && rerun.is_empty() {
        let _ = writeln!(out, "{}\n", w.no_gaps);
    }
    if !to_required.is_empty() {
        let _ = writeln!(
            out,
            "| # | {} | {} | {} |\n|---|---|---|---|",
            w.requirement, w.message, w.fix
        );
        for (i, step) in to_required.iter().enumerate() {
            let _ = writeln!(
                out,
                "| {} | {} | {} | {} |",
                i + 1,
                requirement(step.finding, report),
                finding(step.finding),
                fix_cell(step, lang)
            );
        }
        out.push('\n');
    }
    if !rerun.is_empty() {
        let _ = writeln!(out, "**{}:**\n", w.rerun);
        for step in &rerun {
            let _ = writeln!(
                out,
                "- {} — {}",
                requirement(step.finding, report),
                cell(super::text::rerun_text(step, report))
            );
        }
        out.push('\n');
    }
    if let Some(next) = next_level(required) {
        let ids: Vec<String> = steps
            .iter()
            .filter(|s| s.target == next)
            .map(|s| format!("**{}**", cell(&s.finding.id)))
            .collect();
        if !ids.is_empty() {
            let _ = writeln!(
                out,
                "**{}:** {}\n",
                step_heading(next, ids.len(), lang, false),
                ids.join(", ")
            );
        }
    }
}

pub fn markdown(report: &Report) -> String {
    let lang = report.lang;
    let w = words(lang);
    let mut out = String::new();
    let status = if report.incomplete.is_some() && !report.passed {
        format!("⚠️ {}", w.incomplete)
    } else if report.passed {
        format!("✅ {}", w.passed)
    } else {
        format!("❌ {}", w.failed)
    };
    let _ = writeln!(out, "## os2gov: {status}\n");
    if let Some(why) = &report.incomplete {
        let _ = writeln!(out, "> {}\n", cell(why));
    }
    let _ = writeln!(out, "| | |\n|---|---|");
    let _ = writeln!(
        out,
        "| {} | {} ({}) |",
        w.required,
        crate::render::level_value(report.required_level.level, lang),
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
        "| {} | {:.0}\u{a0}% |\n",
        w.verified,
        report.verified_share * 100.0
    );

    if let Some(line) = old_format_line(report) {
        let _ = writeln!(out, "> ⚠️ {}\n", cell(&line));
    }
    steps_markdown(&mut out, report);
    if !report.contradictions.is_empty() {
        let _ = writeln!(out, "### {}\n", w.contradictions);
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n|---|---|---|",
            w.requirement,
            capitalised(w.report_says),
            capitalised(w.tool_found)
        );
        for c in &report.contradictions {
            let _ = writeln!(
                out,
                "| **{}** | {} | {} |",
                cell(&c.id),
                cell(&c.declared),
                cell(&c.found)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "<details><summary>{}</summary>\n", w.all);
    for level in Level::ALL {
        let heading = match report.levels.iter().find(|l| l.level == level) {
            Some(c) => format!(
                "{} — {}/{} {}",
                level.label(lang),
                c.compliant,
                c.mandatory,
                w.mandatory
            ),
            None => level.label(lang).to_string(),
        };
        let _ = writeln!(out, "#### {heading}\n");
        let _ = writeln!(
            out,
            "| {} | {} | {} |\n|---|---|---|",
            w.requirement, w.verdict, w.message
        );
        for f in report.requirements.iter().filter(|f| f.level == level) {
            let _ = writeln!(
                out,
                "| {} | {} | {} |",
                requirement(f, report),
                f.verdict.label(lang),
                finding(f)
            );
        }
        out.push('\n');
    }
    let _ = writeln!(out, "</details>");
    if !report.notes.is_empty() {
        let _ = writeln!(out, "\n**{}**\n", w.notes);
        for n in &report.notes {
            let _ = writeln!(out, "- {}", cell(n));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_the_table_or_inject_html() {
        assert_eq!(
            cell("a | b\nc <script>x</script> & [l](u) ![i](u) *e* _u_ ~s~"),
            "a \\| b c &lt;script&gt;x&lt;/script&gt; &amp; \\[l\\](u) !\\[i\\](u) \\*e\\* \\_u\\_ \\~s\\~"
        );
    }

    #[test]
    fn mentions_are_defused_but_addresses_kept() {
        assert_eq!(
            cell("@OS2/admins jane@example.dk"),
            "@\u{2060}OS2/admins jane@example.dk"
        );
    }

    #[test]
    fn balanced_code_spans_stay_code() {
        assert_eq!(
            cell("run `os2gov fix` | `a|b`"),
            "run `os2gov fix` \\| `a\\|b`"
        );
        assert_eq!(cell("odd ` tick"), "odd \\` tick");
        assert_eq!(cell("``a ` b``"), "``a ` b``");
    }

    #[test]
    fn code_fences_outgrow_backticks() {
        assert_eq!(code("a`b"), "``a`b``");
        assert_eq!(code("`x`"), "`` `x` ``");
        assert_eq!(code("p|q <r>"), "`p\\|q <r>`");
    }
}
