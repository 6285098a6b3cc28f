//! Formkrav F1–F6: activity, licence, security policy, the README's four questions, owner.

use super::*;

#[test]
fn f1_offline_recent_is_unknown_and_old_is_not_met() {
    let r = baseline_files().check();
    says(verdict(&r, "F1", Verdict::Unknown), "offline");
    let old = baseline_files().days_ago(400).check();
    says(verdict(&old, "F1", Verdict::NotMet), "400 days old");
    // Just inside the 12 months.
    let recent = baseline_files().days_ago(360).check();
    verdict(&recent, "F1", Verdict::Unknown);
}

#[test]
fn f1_with_metadata() {
    let snapshot = baseline_files().snapshot();
    verdict(
        &check_snapshot(&with_metadata(snapshot.clone())),
        "F1",
        Verdict::Met,
    );
    let mut archived = with_metadata(snapshot.clone());
    if let Fetched::Got { value } = &mut archived.github {
        value.archived = true;
    }
    says(
        verdict(&check_snapshot(&archived), "F1", Verdict::NotMet),
        "archived",
    );
    let mut private = with_metadata(snapshot);
    if let Fetched::Got { value } = &mut private.github {
        value.private = true;
    }
    says(
        verdict(&check_snapshot(&private), "F1", Verdict::NotMet),
        "private",
    );
}

#[test]
fn f2_not_met_licence_missing_or_only_in_a_manifest() {
    let r = baseline_files().remove("LICENSE").check();
    says(verdict(&r, "F2", Verdict::NotMet), "No licence file");
    let manifest = baseline_files()
        .remove("LICENSE")
        .set(
            "package.json",
            "{\"name\": \"os2test\", \"license\": \"MPL-2.0\"}\n",
        )
        .check();
    let f2 = verdict(&manifest, "F2", Verdict::NotMet);
    says(f2, "package.json");
    says(f2, "MPL-2.0");
}

#[test]
fn f2_not_met_licence_in_a_subfolder() {
    let r = baseline_files()
        .remove("LICENSE")
        .set("backend/LICENSE", LICENSE)
        .set("vendor/lib/LICENSE", LICENSE)
        .check();
    verdict(&r, "F2", Verdict::NotMet);
}

#[test]
fn f2_met_symlink_inside_the_repository() {
    let r = baseline_files()
        .remove("LICENSE")
        .set("LICENSES/MPL-2.0.txt", LICENSE)
        .link("LICENSE", "LICENSES/MPL-2.0.txt")
        .check();
    let f2 = verdict(&r, "F2", Verdict::Met);
    evidence_at(f2, "LICENSE", 1);
    assert_eq!(
        f2.evidence[0].note.as_deref(),
        Some("symlink → LICENSES/MPL-2.0.txt")
    );
}

#[test]
fn f2_other_osi_licence_is_met_with_a_note_and_non_osi_is_not() {
    let mit = "MIT License\n\nCopyright (c) 2026 Aarhus Kommune\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software. The above copyright notice and this permission notice shall be included\nin all copies or substantial portions of the Software.\n";
    let r = baseline_files()
        .set("LICENSE", mit)
        .edit("publiccode.yml", "license: MPL-2.0", "license: MIT")
        .check();
    let f2 = verdict(&r, "F2", Verdict::Met);
    says(f2, "MIT");
    says(f2, "OS2's standard is MPL-2.0");

    let proprietary = baseline_files()
        .set(
            "LICENSE",
            "Copyright 2026 Aarhus Kommune. All rights reserved.\n",
        )
        .check();
    says(
        verdict(&proprietary, "F2", Verdict::NotMet),
        "not an OSI-approved licence",
    );
}

#[test]
fn f2_not_met_disagreeing_publiccode() {
    let r = baseline_files()
        .edit("publiccode.yml", "license: MPL-2.0", "license: EUPL-1.2")
        .check();
    let f2 = verdict(&r, "F2", Verdict::NotMet);
    says(f2, "EUPL-1.2");
    evidence_file(f2, "publiccode.yml");
}

#[test]
fn f4_security_file_anywhere_expected_in_any_case() {
    for path in ["security.md", ".github/SECURITY.md", "docs/Security.rst"] {
        let r = baseline_files()
            .remove("SECURITY.md")
            .set(path, SECURITY)
            .check();
        evidence_file(verdict(&r, "F4", Verdict::Met), path);
    }
    let nested = baseline_files()
        .remove("SECURITY.md")
        .set("backend/SECURITY.md", SECURITY)
        .check();
    verdict(&nested, "F4", Verdict::NotMet);
}

#[test]
fn f4_security_section_needs_a_contact() {
    let readme_with = |section: &str| {
        baseline_files().remove("SECURITY.md").edit(
            "README.md",
            "## Contact",
            &format!("{section}\n\n## Contact"),
        )
    };
    let r =
        readme_with("## Security\n\nReport vulnerabilities to security@os2test.dk in confidence.")
            .check();
    let f4 = verdict(&r, "F4", Verdict::Met);
    assert_eq!(f4.evidence[0].path.as_deref(), Some("README.md"));
    let r =
        readme_with("## Sikkerhed\n\nVi tager sikkerhed alvorligt og krypterer alle data.").check();
    let f4 = verdict(&r, "F4", Verdict::NotMet);
    says(f4, "gives no contact");
    assert_eq!(f4.evidence[0].path.as_deref(), Some("README.md"));
    let r = baseline_files().remove("SECURITY.md").check();
    says(verdict(&r, "F4", Verdict::NotMet), "No SECURITY.md");
}

#[test]
fn f5_not_met_lists_what_is_missing() {
    let r = baseline_files()
        .edit(
            "README.md",
            "Jens Hansen, product owner (tovholder): jens.hansen@aarhus.dk",
            "Write to us.",
        )
        .edit("README.md", "## Purpose", "## Background")
        .check();
    let f5 = verdict(&r, "F5", Verdict::NotMet);
    says(f5, "which needs it covers");
    says(f5, "who the contact person is");
    assert!(
        !f5.message.contains("what the product is"),
        "{}",
        f5.message
    );
    // The found answers are still evidence.
    evidence_at(f5, "README.md", line_of(README, "## About"));
}

#[test]
fn f5_met_danish_headings() {
    let readme = "# OS2test\n\n## Hvad er OS2test?\n\nOS2test er et bookingsystem til kommunernes mødelokaler, udstyr og biler.\n\n## Formål\n\nKommunerne har brug for ét fælles bookingværktøj i stedet for mange regneark.\n\n## Værdi\n\nHver kommune sparer licensudgifter og medarbejdertid, og borgerne får ét sted at booke.\n\n## Kontaktperson\n\nJens Hansen (jens.hansen@aarhus.dk), tovholder i Aarhus Kommune.\n";
    let r = Repo::empty().set("README.md", readme).check();
    let f5 = verdict(&r, "F5", Verdict::Met);
    for (heading, line) in [
        ("Hvad er", 3),
        ("Formål", 7),
        ("Værdi", 11),
        ("Kontakt", 15),
    ] {
        evidence_at(f5, "README.md", line);
        assert!(readme
            .lines()
            .nth(line as usize - 1)
            .is_some_and(|l| l.contains(heading)));
    }
    verdict(&r, "R1", Verdict::Met);
    verdict(&r, "G3", Verdict::Met);
}

#[test]
fn f5_what_from_the_first_paragraph_and_om_as_a_whole_word() {
    // No "About" heading: the first paragraph under the title answers "what".
    let r = baseline_files()
        .edit("README.md", "## About", "## Omkostninger")
        .edit(
            "README.md",
            "OS2test lets municipalities book meeting rooms, equipment and cars in one shared web application.\n",
            "",
        )
        .check();
    // "Omkostninger" (costs) starts with "om" but is not the heading "Om …" (About).
    let f5 = verdict(&r, "F5", Verdict::NotMet);
    says(f5, "what the product is");

    let r = baseline_files()
        .edit("README.md", "## About", "## Om OS2test")
        .check();
    verdict(&r, "F5", Verdict::Met);
    let r = baseline_files()
        .edit("README.md", "## About", "## Background")
        .check();
    verdict(&r, "F5", Verdict::Met);
}

#[test]
fn f5_not_met_contact_without_an_email() {
    let r = baseline_files()
        .edit(
            "README.md",
            "Jens Hansen, product owner (tovholder): jens.hansen@aarhus.dk",
            "Jens Hansen, product owner (tovholder), Aarhus Kommune",
        )
        .check();
    says(
        verdict(&r, "F5", Verdict::NotMet),
        "who the contact person is",
    );
}

#[test]
fn f5_and_g3_a_functional_mailbox_is_not_a_contact_person() {
    let r = baseline_files()
        .edit(
            "README.md",
            "Jens Hansen, product owner (tovholder): jens.hansen@aarhus.dk",
            "Contact: support@os2test.dk",
        )
        .set(
            "MAINTAINERS.md",
            "# Maintainers\n\nKontakt: info@os2test.dk\n",
        )
        .edit(
            "publiccode.yml",
            "  contacts:\n    - name: Jens Hansen\n      email: jens.hansen@aarhus.dk\n",
            "",
        )
        .check();
    says(
        verdict(&r, "F5", Verdict::NotMet),
        "who the contact person is",
    );
    says(
        verdict(&r, "G3", Verdict::NotMet),
        "No named contact person",
    );
}

#[test]
fn f5_not_met_no_readme() {
    let r = baseline_files().remove("README.md").check();
    says(verdict(&r, "F5", Verdict::NotMet), "No README");
    says(verdict(&r, "F7", Verdict::NotMet), "No README");
}

#[test]
fn f6_owner_from_the_origin_remote() {
    for (url, expected) in [
        ("https://github.com/OS2mo/x", Verdict::Met),
        ("git@github.com:OS2web/x.git", Verdict::Met),
        ("https://github.com/os2offdig/x.git", Verdict::Met),
        ("https://github.com/someone/x", Verdict::NotMet),
        ("https://gitlab.com/OS2mo/x", Verdict::Unknown),
    ] {
        let r = baseline_files().origin(Some(url)).check();
        verdict(&r, "F6", expected);
    }
    let r = baseline_files().origin(None).check();
    says(verdict(&r, "F6", Verdict::Unknown), "unknown");
    let r = baseline_files()
        .origin(Some("https://github.com/someone/x"))
        .check();
    says(finding(&r, "F6"), "someone is not one of OS2's");
}

#[test]
fn f6_met_config_adds_organisations() {
    let r = baseline_files()
        .origin(Some("https://github.com/AarhusKommune/os2test"))
        .set("os2gov.toml", "organisations = [\"AarhusKommune\"]\n")
        .check();
    verdict(&r, "F6", Verdict::Met);
}

// One met and one not-met case, named by the id (see main.rs).

#[test]
fn f3_met_declared_in_the_report() {
    let r = bare()
        .set(
            REPORT,
            &governance_report("", &[("F3", "✅", "Behandlet på mødet 2026-03-01")]),
        )
        .check();
    says(verdict(&r, "F3", Verdict::Declared), "Behandlet på mødet");
}

#[test]
fn f3_not_met_undeclared() {
    says(
        verdict(&bare().check(), "F3", Verdict::Unknown),
        "Not declared",
    );
}

#[test]
fn f4_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "F4", Verdict::Met),
        "Security policy in SECURITY.md",
    );
}

#[test]
fn f4_not_met_on_a_bare_repository() {
    says(
        verdict(&bare().check(), "F4", Verdict::NotMet),
        "No SECURITY.md and no security section with a contact",
    );
}

#[test]
fn f1_met_public_and_active_with_metadata() {
    let r = check_snapshot(&with_metadata(baseline_files().snapshot()));
    says(verdict(&r, "F1", Verdict::Met), "Public and active");
}

#[test]
fn f1_not_met_import_400_days_old() {
    let r = baseline_files().days_ago(400).check();
    says(verdict(&r, "F1", Verdict::NotMet), "400 days old");
}

#[test]
fn f6_not_met_owner_outside_os2() {
    let r = baseline_files()
        .origin(Some("https://github.com/someone/x"))
        .check();
    says(
        verdict(&r, "F6", Verdict::NotMet),
        "someone is not one of OS2's",
    );
}

#[test]
fn f2_reuse_licences_folder_alone() {
    let r = baseline_files()
        .remove("LICENSE")
        .set("LICENSES/MPL-2.0.txt", LICENSE)
        .check();
    evidence_at(verdict(&r, "F2", Verdict::Met), "LICENSES/MPL-2.0.txt", 1);
}

#[test]
fn f4_a_url_or_email_is_a_contact_but_https_in_prose_is_not() {
    let with = |section: &str| {
        baseline_files()
            .remove("SECURITY.md")
            .edit(
                "README.md",
                "## Contact",
                &format!("{section}\n\n## Contact"),
            )
            .check()
    };
    let r = with("## Security\n\nAll traffic uses HTTPS and passwords are hashed with Argon2.");
    verdict(&r, "F4", Verdict::NotMet);
    let r = with(
        "## Security\n\nReport vulnerabilities through [our form](https://os2test.dk/security).",
    );
    verdict(&r, "F4", Verdict::Met);
    let r = with("## Security\n\nReport vulnerabilities at https://os2test.dk/security please.");
    verdict(&r, "F4", Verdict::Met);
}
