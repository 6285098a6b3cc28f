//! Strategisk sammenhæng: S1–S5.

use super::*;

#[test]
fn s1_s3_s5_os2_strategy_section() {
    let r = baseline_files().check();
    for id in ["S1", "S3", "S5"] {
        evidence_at(verdict(&r, id, Verdict::Met), "VISION.md", 1);
    }
    // A vision that never mentions OS2 says nothing about OS2's strategy.
    let own_only = "# Vision\n\nThe booking system every municipality reaches for first: simple for citizens, cheap to run, and owned by the municipalities that use it, with features added only when two of them need them and a product small enough for a new supplier to take over.\n";
    let r = baseline_files().set("VISION.md", own_only).check();
    for id in ["S1", "S3", "S5"] {
        verdict(&r, id, Verdict::Unknown);
    }
    verdict(&r, "S4", Verdict::Met);
    let r = baseline_files()
        .set("VISION.md", own_only)
        .set(
            REPORT,
            &full_report(&[("S5", "❌", "Ikke beskrevet endnu; planlagt 2027")]),
        )
        .check();
    verdict(&r, "S1", Verdict::Declared);
    verdict(&r, "S5", Verdict::Explained);
}

#[test]
fn s2_open_source_section() {
    let r = baseline_files().check();
    evidence_at(
        verdict(&r, "S2", Verdict::Met),
        "VISION.md",
        line_of(VISION, "## Open source"),
    );
    let r = baseline_files()
        .edit("VISION.md", "## Open source and innovation", "## Licence")
        .check();
    verdict(&r, "S2", Verdict::Unknown);
    let r = baseline_files()
        .edit(
            "VISION.md",
            "## Open source and innovation",
            "## Åben kildekode",
        )
        .check();
    verdict(&r, "S2", Verdict::Met);
}

#[test]
fn s4_vision_file_or_section() {
    for path in ["vision.md", "docs/VISION.md", "doc/Vision.rst"] {
        let r = baseline_files()
            .remove("VISION.md")
            .set(path, VISION)
            .check();
        evidence_file(verdict(&r, "S4", Verdict::Met), path);
    }
    let r = baseline_files().remove("VISION.md").check();
    says(verdict(&r, "S4", Verdict::NotMet), "No VISION.md");
    let r = baseline_files()
        .set("VISION.md", "# Vision\n\nTo be written.\n")
        .check();
    let s4 = verdict(&r, "S4", Verdict::NotMet);
    says(s4, "not filled in");
    evidence_file(s4, "VISION.md");
    let r = baseline_files()
        .set(
            "VISION.md",
            &format!("{VISION}\nTODO(os2gov): describe the strategic goals\n"),
        )
        .check();
    verdict(&r, "S4", Verdict::NotMet);
    // A Strategi section of substance in the README.
    let r = baseline_files()
        .remove("VISION.md")
        .edit(
            "README.md",
            "## Contact",
            "## Strategi\n\nOS2test skal være det bookingsystem, alle kommuner vælger først: enkelt for borgerne, billigt at drive og ejet af de kommuner, der bruger det. Nye funktioner kommer kun med, når mindst to kommuner har brug for dem, og produktet holdes så lille, at en ny leverandør kan overtage det på en måned.\n\n## Contact",
        )
        .check();
    evidence_file(verdict(&r, "S4", Verdict::Met), "README.md");
}

// One met and one not-met case, named by the id (see main.rs).

#[test]
fn s1_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "S1", Verdict::Met),
        "OS2's strategy is addressed under \"Vision for OS2test\"",
    );
}

#[test]
fn s1_not_met_declared_cross_without_evidence() {
    says(
        verdict(&declared_cross("S1"), "S1", Verdict::NotMet),
        "Declared ❌",
    );
}

#[test]
fn s2_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "S2", Verdict::Met),
        "Open source and innovation under \"Open source and innovation\"",
    );
}

#[test]
fn s2_not_met_declared_cross_without_evidence() {
    says(
        verdict(&declared_cross("S2"), "S2", Verdict::NotMet),
        "Declared ❌",
    );
}

#[test]
fn s3_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "S3", Verdict::Met),
        "OS2's strategy is addressed under \"Vision for OS2test\"",
    );
}

#[test]
fn s3_not_met_declared_cross_without_evidence() {
    says(
        verdict(&declared_cross("S3"), "S3", Verdict::NotMet),
        "Declared ❌",
    );
}

#[test]
fn s4_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "S4", Verdict::Met),
        "Product vision in VISION.md",
    );
}

#[test]
fn s4_not_met_on_a_bare_repository() {
    says(
        verdict(&bare().check(), "S4", Verdict::NotMet),
        "No VISION.md and no vision, strategy or roadmap section of substance",
    );
}

#[test]
fn s5_met_on_the_baseline() {
    says(
        verdict(&baseline_files().check(), "S5", Verdict::Met),
        "OS2's strategy is addressed under \"Vision for OS2test\"",
    );
}

#[test]
fn s5_not_met_declared_cross_without_evidence() {
    says(
        verdict(&declared_cross("S5"), "S5", Verdict::NotMet),
        "Declared ❌",
    );
}
