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
