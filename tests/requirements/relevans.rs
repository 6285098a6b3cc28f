//! Relevans: R1–R4.

use super::*;

#[test]
fn r1_not_met_without_a_value_section() {
    let r = baseline_files()
        .edit("README.md", "## Value", "## Savings")
        .check();
    let f = verdict(&r, "R1", Verdict::NotMet);
    says(f, "No section on value");
    // F5 names what is missing.
    says(verdict(&r, "F5", Verdict::NotMet), "what value it creates");
}

#[test]
fn r1_met_danish_headings_with_and_without_diacritics() {
    for heading in [
        "## Værdi",
        "## Vaerdi",
        "## VÆRDI FOR KOMMUNEN",
        "## Gevinster",
        "## Benefits",
    ] {
        let r = baseline_files()
            .edit("README.md", "## Value", heading)
            .check();
        let f = verdict(&r, "R1", Verdict::Met);
        evidence_at(f, "README.md", line_of(README, "## Value"));
    }
}

#[test]
fn r1_met_in_docs() {
    let r = baseline_files()
        .edit("README.md", "## Value", "## Savings")
        .set(
            "docs/benefits.md",
            "# Benefits\n\nEach municipality saves two hours of staff time every week per booking desk.\n",
        )
        .check();
    evidence_at(verdict(&r, "R1", Verdict::Met), "docs/benefits.md", 1);
}

#[test]
fn r1_not_met_value_only_in_a_code_block() {
    let r = baseline_files()
        .edit("README.md", "## Value\n", "```markdown\n## Value\n")
        .edit(
            "README.md",
            "rooms and equipment.\n\n## Who",
            "rooms and equipment.\n```\n\n## Who",
        )
        .check();
    verdict(&r, "R1", Verdict::NotMet);
}

#[test]
fn r1_not_met_value_only_in_vendored_folders() {
    let text = "# Value\n\nThis library saves every user a lot of time and money each week.\n";
    let r = baseline_files()
        .edit("README.md", "## Value", "## Savings")
        .set("vendor/lib/README.md", text)
        .set("node_modules/pkg/docs/value.md", text)
        .set("docs/third_party/value.md", text)
        .check();
    verdict(&r, "R1", Verdict::NotMet);
}

#[test]
fn r3_target_group_met_and_declared_fallback() {
    let r = baseline_files()
        .edit("README.md", "## Who is it for", "## Målgruppe")
        .check();
    evidence_at(
        verdict(&r, "R3", Verdict::Met),
        "README.md",
        line_of(README, "## Who is it for"),
    );

    let without = baseline_files().edit("README.md", "## Who is it for", "## Scale");
    verdict(&without.check(), "R3", Verdict::Unknown);
    let declared = without.clone().set(REPORT, &full_report(&[])).check();
    says(verdict(&declared, "R3", Verdict::Declared), "Declared ✅");
    let explained = without
        .set(
            REPORT,
            &full_report(&[("R3", "❌", "Kun relevant for Aarhus indtil videre")]),
        )
        .check();
    says(
        verdict(&explained, "R3", Verdict::Explained),
        "Kun relevant for Aarhus",
    );
}

// One met and one not-met case, named by the id (see main.rs).

#[test]
fn r2_met_declared_in_the_report() {
    let r = bare()
        .set(
            REPORT,
            &governance_report("", &[("R2", "✅", "Behandlet på mødet 2026-03-01")]),
        )
        .check();
    says(verdict(&r, "R2", Verdict::Declared), "Behandlet på mødet");
}

#[test]
fn r2_not_met_undeclared() {
    says(
        verdict(&bare().check(), "R2", Verdict::Unknown),
        "Not declared",
    );
}

#[test]
fn r3_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "R3", Verdict::Met),
        "The target group is described under \"Who is it for\"",
    );
}

#[test]
fn r3_not_met_declared_cross_without_evidence() {
    says(
        verdict(&declared_cross("R3"), "R3", Verdict::NotMet),
        "Declared ❌",
    );
}

#[test]
fn r4_met_declared_in_the_report() {
    let r = bare()
        .set(
            REPORT,
            &governance_report("", &[("R4", "✅", "Behandlet på mødet 2026-03-01")]),
        )
        .check();
    says(verdict(&r, "R4", Verdict::Declared), "Behandlet på mødet");
}

#[test]
fn r4_not_met_undeclared() {
    says(
        verdict(&bare().check(), "R4", Verdict::Unknown),
        "Not declared",
    );
}
