//! Declared requirements: the governance report and the self-assessment decide, and where
//! a declaration contradicts what the repository shows.

use super::*;

const DECLARED_IDS: [&str; 13] = [
    "R2", "R4", "F3", "F21", "F22", "G2", "G4", "G5", "G11", "G12", "G13", "S1", "S3",
];

/// Every D id (and S1/S3 without their section) is unknown without a report.
#[test]
fn declared_requirements_are_unknown_without_a_report() {
    let r = baseline_files()
        .set("VISION.md", "# Vision\n\nShort.\n")
        .check();
    for id in DECLARED_IDS {
        let f = verdict(&r, id, Verdict::Unknown);
        says(f, "Not declared");
    }
}

#[test]
fn declared_requirements_follow_the_markers() {
    let ids = [
        "R2", "R4", "F3", "F21", "F22", "G2", "G4", "G5", "G11", "G12", "G13",
    ];
    let cases: [(&str, &str, Verdict); 7] = [
        (
            "✅",
            "Godkendt af direktionen 2025-03-01",
            Verdict::Declared,
        ),
        (
            "❌",
            "Ikke relevant for et sandkasseprodukt endnu",
            Verdict::Explained,
        ),
        ("❌", "", Verdict::NotMet),
        (
            "➖",
            "Produktet har ingen politisk dimension",
            Verdict::Explained,
        ),
        ("➖", "", Verdict::Unknown),
        ("❓", "Vi er i tvivl", Verdict::Unknown),
        ("", "", Verdict::Unknown),
    ];
    for (marker, doc, expected) in cases {
        let rows: Vec<(&str, &str, &str)> = ids.iter().map(|id| (*id, marker, doc)).collect();
        let r = baseline_files()
            .set(REPORT, &governance_report("", &rows))
            .check();
        for id in ids {
            let f = finding(&r, id);
            assert_eq!(
                f.verdict, expected,
                "{id} with {marker:?}/{doc:?}: {}",
                f.message
            );
            if !doc.is_empty() && expected != Verdict::Unknown {
                says(f, doc);
            }
        }
    }
}

#[test]
fn declared_messages_name_the_report() {
    let rows = [
        ("F3", "✅", ""),
        ("R2", "❌", ""),
        ("R4", "➖", ""),
        ("G2", "❓", ""),
    ];
    let r = baseline_files()
        .set(REPORT, &governance_report("", &rows))
        .check();
    // ✅ without documentation is still declared, with a note.
    let f3 = verdict(&r, "F3", Verdict::Declared);
    says(f3, "without documentation");
    says(f3, REPORT);
    says(verdict(&r, "R2", Verdict::NotMet), "Declared ❌");
    says(
        verdict(&r, "R4", Verdict::Unknown),
        "without an explanation",
    );
    says(verdict(&r, "G2", Verdict::Unknown), "in doubt");
}

#[test]
fn self_assessment_json_is_applied_like_the_report() {
    let json = r#"{
  "productName": "OS2test",
  "filledBy": "Jens Hansen",
  "filledDate": "2026-05-06",
  "generatedAt": "2026-05-06T10:00:00Z",
  "krav": [
    {"id": "F3", "kategori": "Formkrav", "krav": "Udbudsregler", "produktniveau": "sandkasse", "retningslinjer": "", "efterlevet": "Ja", "dokumentation": "Udbud gennemført i 2024"},
    {"id": "R2", "kategori": "Relevans", "krav": "Accept", "produktniveau": "2", "retningslinjer": "", "efterlevet": "Nej", "dokumentation": "Ledelsen behandler det i januar"},
    {"id": "R4", "kategori": "Relevans", "krav": "Strategier", "produktniveau": "3", "retningslinjer": "", "efterlevet": "Nej", "dokumentation": ""},
    {"id": "G2", "kategori": "Governance", "krav": "Sekretariatet", "produktniveau": "1", "retningslinjer": "", "efterlevet": "Ved ikke", "dokumentation": ""},
    {"id": "G4", "kategori": "Governance", "krav": "Bestyrelsen", "produktniveau": "1", "retningslinjer": "", "efterlevet": null, "dokumentation": ""},
    {"id": "F19", "kategori": "Formkrav", "krav": "Container", "produktniveau": "2", "retningslinjer": "", "efterlevet": "Ja", "dokumentation": "Dockerfile"}
  ]
}"#;
    let r = baseline_files()
        .remove("Dockerfile")
        .set("docs/self-assessment/2026-05-06.json", json)
        .check();
    says(verdict(&r, "F3", Verdict::Declared), "Udbud gennemført");
    says(
        verdict(&r, "R2", Verdict::Explained),
        "Ledelsen behandler det",
    );
    verdict(&r, "R4", Verdict::NotMet);
    verdict(&r, "G2", Verdict::Unknown);
    verdict(&r, "G4", Verdict::Unknown);
    verdict(&r, "G5", Verdict::Unknown);
    // "Ja" on an automatic requirement whose check finds nothing is a contradiction too.
    verdict(&r, "F19", Verdict::NotMet);
    assert!(r.contradictions.iter().any(|c| c.id == "F19"));
    assert!(r
        .notes
        .iter()
        .any(|n| n.contains("docs/self-assessment/2026-05-06.json")));
}

#[test]
fn report_rows_take_precedence_over_the_self_assessment() {
    let json = r#"{"krav": [{"id": "F3", "efterlevet": "Nej", "dokumentation": ""},
                            {"id": "R2", "efterlevet": "Ja", "dokumentation": "Accepteret"}]}"#;
    let r = baseline_files()
        .set("docs/self-assessment/a.json", json)
        .set(
            REPORT,
            &governance_report("", &[("F3", "✅", "Udbud 2024")]),
        )
        .check();
    verdict(&r, "F3", Verdict::Declared);
    // R2 has no marker in the report: the self-assessment answers.
    verdict(&r, "R2", Verdict::Declared);
}

#[test]
fn broken_self_assessment_is_a_note_not_an_error() {
    let r = baseline_files()
        .set("docs/self-assessment/x.json", "{ not json")
        .check();
    assert!(
        r.notes.iter().any(|n| n.contains("not valid JSON")),
        "{:?}",
        r.notes
    );
    verdict(&r, "F3", Verdict::Unknown);
}

// ---------------------------------------------------------------------------------------------
// Contradictions
// ---------------------------------------------------------------------------------------------

#[test]
fn tick_on_an_automatic_requirement_without_evidence_is_a_contradiction() {
    let r = baseline().remove("SECURITY.md").check();
    let f4 = verdict(&r, "F4", Verdict::NotMet);
    says(f4, "Declared ✅");
    says(f4, "No SECURITY.md");
    let c = r
        .contradictions
        .iter()
        .find(|c| c.id == "F4")
        .expect("F4 contradiction");
    assert_eq!(c.declared, "✅ met");
    assert!(c.found.contains("No SECURITY.md"), "{}", c.found);
    let p11 = verdict(&r, "P11", Verdict::NotMet);
    says(p11, "contradicts");
    says(p11, "F4");
}

#[test]
fn cross_where_evidence_is_found_is_met_and_listed() {
    let r = baseline()
        .set(
            REPORT,
            &full_report(&[("F19", "❌", "Vi leverer ikke containere")]),
        )
        .check();
    evidence_file(verdict(&r, "F19", Verdict::Met), "Dockerfile");
    let c = r
        .contradictions
        .iter()
        .find(|c| c.id == "F19")
        .expect("F19 contradiction");
    assert_eq!(c.declared, "❌ not met");
    assert!(c.found.contains("Dockerfile"), "{}", c.found);
    says(verdict(&r, "P11", Verdict::NotMet), "F19");
}

#[test]
fn doubt_or_empty_with_evidence_is_simply_met() {
    let r = baseline()
        .set(REPORT, &full_report(&[("F19", "❓", ""), ("F4", "", "")]))
        .check();
    verdict(&r, "F19", Verdict::Met);
    verdict(&r, "F4", Verdict::Met);
    assert!(r.contradictions.is_empty(), "{:?}", r.contradictions);
    // The report is incomplete, though: F4 has no marker.
    says(verdict(&r, "P11", Verdict::NotMet), "F4");
}

#[test]
fn cross_on_an_a_d_requirement_without_evidence_stays_not_met() {
    let r = baseline_files()
        .remove("GOVERNANCE.md")
        .set(REPORT, &full_report(&[("G6", "❌", "")]))
        .check();
    says(verdict(&r, "G6", Verdict::NotMet), "Declared ❌");
    assert!(r.contradictions.is_empty(), "{:?}", r.contradictions);
}
