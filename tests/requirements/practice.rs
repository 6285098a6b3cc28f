//! God praksis: P1–P13.

use super::*;

#[test]
fn p1_code_of_conduct() {
    let r = baseline_files().remove("CODE_OF_CONDUCT.md").check();
    says(verdict(&r, "P1", Verdict::NotMet), "No CODE_OF_CONDUCT.md");
    let r = baseline_files()
        .remove("CODE_OF_CONDUCT.md")
        .set(".github/code_of_conduct.md", "# Code of conduct\n")
        .check();
    evidence_file(
        verdict(&r, "P1", Verdict::Met),
        ".github/code_of_conduct.md",
    );
    let r = baseline_files()
        .remove("CODE_OF_CONDUCT.md")
        .edit(
            "CONTRIBUTING.md",
            "## Code style",
            "We follow [OS2's code of conduct](https://os2.eu/side/code-conduct).\n\n## Code style",
        )
        .check();
    let p1 = verdict(&r, "P1", Verdict::Met);
    evidence_at(
        p1,
        "CONTRIBUTING.md",
        line_of(CONTRIBUTING, "## Code style"),
    );
}

#[test]
fn p2_contributing_file_or_section() {
    let r = baseline_files()
        .remove("CONTRIBUTING.md")
        .set(
            "docs/contributing.rst",
            "Contributing\n============\n\nOpen a pull request.\n",
        )
        .check();
    evidence_file(verdict(&r, "P2", Verdict::Met), "docs/contributing.rst");
    let r = baseline_files().remove("CONTRIBUTING.md").check();
    verdict(&r, "P2", Verdict::NotMet);
    verdict(&r, "P13", Verdict::NotMet);
    says(verdict(&r, "F7", Verdict::NotMet), "CONTRIBUTING");
    let r = baseline_files()
        .remove("CONTRIBUTING.md")
        .edit(
            "README.md",
            "## Contact",
            "## Contributing\n\nWe welcome bug reports, features and documentation. Open an issue first, then a pull request against main; a maintainer reviews it within five business days and merges it when the tests pass and the change fits the roadmap.\n\n## Contact",
        )
        .check();
    evidence_file(verdict(&r, "P2", Verdict::Met), "README.md");
}

#[test]
fn p3_issue_or_pull_request_templates() {
    let r = baseline_files()
        .remove(".github/PULL_REQUEST_TEMPLATE.md")
        .check();
    says(
        verdict(&r, "P3", Verdict::Met),
        "pull-request template is recommended",
    );
    let r = baseline_files()
        .remove(".github/PULL_REQUEST_TEMPLATE.md")
        .remove(".github/ISSUE_TEMPLATE/bug_report.md")
        .check();
    verdict(&r, "P3", Verdict::NotMet);
    // The chooser config alone is no template.
    let r = baseline_files()
        .remove(".github/PULL_REQUEST_TEMPLATE.md")
        .remove(".github/ISSUE_TEMPLATE/bug_report.md")
        .set(
            ".github/ISSUE_TEMPLATE/config.yml",
            "blank_issues_enabled: false\n",
        )
        .check();
    verdict(&r, "P3", Verdict::NotMet);
}

#[test]
fn p4_governance_description() {
    let r = baseline_files().check();
    evidence_file(verdict(&r, "P4", Verdict::Met), "GOVERNANCE.md");
    let r = baseline_files()
        .set(
            "GOVERNANCE.md",
            "# Governance\n\nThe coordination group decides priorities. The tovholder coordinates.\n",
        )
        .check();
    let p4 = verdict(&r, "P4", Verdict::NotMet);
    says(p4, "how contributors become maintainers");
    assert!(!p4.message.contains("decision process"), "{}", p4.message);
    let r = baseline_files().remove("GOVERNANCE.md").check();
    says(verdict(&r, "P4", Verdict::NotMet), "No GOVERNANCE.md");
}

#[test]
fn p5_meeting_minutes_and_their_age() {
    let r = baseline_files().check();
    let p5 = verdict(&r, "P5", Verdict::Met);
    evidence_at(
        p5,
        "GOVERNANCE.md",
        line_of(GOVERNANCE, "[Minutes 2026-10-14]"),
    );
    let r = baseline_files()
        .edit("GOVERNANCE.md", "2026-10-14", "2025-09-30")
        .check();
    says(
        verdict(&r, "P5", Verdict::NotMet),
        "2025-09 (14 months ago)",
    );
    let r = baseline_files()
        .edit(
            "GOVERNANCE.md",
            "[Minutes 2026-10-14](https://os2.eu/produkt/os2test/referat-2026-10-14)",
            "[Minutes](https://os2.eu/produkt/os2test/referater)",
        )
        .check();
    verdict(&r, "P5", Verdict::Unknown);
    let r = baseline_files()
        .edit(
            "GOVERNANCE.md",
            "[Minutes 2026-10-14](https://os2.eu/produkt/os2test/referat-2026-10-14)",
            "on the product page",
        )
        .set(
            "docs/referater/2026-11-02-koordinationsgruppe.md",
            "# Referat\n",
        )
        .check();
    evidence_file(
        verdict(&r, "P5", Verdict::Met),
        "docs/referater/2026-11-02-koordinationsgruppe.md",
    );
    let r = baseline_files()
        .edit(
            "GOVERNANCE.md",
            "[Minutes 2026-10-14](https://os2.eu/produkt/os2test/referat-2026-10-14)",
            "on the product page",
        )
        .edit(
            "GOVERNANCE.md",
            "## Meetings\n\nThe coordination group's minutes are published",
            "## Publication\n\nThe coordination group's notes are published",
        )
        .check();
    says(verdict(&r, "P5", Verdict::NotMet), "No meeting minutes");
    // A "Meetings" section without a date: found, but its age cannot be told.
    let r = baseline_files()
        .edit(
            "GOVERNANCE.md",
            "[Minutes 2026-10-14](https://os2.eu/produkt/os2test/referat-2026-10-14)",
            "on the product page",
        )
        .check();
    says(
        verdict(&r, "P5", Verdict::Unknown),
        "date could not be read",
    );
}

#[test]
fn p6_roadmap() {
    evidence_file(
        verdict(&baseline_files().check(), "P6", Verdict::Met),
        "ROADMAP.md",
    );
    let r = baseline_files()
        .remove("ROADMAP.md")
        .edit(
            "VISION.md",
            "the roadmap is decided together",
            "priorities are decided together",
        )
        .check();
    verdict(&r, "P6", Verdict::NotMet);
    let r = baseline_files()
        .remove("ROADMAP.md")
        .edit(
            "README.md",
            "## Contact",
            "See the [roadmap](https://os2.eu/produkt/os2test/roadmap).\n\n## Contact",
        )
        .check();
    verdict(&r, "P6", Verdict::Met);
}

#[test]
fn p7_two_maintainers() {
    evidence_file(
        verdict(&baseline_files().check(), "P7", Verdict::Met),
        "MAINTAINERS.md",
    );
    // One person with both a GitHub handle and an e-mail is still one maintainer.
    let one = "# Maintainers\n\n| Name | GitHub | Contact |\n|---|---|---|\n| Jens Hansen | @jenshansen | jens.hansen@aarhus.dk |\n";
    let r = baseline_files().set("MAINTAINERS.md", one).check();
    let p7 = verdict(&r, "P7", Verdict::NotMet);
    says(p7, "Only one maintainer/contact found");
    assert!(p7.fix.contains("Appoint one more maintainer"), "{}", p7.fix);
    // Two handles on one line are two people.
    let r = baseline_files()
        .set(
            "MAINTAINERS.md",
            "# Maintainers\n\nThe maintainers are @jenshansen and @mettelarsen.\n",
        )
        .check();
    says(verdict(&r, "P7", Verdict::Met), "2 maintainers");
    // CODEOWNERS adds a second person.
    let r = baseline_files()
        .set("MAINTAINERS.md", one)
        .set(
            ".github/CODEOWNERS",
            "# owners\n* @jenshansen @mettelarsen\n",
        )
        .check();
    says(verdict(&r, "P7", Verdict::Met), "2 maintainers");
    let r = baseline_files()
        .set("MAINTAINERS.md", one)
        .edit(
            "publiccode.yml",
            "      email: jens.hansen@aarhus.dk\n",
            "      email: jens.hansen@aarhus.dk\n    - name: Mette Larsen\n      email: mette.larsen@magenta.dk\n",
        )
        .check();
    says(verdict(&r, "P7", Verdict::Met), "2 maintainers");
}

#[test]
fn p8_ci_and_dependency_updates() {
    let r = baseline_files().remove(".github/workflows/ci.yml").check();
    let p8 = verdict(&r, "P8", Verdict::NotMet);
    says(p8, "No CI configuration");
    let r = baseline_files()
        .remove(".github/workflows/ci.yml")
        .set(".github/workflows/ci.yml.disabled", CI)
        .check();
    verdict(&r, "P8", Verdict::NotMet);
    for path in [
        ".gitlab-ci.yml",
        "Jenkinsfile",
        ".circleci/config.yml",
        "azure-pipelines.yml",
    ] {
        let r = baseline_files()
            .remove(".github/workflows/ci.yml")
            .set(path, CI)
            .check();
        evidence_file(verdict(&r, "P8", Verdict::Met), path);
    }
    let r = baseline_files().remove(".github/dependabot.yml").check();
    says(
        verdict(&r, "P8", Verdict::Met),
        "Dependabot/Renovate configuration; one is recommended",
    );
}

#[test]
fn p9_response_times_need_metadata() {
    let snapshot = baseline_files().snapshot();
    verdict(&check_snapshot(&snapshot), "P9", Verdict::Unknown);
    let mut overdue = with_metadata(snapshot);
    overdue.open_items = Fetched::Got {
        value: vec![
            OpenItem {
                number: 7,
                pull_request: false,
                url: "https://github.com/OS2offdig/os2test/issues/7".into(),
                created_at: NOW - 40 * DAY,
                first_response_at: None,
            },
            OpenItem {
                number: 8,
                pull_request: true,
                url: "https://github.com/OS2offdig/os2test/pull/8".into(),
                created_at: NOW - 40 * DAY,
                first_response_at: Some(NOW - 39 * DAY),
            },
            OpenItem {
                number: 9,
                pull_request: false,
                url: "https://github.com/OS2offdig/os2test/issues/9".into(),
                created_at: NOW - 5 * DAY,
                first_response_at: None,
            },
        ],
    };
    let r = check_snapshot(&overdue);
    let p9 = verdict(&r, "P9", Verdict::NotMet);
    says(p9, "#7");
    assert!(
        !p9.message.contains("#8") && !p9.message.contains("#9"),
        "{}",
        p9.message
    );
}

#[test]
fn p10_documentation_placement() {
    let r = baseline_files().check();
    assert_eq!(verdict(&r, "P10", Verdict::Met).evidence.len(), 4);
    let r = baseline_files()
        .edit("README.md", "- Product page: [OS2test on os2.eu](https://os2.eu/produkt/os2test)\n", "")
        .edit("README.md", "- Presentation: [slides](https://os2.eu/sites/default/files/os2test-slides.pptx)\n", "")
        .edit("README.md", "- For management: [business case](https://os2.eu/sites/default/files/os2test-business-case.pdf)\n", "")
        .edit("README.md", "- Community: [OS2test user forum](https://os2.eu/netvaerk/os2test)\n", "")
        .remove("GOVERNANCE.md")
        .remove("CODE_OF_CONDUCT.md")
        .check();
    says(
        verdict(&r, "P10", Verdict::NotMet),
        "communication (os2.eu link)",
    );
    // Without a Jira link, GitHub Issues cannot be known offline.
    let r = baseline_files()
        .edit("README.md", "- Backlog: [Jira](https://os2web.atlassian.net/jira/software/c/projects/OS2TEST/boards/1)\n", "")
        .check();
    says(verdict(&r, "P10", Verdict::Unknown), "backlog");
}

#[test]
fn p11_governance_report_presence_completeness_and_format() {
    says(
        verdict(&baseline_files().check(), "P11", Verdict::NotMet),
        "No governance report",
    );
    let r = baseline().check();
    evidence_file(verdict(&r, "P11", Verdict::Met), REPORT);
    let r = baseline()
        .set(REPORT, &full_report(&[("G13", "", ""), ("G14", "", "")]))
        .check();
    says(
        verdict(&r, "P11", Verdict::NotMet),
        "2 rows without a marker (G13, G14)",
    );
    // The untouched template is a report with nothing filled in.
    let r = baseline_files()
        .set(REPORT, &governance_report("", &[]))
        .check();
    says(
        verdict(&r, "P11", Verdict::NotMet),
        "43 rows without a marker",
    );
    // An old-format report (check boxes): its markers are not applied.
    let old = "# OS2test governance report\n\nProduktniveau: 2\n\n- [x] R1 Løsningen skaber lokal værdi\n- [x] F3 Udbudsregler\n";
    let r = baseline_files().set(REPORT, old).check();
    says(verdict(&r, "P11", Verdict::NotMet), "old format");
    verdict(&r, "F3", Verdict::Unknown);
    assert_eq!(r.required_level.level, Level::Two);
    // A report in a vendored folder is not the product's.
    let r = baseline_files()
        .set(&format!("vendor/x/{REPORT}"), &full_report(&[]))
        .check();
    verdict(&r, "P11", Verdict::NotMet);
    verdict(&r, "F3", Verdict::Unknown);
}

#[test]
fn p12_publiccode() {
    let r = baseline_files().remove("publiccode.yml").check();
    says(verdict(&r, "P12", Verdict::NotMet), "No publiccode.yml");
    let r = baseline_files()
        .edit(
            "publiccode.yml",
            "publiccodeYmlVersion: \"0.4\"",
            "publiccodeYmlVersion: \"0.2\"",
        )
        .check();
    let p12 = verdict(&r, "P12", Verdict::NotMet);
    says(p12, "0.2");
    evidence_at(p12, "publiccode.yml", 1);
    let r = baseline_files()
        .edit("publiccode.yml", "    - da\n", "    - danish\n")
        .check();
    verdict(&r, "P12", Verdict::NotMet);
}

#[test]
fn p13_contributing_answers_four_questions() {
    let r = baseline_files()
        .edit(
            "CONTRIBUTING.md",
            "We answer new issues and pull requests within five business days.\n",
            "",
        )
        .edit("CONTRIBUTING.md", "## Response time", "## Answers")
        .check();
    let p13 = verdict(&r, "P13", Verdict::NotMet);
    says(p13, "expected response time");
    assert!(!p13.message.contains("reviewed"), "{}", p13.message);
    evidence_file(p13, "CONTRIBUTING.md");
    let template = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/os2/os2-docs-template/PROJECT_CONTRIBUTING_TEMPLATE.md"),
    )
    .expect("template");
    let r = baseline_files().set("CONTRIBUTING.md", &template).check();
    verdict(&r, "P13", Verdict::NotMet);
    verdict(&r, "P2", Verdict::Met);
}

// One met and one not-met case, named by the id (see main.rs).

#[test]
fn p1_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "P1", Verdict::Met),
        "Code of conduct in CODE_OF_CONDUCT.md",
    );
}

#[test]
fn p1_not_met_on_a_bare_repository() {
    says(
        verdict(&bare().check(), "P1", Verdict::NotMet),
        "No CODE_OF_CONDUCT.md and no link to OS2's code of conduct",
    );
}

#[test]
fn p2_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "P2", Verdict::Met),
        "Contributor guide in CONTRIBUTING.md",
    );
}

#[test]
fn p2_not_met_on_a_bare_repository() {
    says(
        verdict(&bare().check(), "P2", Verdict::NotMet),
        "No CONTRIBUTING file and no contributing sect",
    );
}

#[test]
fn p3_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "P3", Verdict::Met),
        "Issue and pull-request templates",
    );
}

#[test]
fn p3_not_met_on_a_bare_repository() {
    says(
        verdict(&bare().check(), "P3", Verdict::NotMet),
        "No issue or pull-request templates",
    );
}

#[test]
fn p4_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "P4", Verdict::Met),
        "Governance describes decisions, roles and the",
    );
}

#[test]
fn p4_not_met_on_a_bare_repository() {
    says(
        verdict(&bare().check(), "P4", Verdict::NotMet),
        "No GOVERNANCE.md and no governance section",
    );
}

#[test]
fn p5_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "P5", Verdict::Met),
        "Minutes published; newest from 2026-10",
    );
}

#[test]
fn p5_not_met_on_a_bare_repository() {
    says(
        verdict(&bare().check(), "P5", Verdict::NotMet),
        "No meeting minutes in the repository or linke",
    );
}

#[test]
fn p6_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "P6", Verdict::Met),
        "Roadmap in ROADMAP.md",
    );
}

#[test]
fn p6_not_met_on_a_bare_repository() {
    says(
        verdict(&bare().check(), "P6", Verdict::NotMet),
        "No public roadmap",
    );
}

#[test]
fn p7_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "P7", Verdict::Met),
        "2 maintainers/contacts",
    );
}

#[test]
fn p7_not_met_on_a_bare_repository() {
    says(
        verdict(&bare().check(), "P7", Verdict::NotMet),
        "No maintainer or contact found; at least two",
    );
    let da = bare().check_with(Options {
        lang: Some(Lang::Da),
        ..Options::default()
    });
    let p7 = verdict(&da, "P7", Verdict::NotMet);
    says(p7, "Ingen vedligeholder eller kontakt fundet");
    assert!(p7.fix.contains("mindst to vedligeholdere"), "{}", p7.fix);
}

#[test]
fn p8_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "P8", Verdict::Met),
        "CI: .github/workflows/ci.yml. Dependencies are updated automatically",
    );
}

#[test]
fn p8_not_met_on_a_bare_repository() {
    says(
        verdict(&bare().check(), "P8", Verdict::NotMet),
        "No CI configuration",
    );
}

#[test]
fn p10_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "P10", Verdict::Met),
        "Each kind of documentation is linked where it",
    );
}

#[test]
fn p10_not_met_on_a_bare_repository() {
    says(
        verdict(&bare().check(), "P10", Verdict::NotMet),
        "Missing: technical documentation (Confluence",
    );
}

#[test]
fn p12_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "P12", Verdict::Met),
        "publiccode.yml is valid",
    );
}

#[test]
fn p12_not_met_on_a_bare_repository() {
    says(
        verdict(&bare().check(), "P12", Verdict::NotMet),
        "No publiccode.yml",
    );
}

#[test]
fn p13_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "P13", Verdict::Met),
        "CONTRIBUTING.md answers the four questions",
    );
}

#[test]
fn p13_not_met_on_a_bare_repository() {
    says(
        verdict(&bare().check(), "P13", Verdict::NotMet),
        "No CONTRIBUTING file",
    );
}

#[test]
fn p9_met_no_open_item_waits_for_an_answer() {
    let r = check_snapshot(&with_metadata(baseline_files().snapshot()));
    says(
        verdict(&r, "P9", Verdict::Met),
        "No open issues or pull requests.",
    );
}

#[test]
fn p9_not_met_an_issue_unanswered_for_40_days() {
    let mut snapshot = with_metadata(baseline_files().snapshot());
    snapshot.open_items = Fetched::Got {
        value: vec![OpenItem {
            number: 7,
            pull_request: false,
            url: "https://github.com/OS2offdig/os2test/issues/7".into(),
            created_at: NOW - 40 * DAY,
            first_response_at: None,
        }],
    };
    says(
        verdict(&check_snapshot(&snapshot), "P9", Verdict::NotMet),
        "#7",
    );
}

/// "1 åbent issue uden svar", never "(1)" after a plural; two are plural (issue 11 §2).
#[test]
fn p9_not_met_says_one_or_many_in_danish_and_english() {
    let item = |number: u64, age: i64| OpenItem {
        number,
        pull_request: false,
        url: format!("https://github.com/OS2offdig/os2test/issues/{number}"),
        created_at: NOW - age * DAY,
        first_response_at: None,
    };
    let danish = Options {
        lang: Some(Lang::Da),
        ..Options::default()
    };
    for (items, da, en) in [
        (
            vec![item(7, 40)],
            "1 åbent issue eller pull request uden svar i over 30 dage: #7.",
            "1 open issue or pull request without an answer for over 30 days: #7.",
        ),
        (
            vec![item(7, 40), item(9, 35)],
            "2 åbne issues og pull requests uden svar i over 30 dage: #7, #9.",
            "2 open issues and pull requests without an answer for over 30 days: #7, #9.",
        ),
    ] {
        let mut snapshot = with_metadata(baseline_files().snapshot());
        snapshot.open_items = Fetched::Got { value: items };
        says(
            verdict(&check_snapshot(&snapshot), "P9", Verdict::NotMet),
            en,
        );
        let r = check(&snapshot, &danish).expect("check");
        says(verdict(&r, "P9", Verdict::NotMet), da);
    }
    let mut snapshot = with_metadata(baseline_files().snapshot());
    snapshot.open_items = Fetched::Got {
        value: vec![item(3, 5)],
    };
    says(
        verdict(&check_snapshot(&snapshot), "P9", Verdict::Met),
        "The one open issue or pull request has an answer or is under 30 days old.",
    );
}

#[test]
fn p11_met_a_complete_report() {
    says(
        verdict(&baseline().check(), "P11", Verdict::Met),
        "is complete",
    );
}

#[test]
fn p11_not_met_no_report() {
    says(
        verdict(&baseline_files().check(), "P11", Verdict::NotMet),
        "No governance report",
    );
}

/// No CONTRIBUTING file is answered with adding one, not with extending it (issue 11 §1); a
/// scaffold still holding its placeholders is answered with filling them in.
#[test]
fn p13_not_met_without_contributing_asks_for_the_file_in_danish_and_english() {
    let r = bare().check();
    let p13 = verdict(&r, "P13", Verdict::NotMet);
    assert!(p13.fix.starts_with("Add CONTRIBUTING.md"), "{}", p13.fix);
    let da = bare().check_with(Options {
        lang: Some(Lang::Da),
        ..Options::default()
    });
    let p13 = verdict(&da, "P13", Verdict::NotMet);
    assert!(p13.fix.starts_with("Tilføj CONTRIBUTING.md"), "{}", p13.fix);

    let scaffold = "# Contributing\n\nTODO(os2gov): Describe how contributions are reviewed.\n";
    let r = bare().set("CONTRIBUTING.md", scaffold).check();
    let p13 = verdict(&r, "P13", Verdict::NotMet);
    assert!(
        p13.fix
            .contains("placeholders (TODO(os2gov)) in CONTRIBUTING.md, from line 3"),
        "{}",
        p13.fix
    );
}
