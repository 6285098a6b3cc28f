//! Reading the 🔽 cell: the current template's symbols, their shortcodes and spelled-out
//! answers, and the old check boxes.

use super::Marker;
use crate::base::text::normalize;

/// How a marker cell read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum MarkerRead {
    Marker(Marker),
    /// `[x]` / `[ ]`: the old check-list style.
    Checkbox,
    /// Markers of more than one kind in one cell, e.g. `✅ / ❌` left from an example.
    Conflict,
    Unknown,
}

/// Symbols and GitHub shortcodes, matched anywhere in the cell so that "✅ " or "✅ se README"
/// still read. ✔️ is ✔ plus a variation selector, so ✔ covers both.
pub(super) const MARKER_SYMBOLS: [(&str, Marker); 21] = [
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

pub(super) fn read_marker(cell: &str) -> MarkerRead {
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
pub(super) fn answer_marker(text: &str) -> Option<Marker> {
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
pub(super) fn clean_documentation(text: &str) -> String {
    let t = text.trim();
    let n = normalize(t);
    if n == "ikke udfyldt" || n == "not filled in" || n == "not filled" {
        String::new()
    } else {
        t.to_string()
    }
}

pub(super) fn old_marker(cell: &str) -> Marker {
    let compact: String = cell.chars().filter(|c| !c.is_whitespace()).collect();
    match read_marker(cell) {
        MarkerRead::Checkbox if compact.contains("[x]") || compact.contains("[X]") => Marker::Met,
        MarkerRead::Checkbox => Marker::NotMet,
        MarkerRead::Marker(m) => m,
        MarkerRead::Conflict | MarkerRead::Unknown => Marker::Empty,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

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
}
