//! SARIF 2.1.0 for GitHub code scanning: every requirement is a rule carrying its documentation
//! and a help URI; every requirement that is not met or unknown is a result, located at its
//! evidence (file and line) where it has one.

use crate::base::model::Lang;
use crate::engine::report::{Finding, Report, Verdict};
use crate::rules;
use serde_json::{json, Value};

/// Where the generated requirement docs live; anchors are the lower-case ids.
pub const DOCS_URL: &str = "https://github.com/OS2offdig/os2gov/blob/main/docs/requirements.md";

fn level_of(finding: &Finding, report: &Report) -> &'static str {
    let in_scope = finding.level <= report.required_level.level;
    match (finding.verdict, in_scope, finding.recommended) {
        (Verdict::NotMet, true, false) => "error",
        (Verdict::NotMet, true, true) | (Verdict::Unknown, true, _) => "warning",
        _ => "note",
    }
}

/// A repository path as the relative URI reference SARIF's `artifactLocation.uri` must be
/// (RFC 3986): each segment percent-encoded byte by byte from its UTF-8, keeping only the
/// unreserved characters and `/` between segments. So a space, `%`, `#` or `?` in a file name
/// stays part of the path instead of starting an escape, a fragment or a query, and a `:` in
/// the first segment is not read as a scheme.
fn uri_reference(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.trim_start_matches('/').bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(char::from(byte));
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

fn location(finding: &Finding, fallback: Option<&str>) -> Option<Value> {
    let (path, line) = finding
        .evidence
        .iter()
        .find_map(|e| e.path.as_deref().map(|p| (p, e.line)))
        .or_else(|| fallback.map(|p| (p, None)))?;
    let mut physical =
        json!({"artifactLocation": {"uri": uri_reference(path), "uriBaseId": "%SRCROOT%"}});
    if let Some(line) = line.filter(|l| *l > 0) {
        physical["region"] = json!({"startLine": line});
    }
    Some(json!({"physicalLocation": physical}))
}

/// `fallback_path` locates findings that have no file of their own (GitHub code scanning wants
/// a location): usually the README or the governance report.
pub fn sarif(report: &Report, fallback_path: Option<&str>) -> String {
    let lang = report.lang;
    let rule_list: Vec<Value> = rules::all()
        .map(|rule| {
            let help = rules::docs::explain(rule, lang);
            json!({
                "id": rule.id,
                "name": rule.title.en.replace(|c: char| !c.is_ascii_alphanumeric(), " ").split_whitespace().map(|w| {
                    let mut c = w.chars();
                    c.next().map(|f| f.to_ascii_uppercase().to_string() + c.as_str()).unwrap_or_default()
                }).collect::<String>(),
                "shortDescription": {"text": rule.title.get(lang)},
                "fullDescription": {"text": rule.rationale.get(lang)},
                "help": {"text": help, "markdown": format!("**{}** — {}\n\n{}\n\n**{}:** {}", rule.id, rule.title.get(lang), rule.evidence.get(lang), match lang { Lang::Da => "Sådan retter du det", Lang::En => "Fix" }, rule.fix.get(lang))},
                "helpUri": format!("{DOCS_URL}#{}", rule.id.to_ascii_lowercase()),
                "defaultConfiguration": {"level": if rule.recommended { "warning" } else { "error" }},
                "properties": {
                    "tags": ["os2", "governance", format!("level-{}", rule.level.as_str())],
                    "os2gov-level": rule.level.as_str(),
                    "os2gov-recommended": rule.recommended,
                },
            })
        })
        .collect();
    let index_of = |id: &str| rules::all().position(|r| r.id == id);
    let results: Vec<Value> = report
        .requirements
        .iter()
        .filter(|f| matches!(f.verdict, Verdict::NotMet | Verdict::Unknown))
        .map(|f| {
            let mut result = json!({
                "ruleId": f.id,
                "level": level_of(f, report),
                "message": {"text": format!("{} ({}): {}", f.title, f.verdict.label(lang), f.message)},
                "properties": {"verdict": f.verdict.as_str()},
            });
            if let Some(index) = index_of(&f.id) {
                result["ruleIndex"] = json!(index);
            }
            if let Some(loc) = location(f, fallback_path) {
                result["locations"] = json!([loc]);
            }
            result
        })
        .collect();
    let doc = json!({
        "$schema": "https://json.schemastore.org/sarif-2.1.0.json",
        "version": "2.1.0",
        "runs": [{
            "tool": {"driver": {
                "name": "os2gov",
                "version": report.tool.version,
                "informationUri": "https://github.com/OS2offdig/os2gov",
                "rules": rule_list,
            }},
            "results": results,
            "properties": {
                "required_level": report.required_level.level.as_str(),
                "achieved_level": report.achieved_level.map(|l| l.as_str()),
                "score": report.score,
                "passed": report.passed,
            },
        }],
    });
    serde_json::to_string_pretty(&doc).unwrap_or_default() + "\n"
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn artifact_uris_are_percent_encoded_relative_references() {
        assert_eq!(
            uri_reference("docs/Sikkerhed og drift #1 ø.md"),
            "docs/Sikkerhed%20og%20drift%20%231%20%C3%B8.md"
        );
        assert_eq!(uri_reference("README.md"), "README.md");
        assert_eq!(uri_reference("a/b-c_d.e~f/G9"), "a/b-c_d.e~f/G9");
        assert_eq!(uri_reference("100%?.md"), "100%25%3F.md");
        assert_eq!(uri_reference("c:notes.md"), "c%3Anotes.md");
        assert_eq!(uri_reference("a\\b[1].md"), "a%5Cb%5B1%5D.md");
        assert_eq!(uri_reference("/abs.md"), "abs.md");
    }
}
