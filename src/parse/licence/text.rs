//! Licence texts recognised by their characteristic phrases, after normalising them to
//! lower-case words.

use super::ids::is_gnu;
use super::names::by_name;

/// Licence texts: (SPDX id, phrases that must all occur). The first phrase is the title; when
/// several texts match, the one whose title comes first wins; ties go to the earlier row.
const TEXTS: &[(&str, &[&str])] = &[
    ("MPL-2.0", &["mozilla public license version 2 0", "covered software"]),
    ("MPL-1.1", &["mozilla public license version 1 1", "covered code"]),
    ("Apache-2.0", &["apache license version 2 0", "terms and conditions for use reproduction and distribution"]),
    ("AGPL-3.0", &["gnu affero general public license version 3 19 november 2007", "terms and conditions"]),
    ("GPL-3.0", &["gnu general public license version 3 29 june 2007", "terms and conditions"]),
    ("LGPL-3.0", &["gnu lesser general public license version 3 29 june 2007", "additional definitions"]),
    ("GPL-2.0", &["gnu general public license version 2 june 1991", "terms and conditions for copying distribution and modification"]),
    ("LGPL-2.1", &["gnu lesser general public license version 2 1 february 1999", "terms and conditions for copying distribution and modification"]),
    ("LGPL-2.0", &["gnu library general public license version 2 june 1991", "terms and conditions for copying distribution and modification"]),
    ("EUPL-1.2", &["european union public license v 1 2", "eupl"]),
    ("EUPL-1.2", &["eupl", "union 2007 2016"]),
    ("EUPL-1.1", &["european union public license v 1 1", "eupl"]),
    ("EUPL-1.1", &["eupl", "european community 2007"]),
    ("EPL-2.0", &["eclipse public license v 2 0", "accompanying program is provided under the terms of this eclipse public license"]),
    ("EPL-1.0", &["eclipse public license v 1 0", "accompanying program is provided under the terms of this eclipse public license"]),
    ("MIT", &["permission is hereby granted free of charge to any person obtaining a copy", "the above copyright notice and this permission notice shall be included"]),
    ("MIT-0", &["permission is hereby granted free of charge to any person obtaining a copy"]),
    ("ISC", &["distribute this software for any purpose with or without fee is hereby granted", "provided that the above copyright notice and this permission notice appear in all copies"]),
    ("0BSD", &["distribute this software for any purpose with or without fee is hereby granted"]),
    ("BSD-4-Clause", &["redistribution and use in source and binary forms with or without modification are permitted", "all advertising materials mentioning features or use of this software"]),
    ("BSD-3-Clause", &["redistribution and use in source and binary forms with or without modification are permitted", "may be used to endorse or promote products derived from this software"]),
    ("BSD-2-Clause", &["redistribution and use in source and binary forms with or without modification are permitted"]),
    ("Zlib", &["altered source versions must be plainly marked as such", "this notice may not be removed or altered from any source distribution"]),
    ("BSL-1.0", &["boost software license version 1 0"]),
    ("PostgreSQL", &["distribute this software and its documentation for any purpose without fee and without a written agreement is hereby granted"]),
    ("Unlicense", &["this is free and unencumbered software released into the public domain"]),
    ("CC0-1.0", &["cc0 1 0 universal", "statement of purpose"]),
    ("GFDL-1.3", &["gnu free documentation license version 1 3 3 november 2008", "applicability and definitions"]),
    ("GFDL-1.2", &["gnu free documentation license version 1 2 november 2002", "applicability and definitions"]),
];

/// Creative Commons Attribution variants: (words after "attribution", SPDX infix).
const CC_VARIANTS: &[(&str, &str)] = &[
    ("", ""),
    ("sharealike ", "-SA"),
    ("noderivatives ", "-ND"),
    ("noderivs ", "-ND"),
    ("noncommercial ", "-NC"),
    ("noncommercial sharealike ", "-NC-SA"),
    ("noncommercial noderivatives ", "-NC-ND"),
    ("noncommercial noderivs ", "-NC-ND"),
];

/// NUL bytes, or more than a tenth control or replacement characters: not a licence text.
pub(super) fn looks_binary(text: &str) -> bool {
    let mut total = 0usize;
    let mut odd = 0usize;
    for c in text.chars() {
        if c == '\0' {
            return true;
        }
        total += 1;
        if c == '\u{FFFD}' || (c.is_control() && !c.is_whitespace()) {
            odd += 1;
        }
    }
    odd * 10 > total
}

/// The expression of the first `SPDX-License-Identifier:` line, comment closers removed.
pub(super) fn spdx_header(text: &str) -> Option<String> {
    const TAG: &str = "spdx-license-identifier:";
    for line in text.lines() {
        let Some(pos) = line.to_ascii_lowercase().find(TAG) else {
            continue;
        };
        let rest = &line[pos + TAG.len()..];
        let expr: String = rest
            .chars()
            .take_while(|c| c.is_ascii_alphanumeric() || " \t.-+:()".contains(*c))
            .collect();
        let expr = expr.trim().trim_end_matches(['-', ' ', '\t']);
        let expr = expr.split_whitespace().collect::<Vec<_>>().join(" ");
        if !expr.is_empty() {
            return Some(expr);
        }
    }
    None
}

/// Lower-case words separated by single spaces; `+` kept as its own word; "licence" spelled
/// "license" so that one phrase serves both spellings.
pub(super) fn norm(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    fn push(out: &mut String, s: &str, pending: &mut bool) {
        if *pending && !out.is_empty() {
            out.push(' ');
        }
        *pending = false;
        out.push_str(s);
    }
    for c in text.chars() {
        if c.is_ascii_alphanumeric() {
            push(
                &mut out,
                c.to_ascii_lowercase().encode_utf8(&mut [0; 4]),
                &mut pending_space,
            );
        } else if c.is_alphanumeric() {
            for l in c.to_lowercase() {
                push(&mut out, l.encode_utf8(&mut [0; 4]), &mut pending_space);
            }
        } else if c == '+' {
            pending_space = true;
            push(&mut out, "+", &mut pending_space);
            pending_space = true;
        } else {
            pending_space = true;
        }
    }
    out.replace("licenc", "licens")
}

/// Byte offset of `phrase` in `hay` as whole words.
pub(super) fn find_phrase(hay: &str, phrase: &str) -> Option<usize> {
    let bytes = hay.as_bytes();
    hay.match_indices(phrase).map(|(at, _)| at).find(|&at| {
        let end = at + phrase.len();
        (at == 0 || bytes[at - 1] == b' ') && (end == hay.len() || bytes[end] == b' ')
    })
}

fn count_phrase(hay: &str, phrase: &str) -> usize {
    let bytes = hay.as_bytes();
    hay.match_indices(phrase)
        .filter(|&(at, _)| {
            let end = at + phrase.len();
            (at == 0 || bytes[at - 1] == b' ') && (end == hay.len() || bytes[end] == b' ')
        })
        .count()
}

/// The licence whose full text is in `n` (normalised).
pub(super) fn by_text(n: &str) -> Option<String> {
    let mut best: Option<(usize, String)> = None;
    let mut consider = |pos: usize, id: String| {
        if best.as_ref().is_none_or(|(p, _)| pos < *p) {
            best = Some((pos, id));
        }
    };
    for (id, phrases) in TEXTS {
        let Some(title) = phrases.first().and_then(|p| find_phrase(n, p)) else {
            continue;
        };
        if phrases[1..].iter().all(|p| find_phrase(n, p).is_some()) {
            consider(title, id.to_string());
        }
    }
    if find_phrase(n, "creative commons corporation").is_some() {
        for (words, infix) in CC_VARIANTS {
            for (version, spdx_version) in [("4 0 international", "4.0"), ("3 0 unported", "3.0")] {
                if let Some(pos) = find_phrase(n, &format!("attribution {words}{version}")) {
                    consider(pos, format!("CC-BY{infix}-{spdx_version}"));
                }
            }
        }
    }
    let (title, id) = best?;
    if !is_gnu(&id) {
        return Some(id);
    }
    // The sample notice in "How to Apply These Terms" accounts for one "or later" wording.
    let version = match id.as_str() {
        "LGPL-2.1" => "2 1",
        "GPL-2.0" | "LGPL-2.0" => "2",
        _ => "3",
    };
    let wording =
        format!("either version {version} of the license or at your option any later version");
    let sample = usize::from(find_phrase(n, "how to apply these terms to your new").is_some());
    let mut later = count_phrase(n, &wording) > sample;
    if let Some((_, named)) = by_name(&n[..title]) {
        later |= named == format!("{id}-or-later");
    }
    Some(format!("{id}{}", if later { "-or-later" } else { "-only" }))
}
