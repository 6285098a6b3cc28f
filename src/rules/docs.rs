//! Documentation generated from the declarations: `docs/requirements.md`, `os2gov rules` and
//! `os2gov explain`.

use super::{all, Method, Rule};
use crate::base::model::{Lang, Level};
use std::fmt::Write;

fn method_label(method: Method, lang: Lang) -> &'static str {
    match (method, lang) {
        (Method::Automatic, Lang::Da) => "automatisk",
        (Method::Automatic, Lang::En) => "automatic",
        (Method::AutomaticOrDeclared, Lang::Da) => "automatisk, ellers erklæret",
        (Method::AutomaticOrDeclared, Lang::En) => "automatic, else declared",
        (Method::Declared, Lang::Da) => "erklæret",
        (Method::Declared, Lang::En) => "declared",
    }
}

fn level_text(rule: &Rule, lang: Lang) -> String {
    let level = rule.level.label(lang);
    if rule.recommended {
        match lang {
            Lang::Da => format!("{level} (anbefaling)"),
            Lang::En => format!("{level} (recommendation)"),
        }
    } else {
        level.to_string()
    }
}

/// One requirement in full, as `os2gov explain ID` prints it.
pub fn explain(rule: &Rule, lang: Lang) -> String {
    // The level names itself ("Niveau 1", "Sandkasse"): no label, so no "Niveau: Niveau 1".
    let (theme, method, why, evidence, fix) = match lang {
        Lang::Da => (
            "Tema",
            "Metode",
            "Hvorfor",
            "Hvad tæller som bevis",
            "Sådan retter du det",
        ),
        Lang::En => (
            "Theme",
            "Method",
            "Why",
            "What counts as evidence",
            "How to fix",
        ),
    };
    let mut out = String::new();
    let _ = writeln!(out, "{} — {}", rule.id, rule.title.get(lang));
    let _ = writeln!(
        out,
        "{theme}: {}   {}   {method}: {}",
        rule.theme.label(lang),
        level_text(rule, lang),
        method_label(rule.method(), lang)
    );
    let _ = writeln!(out, "\n{why}:\n  {}", rule.rationale.get(lang));
    let _ = writeln!(out, "\n{evidence}:\n  {}", rule.evidence.get(lang));
    let _ = writeln!(out, "\n{fix}:\n  {}", rule.fix.get(lang));
    out
}

/// The table `os2gov rules` prints.
pub fn list(lang: Lang) -> String {
    let mut out = String::new();
    for rule in all() {
        let _ = writeln!(
            out,
            "{:<4} {:<22} {:<28} {}",
            rule.id,
            level_text(rule, lang),
            method_label(rule.method(), lang),
            rule.title.get(lang)
        );
    }
    out
}

/// `docs/requirements.md`, in English with the Danish titles beside them.
pub fn requirements_markdown() -> String {
    let mut out = String::new();
    out.push_str("# os2gov requirements\n\n");
    out.push_str("<!-- Generated from src/rules/*.rs by `os2gov rules --format markdown`; a test fails when this file is stale. -->\n\n");
    out.push_str("OS2's 43 governance requirements (R, F, S, G) from `governance_template.md` and 13 good practices (P) from OS2's documents for coordination groups. ");
    out.push_str("A level includes every requirement of the levels below it; recommendations are scored at half weight and never block a level.\n\n");
    let _ = writeln!(out, "## Score\n\n{}\n", crate::engine::score::FORMULA_EN);
    out.push_str("| id | level | method | title | titel |\n|---|---|---|---|---|\n");
    for rule in all() {
        let _ = writeln!(
            out,
            "| [{id}](#{anchor}) | {} | {} | {} | {} |",
            level_text(rule, Lang::En),
            method_label(rule.method(), Lang::En),
            rule.title.en,
            rule.title.da,
            id = rule.id,
            anchor = rule.id.to_ascii_lowercase()
        );
    }
    for level in Level::ALL {
        let _ = writeln!(out, "\n## {}\n", level.label(Lang::En));
        for rule in all().filter(|r| r.level == level) {
            let _ = writeln!(out, "### {}\n", rule.id);
            let _ = writeln!(out, "**{}** — *{}*\n", rule.title.en, rule.title.da);
            let _ = writeln!(
                out,
                "- Theme: {} · {} · Method: {}",
                rule.theme.label(Lang::En),
                level_text(rule, Lang::En),
                method_label(rule.method(), Lang::En)
            );
            let _ = writeln!(out, "- **Why:** {}", rule.rationale.en);
            let _ = writeln!(out, "- **Evidence:** {}", rule.evidence.en);
            let _ = writeln!(out, "- **Fix:** {}", rule.fix.en);
            let _ = writeln!(out, "- *Hvorfor:* {}", rule.rationale.da);
            let _ = writeln!(out, "- *Bevis:* {}", rule.evidence.da);
            let _ = writeln!(out, "- *Sådan retter du det:* {}\n", rule.fix.da);
        }
    }
    out
}
