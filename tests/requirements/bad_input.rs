//! Bad input: unreadable, huge, binary or odd files, and files that were not read.

use super::*;

#[test]
fn invalid_utf8_readme_is_read_lossily_with_a_note() {
    let mut bytes = README.as_bytes().to_vec();
    // "Caf\xe9" in Latin-1 inside the value section.
    let at = README.find("Each municipality").expect("value text");
    bytes.splice(at..at, b"Caf\xe9 owners: ".iter().copied());
    let r = baseline_files().bytes("README.md", bytes).check();
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("README.md is not valid UTF-8")),
        "{:?}",
        r.notes
    );
    verdict(&r, "R1", Verdict::Met);
    verdict(&r, "F5", Verdict::Met);
}

#[test]
fn binary_licence_is_not_met() {
    let mut bytes = LICENSE.as_bytes().to_vec();
    bytes.insert(10, 0);
    let r = baseline_files().bytes("LICENSE", bytes).check();
    let f2 = verdict(&r, "F2", Verdict::NotMet);
    says(f2, "binary");
    evidence_file(f2, "LICENSE");
}

#[test]
fn licence_symlink_out_of_the_repository_is_not_followed() {
    let r = baseline_files()
        .remove("LICENSE")
        .link("LICENSE", "../../etc/passwd")
        .check();
    let f2 = verdict(&r, "F2", Verdict::NotMet);
    says(f2, "not followed");
    says(f2, "../../etc/passwd");
    // A broken symlink is unreadable too.
    let r = baseline_files()
        .remove("LICENSE")
        .link("LICENSE", "LICENSES/missing.txt")
        .check();
    says(verdict(&r, "F2", Verdict::NotMet), "cannot be read");
}

#[test]
fn huge_readme_is_not_parsed() {
    let mut big = README.to_string();
    while big.len() <= 2 * 1024 * 1024 {
        big.push_str("Filler text that makes the README far too large to parse. ");
    }
    let r = baseline_files().set("README.md", &big).check();
    let f5 = verdict(&r, "F5", Verdict::NotMet);
    says(f5, "too large");
    verdict(&r, "R1", Verdict::NotMet);
    says(verdict(&r, "F7", Verdict::NotMet), "README.md is too large");
    evidence_file(f5, "README.md");
}

#[test]
fn garbage_governance_report_is_noted_not_fatal() {
    let r = baseline_files()
        .bytes(
            REPORT,
            b"\xff\xfe garbage | | |\n| a | b |\n|---|---|\n| c | d |\n".to_vec(),
        )
        .check();
    verdict(&r, "P11", Verdict::NotMet);
    verdict(&r, "F3", Verdict::Unknown);
    assert!(r.notes.iter().any(|n| n.contains(REPORT)), "{:?}", r.notes);
}

#[test]
fn links_in_code_blocks_do_not_count() {
    let r = baseline_files()
        .remove("GOVERNANCE.md")
        .edit(
            "README.md",
            "- Product page: [OS2test on os2.eu](https://os2.eu/produkt/os2test)\n",
            "",
        )
        .edit(
            "README.md",
            "curl -X POST https://booking.example.dk/api/bookings -d room=42\n",
            "curl https://os2.eu/produkt/os2test\n# [page](https://os2.eu/produkt/os2test)\n",
        )
        .check();
    verdict(&r, "F10", Verdict::NotMet);
    verdict(&r, "G1", Verdict::Unknown);
}

#[test]
fn rst_readme_is_parsed() {
    let rst = "OS2test\n=======\n\nAbout\n-----\n\nOS2test is a booking system for the rooms and cars of municipalities.\n\nPurpose\n-------\n\nMunicipalities need one shared booking tool instead of many spreadsheets.\n\nValue\n-----\n\nEach municipality saves licence costs and staff time every single week.\n\nContact\n-------\n\nJens Hansen, jens.hansen@aarhus.dk\n";
    let r = baseline_files()
        .remove("README.md")
        .set("README.rst", rst)
        .check();
    let f5 = verdict(&r, "F5", Verdict::Met);
    for line in [4, 9, 14, 19] {
        evidence_at(f5, "README.rst", line);
    }
    evidence_at(verdict(&r, "R1", Verdict::Met), "README.rst", 14);
}

#[test]
fn every_root_readme_is_searched() {
    // The Danish README carries the value section; the English one the rest.
    let r = baseline_files()
        .edit("README.md", "## Value", "## Savings")
        .set(
            "README.da.md",
            "# OS2test\n\n## Værdi\n\nHver kommune sparer licensudgifter og medarbejdertid hver eneste uge.\n",
        )
        .check();
    evidence_at(verdict(&r, "R1", Verdict::Met), "README.da.md", 3);
    // A README in a subfolder is not the product's README.
    let r = baseline_files()
        .edit("README.md", "## Value", "## Savings")
        .set(
            "backend/README.md",
            "# Backend\n\n## Value\n\nHver kommune sparer licensudgifter og medarbejdertid hver eneste uge.\n",
        )
        .check();
    verdict(&r, "R1", Verdict::NotMet);
}

#[test]
fn governance_report_names_and_places() {
    for path in [
        "docs/OS2test_governancerapport.md",
        "OS2test-Governance-Report.md",
        "doc/governance_report.md",
    ] {
        let r = baseline_files().set(path, &full_report(&[])).check();
        evidence_file(verdict(&r, "P11", Verdict::Met), path);
        verdict(&r, "F3", Verdict::Declared);
    }
}

#[test]
fn navigation_links_are_no_mission_statement() {
    // The template's navigation line right under the title is not a description of the product.
    let r = baseline_files()
        .edit(
            "README.md",
            "OS2test lets municipalities book meeting rooms, equipment and cars in one shared web application.\n",
            "",
        )
        .check();
    says(
        verdict(&r, "F7", Verdict::NotMet),
        "mission statement under the title",
    );
    // F5's "what" is still answered by the About section.
    verdict(&r, "F5", Verdict::Met);
    let r = baseline_files()
        .edit(
            "README.md",
            "OS2test lets municipalities book meeting rooms, equipment and cars in one shared web application.\n",
            "",
        )
        .edit("README.md", "## About", "## Background")
        .check();
    says(verdict(&r, "F5", Verdict::NotMet), "what the product is");
}

#[test]
fn danish_headings_for_target_group_and_security() {
    for heading in [
        "## Målgruppe",
        "## Maalgruppe",
        "## Hvem kan bruge OS2test?",
    ] {
        let r = baseline_files()
            .edit("README.md", "## Who is it for", heading)
            .check();
        verdict(&r, "R3", Verdict::Met);
    }
    let r = baseline_files()
        .remove("SECURITY.md")
        .edit(
            "README.md",
            "## Contact",
            "## Sårbarheder\n\nRapportér sårbarheder fortroligt til sikkerhed@os2test.dk.\n\n## Contact",
        )
        .check();
    evidence_file(verdict(&r, "F4", Verdict::Met), "README.md");
}

#[test]
fn mentions_point_at_their_own_line() {
    let r = baseline_files().check();
    let f18 = verdict(&r, "F18", Verdict::Met);
    evidence_at(
        f18,
        "docs/architecture.md",
        line_of(
            ARCHITECTURE,
            "OS2test follows the fællesoffentlige rammearkitektur",
        ),
    );
    let g10 = verdict(&r, "G10", Verdict::Met);
    evidence_at(
        g10,
        "GOVERNANCE.md",
        line_of(
            GOVERNANCE,
            "The participating municipalities sign the tilslutningsaftale",
        ),
    );
}

#[test]
fn safety_and_unsafe_are_no_project_model() {
    let r = baseline_files()
        .remove("GOVERNANCE.md")
        .set(
            "docs/safety.md",
            "# Safety\n\nThe booking engine never double-books a room, even when two requests arrive together.\n\nSee the [unsafe code guidelines](https://doc.rust-lang.org/nomicon/) for the parser.\n",
        )
        .check();
    verdict(&r, "G8", Verdict::Unknown);
    let r = baseline_files()
        .remove("GOVERNANCE.md")
        .set(
            "docs/process.md",
            "# Process\n\n## SAFe\n\nWe plan in program increments of ten weeks with all the suppliers together.\n",
        )
        .check();
    verdict(&r, "G8", Verdict::Met);
}

#[test]
fn community_files_that_were_not_read_never_count() {
    // A name alone proves nothing: a symlink out of the repository, a loop or a dangling link
    // makes F4, P1, P2 and P4 not met, and the finding names the file and why.
    let r = baseline_files()
        .remove("SECURITY.md")
        .link("SECURITY.md", "/etc/shadow")
        .remove("CONTRIBUTING.md")
        .link("CONTRIBUTING.md", "/proc/self/environ")
        .remove("CODE_OF_CONDUCT.md")
        .link("CODE_OF_CONDUCT.md", "CODE_OF_CONDUCT.md")
        .remove("GOVERNANCE.md")
        .link("GOVERNANCE.md", "docs/missing.md")
        .check();
    let f4 = verdict(&r, "F4", Verdict::NotMet);
    says(
        f4,
        "SECURITY.md is a symlink out of the repository (/etc/shadow)",
    );
    evidence_file(f4, "SECURITY.md");
    says(
        verdict(&r, "P2", Verdict::NotMet),
        "CONTRIBUTING.md is a symlink out of the repository (/proc/self/environ)",
    );
    says(
        verdict(&r, "P1", Verdict::NotMet),
        "CODE_OF_CONDUCT.md is unreadable",
    );
    says(
        verdict(&r, "P4", Verdict::NotMet),
        "GOVERNANCE.md is unreadable",
    );
}

#[test]
fn templates_that_were_not_read_never_count() {
    let r = baseline_files()
        .remove(".github/ISSUE_TEMPLATE/bug_report.md")
        .link(".github/ISSUE_TEMPLATE/bug_report.md", "/etc/passwd")
        .remove(".github/PULL_REQUEST_TEMPLATE.md")
        .link(".github/PULL_REQUEST_TEMPLATE.md", "/dev/zero")
        .check();
    verdict(&r, "P3", Verdict::NotMet);
}
