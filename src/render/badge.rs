//! The SVG badge for READMEs (`os2gov badge`, and the widget's): a shields.io-style "flat" badge,
//! "OS2 governance | niveau 2 ✓ · 74/100", green when the repository meets its required level and
//! red when it does not. Reads only the [`Report`]; every text is XML-escaped.

use crate::base::model::{Lang, Level};
use crate::engine::report::Report;

/// Background of the label half (shields' grey).
const LABEL_COLOUR: &str = "#555";
/// Passed: a green dark enough for white text (contrast 5.1:1, WCAG AA).
pub const PASS_COLOUR: &str = "#2e7d32";
/// Failed: a red dark enough for white text (contrast 5.6:1, WCAG AA).
pub const FAIL_COLOUR: &str = "#c62828";
const LABEL: &str = "OS2 governance";
const HEIGHT: u32 = 20;
/// Space on either side of each text.
const PADDING: f64 = 6.0;

/// The badge's two texts and its colour, before layout.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BadgeText {
    pub label: String,
    pub message: String,
    pub colour: &'static str,
}

/// What the badge says: the required level, ✓ or ✗, and the headline score.
pub fn badge_text(report: &Report) -> BadgeText {
    text_for(
        report.lang,
        report.required_level.level,
        report.passed,
        report.score,
    )
}

fn text_for(lang: Lang, required: Level, passed: bool, score: u32) -> BadgeText {
    let level = level_word(required, lang);
    let mark = if passed { "✓" } else { "✗" };
    BadgeText {
        label: LABEL.to_string(),
        message: format!("{level} {mark} · {score}/100"),
        colour: if passed { PASS_COLOUR } else { FAIL_COLOUR },
    }
}

fn level_word(level: Level, lang: Lang) -> &'static str {
    match (level, lang) {
        (Level::Sandkasse, Lang::Da) => "sandkasse",
        (Level::Sandkasse, Lang::En) => "sandbox",
        (Level::One, Lang::Da) => "niveau 1",
        (Level::One, Lang::En) => "level 1",
        (Level::Two, Lang::Da) => "niveau 2",
        (Level::Two, Lang::En) => "level 2",
        (Level::Three, Lang::Da) => "niveau 3",
        (Level::Three, Lang::En) => "level 3",
    }
}

/// The badge as a standalone SVG document.
pub fn badge_svg(report: &Report) -> String {
    render(&badge_text(report))
}

/// The same badge from the four values it shows, for callers that hold the report as JSON
/// (the browser module reads just these instead of the whole report).
pub fn badge_for(lang: Lang, required: Level, passed: bool, score: u32) -> String {
    render(&text_for(lang, required, passed, score))
}

/// Lays out a flat badge for any label and message (both escaped here).
pub fn render(text: &BadgeText) -> String {
    let label_text = round1(text_width(&text.label));
    let message_text = round1(text_width(&text.message));
    let label_width = round1(label_text + 2.0 * PADDING);
    let message_width = round1(message_text + 2.0 * PADDING);
    let width = round1(label_width + message_width);
    let label_x = round1(label_width / 2.0);
    let message_x = round1(label_width + message_width / 2.0);
    let label = xml_escape(&text.label);
    let message = xml_escape(&text.message);
    let colour = xml_escape(text.colour);
    let title = format!("{label}: {message}");
    let [width, label_width, message_width, label_x, message_x] =
        [width, label_width, message_width, label_x, message_x].map(tenths);
    let text_pair = |x: String, length: String, content: &str| {
        format!(
            "<text aria-hidden=\"true\" x=\"{x}\" y=\"15\" fill=\"#010101\" fill-opacity=\".3\" \
             textLength=\"{length}\" lengthAdjust=\"spacingAndGlyphs\">{content}</text>\
             <text x=\"{x}\" y=\"14\" textLength=\"{length}\" \
             lengthAdjust=\"spacingAndGlyphs\">{content}</text>"
        )
    };
    format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"{width}\" height=\"{HEIGHT}\" \
         role=\"img\" aria-label=\"{title}\"><title>{title}</title>\
         <linearGradient id=\"s\" x2=\"0\" y2=\"100%\"><stop offset=\"0\" stop-color=\"#bbb\" \
         stop-opacity=\".1\"/><stop offset=\"1\" stop-opacity=\".1\"/></linearGradient>\
         <clipPath id=\"r\"><rect width=\"{width}\" height=\"{HEIGHT}\" rx=\"3\" fill=\"#fff\"/>\
         </clipPath><g clip-path=\"url(#r)\"><rect width=\"{label_width}\" height=\"{HEIGHT}\" \
         fill=\"{LABEL_COLOUR}\"/><rect x=\"{label_width}\" width=\"{message_width}\" \
         height=\"{HEIGHT}\" fill=\"{colour}\"/><rect width=\"{width}\" height=\"{HEIGHT}\" \
         fill=\"url(#s)\"/></g><g fill=\"#fff\" text-anchor=\"middle\" \
         font-family=\"Verdana,Geneva,DejaVu Sans,sans-serif\" \
         text-rendering=\"geometricPrecision\" font-size=\"11\">{}{}</g></svg>",
        text_pair(label_x, tenths(label_text), &label),
        text_pair(message_x, tenths(message_text), &message),
    )
}

fn round1(x: f64) -> f64 {
    (x * 10.0).round() / 10.0
}

/// A [`round1`] value as text ("46", "45.5") without float formatting (see
/// [`crate::base::text::short_decimal`]).
fn tenths(x: f64) -> String {
    crate::base::text::short_decimal(x, 1).unwrap_or_else(|| (x.round() as i64).to_string())
}

/// Approximate advance widths of Verdana at 11 px, the font shields badges are measured in;
/// `textLength` makes any fallback font fit the same box.
fn text_width(text: &str) -> f64 {
    text.chars().map(char_width).sum()
}

fn char_width(c: char) -> f64 {
    match c {
        'i' | 'l' | 'j' | '.' | ',' | ':' | ';' | '!' | '|' | '\'' => 3.5,
        ' ' | 'f' | 't' | 'r' | 'I' | '(' | ')' | '/' | '·' => 4.6,
        'm' | 'w' | 'M' | 'W' | 'æ' | 'Æ' => 10.5,
        '0'..='9' | 'a'..='z' | 'ø' | 'å' => 7.0,
        'A'..='Z' | 'Ø' | 'Å' => 7.6,
        _ => 8.0,
    }
}

/// Escapes the five characters XML gives meaning to, in text and in attribute values.
pub fn xml_escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&apos;"),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::model::{FileEntry, Snapshot};
    use crate::engine::{check, Options};

    fn report(level: Level, lang: Lang) -> Report {
        let mut snapshot = Snapshot {
            now: 1_750_000_000,
            ..Snapshot::default()
        };
        snapshot
            .files
            .insert("README.md".to_string(), FileEntry::text("# Produkt\n"));
        let options = Options {
            level: Some(level),
            lang: Some(lang),
            config: None,
        };
        check(&snapshot, &options).expect("a snapshot without config checks")
    }

    #[test]
    fn failing_report_is_red_with_a_cross() {
        let r = report(Level::Two, Lang::Da);
        assert!(!r.passed);
        let text = badge_text(&r);
        assert_eq!(text.label, "OS2 governance");
        assert_eq!(text.message, format!("niveau 2 ✗ · {}/100", r.score));
        assert_eq!(text.colour, FAIL_COLOUR);
        let svg = badge_svg(&r);
        assert!(svg.contains(FAIL_COLOUR));
        assert!(svg.contains(&format!(
            "aria-label=\"OS2 governance: niveau 2 ✗ · {}/100\"",
            r.score
        )));
    }

    #[test]
    fn passing_report_is_green_with_a_tick() {
        let mut r = report(Level::Sandkasse, Lang::En);
        r.passed = true;
        r.score = 100;
        let text = badge_text(&r);
        assert_eq!(text.message, "sandbox ✓ · 100/100");
        assert_eq!(text.colour, PASS_COLOUR);
        assert!(badge_svg(&r).contains(PASS_COLOUR));
    }

    #[test]
    fn english_levels() {
        let r = report(Level::Three, Lang::En);
        assert!(badge_text(&r).message.starts_with("level 3 ✗"));
    }

    #[test]
    fn svg_is_well_formed_and_sized_to_its_text() {
        let r = report(Level::One, Lang::Da);
        let svg = badge_svg(&r);
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.ends_with("</svg>"));
        assert_eq!(svg.matches("<text").count(), 4);
        assert_eq!(svg.matches("</text>").count(), 4);
        assert_eq!(svg.matches('<').count(), svg.matches('>').count());
        let short = render(&BadgeText {
            label: "a".into(),
            message: "b".into(),
            colour: PASS_COLOUR,
        });
        let width = |s: &str| -> f64 {
            let start = s.find("width=\"").expect("width") + 7;
            let end = start + s[start..].find('"').expect("quote");
            s[start..end].parse().expect("number")
        };
        assert!(width(&svg) > width(&short) + 100.0);
    }

    #[test]
    fn all_text_is_escaped() {
        assert_eq!(
            xml_escape(r#"<a href="x">&'</a>"#),
            "&lt;a href=&quot;x&quot;&gt;&amp;&apos;&lt;/a&gt;"
        );
        let svg = render(&BadgeText {
            label: "<script>alert(1)</script>".into(),
            message: "\"onload=\"x & y".into(),
            colour: FAIL_COLOUR,
        });
        assert!(!svg.contains("<script"));
        assert!(!svg.contains("\"onload"));
        assert!(svg.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
        assert!(svg.contains("&quot;onload=&quot;x &amp; y"));
    }
}
