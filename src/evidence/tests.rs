use super::*;
use crate::base::model::FileEntry;

fn readme_ctx(readme: &str) -> Snapshot {
    let mut snapshot = Snapshot::default();
    snapshot
        .files
        .insert("README.md".into(), FileEntry::from_bytes(readme.as_bytes()));
    snapshot
}

#[test]
fn intro_paragraph_leaves_link_texts_out() {
    let intro = |readme: &str| {
        let snapshot = readme_ctx(readme);
        Ctx::new(&snapshot, Vec::new(), None)
            .intro_paragraph()
            .map(|hit| hit.text)
    };
    // A navigation line says nothing about the product, even with punctuation around.
    assert_eq!(
        intro("# X\n\n[How It Works](a) | [Architecture](b) | [Install](c). [Usage](d), [Docs](e)\n\n## More\n"),
        None
    );
    // Link texts do not count, but words of the paragraph's own around them do.
    assert_eq!(
        intro("# X\n\n[OS2mo](a) keeps track of the organisation and its people, see [Docs](b).\n"),
        Some("OS2mo keeps track of the organisation and its people, see Docs.".to_string())
    );
    assert_eq!(
        intro("# X\n\n[one two three four five six seven eight](a)\n"),
        None
    );
    // A word used both in a link and outside it counts once.
    assert_eq!(
        intro("# X\n\n[Docs](a) Docs Docs Docs Docs Docs Docs Docs\n"),
        None
    );
    assert!(intro("# X\n\n[Docs](a) Docs Docs Docs Docs Docs Docs Docs Docs\n").is_some());
}

/// 40,000 links in one paragraph (of 740 KB): every link text was cut out of the paragraph
/// in turn, 40,000 × 420 KB of copying (5 s in a release build, far longer here).
#[test]
fn intro_paragraph_with_many_links() {
    let mut readme = String::from("# Fixture\n\n");
    for i in 0..40_000 {
        readme.push_str(&format!("[link {i}](/{i}) "));
    }
    let navigation = readme.clone();
    readme.push_str("and a few words of its own about the product.\n");
    let snapshot = readme_ctx(&readme);
    let hit = Ctx::new(&snapshot, Vec::new(), None).intro_paragraph();
    let hit = hit.map(|h| h.text[h.text.len().saturating_sub(80)..].to_string());
    assert!(
        hit.as_ref()
            .is_some_and(|h| h.ends_with("about the product.")),
        "{hit:?}"
    );
    let snapshot = readme_ctx(&navigation);
    assert!(Ctx::new(&snapshot, Vec::new(), None)
        .intro_paragraph()
        .is_none());
}

#[test]
fn a_contact_person_is_a_name_beside_an_address() {
    for named in [
        "Jens Hansen, product owner (tovholder): jens.hansen@aarhus.dk",
        "| Mette Holm | @metteholm | Maintainer | mette.holm@odense.dk |",
        "Skriv til Søren på <soren@vejle.dk>.",
        "- Ærø-Jensen (mailto:aj@kommune.dk)",
        "Mette Holm, Region Midtjylland, mette.holm@rm.dk",
    ] {
        assert!(names_a_person_with_email(named), "{named}");
    }
    for unnamed in [
        "Contact: support@os2.eu",
        "Kontakt os på info@os2.eu.",
        "Write to the secretariat: Sekretariat@os2.eu",
        "Aarhus Kommune, digitalisering@aarhus.dk",
        "Kontakt Region Midtjylland på it@rm.dk",
        "Leverandør: Magenta ApS (info@magenta.dk)",
        "Firma A/S <kontakt@firma.dk>",
        "E-mail: Jens.Hansen@aarhus.dk",
        "Jens Hansen, product owner",
        "mail jens@aarhus.dk",
    ] {
        assert!(!names_a_person_with_email(unnamed), "{unnamed}");
    }
}

#[test]
fn wanted_files() {
    for path in [
        "README.md",
        "readme.rst",
        "LICENSE",
        "COPYING.txt",
        "LICENSES/MPL-2.0.txt",
        ".github/CONTRIBUTING.md",
        "docs/architecture.md",
        "docs/a/b/c.md",
        "docs/self-assessment/2025.json",
        "OS2mo_Governance_Report.md",
        "doc/OS2iot_governancerapport.md",
        "os2gov.toml",
        "publiccode.yml",
    ] {
        assert!(wants_content(path), "{path}");
    }
    for path in [
        "src/main.rs",
        "vendor/x/README.md",
        "docs/a/b/c/d.md",
        "sub/README.md",
        ".github/workflows/ci.yml",
        "docs/logo.png",
    ] {
        assert!(!wants_content(path), "{path}");
    }
}

#[test]
fn classifies_links() {
    assert_eq!(
        classify_link("https://www.os2.eu/produkt/os2mo"),
        LinkKind::Os2ProductPage
    );
    assert_eq!(
        classify_link("https://os2.eu/side/code-conduct"),
        LinkKind::Os2Site
    );
    assert_eq!(classify_link("https://faq.os2.eu/x"), LinkKind::Loop);
    assert_eq!(
        classify_link("https://os2web.atlassian.net/jira/software/c/projects/OS2IOT/boards/1"),
        LinkKind::Jira {
            base: "https://os2web.atlassian.net".into(),
            project: Some("OS2IOT".into())
        }
    );
    assert_eq!(
        classify_link("https://os2web.atlassian.net/wiki/spaces/X"),
        LinkKind::Confluence
    );
    assert_eq!(
        classify_link("https://github.com/OS2mo/os2mo"),
        LinkKind::GitHub
    );
}

#[test]
fn office_documents_by_extension_and_denials_by_first_sentence() {
    assert!(is_office_document("docs/Brugermanual.DOCX"));
    assert!(is_office_document("doc/OS2test - Drift.odt"));
    assert!(is_office_document("docs/Implementeringsvejledning.pdf"));
    assert!(!is_office_document("docs/Sikkerhed og drift #1 ø.md"));
    assert!(!is_office_document("docs/ø"));
    assert!(!is_office_document(".pdf"));
    for text in [
        "There is no enforced coding style at this time.",
        "Ingen drift endnu.",
        "Ikke relevant.",
        "Not applicable",
        "TBD",
        "- Kommer senere",
        "Der er ingen kodestandard.",
    ] {
        assert!(says_it_does_not_apply(text), "{text}");
    }
    for text in [
        "No tabs: code is formatted with black and checked with ruff in CI.",
        "Ingen afhængigheder",
        "Kodestandarden er PEP 8, håndhævet med ruff.",
        "Ingen drift endnu. Hver kommune kører selv løsningen på sin egen server med en database.",
        "",
    ] {
        assert!(!says_it_does_not_apply(text), "{text}");
    }
}
