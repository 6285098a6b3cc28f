//! Licence identification for F2 (SPEC §5, §8 "Licence"): which SPDX licence a licence file holds,
//! whether it is OSI-approved, what a package manifest declares, and whether two declarations
//! (ours, GitHub's, publiccode.yml's) name the same licence.
//!
//! No licence texts are embedded. A text is recognised by a few characteristic phrases (title plus
//! one body phrase) after [`norm`]alising it to lower-case words, so reflowed or re-indented copies
//! (such as REUSE's `LICENSES/MPL-2.0.txt`) match as well as the canonical layout.
//!
//! GNU licences: the full text of the GPL, AGPL and LGPL-2.x ends with "How to Apply These Terms",
//! whose sample notice itself says "either version 3 of the License, or (at your option) any later
//! version". The full text alone therefore cannot show that a project chose "or later", and is
//! reported as `-only` (e.g. `GPL-3.0-only`). It becomes `-or-later` when that wording occurs once
//! more than the sample notice accounts for (a notice above or below the text), or when a short
//! mention before the text says so ("GPL-3.0-or-later", "version 3 or later").

/// How a licence was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// An `SPDX-License-Identifier:` line.
    SpdxHeader,
    /// Characteristic phrases of the licence text itself.
    Text,
    /// A short mention such as "Licensed under the MIT License" or a licence notice.
    Name,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identified {
    pub spdx: String,
    pub how: Method,
}

/// SPDX id for a proprietary text ("All rights reserved" and no licence grant).
pub const PROPRIETARY: &str = "LicenseRef-Proprietary";

/// Common OSI-approved SPDX ids (GNU ids without `-only`/`-or-later`).
const OSI: &str =
    "0BSD AAL AFL-1.1 AFL-1.2 AFL-2.0 AFL-2.1 AFL-3.0 AGPL-3.0 Apache-1.1 Apache-2.0 \
APL-1.0 APSL-2.0 Artistic-1.0 Artistic-2.0 BlueOak-1.0.0 BSD-1-Clause BSD-2-Clause \
BSD-2-Clause-Patent BSD-3-Clause BSD-3-Clause-LBNL BSL-1.0 CAL-1.0 CDDL-1.0 CECILL-2.1 CPAL-1.0 \
CPL-1.0 ECL-1.0 ECL-2.0 EFL-2.0 Entessa EPL-1.0 EPL-2.0 EUDatagrid EUPL-1.1 EUPL-1.2 Fair \
GPL-2.0 GPL-3.0 HPND IPA IPL-1.0 ISC LGPL-2.0 LGPL-2.1 LGPL-3.0 LiLiQ-P-1.1 LiLiQ-R-1.1 \
LiLiQ-Rplus-1.1 LPL-1.02 LPPL-1.3c MirOS MIT MIT-0 MIT-Modern-Variant Motosoto MPL-1.0 MPL-1.1 \
MPL-2.0 MPL-2.0-no-copyleft-exception MS-PL MS-RL MulanPSL-2.0 Multics NASA-1.3 Naumen NCSA \
NGPL Nokia NPOSL-3.0 NTP OCLC-2.0 OFL-1.1 OGTSL OLDAP-2.8 OSL-1.0 OSL-2.0 OSL-2.1 OSL-3.0 \
PHP-3.0 PHP-3.01 PostgreSQL Python-2.0 QPL-1.0 RPL-1.1 RPL-1.5 RPSL-1.0 RSCPL SimPL-2.0 SISSL \
Sleepycat SPL-1.0 UCL-1.0 Unicode-3.0 Unicode-DFS-2016 Unlicense UPL-1.0 VSL-1.0 W3C \
Watcom-1.0 Xnet Zlib ZPL-2.0 ZPL-2.1";

/// Valid SPDX ids that are not OSI-approved but turn up in public-sector repositories.
const OTHER: &str = "AGPL-1.0 BSD-4-Clause BUSL-1.1 CC0-1.0 CC-BY-3.0 CC-BY-4.0 CC-BY-NC-4.0 \
CC-BY-NC-ND-4.0 CC-BY-NC-SA-4.0 CC-BY-ND-4.0 CC-BY-SA-3.0 CC-BY-SA-4.0 CC-PDDC Elastic-2.0 \
GFDL-1.2 GFDL-1.3 GPL-1.0 JSON OFL-1.0 OpenSSL SSPL-1.0 Unicode-TOU WTFPL X11 \
NLOD-2.0 OGL-UK-3.0 DL-DE-BY-2.0 etalab-2.0";

/// The ids of both tables, (OSI-approved, others), for the test that checks them against the SPDX
/// licence list (the `spdx` crate); not part of the API.
#[doc(hidden)]
pub fn id_tables() -> (Vec<&'static str>, Vec<&'static str>) {
    (
        OSI.split_ascii_whitespace().collect(),
        OTHER.split_ascii_whitespace().collect(),
    )
}

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

/// Identifies the licence in `text`: an SPDX header first, then the licence text, then a short
/// mention; a text that only reserves all rights is [`PROPRIETARY`]. `None` for empty or binary
/// input and for text that names no licence.
pub fn identify(text: &str) -> Option<Identified> {
    if looks_binary(text) {
        return None;
    }
    if let Some(spdx) = spdx_header(text) {
        return Some(Identified {
            spdx,
            how: Method::SpdxHeader,
        });
    }
    let n = norm(text);
    if n.is_empty() {
        return None;
    }
    if let Some(spdx) = by_text(&n) {
        return Some(Identified {
            spdx,
            how: Method::Text,
        });
    }
    // Mentions sit near the top; bounding the regex scan keeps megabyte inputs fast.
    let mut head = n.len().min(64 * 1024);
    while !n.is_char_boundary(head) {
        head -= 1;
    }
    if let Some((_, spdx)) = by_name(&n[..head]) {
        return Some(Identified {
            spdx,
            how: Method::Name,
        });
    }
    if find_phrase(&n, "all rights reserved").is_some() {
        return Some(Identified {
            spdx: PROPRIETARY.to_string(),
            how: Method::Text,
        });
    }
    None
}

/// True when every licence of the SPDX expression is OSI-approved. `-only`, `-or-later` and `+`
/// are accepted; for `A OR B` as for `A AND B` all parts must be approved (a conservative reading:
/// the project could otherwise be used under the unapproved choice). `WITH` exceptions are ignored.
pub fn is_osi_approved(spdx: &str) -> bool {
    match spdx_ids(spdx) {
        Some(ids) if !ids.is_empty() => ids.iter().all(|id| lookup(OSI, base_id(id)).is_some()),
        _ => false,
    }
}

/// True for a licence id this crate knows (OSI list plus common others), and for `LicenseRef-…`.
pub fn is_known_spdx(id: &str) -> bool {
    let lower = id.to_ascii_lowercase();
    if lower.starts_with("licenseref-") || lower.starts_with("documentref-") {
        return id.len() > "licenseref-".len();
    }
    canonical(id).is_some()
}

/// The licence ids of an SPDX expression (exceptions after `WITH` left out), in order;
/// `None` when the expression is malformed (empty, unbalanced parentheses, a stray operator,
/// characters SPDX does not allow).
pub fn spdx_ids(expr: &str) -> Option<Vec<String>> {
    let tokens = tokens(expr)?;
    let mut ids = Vec::new();
    let mut depth = 0usize;
    // An operand (id or "(") is expected next; otherwise an operator or ")".
    let mut want_operand = true;
    // The next operand is an exception after WITH, not a licence.
    let mut exception = false;
    for token in &tokens {
        let t = token.as_str();
        if want_operand {
            if t == "(" && !exception {
                depth += 1;
            } else if is_id_token(t) && !is_operator(t) {
                if !exception {
                    ids.push(t.to_string());
                }
                exception = false;
                want_operand = false;
            } else {
                return None;
            }
        } else if t == ")" && depth > 0 {
            depth -= 1;
        } else if t.eq_ignore_ascii_case("with") {
            exception = true;
            want_operand = true;
        } else if is_operator(t) {
            want_operand = true;
        } else {
            return None;
        }
    }
    (depth == 0 && !want_operand).then_some(ids)
}

/// The SPDX id a REUSE-style file name carries: `LICENSES/MPL-2.0.txt` → `MPL-2.0`. Only known
/// ids (and `LicenseRef-…`) count, so `LICENSE.txt` or `COPYING` give `None`.
pub fn spdx_from_filename(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = match base.rsplit_once('.') {
        Some((stem, ext))
            if ["txt", "md", "markdown", "rst", "html", "htm"]
                .iter()
                .any(|e| ext.eq_ignore_ascii_case(e)) =>
        {
            stem
        }
        _ => base,
    };
    if !stem
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || ".-+".contains(c))
    {
        return None;
    }
    if stem.len() > 11 && stem[..11].eq_ignore_ascii_case("licenseref-") {
        return Some(format!("LicenseRef-{}", &stem[11..]));
    }
    canonical(stem)
}

/// The licence a package manifest declares: `package.json` / `composer.json` "license",
/// `Cargo.toml` `[package] license`, `pyproject.toml` `[project] license` (string or `{text}`) or
/// `[tool.poetry] license`, `pom.xml` `<licenses><license><name>`. Free-text names are mapped to
/// SPDX where they can be recognised. `None` when absent, unparsable or not a manifest.
pub fn manifest_licence(path: &str, text: &str) -> Option<String> {
    let base = path
        .rsplit(['/', '\\'])
        .next()
        .unwrap_or(path)
        .to_ascii_lowercase();
    let raw: Vec<String> = match base.as_str() {
        "package.json" | "composer.json" => {
            let value: serde_json::Value = serde_json::from_str(text).ok()?;
            let mut found = Vec::new();
            match value.get("license") {
                Some(serde_json::Value::String(s)) => found.push(s.clone()),
                Some(serde_json::Value::Array(items)) => {
                    found.extend(items.iter().filter_map(|i| i.as_str().map(str::to_string)))
                }
                Some(serde_json::Value::Object(o)) => {
                    found.extend(o.get("type").and_then(|t| t.as_str()).map(str::to_string))
                }
                _ => {}
            }
            if found.is_empty() {
                if let Some(items) = value.get("licenses").and_then(|l| l.as_array()) {
                    found.extend(items.iter().filter_map(|i| {
                        i.get("type")
                            .and_then(|t| t.as_str())
                            .or_else(|| i.as_str())
                            .map(str::to_string)
                    }));
                }
            }
            found.retain(|s| !s.trim_start().to_ascii_uppercase().starts_with("SEE LICEN"));
            found
        }
        // Without the `toml` feature (the browser build) TOML manifests are not read.
        #[cfg(feature = "toml")]
        "cargo.toml" => {
            let table: toml::Table = text.parse().ok()?;
            let package = table.get("package")?;
            let licence = match package.get("license")? {
                toml::Value::String(s) => s.clone(),
                toml::Value::Table(t)
                    if t.get("workspace").and_then(|w| w.as_bool()) == Some(true) =>
                {
                    table
                        .get("workspace")
                        .and_then(|w| w.get("package"))
                        .and_then(|p| p.get("license"))
                        .and_then(|l| l.as_str())?
                        .to_string()
                }
                _ => return None,
            };
            vec![licence]
        }
        // Without the `toml` feature (the browser build) TOML manifests are not read.
        #[cfg(feature = "toml")]
        "pyproject.toml" => {
            let table: toml::Table = text.parse().ok()?;
            let project = table.get("project").and_then(|p| p.get("license"));
            let poetry = table
                .get("tool")
                .and_then(|t| t.get("poetry"))
                .and_then(|p| p.get("license"));
            let licence = match project.or(poetry)? {
                toml::Value::String(s) => s.clone(),
                toml::Value::Table(t) => t.get("text").and_then(|v| v.as_str())?.to_string(),
                _ => return None,
            };
            vec![licence]
        }
        "pom.xml" => pom_licences(text),
        _ => return None,
    };
    let tidied: Vec<String> = raw.iter().filter_map(|r| tidy(r)).collect();
    match tidied.len() {
        0 => None,
        1 => tidied.into_iter().next(),
        _ => Some(tidied.join(" OR ")),
    }
}

/// True when two SPDX declarations name the same licence, case-insensitively. A bare GNU id
/// (`GPL-3.0`, as GitHub reports it) equals both its `-only` and its `-or-later` form, because
/// GitHub cannot tell them apart from the licence text; `-only` and `-or-later` differ. `+` equals
/// `-or-later`. Pure `OR`/`AND` lists compare as sets. `NOASSERTION`, `NONE` and empty never match.
pub fn same_licence(a: &str, b: &str) -> bool {
    let (Some(x), Some(y)) = (Canon::of(a), Canon::of(b)) else {
        return false;
    };
    if x.ops != y.ops || x.ids.len() != y.ids.len() {
        return false;
    }
    x.ids
        .iter()
        .zip(&y.ids)
        .all(|((base_a, later_a), (base_b, later_b))| {
            base_a == base_b && (later_a.is_none() || later_b.is_none() || later_a == later_b)
        })
}

/// A comparable form of an expression: operators used, and ids as (base, or-later flag) sorted
/// when the expression is a flat list of one operator.
struct Canon {
    ops: Vec<String>,
    ids: Vec<(String, Option<bool>)>,
}

impl Canon {
    fn of(expr: &str) -> Option<Canon> {
        let trimmed = expr.trim();
        if trimmed.is_empty()
            || trimmed.eq_ignore_ascii_case("noassertion")
            || trimmed.eq_ignore_ascii_case("none")
        {
            return None;
        }
        let tokens = tokens(trimmed)?;
        let mut ops: Vec<String> = Vec::new();
        let mut ids = Vec::new();
        let mut flat = true;
        for t in &tokens {
            let upper = t.to_ascii_uppercase();
            match upper.as_str() {
                "(" | ")" => flat = false,
                "AND" | "OR" | "WITH" => {
                    if !ops.contains(&upper) {
                        ops.push(upper);
                    }
                }
                _ => ids.push(split_later(&upper)),
            }
        }
        if ops.len() > 1 {
            flat = false;
        }
        if flat {
            ids.sort();
        }
        ops.sort();
        Some(Canon { ops, ids })
    }
}

/// `GPL-3.0-OR-LATER` → (`GPL-3.0`, Some(true)); `GPL-3.0-ONLY` → Some(false); bare GNU → None.
fn split_later(upper: &str) -> (String, Option<bool>) {
    if let Some(b) = upper.strip_suffix('+') {
        return (b.to_string(), Some(true));
    }
    if let Some(b) = upper.strip_suffix("-OR-LATER").filter(|b| is_gnu(b)) {
        return (b.to_string(), Some(true));
    }
    if let Some(b) = upper.strip_suffix("-ONLY").filter(|b| is_gnu(b)) {
        return (b.to_string(), Some(false));
    }
    (
        upper.to_string(),
        if is_gnu(upper) { None } else { Some(false) },
    )
}

fn is_gnu(id: &str) -> bool {
    let upper = id.to_ascii_uppercase();
    ["GPL-", "LGPL-", "AGPL-", "GFDL-"]
        .iter()
        .any(|p| upper.starts_with(p))
}

/// The id without `+`, and for GNU ids without `-only`/`-or-later`.
fn base_id(id: &str) -> &str {
    let id = id.strip_suffix('+').unwrap_or(id);
    let lower = id.to_ascii_lowercase();
    for suffix in ["-or-later", "-only"] {
        if lower.ends_with(suffix) && is_gnu(id) {
            return &id[..id.len() - suffix.len()];
        }
    }
    id
}

fn lookup(table: &'static str, id: &str) -> Option<&'static str> {
    table
        .split_ascii_whitespace()
        .find(|t| t.eq_ignore_ascii_case(id))
}

/// The id in the SPDX list's spelling, keeping a `-only`/`-or-later`/`+` suffix; `None` if unknown.
fn canonical(id: &str) -> Option<String> {
    let base = base_id(id);
    let known = lookup(OSI, base).or_else(|| lookup(OTHER, base))?;
    let suffix = id[base.len()..].to_ascii_lowercase();
    Some(format!("{known}{suffix}"))
}

fn is_operator(t: &str) -> bool {
    ["and", "or", "with"]
        .iter()
        .any(|o| t.eq_ignore_ascii_case(o))
}

fn is_id_token(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-+:".contains(c))
}

/// Splits an SPDX expression into ids, operators and parentheses; `None` on foreign characters.
fn tokens(expr: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in expr.chars() {
        if c == '(' || c == ')' || c.is_ascii_whitespace() {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            if c == '(' || c == ')' {
                out.push(c.to_string());
            }
        } else if c.is_ascii_alphanumeric() || ".-+:".contains(c) {
            word.push(c);
        } else {
            return None;
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    (!out.is_empty()).then_some(out)
}

/// A manifest's licence string as SPDX where possible, else as written.
fn tidy(raw: &str) -> Option<String> {
    let raw = raw.trim();
    if raw.is_empty() {
        return None;
    }
    let known = |e: &str| spdx_ids(e).is_some_and(|ids| ids.iter().all(|i| is_known_spdx(i)));
    if known(raw) {
        return Some(raw.to_string());
    }
    // Cargo's old "MIT/Apache-2.0" syntax means OR.
    let slashed = raw.replace('/', " OR ");
    if raw.contains('/') && known(&slashed) {
        return Some(slashed);
    }
    Some(
        identify(raw)
            .map(|i| i.spdx)
            .unwrap_or_else(|| raw.to_string()),
    )
}

/// `<licenses><license><name>…</name>` of a Maven POM, comments removed, entities decoded.
fn pom_licences(text: &str) -> Vec<String> {
    let mut body = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(start) = rest.find("<!--") {
        body.push_str(&rest[..start]);
        rest = match rest[start..].find("-->") {
            Some(end) => &rest[start + end + 3..],
            None => "",
        };
    }
    body.push_str(rest);
    let Some(start) = body.find("<licenses>") else {
        return Vec::new();
    };
    let block = &body[start..];
    let block = &block[..block.find("</licenses>").unwrap_or(block.len())];
    let mut names = Vec::new();
    // Each `</name>` closes the last `<name>` before it, and the search goes on after it: one pass
    // over the block. (A search for `</name>` from every `<name>` read a 1 MiB POM of unclosed
    // names a million times over, and gave nested names the markup of the ones inside.)
    let mut rest = block;
    while let Some(close) = rest.find("</name>") {
        if let Some(open) = rest[..close].rfind("<name>") {
            let name = rest[open + 6..close]
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'");
            names.push(name);
        }
        rest = &rest[close + 7..];
    }
    first_of_each(names)
}

/// `items` without repeats, each where it first occurs; sorting a list of indices rather than
/// asking the list so far, which is quadratic in a POM that repeats a name 100,000 times.
fn first_of_each(items: Vec<String>) -> Vec<String> {
    let mut order: Vec<usize> = (0..items.len()).collect();
    order.sort_by(|&a, &b| items[a].cmp(&items[b]).then(a.cmp(&b)));
    let mut keep = vec![false; items.len()];
    for (n, &i) in order.iter().enumerate() {
        keep[i] = n == 0 || items[order[n - 1]] != items[i];
    }
    items
        .into_iter()
        .zip(keep)
        .filter_map(|(item, keep)| keep.then_some(item))
        .collect()
}

/// NUL bytes, or more than a tenth control or replacement characters: not a licence text.
fn looks_binary(text: &str) -> bool {
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
fn spdx_header(text: &str) -> Option<String> {
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
fn norm(text: &str) -> String {
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
fn find_phrase(hay: &str, phrase: &str) -> Option<usize> {
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
fn by_text(n: &str) -> Option<String> {
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

/// How a name pattern's match becomes an SPDX id.
enum Kind {
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
fn name_table() -> Vec<(String, Kind)> {
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
fn by_name(n: &str) -> Option<(usize, String)> {
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

/// The name patterns are regular expressions in a small subset, matched here by backtracking
/// rather than by a regex crate (which would weigh more than the rest of this module in the
/// browser build): ASCII literals, `\b`, `\w*`, `\+`, classes of literal characters (`[123]`),
/// groups `(?:…)` and capturing `(…)` with `|`, and `?` after a character, class or group. The
/// text is normalised ([`norm`]), so `\b` and `\w` are ASCII, as in `regex-lite`; alternatives and
/// `?` are tried in order, greedy first, which gives the same leftmost-first matches and groups
/// as a regex engine (a test compares the two).
struct Pattern {
    nodes: Vec<Node>,
    groups: usize,
}

enum Node {
    Byte(u8),
    Class(Vec<u8>),
    WordBoundary,
    /// `\w*`
    WordChars,
    /// `(?:…)` (no capture index) or `(…)`; the alternatives in order.
    Group(Option<usize>, Vec<Vec<Node>>),
    Optional(Box<Node>),
}

/// Capture spans: group 0 is the whole match.
type Spans = Vec<Option<(usize, usize)>>;

impl Pattern {
    /// `None` for syntax outside the subset.
    fn new(pattern: &str) -> Option<Pattern> {
        let mut groups = 1;
        let mut bytes = pattern.bytes().peekable();
        let alternatives = parse_alternatives(&mut bytes, &mut groups)?;
        if bytes.next().is_some() {
            return None; // an unmatched `)`
        }
        Some(Pattern {
            nodes: vec![Node::Group(Some(0), alternatives)],
            groups,
        })
    }

    /// The successive non-overlapping leftmost matches in `hay`, with their groups.
    fn matches<'a>(&'a self, hay: &'a str) -> impl Iterator<Item = Spans> + 'a {
        let hay = hay.as_bytes();
        let mut from = 0;
        std::iter::from_fn(move || {
            while from <= hay.len() {
                let at = from;
                from += 1;
                let mut spans = vec![None; self.groups];
                if seq(&self.nodes, hay, at, &mut spans, &mut |_, _| true) {
                    if let Some((_, end)) = spans[0] {
                        from = end.max(at + 1);
                    }
                    return Some(spans);
                }
            }
            None
        })
    }
}

type Bytes<'a> = std::iter::Peekable<std::str::Bytes<'a>>;

fn parse_alternatives(bytes: &mut Bytes<'_>, groups: &mut usize) -> Option<Vec<Vec<Node>>> {
    let mut alternatives = vec![Vec::new()];
    while let Some(&b) = bytes.peek() {
        if b == b')' {
            break;
        }
        bytes.next();
        let node = match b {
            b'|' => {
                alternatives.push(Vec::new());
                continue;
            }
            b'(' => {
                let index = if bytes.peek() == Some(&b'?') {
                    bytes.next();
                    (bytes.next()? == b':').then_some(None)?
                } else {
                    *groups += 1;
                    Some(*groups - 1)
                };
                let inner = parse_alternatives(bytes, groups)?;
                (bytes.next()? == b')').then_some(Node::Group(index, inner))?
            }
            b'[' => {
                let mut set = Vec::new();
                loop {
                    match bytes.next()? {
                        b']' => break,
                        c if c.is_ascii_alphanumeric() => set.push(c),
                        _ => return None,
                    }
                }
                Node::Class(set)
            }
            b'\\' => match bytes.next()? {
                b'b' => Node::WordBoundary,
                b'w' => (bytes.next()? == b'*').then_some(Node::WordChars)?,
                c @ b'+' => Node::Byte(c),
                _ => return None,
            },
            b'?' => {
                let last = alternatives.last_mut()?;
                let node = last.pop()?;
                Node::Optional(Box::new(node))
            }
            c if c.is_ascii_alphanumeric() || c == b' ' => Node::Byte(c),
            _ => return None,
        };
        alternatives.last_mut()?.push(node);
    }
    Some(alternatives)
}

fn is_word(b: u8) -> bool {
    b.is_ascii_alphanumeric() || b == b'_'
}

/// Matches `nodes` at `at`, then whatever `then` requires of the rest.
fn seq(
    nodes: &[Node],
    hay: &[u8],
    at: usize,
    spans: &mut Spans,
    then: &mut dyn FnMut(usize, &mut Spans) -> bool,
) -> bool {
    match nodes.split_first() {
        None => then(at, spans),
        Some((node, rest)) => one(node, hay, at, spans, &mut |end, spans| {
            seq(rest, hay, end, spans, then)
        }),
    }
}

fn one(
    node: &Node,
    hay: &[u8],
    at: usize,
    spans: &mut Spans,
    then: &mut dyn FnMut(usize, &mut Spans) -> bool,
) -> bool {
    match node {
        Node::Byte(b) => hay.get(at) == Some(b) && then(at + 1, spans),
        Node::Class(set) => hay.get(at).is_some_and(|b| set.contains(b)) && then(at + 1, spans),
        Node::WordBoundary => {
            let before = at > 0 && is_word(hay[at - 1]);
            let after = hay.get(at).is_some_and(|&b| is_word(b));
            before != after && then(at, spans)
        }
        Node::WordChars => {
            let run = hay[at..].iter().take_while(|&&b| is_word(b)).count();
            (0..=run).rev().any(|n| then(at + n, spans))
        }
        Node::Group(index, alternatives) => alternatives.iter().any(|alternative| {
            seq(alternative, hay, at, spans, &mut |end, spans| match index {
                None => then(end, spans),
                Some(i) => {
                    let before = spans[*i].replace((at, end));
                    then(end, spans) || {
                        spans[*i] = before;
                        false
                    }
                }
            })
        }),
        Node::Optional(inner) => one(inner, hay, at, spans, then) || then(at, spans),
    }
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

/// For the fuzz targets in `fuzz/` only (built with `--cfg fuzzing`): the pattern matcher and the
/// name patterns, so that a target can hold the matcher to a regex engine on any text.
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod fuzzing {
    /// The successive leftmost matches of `pattern` in `hay`, each as the spans of its groups;
    /// `None` for a pattern outside the matcher's subset.
    pub fn matches(pattern: &str, hay: &str) -> Option<Vec<Vec<Option<(usize, usize)>>>> {
        Some(super::Pattern::new(pattern)?.matches(hay).collect())
    }

    /// The sources of the name patterns that [`super::identify`] tries.
    pub fn name_patterns() -> Vec<String> {
        super::name_table().into_iter().map(|(p, _)| p).collect()
    }

    /// The text as the name patterns see it.
    pub fn norm(text: &str) -> String {
        super::norm(text)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/");

    fn corpus(path: &str) -> String {
        std::fs::read_to_string(format!("{CORPUS}{path}")).expect("corpus file")
    }

    fn id(text: &str) -> Option<(String, Method)> {
        identify(text).map(|i| (i.spdx, i.how))
    }

    #[test]
    fn corpus_root_licences() {
        // OS2compliance and kitos: the canonical MPL-2.0 text, ending with Exhibit B
        // ("Incompatible With Secondary Licenses") — still plain MPL-2.0.
        for path in [
            "OS2compliance/OS2compliance/files/LICENSE",
            "os2kitos/kitos/files/LICENSE",
        ] {
            assert_eq!(
                id(&corpus(path)),
                Some(("MPL-2.0".into(), Method::Text)),
                "{path}"
            );
        }
        // OS2iot-docs: Creative Commons Attribution-ShareAlike 4.0, a documentation licence.
        let iot = identify(&corpus("OS2iot/OS2iot-docs/files/LICENSE")).expect("identified");
        assert_eq!((iot.spdx.as_str(), iot.how), ("CC-BY-SA-4.0", Method::Text));
        assert!(!is_osi_approved(&iot.spdx));
    }

    #[test]
    fn corpus_os2mo_symlink_and_reuse() {
        // LICENSE is a symlink; its stored target names REUSE's LICENSES/MPL-2.0.txt.
        let link = corpus("OS2mo/os2mo/files/LICENSE.SYMLINK");
        let target = link
            .trim()
            .rsplit("-> ")
            .next()
            .unwrap_or("")
            .trim()
            .to_string();
        assert_eq!(target, "LICENSES/MPL-2.0.txt");
        assert_eq!(spdx_from_filename(&target).as_deref(), Some("MPL-2.0"));
        // The REUSE copy is reflowed (different line breaks and indentation) but still recognised.
        let text = corpus(&format!("OS2mo/os2mo/files/{target}"));
        assert_eq!(id(&text), Some(("MPL-2.0".into(), Method::Text)));
        assert!(is_osi_approved("MPL-2.0"));
    }

    #[test]
    fn corpus_vendored_ckeditor() {
        // "All rights reserved" and an MIT list for bundled libraries, but the grant is GPL-2.0+.
        let text = corpus(
            "OS2compliance/OS2compliance/files/src/main/resources/static/vendor/ckeditor5/LICENSE-ckeditor5.md",
        );
        assert_eq!(id(&text), Some(("GPL-2.0-or-later".into(), Method::Name)));
    }

    #[test]
    fn edge_cases() {
        assert_eq!(identify(""), None);
        assert_eq!(identify("  \n\t "), None);
        let garbage: Vec<u8> = (0u8..=255).cycle().take(2000).collect();
        assert_eq!(identify(&String::from_utf8_lossy(&garbage)), None);
        assert_eq!(identify("\u{1}\u{2}\u{3}\u{FFFD}\u{FFFD}abc"), None);
        assert_eq!(identify("Hello world, this is a README."), None);
        assert_eq!(
            id("// SPDX-License-Identifier: MIT OR Apache-2.0\n"),
            Some(("MIT OR Apache-2.0".into(), Method::SpdxHeader))
        );
        assert_eq!(
            id("/* SPDX-License-Identifier: GPL-2.0-only */"),
            Some(("GPL-2.0-only".into(), Method::SpdxHeader))
        );
        assert_eq!(
            id("<!-- SPDX-License-Identifier: MPL-2.0 -->"),
            Some(("MPL-2.0".into(), Method::SpdxHeader))
        );
        assert_eq!(
            id("Copyright 2024 Acme A/S. All rights reserved."),
            Some((PROPRIETARY.into(), Method::Text))
        );
        assert!(!is_osi_approved(PROPRIETARY));
    }

    #[test]
    fn names() {
        let cases = [
            ("Licensed under the MIT License.", "MIT"),
            ("Dette projekt er udgivet under MIT-licensen.", "MIT"),
            ("This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0.", "MPL-2.0"),
            ("License: MPL-2.0", "MPL-2.0"),
            ("Licensed under the Apache License, Version 2.0 (the \"License\");", "Apache-2.0"),
            ("The Apache Software License, Version 2.0", "Apache-2.0"),
            ("Licensed under the EUPL-1.2", "EUPL-1.2"),
            ("European Union Public Licence v. 1.1", "EUPL-1.1"),
            ("GPLv3+", "GPL-3.0-or-later"),
            ("GPL-3.0-or-later", "GPL-3.0-or-later"),
            ("GNU GPL v2", "GPL-2.0-only"),
            ("LGPL-2.1-or-later", "LGPL-2.1-or-later"),
            ("under the terms of the GNU Lesser General Public License version 3", "LGPL-3.0-only"),
            (
                "it under the terms of the GNU Affero General Public License as published by the Free \
                 Software Foundation, either version 3 of the License, or (at your option) any later version.",
                "AGPL-3.0-or-later",
            ),
            ("Released under the BSD 3-Clause License", "BSD-3-Clause"),
            ("ISC License", "ISC"),
            ("Eclipse Public License - v 2.0", "EPL-2.0"),
            ("Content is CC BY-SA 4.0", "CC-BY-SA-4.0"),
            ("Creative Commons Attribution 4.0 International", "CC-BY-4.0"),
            ("Released to the public domain with CC0.", "CC0-1.0"),
            ("See the Unlicense.", "Unlicense"),
        ];
        for (text, want) in cases {
            assert_eq!(id(text), Some((want.to_string(), Method::Name)), "{text}");
        }
    }

    /// Stand-ins with the characteristic phrases (no full texts are kept in the crate).
    #[test]
    fn texts_by_phrases() {
        let gpl3 = "GNU GENERAL PUBLIC LICENSE\n Version 3, 29 June 2007\n... TERMS AND CONDITIONS ...\n\
                    How to Apply These Terms to Your New Programs\n... either version 3 of the License, or\n\
                    (at your option) any later version.";
        assert_eq!(id(gpl3), Some(("GPL-3.0-only".into(), Method::Text)));
        let notice = "This program is free software: you can redistribute it under the terms of the GNU General \
                      Public License as published by the Free Software Foundation, either version 3 of the \
                      License, or (at your option) any later version.\n\n";
        assert_eq!(
            id(&format!("{notice}{gpl3}")),
            Some(("GPL-3.0-or-later".into(), Method::Text))
        );
        assert_eq!(
            id(&format!("SPDX: GPL-3.0-or-later\n{gpl3}")),
            Some(("GPL-3.0-or-later".into(), Method::Text))
        );
        let lgpl3 = "GNU LESSER GENERAL PUBLIC LICENSE Version 3, 29 June 2007 ... incorporates the terms and \
                     conditions of version 3 of the GNU General Public License ... 0. Additional Definitions.";
        assert_eq!(id(lgpl3), Some(("LGPL-3.0-only".into(), Method::Text)));
        let agpl =
            "GNU AFFERO GENERAL PUBLIC LICENSE Version 3, 19 November 2007 TERMS AND CONDITIONS";
        assert_eq!(id(agpl), Some(("AGPL-3.0-only".into(), Method::Text)));
        let gpl2 = "GNU GENERAL PUBLIC LICENSE Version 2, June 1991 ... GNU Library General Public License ... \
                    TERMS AND CONDITIONS FOR COPYING, DISTRIBUTION AND MODIFICATION";
        assert_eq!(id(gpl2), Some(("GPL-2.0-only".into(), Method::Text)));
        let lgpl21 = "GNU LESSER GENERAL PUBLIC LICENSE Version 2.1, February 1999 TERMS AND CONDITIONS FOR \
                      COPYING, DISTRIBUTION AND MODIFICATION";
        assert_eq!(id(lgpl21), Some(("LGPL-2.1-only".into(), Method::Text)));
        let mit = "MIT License\n\nCopyright (c) 2024 OS2\n\nPermission is hereby granted, free of charge, to any \
                   person obtaining a copy of this software ... The above copyright notice and this permission \
                   notice shall be included in all copies or substantial portions of the Software.";
        assert_eq!(id(mit), Some(("MIT".into(), Method::Text)));
        let apache =
            "Apache License\n Version 2.0, January 2004\n http://www.apache.org/licenses/\n\n \
                      TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION";
        assert_eq!(id(apache), Some(("Apache-2.0".into(), Method::Text)));
        let bsd =
            "Redistribution and use in source and binary forms, with or without modification, are \
                   permitted provided that the following conditions are met:";
        assert_eq!(id(bsd), Some(("BSD-2-Clause".into(), Method::Text)));
        let bsd3 = format!(
            "{bsd} 3. Neither the name of the copyright holder nor the names of its contributors \
                            may be used to endorse or promote products derived from this software"
        );
        assert_eq!(id(&bsd3), Some(("BSD-3-Clause".into(), Method::Text)));
        let isc = "ISC License\n\nPermission to use, copy, modify, and/or distribute this software for any purpose \
                   with or without fee is hereby granted, provided that the above copyright notice and this \
                   permission notice appear in all copies.";
        assert_eq!(id(isc), Some(("ISC".into(), Method::Text)));
        let eupl = "EUROPEAN UNION PUBLIC LICENCE v. 1.2\nEUPL © the European Union 2007, 2016";
        assert_eq!(id(eupl), Some(("EUPL-1.2".into(), Method::Text)));
        let eupl11 = "European Union Public Licence V. 1.1\nEUPL © the European Community 2007";
        assert_eq!(id(eupl11), Some(("EUPL-1.1".into(), Method::Text)));
        let epl = "Eclipse Public License - v 2.0\n THE ACCOMPANYING PROGRAM IS PROVIDED UNDER THE TERMS OF THIS \
                   ECLIPSE PUBLIC LICENSE";
        assert_eq!(id(epl), Some(("EPL-2.0".into(), Method::Text)));
        let unlicense = "This is free and unencumbered software released into the public domain.";
        assert_eq!(id(unlicense), Some(("Unlicense".into(), Method::Text)));
        let cc0 = "Creative Commons Legal Code\n\nCC0 1.0 Universal\n\n Statement of Purpose";
        assert_eq!(id(cc0), Some(("CC0-1.0".into(), Method::Text)));
        assert!(!is_osi_approved("CC0-1.0"));
        let ccby =
            "Attribution 4.0 International\n\n Creative Commons Corporation (\"Creative Commons\")";
        assert_eq!(id(ccby), Some(("CC-BY-4.0".into(), Method::Text)));
    }

    #[test]
    fn osi() {
        for ok in [
            "MPL-2.0",
            "mit",
            "GPL-3.0-only",
            "GPL-3.0-or-later",
            "GPL-2.0+",
            "LGPL-2.1-only",
            "EUPL-1.2",
        ] {
            assert!(is_osi_approved(ok), "{ok}");
        }
        assert!(is_osi_approved("MIT OR Apache-2.0"));
        assert!(is_osi_approved("(MIT AND BSD-3-Clause)"));
        assert!(is_osi_approved(
            "GPL-2.0-or-later WITH Classpath-exception-2.0"
        ));
        for bad in [
            "CC0-1.0",
            "CC-BY-4.0",
            "MIT OR CC0-1.0",
            "MIT AND WTFPL",
            "",
            "NOASSERTION",
            "MIT OR",
            "(MIT",
        ] {
            assert!(!is_osi_approved(bad), "{bad}");
        }
        assert!(!is_osi_approved("MIT-only"));
    }

    #[test]
    fn expressions_and_known_ids() {
        assert_eq!(
            spdx_ids("MIT OR Apache-2.0"),
            Some(vec!["MIT".to_string(), "Apache-2.0".to_string()])
        );
        assert_eq!(
            spdx_ids("(MIT OR (BSD-2-Clause AND ISC))").map(|v| v.len()),
            Some(3)
        );
        assert_eq!(
            spdx_ids("GPL-2.0 WITH Classpath-exception-2.0"),
            Some(vec!["GPL-2.0".to_string()])
        );
        assert_eq!(spdx_ids("MIT/Apache-2.0"), None);
        assert_eq!(spdx_ids("MIT OR OR ISC"), None);
        assert_eq!(spdx_ids("MIT)"), None);
        assert!(is_known_spdx("LicenseRef-OS2"));
        assert!(is_known_spdx("gpl-3.0-or-later"));
        assert!(!is_known_spdx("MPL-2"));
    }

    #[test]
    fn filenames() {
        assert_eq!(
            spdx_from_filename("LICENSES/MPL-2.0.txt").as_deref(),
            Some("MPL-2.0")
        );
        assert_eq!(
            spdx_from_filename("mpl-2.0.txt").as_deref(),
            Some("MPL-2.0")
        );
        assert_eq!(
            spdx_from_filename("GPL-3.0-or-later.txt").as_deref(),
            Some("GPL-3.0-or-later")
        );
        assert_eq!(
            spdx_from_filename("CC-BY-4.0.md").as_deref(),
            Some("CC-BY-4.0")
        );
        assert_eq!(
            spdx_from_filename("LicenseRef-Magenta.txt").as_deref(),
            Some("LicenseRef-Magenta")
        );
        assert_eq!(spdx_from_filename("MIT"), Some("MIT".to_string()));
        for none in ["LICENSE", "LICENSE.txt", "COPYING", "README.md", "x.y.txt"] {
            assert_eq!(spdx_from_filename(none), None, "{none}");
        }
    }

    #[test]
    fn manifests() {
        assert_eq!(
            manifest_licence("package.json", r#"{"name":"x","license":"MIT"}"#).as_deref(),
            Some("MIT")
        );
        assert_eq!(
            manifest_licence("web/package.json", r#"{"license":{"type":"ISC"}}"#).as_deref(),
            Some("ISC")
        );
        assert_eq!(
            manifest_licence(
                "package.json",
                r#"{"license":"SEE LICENSE IN LICENSE.txt"}"#
            ),
            None
        );
        assert_eq!(manifest_licence("package.json", "{not json"), None);
        assert_eq!(manifest_licence("package.json", r#"{"name":"x"}"#), None);
        assert_eq!(
            manifest_licence("composer.json", r#"{"license":["MIT","GPL-3.0-or-later"]}"#)
                .as_deref(),
            Some("MIT OR GPL-3.0-or-later")
        );
        // TOML manifests are read only with the `toml` feature.
        #[cfg(feature = "toml")]
        {
            assert_eq!(
                manifest_licence(
                    "Cargo.toml",
                    "[package]\nname = \"x\"\nlicense = \"MPL-2.0\"\n"
                )
                .as_deref(),
                Some("MPL-2.0")
            );
            assert_eq!(
                manifest_licence("Cargo.toml", "[package]\nlicense = \"MIT/Apache-2.0\"\n")
                    .as_deref(),
                Some("MIT OR Apache-2.0")
            );
            assert_eq!(
                manifest_licence(
                    "Cargo.toml",
                    "[workspace.package]\nlicense = \"EUPL-1.2\"\n[package]\nlicense.workspace = true\n"
                )
                .as_deref(),
                Some("EUPL-1.2")
            );
            assert_eq!(
                manifest_licence("Cargo.toml", "[package]\nlicense-file = \"LICENSE\"\n"),
                None
            );
            assert_eq!(manifest_licence("Cargo.toml", "[package\n"), None);
            assert_eq!(
                manifest_licence(
                    "pyproject.toml",
                    "[project]\nname = \"x\"\nlicense = \"MPL-2.0\"\n"
                )
                .as_deref(),
                Some("MPL-2.0")
            );
            assert_eq!(
                manifest_licence(
                    "pyproject.toml",
                    "[project]\nlicense = { text = \"MIT License\" }\n"
                )
                .as_deref(),
                Some("MIT")
            );
            assert_eq!(
                manifest_licence(
                    "pyproject.toml",
                    "[project]\nlicense = { file = \"LICENSE\" }\n"
                ),
                None
            );
            assert_eq!(
                manifest_licence("pyproject.toml", "[tool.poetry]\nlicense = \"MPL-2.0\"\n")
                    .as_deref(),
                Some("MPL-2.0")
            );
        }
        let pom = "<project><!-- <licenses><license><name>MIT</name></license></licenses> -->\
                   <name>app</name><licenses><license><name>Mozilla Public License Version 2.0</name>\
                   <url>https://mozilla.org/MPL/2.0/</url></license></licenses></project>";
        assert_eq!(manifest_licence("pom.xml", pom).as_deref(), Some("MPL-2.0"));
        assert_eq!(
            manifest_licence("pom.xml", "<project><name>x</name></project>"),
            None
        );
        assert_eq!(manifest_licence("README.md", "license: MIT"), None);
    }

    /// Each `</name>` closes the last `<name>` before it, in one pass over the POM.
    #[test]
    fn pom_names_in_one_pass() {
        // 2,000 nested <license><name>: the innermost name is the licence. Searching for a
        // `</name>` from every `<name>` gave 2,000 names of markup (and took 15 s).
        let nested = format!(
            "<project><licenses>{}2.0{}</licenses></project>",
            "<license><name>Mozilla Public License ".repeat(2000),
            "</name></license>".repeat(2000)
        );
        assert_eq!(
            manifest_licence("pom.xml", &nested).as_deref(),
            Some("MPL-2.0")
        );
        // 1 MiB of names left open, then one closed: one name (a minute before).
        let unclosed = format!(
            "<project><licenses><license>{}<name>MIT</name></license></licenses></project>",
            "<name>x".repeat(149_000)
        );
        assert_eq!(
            manifest_licence("pom.xml", &unclosed).as_deref(),
            Some("MIT")
        );
        // A licence named again is one licence; different ones keep their order.
        let repeated = format!(
            "<project><licenses>{}<license><name>Apache-2.0</name></license>{}</licenses></project>",
            "<license><name>MIT</name></license>".repeat(30_000),
            "<license><name>MIT</name></license>".repeat(30_000)
        );
        assert_eq!(
            manifest_licence("pom.xml", &repeated).as_deref(),
            Some("MIT OR Apache-2.0")
        );
        assert_eq!(
            first_of_each(["b", "a", "b", "c", "a"].map(String::from).to_vec()),
            ["b", "a", "c"]
        );
    }

    /// The backtracking matcher finds the same matches and groups as a regex engine, for every
    /// name pattern, on the test texts, the corpus's licence texts and edge cases.
    #[test]
    fn name_patterns_match_like_a_regex_engine() {
        let mut texts: Vec<String> = [
            "mpl2 mpl v2 mplv 2 mpl 2 0 mpl 1 1 mozilla public licensed version 2 0",
            "apache 2 apache software license v 2 0 apache2 apachev2 apache license version 2",
            "licensed under the terms of the mit licensed mit license mit expat licenses",
            "gplv3 + gpl 2 0 only lgpl version 2 1 or later agpl v3 gplv 4 gpl v 3 1",
            "gnu lesser general public license version 2 1 of the license or at your option any later version",
            "general public licenses as published by the free software foundation either version 3 only",
            "cc by nc sa 4 0 cc by sa 3 0 cc by 5 0 creative commons attribution noncommercial noderivs 3 0",
            "bsd 3 clause 3 clause bsd simplified bsd new bsd2 isc license zlib licensing cc0 unlicense",
            "eupl 1 2 eupl v 1 1 european union public licens version 1 2 epl v 2 epl 1 0 boost software license 1 0",
            "æmit license mpl 2æ gpl3 x_gpl 3 gpl 3_ 2gpl 3",
            "",
            " ",
        ]
        .iter()
        .map(|t| t.to_string())
        .collect();
        for path in [
            "OS2compliance/OS2compliance/files/LICENSE",
            "OS2iot/OS2iot-docs/files/LICENSE",
            "OS2compliance/OS2compliance/files/src/main/resources/static/vendor/ckeditor5/LICENSE-ckeditor5.md",
        ] {
            texts.push(norm(&corpus(path)));
        }
        let mut found = 0;
        for (source, _) in name_table() {
            let ours = Pattern::new(&source).expect("in the subset");
            let theirs = regex_lite::Regex::new(&source).expect("a regex");
            for text in &texts {
                let want: Vec<Spans> = theirs
                    .captures_iter(text)
                    .map(|c| {
                        (0..c.len())
                            .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                            .collect()
                    })
                    .collect();
                let got: Vec<Spans> = ours.matches(text).collect();
                assert_eq!(got, want, "{source} on {:?}", &text[..text.len().min(80)]);
                found += got.len();
            }
        }
        assert!(
            found > 40,
            "the texts exercise the patterns ({found} matches)"
        );
        for bad in [r"a(b", r"a)b", r"\d", r"a*", r"(?i)a", "[a-z]", "?"] {
            assert!(Pattern::new(bad).is_none(), "{bad}");
        }
    }

    #[test]
    fn sameness() {
        assert!(same_licence("GPL-3.0", "GPL-3.0-only"));
        assert!(same_licence("gpl-3.0", "GPL-3.0-or-later"));
        assert!(!same_licence("GPL-3.0-only", "GPL-3.0-or-later"));
        assert!(same_licence("GPL-2.0+", "GPL-2.0-or-later"));
        assert!(same_licence("mpl-2.0", "MPL-2.0"));
        assert!(!same_licence("MPL-2.0", "MIT"));
        assert!(same_licence("MIT OR Apache-2.0", "Apache-2.0 OR MIT"));
        assert!(!same_licence("MIT OR Apache-2.0", "MIT AND Apache-2.0"));
        assert!(!same_licence("NOASSERTION", "NOASSERTION"));
        assert!(!same_licence("", "MIT"));
    }
}
