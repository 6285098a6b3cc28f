//! Human text, grouped by level and wrapped to an 80-column terminal; ANSI colours when the
//! caller says the output is a terminal. Repository text is stripped of control characters, so
//! a governance report cannot move the cursor or recolour the terminal.

use super::{
    achieved_label, next_level, next_steps, old_format_line, source_label, step_heading, to_level,
    words, Step,
};
use crate::base::model::{Evidence, Lang, Level};
use crate::engine::report::{Finding, Report, Verdict};
use crate::rules::Theme;
use std::fmt::Write;

/// The terminal width the report is wrapped to.
pub const WIDTH: usize = 80;
/// Where a finding's message, evidence and fix start: after `"  ✘ F10  "`.
const BODY: usize = 9;

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
        if self.on && !text.is_empty() {
            format!("{code}{text}{RESET}")
        } else {
            text.to_string()
        }
    }
}

fn symbol(verdict: Verdict) -> &'static str {
    // One column wide in every terminal (no emoji presentation), so the ids line up.
    match verdict {
        Verdict::Met => "✔",
        Verdict::Declared => "✎",
        Verdict::Explained => "–",
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

/// Replaces control characters (escape sequences, bell, carriage return) and the bidirectional
/// overrides of "Trojan source" with U+FFFD; tabs and line breaks become spaces.
pub(crate) fn sanitize(text: &str) -> String {
    text.chars()
        .map(|c| match c {
            '\t' | '\n' | '\r' => ' ',
            c if c.is_control() => '\u{FFFD}',
            '\u{202A}'..='\u{202E}' | '\u{2066}'..='\u{2069}' => '\u{FFFD}',
            c => c,
        })
        .collect()
}

/// Terminal columns of `c`: 0 for combining marks and zero-width characters, 2 for East Asian
/// wide characters and emoji, 1 otherwise. An approximation of `wcwidth` for the characters
/// reports contain (Danish text, the governance report's ✅ ❌ ➖ ❓).
fn char_width(c: char) -> usize {
    match c as u32 {
        0x0300..=0x036F | 0x200B..=0x200F | 0x2060 | 0xFE00..=0xFE0F => 0,
        0x1100..=0x115F
        | 0x231A..=0x231B
        | 0x23E9..=0x23EC
        | 0x23F0
        | 0x23F3
        | 0x25FD..=0x25FE
        | 0x2614..=0x2615
        | 0x26AA..=0x26AB
        | 0x26BD..=0x26BE
        | 0x26C4..=0x26C5
        | 0x26D4
        | 0x26EA
        | 0x26F2..=0x26F5
        | 0x26FA
        | 0x26FD
        | 0x2705
        | 0x270A..=0x270B
        | 0x2728
        | 0x274C
        | 0x274E
        | 0x2753..=0x2755
        | 0x2757
        | 0x2795..=0x2797
        | 0x27B0
        | 0x27BF
        | 0x2B1B..=0x2B1C
        | 0x2B50
        | 0x2B55
        | 0x2E80..=0xA4CF
        | 0xAC00..=0xD7A3
        | 0xF900..=0xFAFF
        | 0xFE30..=0xFE4F
        | 0xFF00..=0xFF60
        | 0xFFE0..=0xFFE6
        | 0x1F000..=0x1FAFF
        | 0x20000..=0x3FFFD => 2,
        _ => 1,
    }
}

pub(crate) fn width(text: &str) -> usize {
    text.chars().map(char_width).sum()
}

/// A paragraph of words, each with an optional colour, laid out in lines of at most [`WIDTH`]
/// columns. A word longer than a line (a URL) gets a line of its own and is never broken.
struct Paragraph<'p> {
    paint: &'p Paint,
    words: Vec<(String, Option<&'static str>)>,
}

impl<'p> Paragraph<'p> {
    fn new(paint: &'p Paint) -> Self {
        Paragraph {
            paint,
            words: Vec::new(),
        }
    }

    fn push(mut self, text: &str, style: Option<&'static str>) -> Self {
        self.words.extend(
            // A no-break space ("0 %") keeps its words on one line.
            sanitize(text)
                .split(|c: char| c.is_ascii_whitespace())
                .filter(|w| !w.is_empty())
                .map(|w| (w.to_string(), style)),
        );
        self
    }

    /// Adds `text` as one word that is never broken across lines.
    fn push_whole(mut self, text: &str, style: Option<&'static str>) -> Self {
        self.words.push((sanitize(text), style));
        self
    }

    /// Writes the paragraph: `first` (already painted, `first_width` columns) before the first
    /// line, `indent` spaces before the others.
    fn write(self, out: &mut String, first: &str, first_width: usize, indent: usize) {
        let mut line = first.to_string();
        let mut used = first_width;
        let mut empty = true;
        for (word, style) in &self.words {
            let w = width(word);
            if !empty && used + 1 + w > WIDTH {
                out.push_str(&line);
                out.push('\n');
                line = " ".repeat(indent);
                used = indent;
                empty = true;
            }
            if !empty {
                line.push(' ');
                used += 1;
            }
            match style {
                Some(code) => line.push_str(&self.paint.wrap(code, word)),
                None => line.push_str(word),
            }
            used += w;
            empty = false;
        }
        out.push_str(line.trim_end());
        out.push('\n');
    }
}

/// A finding's title line after `head` ("title (recommendation) — verdict", its continuation
/// lines at `width`), then its message indented by `body`: the full list and the next steps
/// alike.
fn title_and_message(
    out: &mut String,
    f: &Finding,
    lang: Lang,
    p: &Paint,
    head: &str,
    width: usize,
    body: usize,
) {
    let w = words(lang);
    let mut title = Paragraph::new(p).push(&f.title, None);
    if f.recommended {
        title = title.push(&format!("({})", w.recommendation), Some(DIM));
    }
    title
        .push_whole(
            &format!("— {}", f.verdict.label(lang)),
            Some(colour(f.verdict)),
        )
        .write(out, head, width, body);
    if !f.message.trim().is_empty() {
        let indent = " ".repeat(body);
        Paragraph::new(p)
            .push(&f.message, None)
            .write(out, &indent, body, body);
    }
}

fn finding(out: &mut String, f: &Finding, report: &Report, p: &Paint) {
    let lang = report.lang;
    let w = words(lang);
    let head = format!(
        "  {} {:<4} ",
        p.wrap(colour(f.verdict), symbol(f.verdict)),
        f.id
    );
    let head_width = 4 + f.id.chars().count().max(4) + 1;
    title_and_message(out, f, lang, p, &head, head_width, BODY);
    let body = " ".repeat(BODY);
    for e in f.evidence.iter().take(3) {
        Paragraph::new(p)
            .push("→", Some(DIM))
            .push(&evidence_line(e), Some(DIM))
            .write(out, &body, BODY, BODY + 2);
    }
    if f.evidence.len() > 3 {
        let more = format!("(+{})", f.evidence.len() - 3);
        Paragraph::new(p)
            .push(&more, Some(DIM))
            .write(out, &body, BODY, BODY + 2);
    }
    if matches!(f.verdict, Verdict::NotMet | Verdict::Unknown)
        && f.level <= report.required_level.level
    {
        Paragraph::new(p)
            .push(&format!("{}:", w.fix), Some(BOLD))
            .push(&f.fix, None)
            .write(out, &body, BODY, BODY);
    }
}

/// One step in full: the requirement, what was found, the fix and the command or file.
fn step_text(out: &mut String, number: usize, step: &Step, report: &Report, p: &Paint) {
    let f = step.finding;
    let lang = report.lang;
    let w = words(lang);
    let head = format!(
        "{:>3}. {} {:<4} ",
        number,
        p.wrap(colour(f.verdict), symbol(f.verdict)),
        f.id
    );
    let indent = 7 + f.id.chars().count().max(4) + 1;
    title_and_message(out, f, lang, p, &head, indent, indent);
    let body = " ".repeat(indent);
    if !f.fix.trim().is_empty() {
        Paragraph::new(p)
            .push(&format!("{}:", w.fix), Some(BOLD))
            .push(&f.fix, None)
            .write(out, &body, indent, indent);
    }
    if let Some(action) = step.action(lang) {
        Paragraph::new(p)
            .push("→", Some(DIM))
            .push(&action, None)
            .write(out, &body, indent, indent + 2);
    }
}

/// The next steps: those to the required level in full (in the short report as many as fit in
/// [`STEP_LINES`], the rest by id), the checks to run again grouped by their fix, and the next
/// level's by id.
fn steps_text(out: &mut String, report: &Report, p: &Paint, all: bool) {
    let lang = report.lang;
    let w = words(lang);
    let steps = next_steps(report);
    let required = report.required_level.level;
    let (to_required, rerun) = to_level(&steps, required);
    out.push('\n');
    let heading = step_heading(required, to_required.len() + rerun.len(), lang, true);
    Paragraph::new(p)
        .push(&heading, Some(BOLD))
        .write(out, "", 0, 2);
    if to_required.is_empty() && rerun.is_empty() {
        Paragraph::new(p)
            .push(w.no_gaps, None)
            .write(out, "  ", 2, 2);
    }
    let mut used = 0;
    let mut left: Vec<&str> = Vec::new();
    for (i, step) in to_required.iter().enumerate() {
        let mut one = String::new();
        step_text(&mut one, i + 1, step, report, p);
        let lines = one.lines().count();
        // Once one does not fit, the rest are listed by id, so the numbers keep the order.
        if left.is_empty() && (all || i == 0 || used + lines <= STEP_LINES) {
            used += lines;
            out.push_str(&one);
        } else {
            left.push(&step.finding.id);
        }
    }
    if !left.is_empty() {
        Paragraph::new(p)
            .push(
                &match lang {
                    Lang::Da => format!("… og {} krav mere:", left.len()),
                    Lang::En => format!("… and {} more:", left.len()),
                },
                None,
            )
            .push(&left.join(", "), None)
            .write(out, "     ", 5, 7);
    }
    if !rerun.is_empty() {
        Paragraph::new(p)
            .push(&format!("{}:", w.rerun), Some(BOLD))
            .write(out, "  ", 2, 4);
        // Why each could not run; checks that failed for the same reason share a line.
        let mut reasons: Vec<(&str, Vec<&str>, Verdict)> = Vec::new();
        for step in &rerun {
            let why = rerun_text(step, report);
            match reasons.iter_mut().find(|(m, _, _)| *m == why) {
                Some((_, ids, _)) => ids.push(&step.finding.id),
                None => reasons.push((why, vec![&step.finding.id], step.finding.verdict)),
            }
        }
        for (why, ids, verdict) in reasons {
            Paragraph::new(p)
                .push_whole(symbol(verdict), Some(YELLOW))
                .push(&format!("{}:", ids.join(", ")), None)
                .push(why, None)
                .write(out, "    ", 4, 6);
        }
    }
    if let Some(next) = next_level(required) {
        let ids: Vec<&str> = steps
            .iter()
            .filter(|s| s.target == next)
            .map(|s| s.finding.id.as_str())
            .collect();
        if !ids.is_empty() {
            Paragraph::new(p)
                .push(
                    &format!("{}:", step_heading(next, ids.len(), lang, false)),
                    Some(BOLD),
                )
                .push(&ids.join(", "), None)
                .write(out, "  ", 2, 4);
        }
    }
}

/// What to tell about a check to run again: with unread input, the engine's fix says what to
/// check before running it again; otherwise the finding says why it could not run (offline).
pub(crate) fn rerun_text<'r>(step: &Step<'r>, report: &Report) -> &'r str {
    if report.incomplete.is_some() && !step.finding.fix.trim().is_empty() {
        &step.finding.fix
    } else {
        &step.finding.message
    }
}

/// One line per theme: how many of its requirements up to the required level are compliant,
/// not met and unknown.
fn overview(out: &mut String, report: &Report, p: &Paint) {
    let lang = report.lang;
    let w = words(lang);
    let required = report.required_level.level;
    let themes = [
        Theme::Relevans,
        Theme::Formkrav,
        Theme::StrategiskSammenhaeng,
        Theme::Governance,
        Theme::GoodPractice,
    ];
    out.push('\n');
    let heading = match lang {
        Lang::Da => format!(
            "{} (krav til og med {})",
            w.overview,
            required.label(lang).to_lowercase()
        ),
        Lang::En => format!(
            "{} (requirements up to {})",
            w.overview,
            required.label(lang).to_lowercase()
        ),
    };
    Paragraph::new(p)
        .push(&heading, Some(BOLD))
        .write(out, "", 0, 2);
    let label_width = themes
        .iter()
        .map(|t| width(t.label(lang)))
        .max()
        .unwrap_or(0)
        + 2;
    for theme in themes {
        let of_theme: Vec<&Finding> = report
            .requirements
            .iter()
            .filter(|f| f.theme == theme && f.level <= required)
            .collect();
        if of_theme.is_empty() {
            continue;
        }
        let compliant = of_theme.iter().filter(|f| f.verdict.is_compliant()).count();
        let not_met = of_theme
            .iter()
            .filter(|f| f.verdict == Verdict::NotMet)
            .count();
        let unknown = of_theme
            .iter()
            .filter(|f| f.verdict == Verdict::Unknown)
            .count();
        let mut parts = vec![match lang {
            Lang::Da => format!("{compliant} af {} overholdt", of_theme.len()),
            Lang::En => format!("{compliant} of {} compliant", of_theme.len()),
        }];
        if not_met > 0 {
            parts.push(match lang {
                Lang::Da => format!("{not_met} ikke opfyldt"),
                Lang::En => format!("{not_met} not met"),
            });
        }
        if unknown > 0 {
            parts.push(match (lang, unknown) {
                (Lang::Da, 1) => "1 ukendt".to_string(),
                (Lang::Da, n) => format!("{n} ukendte"),
                (Lang::En, n) => format!("{n} unknown"),
            });
        }
        let label = theme.label(lang);
        let first = format!("  {label}{}", " ".repeat(label_width - width(label)));
        Paragraph::new(p).push(&parts.join(", "), None).write(
            out,
            &first,
            2 + label_width,
            2 + label_width,
        );
    }
}

/// What the text report shows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct TextOptions {
    /// ANSI colours (the output is a terminal).
    pub colour: bool,
    /// Every requirement of every level, the contradictions and the notes after the next steps
    /// (`--all`); otherwise a one-line-per-theme overview, so a report fits on one screen.
    pub all: bool,
}

/// Renders the report as text, next steps first, with the overview by theme; `colour_on` adds
/// ANSI escapes. [`text_with`] with `all` adds every requirement's detail.
pub fn text(report: &Report, colour_on: bool) -> String {
    text_with(
        report,
        &TextOptions {
            colour: colour_on,
            all: false,
        },
    )
}

/// Lines the next steps may take in the short report before the rest are listed by id.
const STEP_LINES: usize = 30;

pub fn text_with(report: &Report, options: &TextOptions) -> String {
    let p = Paint { on: options.colour };
    let w = words(report.lang);
    let lang = report.lang;
    let mut out = String::new();
    let status = if report.incomplete.is_some() && !report.passed {
        p.wrap(RED, w.incomplete)
    } else if report.passed {
        p.wrap(GREEN, w.passed)
    } else {
        p.wrap(RED, w.failed)
    };
    let _ = writeln!(out, "{}: {}", p.wrap(BOLD, "os2gov"), status);
    if let Some(why) = &report.incomplete {
        let _ = writeln!(out, "  {why}");
    }
    let summary = [
        (
            w.required,
            format!(
                "{} ({})",
                crate::render::level_value(report.required_level.level, lang),
                source_label(report.required_level.source, lang)
            ),
        ),
        (
            w.achieved,
            achieved_label(report.achieved_level, lang).to_string(),
        ),
        (w.score, format!("{}/100", report.score)),
        (
            w.verified,
            format!("{:.0}\u{a0}%", report.verified_share * 100.0),
        ),
    ];
    let label_width = summary.iter().map(|(l, _)| width(l)).max().unwrap_or(0) + 3;
    for (label, value) in &summary {
        let first = format!("  {label}:{}", " ".repeat(label_width - width(label) - 1));
        Paragraph::new(&p).push(value, None).write(
            &mut out,
            &first,
            2 + label_width,
            2 + label_width,
        );
    }

    if let Some(line) = old_format_line(report) {
        Paragraph::new(&p)
            .push("⚠", Some(YELLOW))
            .push(&line, None)
            .write(&mut out, "  ", 2, 4);
    }
    steps_text(&mut out, report, &p, options.all);
    if !options.all {
        overview(&mut out, report, &p);
        if !report.contradictions.is_empty() {
            let ids: Vec<&str> = report
                .contradictions
                .iter()
                .map(|c| c.id.as_str())
                .collect();
            out.push('\n');
            Paragraph::new(&p)
                .push(&format!("{}:", w.contradictions), Some(BOLD))
                .push(&ids.join(", "), None)
                .write(&mut out, "", 0, 2);
        }
        out.push('\n');
        Paragraph::new(&p)
            .push(w.details_hint, Some(DIM))
            .write(&mut out, "", 0, 2);
        return out;
    }

    for level in Level::ALL {
        let compliance = report.levels.iter().find(|l| l.level == level);
        out.push('\n');
        let mut heading = Paragraph::new(&p).push(level.label(lang), Some(BOLD));
        if let Some(c) = compliance {
            heading = heading.push(
                &format!("— {}/{} {}", c.compliant, c.mandatory, w.mandatory),
                None,
            );
        }
        heading.write(&mut out, "", 0, 2);
        for f in report.requirements.iter().filter(|f| f.level == level) {
            finding(&mut out, f, report, &p);
        }
    }
    if !report.contradictions.is_empty() {
        let _ = writeln!(out, "\n{}", p.wrap(BOLD, w.contradictions));
        for c in &report.contradictions {
            let head = format!("  {:<4} ", c.id);
            let head_width = width(&head);
            Paragraph::new(&p)
                .push(&format!("{}:", w.report_says), Some(BOLD))
                .push(&c.declared, None)
                .write(&mut out, &head, head_width, head_width);
            Paragraph::new(&p)
                .push(&format!("{}:", w.tool_found), Some(BOLD))
                .push(&c.found, None)
                .write(&mut out, &" ".repeat(head_width), head_width, head_width);
        }
    }
    if !report.notes.is_empty() {
        let _ = writeln!(out, "\n{}", p.wrap(BOLD, w.notes));
        for n in &report.notes {
            Paragraph::new(&p)
                .push(n, None)
                .write(&mut out, "  - ", 4, 4);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sanitize_strips_escapes_and_bidi_overrides() {
        assert_eq!(
            sanitize("a\x1b[2Jb\u{202E}c\nd"),
            "a\u{FFFD}[2Jb\u{FFFD}c d"
        );
    }

    #[test]
    fn paragraphs_wrap_at_the_width_and_keep_long_words_whole() {
        let p = Paint { on: false };
        let mut out = String::new();
        let long = "word ".repeat(40);
        Paragraph::new(&p)
            .push(&long, None)
            .push(&format!("https://example.org/{}", "x".repeat(90)), None)
            .write(&mut out, "  - ", 4, 4);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines.len() >= 3, "{out}");
        assert!(
            lines.iter().rev().skip(1).all(|l| width(l) <= WIDTH),
            "{out}"
        );
        assert!(lines.iter().skip(1).all(|l| l.starts_with("    ")));
        assert!(lines
            .last()
            .is_some_and(|l| l.trim().starts_with("https://")));
    }

    #[test]
    fn emoji_are_two_columns() {
        assert_eq!(width("✅ ok"), 5);
        assert_eq!(width("✔ æøå"), 5);
    }
}
