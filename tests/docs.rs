//! `docs/requirements.md` is generated from the requirement declarations; this test fails when
//! the committed file is stale.

use std::path::Path;

#[test]
fn requirements_md_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/requirements.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = os2gov::rules::docs::requirements_markdown();
    if committed != generated {
        let line = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()))
            + 1;
        panic!(
            "docs/requirements.md is stale (first difference at line {line}); regenerate it with\n\n    cargo run -- rules --format markdown > docs/requirements.md\n"
        );
    }
}

#[test]
fn requirements_md_documents_every_requirement() {
    let generated = os2gov::rules::docs::requirements_markdown();
    for rule in os2gov::rules::all() {
        assert!(
            generated.contains(&format!("\n### {}\n", rule.id)),
            "{} has no section",
            rule.id
        );
    }
}
