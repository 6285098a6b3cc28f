//! Governance: G1–G14.

use super::*;

#[test]
fn g3_contact_person_sources() {
    let no_readme_contact = baseline_files().edit(
        "README.md",
        "Jens Hansen, product owner (tovholder): jens.hansen@aarhus.dk",
        "See MAINTAINERS.md.",
    );
    let r = no_readme_contact.check();
    evidence_file(verdict(&r, "G3", Verdict::Met), "MAINTAINERS.md");
    let r = no_readme_contact
        .clone()
        .set("MAINTAINERS.md", "# Maintainers\n\n- @jenshansen\n")
        .check();
    let g3 = verdict(&r, "G3", Verdict::Met);
    evidence_file(g3, "publiccode.yml");
    says(g3, "Jens Hansen");
    let r = no_readme_contact
        .set("MAINTAINERS.md", "# Maintainers\n\n- @jenshansen\n")
        .edit(
            "publiccode.yml",
            "  contacts:\n    - name: Jens Hansen\n      email: jens.hansen@aarhus.dk\n",
            "",
        )
        .check();
    says(
        verdict(&r, "G3", Verdict::NotMet),
        "No named contact person",
    );
}

#[test]
fn g6_steering_group() {
    let r = baseline_files().remove("GOVERNANCE.md").check();
    verdict(&r, "G6", Verdict::Unknown);
    let r = baseline_files()
        .remove("GOVERNANCE.md")
        .set(
            "docs/organisation.md",
            "# Organisering\n\n## Styregruppe\n\nStyregruppen består af tre direktører fra de deltagende kommuner; den godkender budgettet og årshjulet og refererer til bestyrelsen.\n",
        )
        .check();
    evidence_at(verdict(&r, "G6", Verdict::Met), "docs/organisation.md", 3);
}

#[test]
fn g7_coordination_group_and_charter() {
    let r = baseline_files().check();
    let g7 = verdict(&r, "G7", Verdict::Met);
    evidence_at(
        g7,
        "GOVERNANCE.md",
        line_of(GOVERNANCE, "## Coordination group"),
    );
    assert!(g7.evidence.iter().any(|e| e
        .url
        .as_deref()
        .is_some_and(|u| u.ends_with("kommissorium"))));
    let r = baseline_files()
        .edit("GOVERNANCE.md", "Its mandate is set out in\nthe [kommissorium](https://os2.eu/produkt/os2test/kommissorium).", "")
        .check();
    says(verdict(&r, "G7", Verdict::Unknown), "charter");
}

#[test]
fn g8_g9_g10_g14_sections_and_links() {
    let r = baseline_files().check();
    for id in ["G8", "G9", "G10", "G14"] {
        verdict(&r, id, Verdict::Met);
    }
    let bare = baseline_files()
        .remove("GOVERNANCE.md")
        .edit(
            "README.md",
            "- Community: [OS2test user forum](https://os2.eu/netvaerk/os2test)\n",
            "",
        )
        .edit(
            "README.md",
            "- Guides and questions: [OS2test on Loop](https://faq.os2.eu/os2test)\n",
            "",
        )
        .edit(
            "README.md",
            "- Adoption: [implementation guide](https://faq.os2.eu/os2test/implementation)\n",
            "",
        );
    let r = bare.check();
    for id in ["G8", "G9", "G10", "G14"] {
        verdict(&r, id, Verdict::Unknown);
    }
    let r = bare
        .clone()
        .set(
            "docs/samarbejde.md",
            "# Samarbejde\n\n## Projektmodel\n\nVi arbejder i sprints på to uger med fælles backlog og demo for koordinationsgruppen.\n\n## Brugergruppe\n\nBrugergruppen mødes fire gange om året efter årshjulet på os2.eu og deler erfaringer.\n\nKommunerne har underskrevet tilslutningsaftalen for 2026.\n",
        )
        .check();
    evidence_at(verdict(&r, "G8", Verdict::Met), "docs/samarbejde.md", 3);
    evidence_at(verdict(&r, "G14", Verdict::Met), "docs/samarbejde.md", 7);
    evidence_file(verdict(&r, "G10", Verdict::Met), "docs/samarbejde.md");
    verdict(&r, "G9", Verdict::Unknown);
    // G14: a Loop link alone is a community.
    let r = bare
        .edit(
            "README.md",
            "## Contact",
            "Questions: <https://faq.os2.eu/os2test>\n\n## Contact",
        )
        .check();
    verdict(&r, "G14", Verdict::Met);
}

// One met and one not-met case, named by the id (see main.rs).

#[test]
fn g1_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "G1", Verdict::Met),
        "The os2.eu product page is linked",
    );
}

#[test]
fn g1_not_met_declared_cross_without_evidence() {
    says(
        verdict(&declared_cross("G1"), "G1", Verdict::NotMet),
        "Declared ❌",
    );
}

#[test]
fn g2_met_declared_in_the_report() {
    let r = bare()
        .set(
            REPORT,
            &governance_report("", &[("G2", "✅", "Behandlet på mødet 2026-03-01")]),
        )
        .check();
    says(verdict(&r, "G2", Verdict::Declared), "Behandlet på mødet");
}

#[test]
fn g2_not_met_undeclared() {
    says(
        verdict(&bare().check(), "G2", Verdict::Unknown),
        "Not declared",
    );
}

#[test]
fn g3_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "G3", Verdict::Met),
        "Contact person under \"Contact\"",
    );
}

#[test]
fn g3_not_met_on_a_bare_repository() {
    says(
        verdict(&bare().check(), "G3", Verdict::NotMet),
        "No named contact person with an e-mail in the",
    );
}

#[test]
fn g4_met_declared_in_the_report() {
    let r = bare()
        .set(
            REPORT,
            &governance_report("", &[("G4", "✅", "Behandlet på mødet 2026-03-01")]),
        )
        .check();
    says(verdict(&r, "G4", Verdict::Declared), "Behandlet på mødet");
}

#[test]
fn g4_not_met_undeclared() {
    says(
        verdict(&bare().check(), "G4", Verdict::Unknown),
        "Not declared",
    );
}

#[test]
fn g5_met_declared_in_the_report() {
    let r = bare()
        .set(
            REPORT,
            &governance_report("", &[("G5", "✅", "Behandlet på mødet 2026-03-01")]),
        )
        .check();
    says(verdict(&r, "G5", Verdict::Declared), "Behandlet på mødet");
}

#[test]
fn g5_not_met_undeclared() {
    says(
        verdict(&bare().check(), "G5", Verdict::Unknown),
        "Not declared",
    );
}

#[test]
fn g6_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "G6", Verdict::Met),
        "The steering group is described under \"Steering group (styregruppe)\"",
    );
}

#[test]
fn g6_not_met_declared_cross_without_evidence() {
    says(
        verdict(&declared_cross("G6"), "G6", Verdict::NotMet),
        "Declared ❌",
    );
}

#[test]
fn g7_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "G7", Verdict::Met),
        "The coordination group and its charter are de",
    );
}

#[test]
fn g7_not_met_declared_cross_without_evidence() {
    says(
        verdict(&declared_cross("G7"), "G7", Verdict::NotMet),
        "Declared ❌",
    );
}

#[test]
fn g8_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "G8", Verdict::Met),
        "The project model is described (\"Project model\")",
    );
}

#[test]
fn g8_not_met_declared_cross_without_evidence() {
    says(
        verdict(&declared_cross("G8"), "G8", Verdict::NotMet),
        "Declared ❌",
    );
}

#[test]
fn g9_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "G9", Verdict::Met),
        "Third-party review is described (\"Third-party review\")",
    );
}

#[test]
fn g9_not_met_declared_cross_without_evidence() {
    says(
        verdict(&declared_cross("G9"), "G9", Verdict::NotMet),
        "Declared ❌",
    );
}

#[test]
fn g10_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "G10", Verdict::Met),
        "The affiliation agreement is mentioned",
    );
}

#[test]
fn g10_not_met_declared_cross_without_evidence() {
    says(
        verdict(&declared_cross("G10"), "G10", Verdict::NotMet),
        "Declared ❌",
    );
}

#[test]
fn g11_met_declared_in_the_report() {
    let r = bare()
        .set(
            REPORT,
            &governance_report("", &[("G11", "✅", "Behandlet på mødet 2026-03-01")]),
        )
        .check();
    says(verdict(&r, "G11", Verdict::Declared), "Behandlet på mødet");
}

#[test]
fn g11_not_met_undeclared() {
    says(
        verdict(&bare().check(), "G11", Verdict::Unknown),
        "Not declared",
    );
}

#[test]
fn g12_met_declared_in_the_report() {
    let r = bare()
        .set(
            REPORT,
            &governance_report("", &[("G12", "✅", "Behandlet på mødet 2026-03-01")]),
        )
        .check();
    says(verdict(&r, "G12", Verdict::Declared), "Behandlet på mødet");
}

#[test]
fn g12_not_met_undeclared() {
    says(
        verdict(&bare().check(), "G12", Verdict::Unknown),
        "Not declared",
    );
}

#[test]
fn g13_met_declared_in_the_report() {
    let r = bare()
        .set(
            REPORT,
            &governance_report("", &[("G13", "✅", "Behandlet på mødet 2026-03-01")]),
        )
        .check();
    says(verdict(&r, "G13", Verdict::Declared), "Behandlet på mødet");
}

#[test]
fn g13_not_met_undeclared() {
    says(
        verdict(&bare().check(), "G13", Verdict::Unknown),
        "Not declared",
    );
}

#[test]
fn g14_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "G14", Verdict::Met),
        "Link to Loop (faq.os2.eu)",
    );
}

#[test]
fn g14_not_met_declared_cross_without_evidence() {
    says(
        verdict(&declared_cross("G14"), "G14", Verdict::NotMet),
        "Declared ❌",
    );
}
