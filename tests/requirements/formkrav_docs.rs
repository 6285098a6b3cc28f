//! Formkrav F7, F10–F22: the documentation template, product page, tracker, standards,
//! operations, architecture, containers, user documentation and the declared-only ones.

use super::*;

#[test]
fn f7_met_template_followed_in_english_and_danish() {
    let danish = "# OS2test\n\nOS2test lader kommuner booke mødelokaler, udstyr og biler i én fælles webapplikation.\n\n## Sådan virker det\n\nBrowseren taler med et REST-API.\n\n### Arkitektur\n\nPython og PostgreSQL.\n\n### Nøglefunktioner\n\n- Booking\n\n## Installér og kør\n\n### Udviklingsmiljø\n\nKør `docker compose up`.\n\n### Drift\n\nBrug Helm-chartet i os2test-deploy.\n\n## Eksempler\n\nSe nedenfor.\n\n---\n\nLicens: MPL-2.0 | Bidrag: se CONTRIBUTING.md | Kontakt: jens.hansen@aarhus.dk\n";
    let r = baseline_files().set("README.md", danish).check();
    let f7 = verdict(&r, "F7", Verdict::Met);
    evidence_at(f7, "README.md", 5);
    evidence_file(f7, "MAINTAINERS.md");
    evidence_file(f7, "docs/architecture.md");

    // Without diacritics, and the other spellings SPEC §8 lists.
    let ascii = danish
        .replace("## Sådan virker det", "## Saadan virker det")
        .replace("### Nøglefunktioner", "### Funktioner")
        .replace("## Installér og kør", "## Kom i gang");
    verdict(
        &baseline_files().set("README.md", &ascii).check(),
        "F7",
        Verdict::Met,
    );
    let hvordan = danish.replace("## Sådan virker det", "## Hvordan virker det?");
    verdict(
        &baseline_files().set("README.md", &hvordan).check(),
        "F7",
        Verdict::Met,
    );
}

#[test]
fn f7_not_met_missing_parts_are_listed() {
    let r = baseline_files()
        .remove("MAINTAINERS.md")
        .remove("docs/architecture.md")
        .edit("README.md", "## :star: Examples", "## Usage")
        .check();
    let f7 = verdict(&r, "F7", Verdict::NotMet);
    says(f7, "MAINTAINERS.md");
    says(f7, "docs/architecture.md");
    says(f7, "Examples");
    assert!(!f7.message.contains("How it works"), "{}", f7.message);
}

#[test]
fn f7_not_met_install_section_without_development_or_production() {
    let r = baseline_files()
        .edit(
            "README.md",
            "### Production\n\nDeploy the container image with the Helm chart; see [operations](docs/operations.md).\n",
            "",
        )
        .check();
    let f7 = verdict(&r, "F7", Verdict::NotMet);
    says(f7, "production deployment");
    assert!(!f7.message.contains("development set-up"), "{}", f7.message);
    evidence_at(
        f7,
        "README.md",
        line_of(README, "## ▶️ How to Install and Run"),
    );

    let r = baseline_files()
        .edit(
            "README.md",
            "### Development\n\nRun `docker compose up` and open the application on port 8000.\n",
            "",
        )
        .check();
    let f7 = verdict(&r, "F7", Verdict::NotMet);
    says(f7, "development set-up");
    assert!(
        !f7.message.contains("production deployment"),
        "{}",
        f7.message
    );
}

#[test]
fn f7_not_met_template_placeholders() {
    let r = baseline_files()
        .edit(
            "README.md",
            "### Key Features\n",
            "### Key Features\n\n> Replace this with a brief explaination of the main features.\n",
        )
        .check();
    let f7 = verdict(&r, "F7", Verdict::NotMet);
    says(f7, "text left from the template");
    let line = line_of(README, "### Key Features") + 2;
    evidence_at(f7, "README.md", line);

    let r = baseline_files()
        .set(
            "MAINTAINERS.md",
            "# Maintainers\n\n| [Maintainer 1] | [@username1] | [Role] | [maintainer usernames] |\n",
        )
        .check();
    evidence_at(verdict(&r, "F7", Verdict::NotMet), "MAINTAINERS.md", 3);
}

/// The note on a template leftover is in the report's language: never "placeholder" in a
/// Danish report (issue 11 §2); the JSON field stays `note`.
#[test]
fn f7_not_met_template_leftover_noted_in_the_reports_language() {
    let repo = baseline_files().edit(
        "README.md",
        "### Key Features\n",
        "### Key Features\n\n> Replace this with a brief explaination of the main features.\n",
    );
    let note = |r: &Report| {
        verdict(r, "F7", Verdict::NotMet)
            .evidence
            .iter()
            .find_map(|e| e.note.clone())
            .expect("a noted leftover")
    };
    assert_eq!(note(&repo.check()), "placeholder");
    let da = repo.check_with(Options {
        lang: Some(Lang::Da),
        ..Options::default()
    });
    assert_eq!(note(&da), "pladsholder");
}

#[test]
fn f7_not_met_headings_only_in_code_blocks() {
    let r = baseline_files()
        .edit(
            "README.md",
            "## :star: Examples\n",
            "```\n## Examples\n```\n",
        )
        .check();
    says(verdict(&r, "F7", Verdict::NotMet), "Examples");
}

#[test]
fn f7_not_met_the_untouched_os2_docs_template() {
    let template = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/os2/os2-docs-template/README.md"),
    )
    .expect("template");
    let r = baseline_files().set("README.md", &template).check();
    let f7 = verdict(&r, "F7", Verdict::NotMet);
    says(f7, "text left from the template");
    verdict(&r, "F5", Verdict::NotMet);
}

#[test]
fn f10_and_g1_product_page() {
    // GOVERNANCE.md links pages under the product page (charter, minutes): they count too.
    let without = baseline_files()
        .edit(
            "README.md",
            "- Product page: [OS2test on os2.eu](https://os2.eu/produkt/os2test)\n",
            "",
        )
        .remove("GOVERNANCE.md");
    let r = without.check();
    says(verdict(&r, "F10", Verdict::NotMet), "os2.eu/produkt");
    verdict(&r, "G1", Verdict::Unknown);
    // Another product's page deep in the docs is an integration, not this product's page.
    let r = without
        .clone()
        .set(
            "docs/integrations.md",
            "# Integrations\n\nOS2test reads roles from [OS2rollekatalog](https://os2.eu/produkt/os2rollekatalog).\n",
        )
        .check();
    verdict(&r, "F10", Verdict::NotMet);
    // The product's own page in the docs counts.
    let r = without
        .set(
            "docs/about.md",
            "# About\n\nSee [the product page](https://www.os2.eu/produkt/os2test).\n",
        )
        .check();
    evidence_at(verdict(&r, "F10", Verdict::Met), "docs/about.md", 3);
    evidence_at(verdict(&r, "G1", Verdict::Met), "docs/about.md", 3);
}

#[test]
fn f11_jira_link_and_issue_references() {
    // 1 of 1 (the import commit) plus 2 of 4 more: 3 of 5 = 60 %.
    let r = baseline_files()
        .commits(&[
            "OS2TEST-12: booking of cars",
            "Fix typo",
            "Closes #12",
            "Bump deps",
        ])
        .check();
    let f11 = verdict(&r, "F11", Verdict::Met);
    says(f11, "3 of the last 5 commits (60\u{a0}%)");

    // 1 of 5 = 20 % < 30 %.
    let r = baseline_files()
        .first_message("Initial import")
        .commits(&["Fix typo", "Refactor", "Bump deps", "Update #12 docs"])
        .check();
    let f11 = verdict(&r, "F11", Verdict::NotMet);
    says(f11, "1 of the last 5 commits (20\u{a0}%)");

    // Exactly 30 % is enough.
    let r = baseline_files()
        .first_message("Initial import")
        .commits(&[
            "a", "b", "c", "d", "e", "f", "KEY-1 g", "KEY-2 h", "KEY-3 i",
        ])
        .check();
    says(verdict(&r, "F11", Verdict::Met), "(30\u{a0}%)");
}

#[test]
fn f11_needs_a_tracker_offline() {
    let without_jira = baseline_files().edit(
        "README.md",
        "- Backlog: [Jira](https://os2web.atlassian.net/jira/software/c/projects/OS2TEST/boards/1)\n",
        "",
    );
    let r = without_jira.check();
    says(
        verdict(&r, "F11", Verdict::Unknown),
        "GitHub Issues could not be checked",
    );
    // Jira from the config counts as a tracker offline.
    let r = without_jira
        .clone()
        .set(
            "os2gov.toml",
            "[jira]\nurl = \"https://os2web.atlassian.net\"\nproject = \"OS2TEST\"\n",
        )
        .check();
    evidence_file(verdict(&r, "F11", Verdict::Met), "os2gov.toml");
    // Too few references fail even without a known tracker.
    let r = without_jira
        .first_message("Initial import")
        .commits(&["a", "b"])
        .check();
    verdict(&r, "F11", Verdict::NotMet);
}

#[test]
fn f12_from_metadata_else_declared() {
    let snapshot = baseline_files().snapshot();
    verdict(&check_snapshot(&snapshot), "F12", Verdict::Unknown);
    verdict(
        &check_snapshot(&with_metadata(snapshot.clone())),
        "F12",
        Verdict::Met,
    );
    let mut fork = with_metadata(snapshot);
    if let Fetched::Got { value } = &mut fork.github {
        value.fork = true;
    }
    says(
        verdict(&check_snapshot(&fork), "F12", Verdict::NotMet),
        "fork",
    );
}

#[test]
fn f13_to_f15_links_or_sections() {
    let bare = baseline_files()
        .edit("README.md", "- Presentation: [slides](https://os2.eu/sites/default/files/os2test-slides.pptx)\n", "")
        .edit("README.md", "- For management: [business case](https://os2.eu/sites/default/files/os2test-business-case.pdf)\n", "")
        .edit("README.md", "- Adoption: [implementation guide](https://faq.os2.eu/os2test/implementation)\n", "");
    let r = bare.check();
    for id in ["F13", "F14", "F15"] {
        verdict(&r, id, Verdict::Unknown);
    }
    let r = bare.clone().set(REPORT, &full_report(&[])).check();
    for id in ["F13", "F14", "F15"] {
        verdict(&r, id, Verdict::Declared);
    }
    let r = bare
        .set(
            "docs/adoption.md",
            "# Implementeringsvejledning\n\nSådan tager en kommune OS2test i brug: udpeg en superbruger, importer lokalerne og informer medarbejderne.\n\n## Slides\n\nBrug præsentationen fra netværksmødet, når I præsenterer løsningen for ledelsen i kommunen.\n",
        )
        .check();
    evidence_at(verdict(&r, "F15", Verdict::Met), "docs/adoption.md", 1);
    evidence_at(verdict(&r, "F13", Verdict::Met), "docs/adoption.md", 5);
    verdict(&r, "F14", Verdict::Unknown);
}

#[test]
fn f16_coding_standards() {
    let r = baseline_files().remove(".editorconfig").check();
    let f16 = verdict(&r, "F16", Verdict::Met);
    evidence_at(
        f16,
        "CONTRIBUTING.md",
        line_of(CONTRIBUTING, "## Code style"),
    );
    let r = baseline_files()
        .remove(".editorconfig")
        .edit("CONTRIBUTING.md", "## Code style", "## Formatting")
        .check();
    says(verdict(&r, "F16", Verdict::NotMet), "Neither");
    let r = baseline_files()
        .edit("CONTRIBUTING.md", "## Code style", "## Formatting")
        .check();
    evidence_file(verdict(&r, "F16", Verdict::Met), ".editorconfig");
    // Linter configuration deep in vendored code is not the product's.
    let r = baseline_files()
        .remove(".editorconfig")
        .edit("CONTRIBUTING.md", "## Code style", "## Formatting")
        .set("vendor/.eslintrc", "{}\n")
        .check();
    verdict(&r, "F16", Verdict::NotMet);
}

#[test]
fn f17_operations_of_substance() {
    let r = baseline_files().check();
    evidence_at(verdict(&r, "F17", Verdict::Met), "docs/operations.md", 1);
    let r = baseline_files()
        .set("docs/operations.md", "# Operations\n\nRuns in Docker.\n")
        .check();
    verdict(&r, "F17", Verdict::Unknown);
    let r = baseline_files()
        .remove("docs/operations.md")
        .set(
            REPORT,
            &full_report(&[("F17", "➖", "Hver kommune drifter selv; se driftsaftalen")]),
        )
        .check();
    verdict(&r, "F17", Verdict::Explained);
}

#[test]
fn f18_architecture_framework() {
    let r = baseline_files().check();
    evidence_file(verdict(&r, "F18", Verdict::Met), "docs/architecture.md");
    let r = baseline_files()
        .edit("docs/architecture.md", "## Rammearkitektur", "## Standards")
        .edit(
            "docs/architecture.md",
            "fællesoffentlige rammearkitektur",
            "common standards",
        )
        .check();
    verdict(&r, "F18", Verdict::Unknown);
}

#[test]
fn f19_container_formats() {
    verdict(
        &baseline_files().remove("Dockerfile").check(),
        "F19",
        Verdict::NotMet,
    );
    for path in [
        "deploy/Dockerfile",
        "Containerfile",
        "docker-compose.yml",
        "compose.yaml",
        "charts/os2test/Chart.yaml",
        "backend/Dockerfile.prod",
    ] {
        let r = baseline_files()
            .remove("Dockerfile")
            .set(path, DOCKERFILE)
            .check();
        evidence_file(verdict(&r, "F19", Verdict::Met), path);
    }
    for path in [
        "vendor/x/Dockerfile",
        "node_modules/x/Dockerfile",
        "tests/fixtures/Dockerfile",
        "sub/docker-compose.yml",
    ] {
        let r = baseline_files()
            .remove("Dockerfile")
            .set(path, DOCKERFILE)
            .check();
        verdict(&r, "F19", Verdict::NotMet);
    }
}

#[test]
fn f20_user_documentation() {
    let without = baseline_files()
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
    says(
        verdict(&without.check(), "F20", Verdict::NotMet),
        "faq.os2.eu",
    );
    let r = without
        .clone()
        .set(
            "docs/brugervejledning.md",
            "# Brugervejledning\n\nSådan booker du.\n",
        )
        .check();
    evidence_file(verdict(&r, "F20", Verdict::Met), "docs/brugervejledning.md");
    let r = baseline_files().check();
    let f20 = verdict(&r, "F20", Verdict::Met);
    assert_eq!(
        f20.evidence[0].url.as_deref(),
        Some("https://faq.os2.eu/os2test")
    );
}

#[test]
fn declared_only_formkrav_f3_f21_f22() {
    let r = baseline_files()
        .set(
            REPORT,
            &governance_report(
                "",
                &[
                    ("F3", "✅", "Udbud gennemført 2024"),
                    ("F21", "❌", "Ikke relevant før niveau 3"),
                    ("F22", "❓", ""),
                ],
            ),
        )
        .check();
    verdict(&r, "F3", Verdict::Declared);
    verdict(&r, "F21", Verdict::Explained);
    verdict(&r, "F22", Verdict::Unknown);
}

// One met and one not-met case, named by the id (see main.rs).

#[test]
fn f10_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "F10", Verdict::Met),
        "Link to the product page: https://os2.eu/produkt/os2test",
    );
}

#[test]
fn f10_not_met_on_a_bare_repository() {
    says(
        verdict(&bare().check(), "F10", Verdict::NotMet),
        "No link to the product's page on os2.eu (os2.eu/produkt/…)",
    );
}

#[test]
fn f13_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "F13", Verdict::Met),
        "Link to presentation material",
    );
}

#[test]
fn f13_not_met_declared_cross_without_evidence() {
    says(
        verdict(&declared_cross("F13"), "F13", Verdict::NotMet),
        "Declared ❌",
    );
}

#[test]
fn f14_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "F14", Verdict::Met),
        "Link to strategic communication material",
    );
}

#[test]
fn f14_not_met_declared_cross_without_evidence() {
    says(
        verdict(&declared_cross("F14"), "F14", Verdict::NotMet),
        "Declared ❌",
    );
}

#[test]
fn f15_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "F15", Verdict::Met),
        "Link to implementation",
    );
}

#[test]
fn f15_not_met_declared_cross_without_evidence() {
    says(
        verdict(&declared_cross("F15"), "F15", Verdict::NotMet),
        "Declared ❌",
    );
}

#[test]
fn f16_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "F16", Verdict::Met),
        "Coding standards described under \"Code style\"",
    );
}

#[test]
fn f16_not_met_on_a_bare_repository() {
    says(
        verdict(&bare().check(), "F16", Verdict::NotMet),
        "Neither a section on coding standards nor for",
    );
}

#[test]
fn f17_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "F17", Verdict::Met),
        "Operations described under \"Operations\"",
    );
}

#[test]
fn f17_not_met_declared_cross_without_evidence() {
    says(
        verdict(&declared_cross("F17"), "F17", Verdict::NotMet),
        "Declared ❌",
    );
}

#[test]
fn f18_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "F18", Verdict::Met),
        "The architecture framework is discussed",
    );
}

#[test]
fn f18_not_met_declared_cross_without_evidence() {
    says(
        verdict(&declared_cross("F18"), "F18", Verdict::NotMet),
        "Declared ❌",
    );
}

#[test]
fn f19_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "F19", Verdict::Met),
        "Container: Dockerfile",
    );
}

#[test]
fn f19_not_met_on_a_bare_repository() {
    says(
        verdict(&bare().check(), "F19", Verdict::NotMet),
        "No Dockerfile, Containerfile, compose file or",
    );
}

#[test]
fn f20_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "F20", Verdict::Met),
        "Link to Loop (faq.os2.eu)",
    );
}

#[test]
fn f20_not_met_on_a_bare_repository() {
    says(
        verdict(&bare().check(), "F20", Verdict::NotMet),
        "No user documentation in the repository and n",
    );
}

#[test]
fn f21_met_declared_in_the_report() {
    let r = bare()
        .set(
            REPORT,
            &governance_report("", &[("F21", "✅", "Behandlet på mødet 2026-03-01")]),
        )
        .check();
    says(verdict(&r, "F21", Verdict::Declared), "Behandlet på mødet");
}

#[test]
fn f21_not_met_undeclared() {
    says(
        verdict(&bare().check(), "F21", Verdict::Unknown),
        "Not declared",
    );
}

#[test]
fn f22_met_declared_in_the_report() {
    let r = bare()
        .set(
            REPORT,
            &governance_report("", &[("F22", "✅", "Behandlet på mødet 2026-03-01")]),
        )
        .check();
    says(verdict(&r, "F22", Verdict::Declared), "Behandlet på mødet");
}

#[test]
fn f22_not_met_undeclared() {
    says(
        verdict(&bare().check(), "F22", Verdict::Unknown),
        "Not declared",
    );
}

#[test]
fn f11_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "F11", Verdict::Met),
        "an issue (required: 30\u{a0}%)",
    );
}

#[test]
fn f11_not_met_too_few_commits_reference_an_issue() {
    let r = baseline_files()
        .first_message("Initial import")
        .commits(&["a", "b"])
        .check();
    says(
        verdict(&r, "F11", Verdict::NotMet),
        "0 of the last 3 commits (0\u{a0}%) reference an issue",
    );
}

#[test]
fn f12_met_not_a_fork_with_metadata() {
    let r = check_snapshot(&with_metadata(baseline_files().snapshot()));
    says(verdict(&r, "F12", Verdict::Met), "Not a fork");
}

#[test]
fn f12_not_met_a_fork() {
    let mut fork = with_metadata(baseline_files().snapshot());
    if let Fetched::Got { value } = &mut fork.github {
        value.fork = true;
    }
    says(
        verdict(&check_snapshot(&fork), "F12", Verdict::NotMet),
        "fork",
    );
}

/// Online, a Jira lookup that failed leaves F11 undecided: the link alone no longer passes.
#[test]
fn f11_jira_lookup_failure_online_is_unknown_not_met() {
    let mut snapshot = with_metadata(baseline_files().snapshot());
    if let Fetched::Got { value } = &mut snapshot.github {
        value.has_issues = false;
    }
    let offline = check_snapshot(&snapshot);
    verdict(&offline, "F11", Verdict::Met);
    snapshot.jira = Fetched::Unknown {
        reason: os2gov::Msg::new("forbindelsen blev afvist", "connection refused"),
    };
    let failed = check_snapshot(&snapshot);
    let f11 = verdict(&failed, "F11", Verdict::Unknown);
    says(f11, "could not be checked: connection refused");
    snapshot.jira = Fetched::Got {
        value: os2gov::base::model::JiraMeta {
            base_url: "https://os2web.atlassian.net".into(),
            project: "OS2TEST".into(),
            exists: false,
            public: false,
            last_issue_updated: None,
        },
    };
    let missing = check_snapshot(&snapshot);
    says(
        verdict(&missing, "F11", Verdict::NotMet),
        "not publicly readable",
    );
}

/// A heading alone is not the template's section: it needs words under it (issue 11).
#[test]
fn f7_not_met_a_template_heading_with_nothing_under_it() {
    let danish = "# OS2test\n\nOS2test lader kommuner booke mødelokaler, udstyr og biler i én fælles webapplikation.\n\n## Sådan virker det\n\nBrowseren taler med et REST-API.\n\n### Arkitektur\n\nPython og PostgreSQL.\n\n### Nøglefunktioner\n\n## Installér og kør\n\n### Udviklingsmiljø\n\nKør `docker compose up`.\n\n### Drift\n\nBrug Helm-chartet i os2test-deploy.\n\n## Eksempler\n\nSe nedenfor.\n\n---\n\nLicens: MPL-2.0 | Bidrag: se CONTRIBUTING.md | Kontakt: jens.hansen@aarhus.dk\n";
    let r = baseline_files().set("README.md", danish).check();
    says(verdict(&r, "F7", Verdict::NotMet), "Key features");
    let filled = danish.replace(
        "### Nøglefunktioner\n\n",
        "### Nøglefunktioner\n\n- Booking\n\n",
    );
    verdict(
        &baseline_files().set("README.md", &filled).check(),
        "F7",
        Verdict::Met,
    );
    let english = baseline_files()
        .edit(
            "README.md",
            "- Booking of rooms, equipment and cars\n- Calendar integration with Outlook and Google\n",
            "",
        )
        .check();
    says(verdict(&english, "F7", Verdict::NotMet), "Key features");
}
