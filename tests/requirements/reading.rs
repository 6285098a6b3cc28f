//! Evidence read the way people write it (issue 11 §3): inflections and spellings, documents that
//! are not Markdown, headings whose text says the opposite, words of another requirement, badges
//! in titles, and community files that still hold a placeholder. Every fixture is written here,
//! in Danish and in English.

use super::*;

fn danish() -> Options {
    Options {
        lang: Some(Lang::Da),
        ..Options::default()
    }
}

// --- Inflections and spelling variants (P4) --------------------------------------------------

/// Decisions and roles, so that P4 turns on the path from contributor to maintainer alone.
const DECISIONS_DA: &str = "# Governance\n\n## Beslutninger\n\nKoordinationsgruppen beslutter prioriteterne på sine kvartalsmøder.\n\n## Roller\n\nTovholderen koordinerer arbejdet og kontakten til OS2's sekretariat.\n\n";
const DECISIONS_EN: &str = "# Governance\n\n## Decisions\n\nThe coordination group decides the priorities at its quarterly meetings.\n\n## Roles\n\nThe tovholder coordinates the work and the contact with the OS2 secretariat.\n\n";

#[test]
fn p4_met_path_to_maintainer_in_danish_spellings_and_inflections() {
    // "bidragsyder" (with s) and "vedligeholderne" (definite plural), and no verb from a list.
    let text = format!(
        "{DECISIONS_DA}## Nye vedligeholdere\n\nVejen går fra bidragsyder til vedligeholder: efter tre godkendte pull requests foreslår en af vedligeholderne dig for koordinationsgruppen.\n"
    );
    let r = baseline_files().set("GOVERNANCE.md", &text).check();
    evidence_file(verdict(&r, "P4", Verdict::Met), "GOVERNANCE.md");
    // The other spelling, plural: "Fra bidragydere til vedligeholdere".
    let text = format!(
        "{DECISIONS_DA}## Fra bidragydere til vedligeholdere\n\nEfter tre godkendte pull requests foreslår en af de nuværende dig for koordinationsgruppen.\n"
    );
    let r = baseline_files().set("GOVERNANCE.md", &text).check();
    verdict(&r, "P4", Verdict::Met);
}

#[test]
fn p4_met_path_to_maintainer_in_english_inflections() {
    // "becoming", not "become".
    let text = format!(
        "{DECISIONS_EN}## Maintainers\n\nContributors who keep sending good pull requests end up becoming maintainers.\n"
    );
    let r = baseline_files().set("GOVERNANCE.md", &text).check();
    verdict(&r, "P4", Verdict::Met);
}

#[test]
fn p4_not_met_when_maintenance_is_not_maintainers() {
    // "Vedligeholdelse" (maintenance) shares its Snowball stem with "vedligeholder", and
    // "maintenance" starts like "maintain": neither is a path to becoming a maintainer.
    for text in [
        format!("{DECISIONS_DA}## Vedligeholdelse\n\nBidragydere kan blive en del af vedligeholdelsen af koden.\n"),
        format!("{DECISIONS_EN}## Maintenance\n\nContributors can become part of the maintenance of the code.\n"),
    ] {
        let r = baseline_files().set("GOVERNANCE.md", &text).check();
        says(
            verdict(&r, "P4", Verdict::NotMet),
            "how contributors become maintainers",
        );
    }
}

// --- Documents that are not Markdown (F15, F17, F20, P10) ------------------------------------

/// The start of a Word document (a zip archive): the engine reads only its name.
fn docx() -> Vec<u8> {
    let mut bytes = b"PK\x03\x04\x14\x00\x06\x00".to_vec();
    bytes.extend([0u8, 0xff, 0xfe, 0x00, 0x01].repeat(40));
    bytes
}

/// The baseline without its Loop links: user documentation must come from the repository.
fn without_loop() -> Repo {
    baseline_files()
        .edit(
            "README.md",
            "- Guides and questions: [OS2test on Loop](https://faq.os2.eu/os2test)\n",
            "",
        )
        .edit(
            "README.md",
            "- Adoption: [implementation guide](https://faq.os2.eu/os2test/implementation)\n",
            "",
        )
}

#[test]
fn f20_met_user_manual_kept_as_word_or_pdf() {
    for path in ["docs/Brugermanual.docx", "doc/OS2test User Manual.pdf"] {
        let r = without_loop().bytes(path, docx()).check();
        let f20 = verdict(&r, "F20", Verdict::Met);
        evidence_file(f20, path);
        says(f20, path);
        // P10: the guides are where they belong, and the manual is cited.
        evidence_file(verdict(&r, "P10", Verdict::Met), path);
    }
}

#[test]
fn f20_not_met_office_document_of_another_kind() {
    let r = without_loop()
        .bytes("docs/Referat 2026-10-14.docx", docx())
        .check();
    verdict(&r, "F20", Verdict::NotMet);
    verdict(&r, "P10", Verdict::NotMet);
}

#[test]
fn f17_met_operations_guide_kept_as_word_or_odt() {
    for path in ["docs/OS2test - Drift.docx", "docs/Operations guide.odt"] {
        let r = baseline_files()
            .remove("docs/operations.md")
            .bytes(path, docx())
            .check();
        let f17 = verdict(&r, "F17", Verdict::Met);
        evidence_file(f17, path);
        says(f17, path);
    }
}

#[test]
fn f17_not_met_markdown_named_operations_without_substance() {
    // A Markdown file is read, so its text decides, not its name.
    let r = baseline_files()
        .set("docs/drift.md", "# Drift\n\nKører i Docker.\n")
        .remove("docs/operations.md")
        .check();
    verdict(&r, "F17", Verdict::Unknown);
}

#[test]
fn f15_met_implementation_guide_kept_as_pdf() {
    for path in [
        "docs/Implementeringsvejledning.pdf",
        "docs/Implementation guide.docx",
    ] {
        let r = without_loop().bytes(path, docx()).check();
        let f15 = verdict(&r, "F15", Verdict::Met);
        evidence_file(f15, path);
        says(f15, path);
    }
}

#[test]
fn f15_not_met_without_an_implementation_guide() {
    let r = without_loop()
        .bytes("docs/Brugermanual.docx", docx())
        .check();
    verdict(&r, "F15", Verdict::Unknown);
}

// --- Headings that say the opposite (F16, F17, R3) -------------------------------------------

#[test]
fn f16_not_met_coding_style_section_that_says_there_is_none() {
    for (heading, text) in [
        (
            "## Code style",
            "There is no enforced coding style at this time.",
        ),
        ("## Kodestil", "Ingen fælles kodestil endnu."),
        ("## Kodestandard", "Ikke relevant."),
        ("## Coding standards", "TBD"),
        ("## Konventioner", "Kommer senere."),
    ] {
        let r = baseline_files()
            .remove(".editorconfig")
            .edit(
                "CONTRIBUTING.md",
                "## Code style\n\nPython code is formatted with black and checked with ruff; TypeScript follows Prettier.\n",
                &format!("{heading}\n\n{text}\n"),
            )
            .check();
        verdict(&r, "F16", Verdict::NotMet);
    }
}

#[test]
fn f16_met_coding_style_section_that_opens_with_no() {
    // "No tabs" is an answer, not a denial.
    for text in [
        "No tabs: Python code is formatted with black and checked with ruff in CI.",
        "Ingen tabulatorer: Python-koden formateres med black og tjekkes med ruff.",
    ] {
        let r = baseline_files()
            .remove(".editorconfig")
            .edit(
                "CONTRIBUTING.md",
                "Python code is formatted with black and checked with ruff; TypeScript follows Prettier.",
                text,
            )
            .check();
        evidence_file(verdict(&r, "F16", Verdict::Met), "CONTRIBUTING.md");
    }
}

#[test]
fn r3_not_met_target_group_not_written_yet_is_unknown() {
    for text in [
        "Målgruppen er endnu ikke beskrevet, den kommer senere.",
        "To be decided by the coordination group at a later meeting.",
    ] {
        let r = baseline_files()
            .edit(
                "README.md",
                "Every municipality and region that books rooms, equipment or vehicles for employees or citizens can use OS2test.",
                text,
            )
            .check();
        verdict(&r, "R3", Verdict::Unknown);
    }
}

// --- Words of another requirement (F17) -------------------------------------------------------

const MAINTAINERS_DA: &str = "# Vedligeholdere\n\nProjektet vedligeholdes af to udviklere fra Aarhus Kommune og Magenta, som gennemgår pull requests, svarer på issues og udgiver nye versioner, når koordinationsgruppen har prioriteret ændringerne i backloggen. Kontakt dem via GitHub eller på e-mail.\n";

#[test]
fn f17_not_met_list_of_maintainers() {
    let r = baseline_files()
        .remove("docs/operations.md")
        .set("MAINTAINERS.md", MAINTAINERS_DA)
        .check();
    verdict(&r, "F17", Verdict::Unknown);
    let english = MAINTAINERS_DA.replace("# Vedligeholdere", "# Maintainers");
    let r = baseline_files()
        .remove("docs/operations.md")
        .set("MAINTAINERS.md", &english)
        .check();
    verdict(&r, "F17", Verdict::Unknown);
}

#[test]
fn f17_met_maintenance_section_in_danish_and_english() {
    let body = "Hver kommune drifter selv løsningen i sit eget Kubernetes-cluster eller hos en hostingpartner. Leverandøren vedligeholder koden, overvåger med Prometheus, opdaterer afhængigheder hver måned og tager backup af databasen hver nat, og en gendannelse øves to gange om året.\n";
    for heading in ["# Vedligeholdelse", "# Maintenance"] {
        let r = baseline_files()
            .set("docs/operations.md", &format!("{heading}\n\n{body}"))
            .check();
        evidence_at(verdict(&r, "F17", Verdict::Met), "docs/operations.md", 1);
    }
}

// --- Badges in titles ---------------------------------------------------------------------------

const BADGES: &str = " [![Build Status](https://ci.example.dk/os2test.svg)](https://ci.example.dk/os2test) [![Licens](https://img.example.dk/mpl.svg)](LICENSE)";

#[test]
fn badges_are_left_out_of_the_product_name() {
    let repo = baseline_files().edit("README.md", "# OS2test\n", &format!("# OS2test{BADGES}\n"));
    let fixture = repo.build();
    let snapshot = open_snapshot(fixture.path(), None, NOW).expect("snapshot");
    let report = check(&snapshot, &danish()).expect("check");
    let facts = os2gov::fix::Facts::from(&snapshot, &report, "folder");
    assert_eq!(facts.product, "OS2test");
    // The governance report `os2gov report` would create is named after the product.
    let plan = os2gov::app::report::plan_report(
        fixture.path(),
        &danish(),
        os2gov::app::report::ReportRequest::default(),
        NOW,
    )
    .expect("plan");
    assert_eq!(plan.relative, "OS2test_governance_report.md");
    assert!(
        plan.files
            .iter()
            .all(|(_, text)| !text.contains("Build Status")),
        "a badge's label came into the report"
    );
}

// --- Placeholders left by `os2gov fix` (F4, P4, P13) -------------------------------------------

const SECURITY_SCAFFOLD: &str = "# Sikkerhedspolitik\n\nRapportér sårbarheder fortroligt til\nTODO(os2gov): skriv en e-mailadresse til sikkerhedshenvendelser.\n";

#[test]
fn f4_not_met_security_file_still_holds_a_placeholder() {
    let repo = baseline_files().set("SECURITY.md", SECURITY_SCAFFOLD);
    let r = repo.check_with(danish());
    let f4 = verdict(&r, "F4", Verdict::NotMet);
    evidence_at(f4, "SECURITY.md", 4);
    says(
        f4,
        "SECURITY.md findes, men linje 4 er endnu ikke udfyldt (pladsholder).",
    );
    assert!(!f4.message.contains("Ingen SECURITY.md"), "{}", f4.message);
    let r = repo.check();
    let f4 = verdict(&r, "F4", Verdict::NotMet);
    says(
        f4,
        "SECURITY.md exists, but line 4 is not filled in yet (placeholder).",
    );
    assert!(!f4.message.contains("No SECURITY.md"), "{}", f4.message);
}

#[test]
fn p13_not_met_contributing_still_holds_a_placeholder() {
    let scaffold = "# Contributing to OS2test\n\n## How contributions are reviewed\n\nTODO(os2gov): describe the review.\n";
    let repo = baseline_files().set("CONTRIBUTING.md", scaffold);
    let r = repo.check();
    let p13 = verdict(&r, "P13", Verdict::NotMet);
    says(
        p13,
        "CONTRIBUTING.md exists, but line 5 is not filled in yet (placeholder).",
    );
    evidence_at(p13, "CONTRIBUTING.md", 5);
    let r = repo.check_with(danish());
    says(
        verdict(&r, "P13", Verdict::NotMet),
        "CONTRIBUTING.md findes, men linje 5 er endnu ikke udfyldt (pladsholder).",
    );
}

#[test]
fn p4_not_met_governance_still_holds_a_placeholder() {
    let scaffold =
        "# Governance\n\n## Beslutninger\n\nTODO(os2gov): beskriv, hvem der beslutter hvad.\n";
    let r = baseline_files()
        .set("GOVERNANCE.md", scaffold)
        .check_with(danish());
    says(
        verdict(&r, "P4", Verdict::NotMet),
        "GOVERNANCE.md findes, men linje 5 er endnu ikke udfyldt (pladsholder).",
    );
}
