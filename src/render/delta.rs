//! What a change did to governance: two reports of the same repository (a pull request's base
//! and head) compared requirement by requirement.

use crate::base::model::{Lang, Level};
use crate::engine::report::{Report, Verdict};
use crate::render::markdown_cell as cell;
use serde::Serialize;
use std::fmt::Write;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    pub id: String,
    pub title: String,
    pub before: Verdict,
    pub after: Verdict,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Delta {
    pub achieved_before: Option<Level>,
    pub achieved_after: Option<Level>,
    pub score_before: u32,
    pub score_after: u32,
    /// Requirements that became compliant.
    pub improved: Vec<Change>,
    /// Requirements that stopped being compliant.
    pub regressed: Vec<Change>,
}

impl Delta {
    /// The change lowers compliance: a requirement lost compliance or the achieved level fell.
    pub fn is_regression(&self) -> bool {
        !self.regressed.is_empty() || self.achieved_after < self.achieved_before
    }
}

pub fn compare(base: &Report, head: &Report) -> Delta {
    let mut improved = Vec::new();
    let mut regressed = Vec::new();
    for after in &head.requirements {
        let Some(before) = base.finding(&after.id) else {
            continue;
        };
        let change = || Change {
            id: after.id.clone(),
            title: after.title.clone(),
            before: before.verdict,
            after: after.verdict,
        };
        match (before.verdict.is_compliant(), after.verdict.is_compliant()) {
            (false, true) => improved.push(change()),
            (true, false) => regressed.push(change()),
            _ => {}
        }
    }
    Delta {
        achieved_before: base.achieved_level,
        achieved_after: head.achieved_level,
        score_before: base.score,
        score_after: head.score,
        improved,
        regressed,
    }
}

fn level_name(level: Option<Level>, lang: Lang) -> &'static str {
    crate::render::achieved_label(level, lang)
}

/// The delta as a Markdown section for the PR comment.
pub fn markdown(delta: &Delta, lang: Lang) -> String {
    let (title, achieved, score, better, worse, none) = match lang {
        Lang::Da => (
            "Ændring i denne pull request",
            "Opnået niveau",
            "Score",
            "Nu opfyldt",
            "Ikke længere opfyldt",
            "Ingen krav har ændret status.",
        ),
        Lang::En => (
            "Change in this pull request",
            "Achieved level",
            "Score",
            "Now compliant",
            "No longer compliant",
            "No requirement changed status.",
        ),
    };
    let mut out = String::new();
    let _ = writeln!(out, "### {title}\n");
    let _ = writeln!(out, "| | før / before | efter / after |\n|---|---|---|");
    let _ = writeln!(
        out,
        "| {achieved} | {} | {} |",
        level_name(delta.achieved_before, lang),
        level_name(delta.achieved_after, lang)
    );
    let _ = writeln!(
        out,
        "| {score} | {} | {} |\n",
        delta.score_before, delta.score_after
    );
    if delta.improved.is_empty() && delta.regressed.is_empty() {
        let _ = writeln!(out, "{none}\n");
    }
    for (heading, changes, icon) in [
        (worse, &delta.regressed, "🔻"),
        (better, &delta.improved, "🔺"),
    ] {
        if changes.is_empty() {
            continue;
        }
        let _ = writeln!(out, "**{heading}**\n");
        for c in changes.iter() {
            let _ = writeln!(
                out,
                "- {icon} **{}** {}: {} → {}",
                c.id,
                cell(&c.title),
                c.before.label(lang),
                c.after.label(lang)
            );
        }
        out.push('\n');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::engine::fixture::report_of as report;

    #[test]
    fn removing_security_policy_is_a_regression() {
        let base = report(&[
            (
                "SECURITY.md",
                "Report vulnerabilities to security@example.org",
            ),
            ("README.md", "# X\n"),
        ]);
        let head = report(&[("README.md", "# X\n")]);
        let delta = compare(&base, &head);
        assert!(delta.is_regression());
        assert_eq!(
            delta
                .regressed
                .iter()
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>(),
            vec!["F4"]
        );
        assert!(delta.improved.is_empty());
        let back = compare(&head, &base);
        assert!(!back.is_regression());
        assert_eq!(back.improved[0].id, "F4");
        let md = markdown(&delta, Lang::En);
        assert!(
            md.contains("No longer compliant") && md.contains("**F4**"),
            "{md}"
        );
    }
}
