//! The baseline: on a repository that follows OS2's templates and good practice every check
//! that can run finds its evidence, and the evidence points at file and line.

use super::*;

/// The most valuable test: on a repository that does everything right, every check that can
/// run offline finds its evidence, and nothing contradicts the report.
#[test]
fn baseline_meets_every_requirement_it_can_check_offline() {
    let r = baseline().check();
    let mut wrong = Vec::new();
    for f in &r.requirements {
        let expected = match (f.id.as_str(), f.method) {
            // Offline: visibility/archiving and fork status need metadata; the ✅ stands.
            ("F1" | "F12", _) => Verdict::Declared,
            // Response times need GitHub's open issues; P rows are not in the report.
            ("P9", _) => Verdict::Unknown,
            (_, Method::Declared) => Verdict::Declared,
            _ => Verdict::Met,
        };
        if f.verdict != expected {
            wrong.push(format!(
                "{} is {} (expected {}): {} {:?}",
                f.id,
                f.verdict.as_str(),
                expected.as_str(),
                f.message,
                f.evidence
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    assert!(r.contradictions.is_empty(), "{:?}", r.contradictions);
    assert_eq!(r.requirements.len(), 56);
    // Every mandatory requirement is compliant: the highest level is achieved.
    assert_eq!(r.achieved_level, Some(Level::Three));
    assert!(r.passed);
}

#[test]
fn baseline_with_metadata_is_fully_verified_where_it_can_be() {
    let r = check_snapshot(&with_metadata(baseline().snapshot()));
    for id in ["F1", "F12", "P9"] {
        verdict(&r, id, Verdict::Met);
    }
    let f1 = finding(&r, "F1");
    assert_eq!(
        f1.evidence[0].url.as_deref(),
        Some("https://github.com/OS2offdig/os2test")
    );
    // Only the declared-only requirements are not verified by the tool.
    let not_met: Vec<&str> = r
        .requirements
        .iter()
        .filter(|f| f.verdict != Verdict::Met)
        .map(|f| f.id.as_str())
        .collect();
    let declared_only: Vec<&str> = r
        .requirements
        .iter()
        .filter(|f| f.method == Method::Declared)
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(not_met, declared_only);
    assert_eq!(r.achieved_level, Some(Level::Three));
    assert_eq!(r.score, 100);
}

#[test]
fn baseline_without_a_report_leaves_declarations_unknown() {
    let r = baseline_files().check();
    for f in &r.requirements {
        match (f.id.as_str(), f.method) {
            ("F1" | "F12" | "P9", _) | (_, Method::Declared) => {
                assert_eq!(f.verdict, Verdict::Unknown, "{}: {}", f.id, f.message)
            }
            ("P11", _) => assert_eq!(f.verdict, Verdict::NotMet, "{}", f.message),
            _ => assert_eq!(f.verdict, Verdict::Met, "{}: {}", f.id, f.message),
        }
    }
    verdict(&r, "F3", Verdict::Unknown);
    says(finding(&r, "F3"), "Not declared");
    assert_eq!(r.achieved_level, None, "F1 and F3 are unknown offline");
    assert_eq!(r.required_level.source, LevelSource::Default);
}

#[test]
fn baseline_evidence_points_at_file_and_line() {
    let r = baseline().check();
    evidence_at(finding(&r, "R1"), "README.md", line_of(README, "## Value"));
    evidence_at(
        finding(&r, "R3"),
        "README.md",
        line_of(README, "## Who is it for"),
    );
    evidence_at(finding(&r, "F2"), "LICENSE", 1);
    says(finding(&r, "F2"), "MPL-2.0");
    evidence_file(finding(&r, "F4"), "SECURITY.md");
    let f5 = finding(&r, "F5");
    for heading in ["## About", "## Purpose", "## Value", "## Contact"] {
        evidence_at(f5, "README.md", line_of(README, heading));
    }
    let f10 = finding(&r, "F10");
    evidence_at(
        f10,
        "README.md",
        line_of(README, "https://os2.eu/produkt/os2test"),
    );
    assert_eq!(
        f10.evidence[0].url.as_deref(),
        Some("https://os2.eu/produkt/os2test")
    );
    let f11 = finding(&r, "F11");
    evidence_at(f11, "README.md", line_of(README, "atlassian.net"));
    says(f11, "1 of 1 commit (100\u{a0}%) references an issue");
    evidence_at(
        finding(&r, "G3"),
        "README.md",
        line_of(README, "## Contact"),
    );
    evidence_file(finding(&r, "S4"), "VISION.md");
    evidence_file(finding(&r, "F19"), "Dockerfile");
    evidence_at(
        finding(&r, "G6"),
        "GOVERNANCE.md",
        line_of(GOVERNANCE, "## Steering group"),
    );
    evidence_file(finding(&r, "P12"), "publiccode.yml");
    says(finding(&r, "P8"), ".github/workflows/ci.yml");
    says(finding(&r, "P8"), ".github/dependabot.yml");
    says(finding(&r, "P5"), "2026-10");
}
