use super::*;
use crate::base::model::{FileEntry, Snapshot, Unread};
use crate::engine::{check, Options};

const NOW: i64 = 1_795_737_600;

fn snapshot(files: &[(&str, &str)]) -> Snapshot {
    Snapshot {
        files: files
            .iter()
            .map(|(path, text)| (path.to_string(), FileEntry::text(*text)))
            .collect(),
        now: NOW,
        ..Snapshot::default()
    }
}

fn repo_in(lang: Lang, name: &str, snapshot: &Snapshot) -> Repository {
    let options = Options {
        lang: Some(lang),
        ..Options::default()
    };
    Repository {
        name: name.to_string(),
        url: Some(format!("https://github.com/{name}")),
        report: check(snapshot, &options).expect("check"),
    }
}

fn repo(name: &str, snapshot: &Snapshot) -> Repository {
    repo_in(Lang::Da, name, snapshot)
}

fn product(repositories: Vec<Repository>) -> Product {
    Product {
        name: "OS2test".into(),
        organisation: Some("https://github.com/OS2test".into()),
        site: None,
        main: 0,
        repositories,
        governance_report: None,
    }
}

fn row<'a>(evaluation: &'a Evaluation, id: &str) -> &'a Row {
    evaluation
        .rows
        .iter()
        .find(|r| r.id == id)
        .unwrap_or_else(|| panic!("{id}"))
}

const SECURITY: &str = "# Sikkerhed\n\nFejl rapporteres fortroligt til security@os2test.dk; vi svarer inden for fem arbejdsdage og retter kritiske fejl straks.\n";

#[test]
fn evidence_in_any_repository_counts_and_is_cited_with_it() {
    let login = snapshot(&[("README.md", "# Login\n\nEn login-tjeneste.\n")]);
    let mfa = snapshot(&[("SECURITY.md", SECURITY)]);
    let alone = evaluate(&product(vec![repo("OS2test/login", &login)]), "01-12-2026");
    let both = evaluate(
        &product(vec![
            repo("OS2test/login", &login),
            repo("OS2test/mfa", &mfa),
        ]),
        "01-12-2026",
    );
    assert_ne!(row(&alone, "F4").light, Light::Green);
    let f4 = row(&both, "F4");
    assert_eq!(f4.light, Light::Green, "{f4:?}");
    assert_eq!(f4.repository.as_deref(), Some("OS2test/mfa"));
    assert!(f4.basis.contains("OS2test/mfa"), "{}", f4.basis);
    assert!(f4
        .evidence
        .iter()
        .any(|c| c.link.as_deref().is_some_and(
            |l| l.starts_with("https://github.com/OS2test/mfa/blob/HEAD/SECURITY.md")
        )));
}

#[test]
fn a_repository_not_read_makes_the_row_white_never_red() {
    let login = snapshot(&[("README.md", "# Login\n")]);
    let mut broken = snapshot(&[]);
    broken.unread = Unread {
        listing: Some(Msg::new(
            "træet kunne ikke hentes (HTTP 502)",
            "the tree could not be fetched (HTTP 502)",
        )),
        ..Unread::default()
    };
    let evaluation = evaluate(
        &product(vec![
            repo_in(Lang::En, "OS2test/login", &login),
            repo_in(Lang::En, "OS2test/mfa", &broken),
        ]),
        "01-12-2026",
    );
    let f4 = row(&evaluation, "F4");
    assert_eq!(f4.light, Light::White, "{f4:?}");
    assert!(f4.basis.contains("502"), "{}", f4.basis);
    assert_eq!(evaluation.incomplete.len(), 1);
    assert!(evaluation.incomplete[0].starts_with("OS2test/mfa: "));
}

#[test]
fn material_that_belongs_on_os2_eu_is_white_when_the_repositories_lack_it() {
    let evaluation = evaluate(
        &product(vec![repo(
            "OS2test/login",
            &snapshot(&[("README.md", "# Login\n")]),
        )]),
        "01-12-2026",
    );
    for id in ["F13", "F14", "F15", "F20", "F10"] {
        let r = row(&evaluation, id);
        assert_eq!(r.light, Light::White, "{id}: {r:?}");
        assert!(r.basis.contains("os2.eu"), "{id}: {}", r.basis);
    }
    // A requirement checked in the repositories is red when missing.
    assert_eq!(row(&evaluation, "F19").light, Light::Red);
}

#[test]
fn a_declared_only_requirement_is_white_until_declared_then_yellow() {
    let report = "# Governancerapport for OS2test\n\n| 🔽 | # | Krav | Beskrivelse / Dokumentation | Produktniveau | Retningslinjer |\n| --- | --- | --- | --- | --- | --- |\n| ✅ | G2 | Der koordineres løbende med OS2-sekretariatet | Møde med sekretariatet hver måned | 1 | Bekræft |\n";
    let without = evaluate(
        &product(vec![repo(
            "OS2test/login",
            &snapshot(&[("README.md", "# Login\n")]),
        )]),
        "01-12-2026",
    );
    let g2 = row(&without, "G2");
    assert_eq!(g2.light, Light::White);
    assert!(g2.basis.contains("ikke erklæret"), "{}", g2.basis);
    let with = evaluate(
        &product(vec![repo(
            "OS2test/login",
            &snapshot(&[
                ("README.md", "# Login\n"),
                ("OS2test_governance_report.md", report),
            ]),
        )]),
        "01-12-2026",
    );
    let g2 = row(&with, "G2");
    assert_eq!(g2.light, Light::Yellow, "{g2:?}");
    assert!(
        g2.basis.contains("Erklæret i governancerapporten"),
        "{}",
        g2.basis
    );
}

#[test]
fn what_rests_on_history_comes_from_the_main_repository_and_says_so() {
    let old = snapshot(&[("README.md", "# Login\n")]);
    let evaluation = evaluate(
        &product(vec![
            repo_in(Lang::En, "OS2test/login", &old),
            repo_in(Lang::En, "OS2test/mfa", &old),
        ]),
        "01-12-2026",
    );
    let f1 = row(&evaluation, "F1");
    assert_eq!(f1.repository.as_deref(), Some("OS2test/login"));
    assert!(
        f1.basis.contains("main repository OS2test/login"),
        "{}",
        f1.basis
    );
}

#[test]
fn the_counts_are_the_rows_and_always_add_up() {
    let evaluation = evaluate(
        &product(vec![
            repo("OS2test/login", &snapshot(&[("README.md", "# Login\n")])),
            repo(
                "OS2test/mfa",
                &snapshot(&[("SECURITY.md", SECURITY), ("Dockerfile", "FROM scratch\n")]),
            ),
        ]),
        "01-12-2026",
    );
    assert_eq!(evaluation.rows.len(), 43);
    assert_eq!(evaluation.counts().total(), 43);
    let per_level: usize = Level::ALL
        .iter()
        .map(|l| evaluation.counts_at(*l).total())
        .sum();
    assert_eq!(per_level, 43);
    for level in Level::ALL {
        let themes: usize = [
            Theme::Relevans,
            Theme::Formkrav,
            Theme::StrategiskSammenhaeng,
            Theme::Governance,
        ]
        .iter()
        .map(|t| evaluation.counts_of(*t, level).total())
        .sum();
        assert_eq!(themes, evaluation.counts_at(level).total(), "{level:?}");
    }
    // SPEC §2 / the template: 6, 10, 19, 8.
    let sizes: Vec<usize> = Level::ALL
        .iter()
        .map(|l| evaluation.counts_at(*l).total())
        .collect();
    assert_eq!(sizes, [6, 10, 19, 8]);
}

#[test]
fn green_is_never_given_on_weaker_evidence_than_met() {
    let evaluation = evaluate(
        &product(vec![repo(
            "OS2test/login",
            &snapshot(&[("README.md", "# Login\n"), ("SECURITY.md", SECURITY)]),
        )]),
        "01-12-2026",
    );
    for row in &evaluation.rows {
        assert_eq!(
            row.light == Light::Green,
            row.verdict == Verdict::Met,
            "{row:?}"
        );
    }
}

#[test]
fn dates_as_the_template_writes_them() {
    assert_eq!(template_date(NOW), "27-11-2026");
}
