//! Every not-met answered by a fix that matches what was found (issue 11 §1): a stale
//! repository is not told to become public, a manifest's licence is not answered with
//! MPL-2.0, and a requirement nobody declared says what to write in the governance report.
//! Each case in Danish and English.

use super::*;

fn danish() -> Options {
    Options {
        lang: Some(Lang::Da),
        ..Options::default()
    }
}

/// The finding `id` of `snapshot` checked in both languages: (Danish, English).
fn both(snapshot: &Snapshot, id: &str) -> (Finding, Finding) {
    let da = check(snapshot, &danish()).expect("check");
    let en = check_snapshot(snapshot);
    (finding(&da, id).clone(), finding(&en, id).clone())
}

fn fix_says(f: &Finding, needle: &str) {
    assert!(
        f.fix.contains(needle),
        "{}: fix {:?} does not say {needle:?} (message {:?})",
        f.id,
        f.fix,
        f.message
    );
}

fn fix_never(f: &Finding, needle: &str) {
    assert!(
        !f.fix.contains(needle),
        "{}: fix {:?} says {needle:?}",
        f.id,
        f.fix
    );
}

#[test]
fn f1_not_met_stale_is_answered_with_developing_here_not_going_public() {
    let snapshot = baseline_files().days_ago(379).snapshot();
    let (da, en) = both(&snapshot, "F1");
    assert_eq!(en.verdict, Verdict::NotMet);
    says(&en, "379 days old");
    fix_says(&en, "commit and push");
    fix_never(&en, "public");
    fix_says(&da, "commit og push");
    fix_never(&da, "offentligt");
}

#[test]
fn f1_not_met_private_archived_each_their_fix() {
    let mut private = with_metadata(baseline_files().snapshot());
    if let Fetched::Got { value } = &mut private.github {
        value.private = true;
    }
    let (da, en) = both(&private, "F1");
    assert_eq!(en.verdict, Verdict::NotMet);
    fix_says(&en, "Make the repository public");
    fix_never(&en, "narchive");
    fix_says(&da, "Gør repositoriet offentligt");

    let mut archived = with_metadata(baseline_files().snapshot());
    if let Fetched::Got { value } = &mut archived.github {
        value.archived = true;
    }
    let (da, en) = both(&archived, "F1");
    assert_eq!(en.verdict, Verdict::NotMet);
    fix_says(&en, "Unarchive");
    fix_never(&en, "public");
    fix_says(&da, "Ophæv arkiveringen");
}

#[test]
fn f6_not_met_outside_os2_names_the_repository_to_transfer() {
    let snapshot = baseline_files()
        .origin(Some("https://github.com/leverandor/os2test"))
        .snapshot();
    let (da, en) = both(&snapshot, "F6");
    assert_eq!(en.verdict, Verdict::NotMet);
    fix_says(&en, "Transfer leverandor/os2test");
    fix_says(&da, "Overdrag leverandor/os2test");
}

#[test]
fn f12_not_met_fork_is_answered_with_one_repository() {
    let mut fork = with_metadata(baseline_files().snapshot());
    if let Fetched::Got { value } = &mut fork.github {
        value.fork = true;
    }
    let (da, en) = both(&fork, "F12");
    assert_eq!(en.verdict, Verdict::NotMet);
    fix_says(&en, "merge the fork's changes back");
    fix_says(&da, "flet forkens ændringer tilbage");
}

#[test]
fn f2_not_met_manifest_licence_is_answered_with_that_licence() {
    let snapshot = baseline_files()
        .remove("LICENSE")
        .set(
            "composer.json",
            "{\"name\": \"os2/test\", \"license\": \"EUPL-1.2\"}\n",
        )
        .snapshot();
    let (da, en) = both(&snapshot, "F2");
    assert_eq!(en.verdict, Verdict::NotMet);
    says(&en, "composer.json");
    fix_says(&en, "EUPL-1.2, which composer.json declares");
    fix_never(&en, "MPL-2.0");
    fix_says(&da, "EUPL-1.2, som composer.json angiver");
    fix_never(&da, "MPL-2.0");
}

#[test]
fn f2_not_met_non_osi_and_disagreeing_and_unrecognised_each_their_fix() {
    let proprietary = baseline_files()
        .set(
            "LICENSE",
            "Copyright 2026 Aarhus Kommune. All rights reserved.\n",
        )
        .snapshot();
    let (da, en) = both(&proprietary, "F2");
    assert_eq!(en.verdict, Verdict::NotMet);
    says(&en, "not an OSI-approved licence");
    fix_says(&en, "Release the code under an OSI-approved licence");
    fix_says(&da, "Udgiv koden under en OSI-godkendt licens");

    // A text no licence is recognised in: replace it with a licence's full text.
    let unrecognised = baseline_files()
        .set("LICENSE", "See the website for the terms of use.\n")
        .snapshot();
    let (da, en) = both(&unrecognised, "F2");
    assert_eq!(en.verdict, Verdict::NotMet);
    says(&en, "could not be recognised");
    fix_says(&en, "full, unmodified licence text");
    fix_says(&en, "LICENSE");
    fix_says(&da, "uændrede licenstekst");

    let disagreeing = baseline_files()
        .edit("publiccode.yml", "license: MPL-2.0", "license: EUPL-1.2")
        .snapshot();
    let (da, en) = both(&disagreeing, "F2");
    assert_eq!(en.verdict, Verdict::NotMet);
    fix_says(&en, "Name the same licence everywhere");
    fix_says(&en, "legal.license");
    fix_says(&da, "Angiv den samme licens overalt");

    let missing = baseline_files().remove("LICENSE").snapshot();
    let (da, en) = both(&missing, "F2");
    assert_eq!(en.verdict, Verdict::NotMet);
    fix_says(&en, "MPL-2.0");
    fix_says(&da, "MPL-2.0");
}

#[test]
fn undeclared_requirements_say_what_to_write_in_the_governance_report() {
    let snapshot = bare().snapshot();
    let (da, en) = both(&snapshot, "F3");
    assert_eq!(en.verdict, Verdict::Unknown);
    assert_eq!(en.method, Method::Declared);
    fix_says(
        &en,
        "Must be declared in the governance report: set ✅ and write where it is documented.",
    );
    fix_says(
        &da,
        "Skal erklæres i governancerapporten: sæt ✅ og skriv, hvor det er dokumenteret.",
    );
    // Automatic-or-declared without evidence: the evidence to add, or the declaration.
    let (da, en) = both(&snapshot, "S1");
    assert_eq!(en.verdict, Verdict::Unknown);
    assert_eq!(en.method, Method::AutomaticOrDeclared);
    fix_says(&en, "must be declared in the governance report: set ✅");
    fix_says(&da, "skal det erklæres i governancerapporten: sæt ✅");
    // A declared ❌ is the report's answer, not a declaration still to write.
    let crossed = declared_cross("F3");
    fix_never(
        finding(&crossed, "F3"),
        "Must be declared in the governance report",
    );
}

#[test]
fn f1_and_f6_unknown_say_what_lets_the_check_run() {
    // Offline: nothing about visibility is known, and making it public is not the answer.
    let offline = baseline_files().snapshot();
    let (da, en) = both(&offline, "F1");
    assert_eq!(en.verdict, Verdict::Unknown);
    fix_says(&en, "without --offline");
    fix_never(&en, "Make the repository public");
    fix_says(&da, "uden --offline");

    let no_origin = baseline_files().origin(None).snapshot();
    let (da, en) = both(&no_origin, "F6");
    assert_eq!(en.verdict, Verdict::Unknown);
    fix_says(&en, "git remote add origin");
    fix_never(&en, "Transfer");
    fix_says(&da, "git remote add origin");
}
