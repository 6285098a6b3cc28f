//! The licence a package manifest declares.

use super::{identify, is_known_spdx, spdx_ids};

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
pub(super) fn first_of_each(items: Vec<String>) -> Vec<String> {
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
