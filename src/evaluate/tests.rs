use super::*;
use crate::base::model::{Snapshot, Unread};

use crate::engine::fixture::{snapshot, NOW};

fn repo_in(lang: Lang, name: &str, snapshot: &Snapshot) -> Repository {
    Repository {
        name: name.to_string(),
        url: Some(format!("https://github.com/{name}")),
        report: crate::engine::fixture::report(snapshot, lang),
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
        main_chosen: MainChoice::Pushed,
        repositories,
        governance_report: None,
        target: None,
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
        g2.basis
            .contains("Værktøjet kan ikke efterprøve erklæringen"),
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

fn sample() -> Evaluation {
    evaluate(
        &product(vec![
            repo(
                "OS2test/login",
                &snapshot(&[("README.md", "# Login\n\nEn login-tjeneste.\n")]),
            ),
            repo(
                "OS2test/mfa",
                &snapshot(&[("SECURITY.md", SECURITY), ("Dockerfile", "FROM scratch\n")]),
            ),
        ]),
        "01-12-2026",
    )
}

#[test]
fn the_pie_colours_follow_the_lights_whichever_slice_is_largest() {
    use crate::render::evaluation::pie_order;
    let counts = Counts {
        green: 1,
        yellow: 2,
        red: 4,
        white: 0,
    };
    assert_eq!(
        pie_order(&counts),
        [(Light::Red, 4), (Light::Yellow, 2), (Light::Green, 1)]
    );
    let markdown = crate::render::evaluation::markdown(&sample(), None);
    // Every pie: the N-th slice listed (mermaid's order) has pieN's colour.
    for block in markdown.split("```mermaid").skip(1) {
        let block = block.split("```").next().unwrap_or("");
        let slices: Vec<&str> = block
            .lines()
            .filter(|l| l.trim_start().starts_with('"') && l.contains(" : "))
            .collect();
        let values: Vec<usize> = slices
            .iter()
            .map(|l| l.rsplit(' ').next().unwrap_or("0").parse().unwrap_or(0))
            .collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "{block}");
        for (i, slice) in slices.iter().enumerate() {
            let colour = if slice.contains("Grøn") {
                "#008000"
            } else if slice.contains("Gul") {
                "#FFFF00"
            } else if slice.contains("Rød") {
                "#FF0000"
            } else {
                "#D3D3D3"
            };
            assert!(
                block.contains(&format!("\"pie{}\": \"{colour}\"", i + 1)),
                "{block}"
            );
        }
    }
}

#[test]
fn the_markdown_counts_add_up_to_the_rows_it_shows() {
    let e = sample();
    let markdown = crate::render::evaluation::markdown(&e, None);
    let shown: Vec<Light> = markdown
        .lines()
        .filter_map(|l| {
            let cells: Vec<&str> = l.split('|').map(str::trim).collect();
            (cells.len() == 8 && crate::rules::find(cells[1]).is_some())
                .then(|| Light::from_symbol(cells[5]))
        })
        .flatten()
        .collect();
    assert_eq!(shown.len(), 43);
    let green = shown.iter().filter(|l| **l == Light::Green).count();
    let overall = markdown
        .lines()
        .find(|l| l.starts_with("| **Samlet** | ") && !l.contains('🟢'))
        .expect("overall row");
    assert!(
        overall.starts_with(&format!("| **Samlet** | {green} | ")),
        "{overall}"
    );
    assert!(overall.ends_with("| 43 |"), "{overall}");
}

#[test]
fn a_rerun_keeps_what_a_person_wrote_and_lists_what_the_tool_changed() {
    use crate::evaluate::file::{keep_written, read};
    use crate::render::evaluation::markdown;
    let first = markdown(&sample(), None);
    let g2 = first
        .lines()
        .find(|l| l.starts_with("| G2 |"))
        .expect("G2")
        .to_string();
    let g2_by_hand = g2
        .replace("| ⚪ |", "| 🟢 |")
        .rsplit_once("| ")
        .map(|(a, _)| format!("{a}| Månedligt møde med sekretariatet, se referat 2026-10. |"))
        .expect("cells");
    let edited = first
        .replace(&g2, &g2_by_hand)
        .replace(
            "[Her skrives et meget kort resumé af den samlede vurdering og anbefaling.]",
            "Produktet er godt på vej.\n\nTo afsnit.",
        )
        .replace("[Navn], [e-mail]", "Mette Madsen, mm@os2.eu");
    let file = read(&edited).expect("read");
    let mut again = sample();
    let changes = keep_written(&mut again, &file);
    assert!(changes.is_empty(), "{changes:?}");
    let second = markdown(&again, Some(&file));
    assert!(second.contains(&g2_by_hand), "{second}");
    assert!(second.contains("Produktet er godt på vej.\n\nTo afsnit."));
    assert!(second.contains("Mette Madsen, mm@os2.eu"));
    // The person's green counts: one more green than the tool's own.
    assert_eq!(again.counts().green, sample().counts().green + 1);
    // And a third run changes nothing: byte for byte.
    let file = read(&second).expect("read");
    let mut third = sample();
    keep_written(&mut third, &file);
    assert_eq!(markdown(&third, Some(&file)), second);
    // A tool-decided row the person changed is written anew, and listed.
    let f4 = second
        .lines()
        .find(|l| l.starts_with("| F4 |"))
        .expect("F4")
        .to_string();
    let file = read(&second.replace(&f4, &f4.replace("| 🟢 |", "| 🔴 |"))).expect("read");
    let mut fourth = sample();
    let changes = keep_written(&mut fourth, &file);
    assert_eq!(changes.len(), 1);
    assert_eq!(changes[0].line(Lang::Da), "F4: 🔴 → 🟢");
}

#[test]
fn a_broken_evaluation_file_is_refused() {
    use crate::evaluate::file::{read, FileError};
    let first = crate::render::evaluation::markdown(&sample(), None);
    let f4 = first
        .lines()
        .find(|l| l.starts_with("| F4 |"))
        .expect("F4")
        .to_string();
    let broken = first.replace(&f4, "| F4 | Sandkasse | kun tre celler |");
    assert!(matches!(read(&broken), Err(FileError::BrokenRow { id, .. }) if id == "F4"));
    let twice = first.replace(&f4, &format!("{f4}\n{f4}"));
    assert!(matches!(read(&twice), Err(FileError::DuplicateRow { .. })));
    assert_eq!(read("# Noget andet\n"), Err(FileError::NoRows));
}

#[test]
fn the_explanation_names_the_lists_it_rests_on() {
    let da = explanation(Lang::Da);
    assert!(da.contains("(F10, F13, F14, F15, F20, F21, G1)"), "{da}");
    assert!(da.contains("(F1, F2, F6, F11, F12)"), "{da}");
    assert!(explanation(Lang::En).starts_with("The evaluation (os2gov evaluate)"));
}

fn portfolio_of(lang: Lang) -> crate::evaluate::portfolio::ProductPortfolio {
    use crate::evaluate::portfolio::{ProductPortfolio, ProductRow};
    let mut good = ProductRow::from_evaluation(&sample());
    good.product = "OS2mo".into();
    let mut partial = ProductRow::from_evaluation(&sample());
    partial.product = "OS2iot; \"beta\"".into();
    partial.incomplete = Some("OS2iot/backend: rate limit".into());
    let failed = ProductRow::failed("OS2faktor", None, "not found <on GitHub>");
    ProductPortfolio::new(lang, "01-12-2026", vec![good, partial, failed])
}

#[test]
fn the_portfolio_marks_incomplete_products_in_every_format() {
    use crate::render::products;
    let p = portfolio_of(Lang::Da);
    assert_eq!(p.incomplete(), 2);
    assert_eq!(p.products[0].product, "OS2faktor");
    let md = products::markdown(&p);
    assert!(md.contains("3 produkter, 2 ufuldstændige"), "{md}");
    assert!(md.contains("| OS2faktor ⚠ |"), "{md}");
    let csv = products::csv(&p);
    assert!(csv.starts_with('\u{feff}'));
    assert!(csv.contains("\"OS2iot; \"\"beta\"\"\""), "{csv}");
    assert!(
        csv.contains("ikke læst fuldt ud: OS2iot/backend: rate limit"),
        "{csv}"
    );
    let lines: Vec<&str> = csv
        .trim_start_matches('\u{feff}')
        .split("\r\n")
        .filter(|l| !l.is_empty())
        .collect();
    assert_eq!(lines.len(), 4);
    let json: serde_json::Value = serde_json::from_str(&products::json(&p)).expect("JSON");
    assert_eq!(json["products"][0]["error"], "not found <on GitHub>");
    assert_eq!(
        json["products"][1]["incomplete"],
        "OS2iot/backend: rate limit"
    );
    let html = products::html(&p);
    assert!(html.contains("not found &lt;on GitHub&gt;"), "escaped");
    assert!(html.contains("<tr class=\"incomplete\">"));
    // Self-contained: no asset is fetched (links to the organisations are plain anchors).
    for asset in ["src=", "<link", "@import", "url("] {
        assert!(!html.contains(asset), "{asset}");
    }
    assert!(html.starts_with("<!DOCTYPE html>\n<html lang=\"da\">"));
}

#[test]
fn english_csv_is_comma_separated() {
    let csv = crate::render::products::csv(&portfolio_of(Lang::En));
    assert!(
        csv.trim_start_matches('\u{feff}')
            .starts_with("Product,Proposed level,Declared level,Repositories,Sandbox Green,"),
        "{csv}"
    );
}

#[test]
fn part_of_what_a_requirement_asks_is_yellow_with_what_was_found() {
    let readme = "# Login\n\nLogin er en fælles login-tjeneste for kommunerne.\n\n## Værdi\n\nKommunerne sparer tid, fordi brugerne kun logger ind ét sted, og supporten får færre sager.\n\n## Behov\n\nKommunerne har brug for et sikkert fælles login, der virker på tværs af deres systemer.\n";
    let security = "# Sikkerhed\n\nVi tager sikkerhed alvorligt og opdaterer afhængigheder løbende hver måned.\n";
    let e = evaluate(
        &product(vec![repo(
            "OS2test/login",
            &snapshot(&[("README.md", readme), ("SECURITY.md", security)]),
        )]),
        "01-12-2026",
    );
    // Two of F5's four README questions.
    let f5 = row(&e, "F5");
    assert_eq!(f5.light, Light::Yellow, "{f5:?}");
    assert!(
        f5.basis.starts_with(
            "Delvist opfyldt: README mangler: hvad produktet er, hvem kontaktpersonen er"
        ),
        "{}",
        f5.basis
    );
    assert_eq!(f5.evidence[0].evidence.path.as_deref(), Some("README.md"));
}

#[test]
fn the_organisations_dot_github_is_the_last_place_for_the_governance_report() {
    let report = "# Governancerapport\n\n| 🔽 | # | Krav | Beskrivelse / Dokumentation | Produktniveau | Retningslinjer |\n| --- | --- | --- | --- | --- | --- |\n| ✅ | G2 | Der koordineres løbende med OS2-sekretariatet | Møde hver måned | 1 | Bekræft |\n";
    let org = snapshot(&[("docs/governance-report.md", report)]);
    // No repository has one: the organisation's is shared into every repository, once.
    let mut snapshots = vec![
        snapshot(&[("README.md", "# Login\n")]),
        snapshot(&[("README.md", "# MFA\n")]),
    ];
    let from = share_declarations_from(&mut snapshots, 1, Some(&org));
    assert_eq!(
        from,
        Some((DeclaredIn::Organisation, "docs/governance-report.md".into()))
    );
    assert!(snapshots.iter().all(has_declarations));
    // A repository's own comes first, and replaces the organisation's everywhere.
    let mut snapshots = vec![
        snapshot(&[("README.md", "# Login\n")]),
        snapshot(&[("OS2test_governance_report.md", report)]),
    ];
    let from = share_declarations_from(&mut snapshots, 0, Some(&org));
    assert_eq!(
        from,
        Some((
            DeclaredIn::Repository(1),
            "OS2test_governance_report.md".into()
        ))
    );
    assert!(snapshots[0]
        .files
        .contains_key("OS2test_governance_report.md"));
    assert!(!snapshots[0].files.contains_key("docs/governance-report.md"));
    // Nowhere: none.
    let mut snapshots = vec![snapshot(&[("README.md", "# Login\n")])];
    assert_eq!(
        share_declarations_from(&mut snapshots, 0, Some(&snapshot(&[]))),
        None
    );
    assert_eq!(share_declarations(&mut snapshots, 0), None);
}
