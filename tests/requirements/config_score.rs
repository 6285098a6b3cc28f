//! Config (exceptions, the required level, language) and the score.

use super::*;

#[test]
fn exception_explains_a_missing_requirement() {
    let r = baseline_files()
        .remove("Dockerfile")
        .set(
            "os2gov.toml",
            "[exceptions]\nF19 = \"We ship Debian packages\"\n",
        )
        .check();
    let f19 = verdict(&r, "F19", Verdict::Explained);
    says(f19, "Excepted in os2gov.toml: We ship Debian packages");
    // A met requirement stays met.
    let r = baseline_files()
        .set(
            "os2gov.toml",
            "[exceptions]\nF19 = \"We ship Debian packages\"\n",
        )
        .check();
    verdict(&r, "F19", Verdict::Met);
    // Good practice and declared requirements can be excepted too; ids in any case.
    let r = baseline_files()
        .remove("publiccode.yml")
        .set("os2gov.toml", "[exceptions]\np12 = \"Not in a catalogue yet\"\nF3 = \"Developed in-house\"\nF1 = \"Mirror\"\n")
        .check();
    verdict(&r, "P12", Verdict::Explained);
    verdict(&r, "F3", Verdict::Explained);
    verdict(&r, "F1", Verdict::Explained);
}

#[test]
fn required_level_precedence() {
    let report = full_report_with_prose("Produktniveau: 2", &[]);
    // Report only.
    let r = baseline_files().set(REPORT, &report).check();
    assert_eq!(
        (r.required_level.level, r.required_level.source),
        (Level::Two, LevelSource::Report)
    );
    // Config beats report.
    let with_config = baseline_files()
        .set(REPORT, &report)
        .set("os2gov.toml", "level = \"1\"\n");
    let r = with_config.check();
    assert_eq!(
        (r.required_level.level, r.required_level.source),
        (Level::One, LevelSource::Config)
    );
    // The flag beats both.
    let r = with_config.check_with(Options {
        level: Some(Level::Three),
        ..english()
    });
    assert_eq!(
        (r.required_level.level, r.required_level.source),
        (Level::Three, LevelSource::Flag)
    );
    // Neither: sandkasse by default.
    let r = baseline_files().set(REPORT, &full_report(&[])).check();
    assert_eq!(
        (r.required_level.level, r.required_level.source),
        (Level::Sandkasse, LevelSource::Default)
    );
    // Config alone.
    let r = baseline_files()
        .set("os2gov.toml", "level = \"2\"\n")
        .check();
    assert_eq!(
        (r.required_level.level, r.required_level.source),
        (Level::Two, LevelSource::Config)
    );
}

#[test]
fn config_language_and_flag() {
    let fixture = baseline_files().set("os2gov.toml", "language = \"da\"\n");
    let r = fixture.check_with(Options::default());
    assert_eq!(r.lang, Lang::Da);
    says(finding(&r, "R1"), "Værdien er beskrevet");
    let r = fixture.check();
    assert_eq!(r.lang, Lang::En);
}

#[test]
fn broken_config_is_an_error_naming_the_line() {
    let e = baseline_files()
        .set("os2gov.toml", "level = \"2\"\n[exceptions]\nF19 = \n")
        .try_check(english())
        .expect_err("broken toml");
    assert!(e.to_string().starts_with("os2gov.toml:3"), "{e}");
    let e = baseline_files()
        .set(
            "os2gov.toml",
            "level = \"1\"\n\n[exceptions]\nX99 = \"why\"\n",
        )
        .try_check(english())
        .expect_err("unknown id");
    assert!(e.to_string().starts_with("os2gov.toml:4"), "{e}");
    assert!(e.to_string().contains("X99"), "{e}");
    let e = baseline_files()
        .set("os2gov.toml", "[exceptions]\nF19 = \"\"\n")
        .try_check(english())
        .expect_err("empty explanation");
    assert!(e.to_string().contains("F19"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// Score
// ---------------------------------------------------------------------------------------------

/// The four README questions, a licence and a security policy, and a report declaring F1 and
/// F3: every sandkasse requirement is compliant, level 1 is not.
fn sandbox_repo() -> Repo {
    Repo::empty()
        .set(
            "README.md",
            "# OS2test\n\n## About\n\nOS2test is a booking system for the rooms and cars of municipalities.\n\n## Purpose\n\nMunicipalities need one shared booking tool instead of many spreadsheets.\n\n## Value\n\nEach municipality saves licence costs and staff time every single week.\n\n## Contact\n\nJens Hansen, jens.hansen@aarhus.dk\n",
        )
        .set("LICENSE", LICENSE)
        .set("SECURITY.md", SECURITY)
        .set(
            REPORT,
            &governance_report(
                "",
                &[
                    ("F1", "✅", "https://github.com/OS2offdig/os2test"),
                    ("F3", "✅", "Udviklet af kommunen selv"),
                ],
            ),
        )
}

#[test]
fn sandbox_fixture_achieves_sandkasse() {
    let r = sandbox_repo().check();
    for id in ["R1", "F2", "F4", "F5"] {
        verdict(&r, id, Verdict::Met);
    }
    verdict(&r, "F1", Verdict::Declared);
    verdict(&r, "F3", Verdict::Declared);
    assert_eq!(r.achieved_level, Some(Level::Sandkasse));
    assert_eq!(r.required_level.level, Level::Sandkasse);
    assert!(r.passed);
    let sandbox = &r.levels[0];
    assert_eq!(
        (sandbox.compliant, sandbox.mandatory, sandbox.complete),
        (6, 6, true)
    );
    assert!(!r.levels[1].complete);
    // Required level 1 (from the flag): not passed.
    let r = sandbox_repo().check_with(Options {
        level: Some(Level::One),
        ..english()
    });
    assert_eq!(r.achieved_level, Some(Level::Sandkasse));
    assert!(!r.passed);
    // One sandkasse requirement missing: nothing achieved.
    let r = sandbox_repo().remove("SECURITY.md").check();
    assert_eq!(r.achieved_level, None);
    assert!(!r.passed);
}

#[test]
fn score_arithmetic_on_a_small_case() {
    // Required level sandkasse: 6 mandatory requirements, no recommendations.
    // Compliant: R1, F2, F4, F5 met; F1, F3 declared → 6/6 = 100, verified 4/6 = 0.667.
    let r = sandbox_repo().check();
    assert_eq!(r.score, 100);
    assert!(
        (r.verified_share - 0.667).abs() < 1e-9,
        "{}",
        r.verified_share
    );

    // Required level 1: 16 mandatory (6 + 10) and 6 recommendations (P1, P2, P8, P10, P11,
    // P12) at ½ → 19. The fixture's compliant ones up to level 1:
    let r = sandbox_repo().check_with(Options {
        level: Some(Level::One),
        ..english()
    });
    let compliant: Vec<&str> = r
        .requirements
        .iter()
        .filter(|f| f.level <= Level::One && f.verdict.is_compliant())
        .map(|f| f.id.as_str())
        .collect();
    // G3: the README's contact. P11: not complete, so not-met.
    assert_eq!(compliant, vec!["R1", "F1", "F2", "F3", "F4", "F5", "G3"]);
    let in_scope: Vec<&Finding> = r
        .requirements
        .iter()
        .filter(|f| f.level <= Level::One)
        .collect();
    assert_eq!(in_scope.iter().filter(|f| !f.recommended).count(), 16);
    assert_eq!(in_scope.iter().filter(|f| f.recommended).count(), 6);
    // 7 mandatory compliant / 19 = 36.84 → 37; verified: 5 met / 7 compliant = 0.714.
    assert_eq!(r.score, 37);
    assert!(
        (r.verified_share - 0.714).abs() < 1e-9,
        "{}",
        r.verified_share
    );

    // Add a code of conduct (P1, a recommendation: ½): 7.5/19 = 39.47 → 39; 5.5/7.5 = 0.733.
    let r = sandbox_repo()
        .set("CODE_OF_CONDUCT.md", "# Code of conduct\n\nBe kind.\n")
        .check_with(Options {
            level: Some(Level::One),
            ..english()
        });
    verdict(&r, "P1", Verdict::Met);
    assert_eq!(r.score, 39);
    assert!(
        (r.verified_share - 0.733).abs() < 1e-9,
        "{}",
        r.verified_share
    );
}
