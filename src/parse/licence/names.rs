//! Short licence mentions ("Licensed under the MIT License", "GPL version 3 or later"), found
//! by the name patterns.

use super::pattern::Pattern;

/// How a name pattern's match becomes an SPDX id.
pub(super) enum Kind {
    Fixed(&'static str),
    /// Groups: 1 family (affero/lesser/library/a/l), 2 major, 3 minor, 4 "or later"/"+"/"only".
    Gnu,
    /// Groups: 1 variant words, 2 major version.
    CcWords,
    /// Groups: 1 variant abbreviations (" nc sa"), 2 major version.
    CcShort,
}

/// The name patterns, compiled. Cheap enough (a few microseconds) to do per licence text rather
/// than keep in a static, whose one-time initialisation code the browser build would carry.
fn name_patterns() -> Vec<(Pattern, Kind)> {
    name_table()
        .into_iter()
        .filter_map(|(pattern, kind)| Pattern::new(&pattern).map(|p| (p, kind)))
        .collect()
}

/// The name patterns' source, in the order they are tried.
pub(super) fn name_table() -> Vec<(String, Kind)> {
    let later = r"( or(?: at your option)?(?: any)? later(?: version)?| \+| only)?";
    vec![
        (r"\b(?:mozilla public licens\w*(?: version| v)?|mpl) ?(?:v ?)?2(?: 0)?\b".into(), Kind::Fixed("MPL-2.0")),
        (r"\b(?:mozilla public licens\w*(?: version| v)?|mpl) ?(?:v ?)?1 1\b".into(), Kind::Fixed("MPL-1.1")),
        (r"\b(?:apache(?: software)? licens\w*(?: version| v)?|apache) ?(?:v ?)?2(?: 0)?\b".into(), Kind::Fixed("Apache-2.0")),
        (r"\b(?:mit licens\w*|licens\w* under (?:the )?(?:terms of (?:the )?)?mit\b|licens\w* mit\b|expat licens\w*)".into(), Kind::Fixed("MIT")),
        (r"\b(?:bsd 3 clause|3 clause bsd|new bsd|modified bsd|revised bsd)\b".into(), Kind::Fixed("BSD-3-Clause")),
        (r"\b(?:bsd 2 clause|2 clause bsd|simplified bsd)\b".into(), Kind::Fixed("BSD-2-Clause")),
        (r"\bisc licens\w*".into(), Kind::Fixed("ISC")),
        (r"\b(?:eupl|european union public licens\w*) ?(?:v ?|version )?1 2\b".into(), Kind::Fixed("EUPL-1.2")),
        (r"\b(?:eupl|european union public licens\w*) ?(?:v ?|version )?1 1\b".into(), Kind::Fixed("EUPL-1.1")),
        (r"\b(?:eclipse public licens\w*|epl) ?(?:v ?|version )?2(?: 0)?\b".into(), Kind::Fixed("EPL-2.0")),
        (r"\b(?:eclipse public licens\w*|epl) ?(?:v ?|version )?1 0\b".into(), Kind::Fixed("EPL-1.0")),
        (r"\bboost software licens\w*(?: version)? 1 0\b".into(), Kind::Fixed("BSL-1.0")),
        (r"\bzlib licens\w*".into(), Kind::Fixed("Zlib")),
        (r"\bunlicense\b".into(), Kind::Fixed("Unlicense")),
        (r"\b(?:cc0|creative commons zero)\b".into(), Kind::Fixed("CC0-1.0")),
        (
            format!(
                r"\b(?:gnu )?(affero |lesser |library )?general public licens\w*(?: as published by the free software foundation)?(?: either)?(?: version| v)? ?([123])\b(?: ([01])\b)?(?: of the licens\w*)?{later}"
            ),
            Kind::Gnu,
        ),
        (format!(r"\b([al])?gpl(?: version| v|v)? ?([123])\b(?: ([01])\b)?{later}"), Kind::Gnu),
        (
            r"\bcreative commons attribution((?: noncommercial)?(?: sharealike| noderivatives| noderivs)?) ([34]) 0\b".into(),
            Kind::CcWords,
        ),
        (r"\bcc by((?: nc)?(?: sa| nd)?) ([34]) 0\b".into(), Kind::CcShort),
    ]
}

/// The earliest licence mention in `n` (normalised): (position, SPDX id).
pub(super) fn by_name(n: &str) -> Option<(usize, String)> {
    let mut best: Option<(usize, String)> = None;
    for (pattern, kind) in &name_patterns() {
        let found = pattern.matches(n).find_map(|caps| {
            let at = caps[0]?.0;
            let group = |i: usize| {
                caps.get(i)
                    .copied()
                    .flatten()
                    .map_or("", |(start, end)| &n[start..end])
                    .trim()
            };
            let id = match kind {
                Kind::Fixed(id) => id.to_string(),
                Kind::Gnu => gnu_id(group(1), group(2), group(3), group(4))?,
                Kind::CcWords => {
                    let infix: String = group(1)
                        .split(' ')
                        .filter(|w| !w.is_empty())
                        .map(|w| match w {
                            "noncommercial" => "-NC",
                            "sharealike" => "-SA",
                            _ => "-ND",
                        })
                        .collect();
                    format!("CC-BY{infix}-{}.0", group(2))
                }
                Kind::CcShort => {
                    let infix: String = group(1)
                        .split(' ')
                        .filter(|w| !w.is_empty())
                        .map(|w| format!("-{}", w.to_ascii_uppercase()))
                        .collect();
                    format!("CC-BY{infix}-{}.0", group(2))
                }
            };
            Some((at, id))
        });
        if let Some((at, id)) = found {
            if best.as_ref().is_none_or(|(p, _)| at < *p) {
                best = Some((at, id));
            }
        }
    }
    best
}

/// A GNU licence id from a mention: family word, major, minor and the "or later"/"only" words.
fn gnu_id(family: &str, major: &str, minor: &str, tail: &str) -> Option<String> {
    let base = match (family, major, minor) {
        ("", "1" | "2" | "3", "" | "0") => format!("GPL-{major}.0"),
        ("affero" | "a", "1" | "3", "" | "0") => format!("AGPL-{major}.0"),
        ("lesser" | "l", "2", "1") | ("lesser", "2", "") => "LGPL-2.1".to_string(),
        ("library" | "l", "2", "" | "0") => "LGPL-2.0".to_string(),
        ("lesser" | "l", "3", "" | "0") => "LGPL-3.0".to_string(),
        _ => return None,
    };
    let later = tail.starts_with("or") || tail == "+";
    Some(format!(
        "{base}{}",
        if later { "-or-later" } else { "-only" }
    ))
}
