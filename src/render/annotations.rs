//! GitHub Actions workflow commands (`::error file=…,line=…::…`) for findings located in files,
//! so that they show as annotations on the pull request's diff.

use crate::report::{Report, Verdict};
use std::fmt::Write;

/// Escaping from GitHub's toolkit (`@actions/core` `escapeData` / `escapeProperty`).
fn escape_data(text: &str) -> String {
    text.replace('%', "%25")
        .replace('\r', "%0D")
        .replace('\n', "%0A")
}

fn escape_property(text: &str) -> String {
    escape_data(text).replace(':', "%3A").replace(',', "%2C")
}

pub fn workflow_commands(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.requirements {
        if !matches!(f.verdict, Verdict::NotMet | Verdict::Unknown) {
            continue;
        }
        let Some(evidence) = f.evidence.iter().find(|e| e.path.is_some()) else {
            continue;
        };
        let in_scope = f.level <= report.required_level.level;
        let command = match (f.verdict, in_scope && !f.recommended) {
            (Verdict::NotMet, true) => "error",
            (_, true) | (Verdict::NotMet, false) if in_scope => "warning",
            _ => "notice",
        };
        let mut properties = format!(
            "file={}",
            escape_property(evidence.path.as_deref().unwrap_or_default())
        );
        if let Some(line) = evidence.line {
            let _ = write!(properties, ",line={line}");
        }
        let _ = write!(
            properties,
            ",title={}",
            escape_property(&format!("os2gov {}: {}", f.id, f.title))
        );
        let _ = writeln!(
            out,
            "::{command} {properties}::{}",
            escape_data(&format!("{} — {}", f.message, f.fix))
        );
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_toolkit() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
    }
}
