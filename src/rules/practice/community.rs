//! Good practice for contributors: a code of conduct (P1), a contributor guide (P2) that
//! answers the four questions (P13), issue and pull-request templates (P3).

use super::*;
use crate::evidence::community::{CODE_OF_CONDUCT, CONTRIBUTING};

fn origin_note(ctx: &Ctx, path: &str) -> Evidence {
    let mut e = Evidence::file(path);
    if let Some(origin) = ctx.snapshot.files.get(path).and_then(|f| f.origin.clone()) {
        e.note = Some(origin);
    }
    e
}

requirement!(P1 {
    id: "P1",
    theme: Theme::GoodPractice,
    level: Level::One,
    recommended: true,
    title: B { da: "Adfærdskodeks", en: "Code of conduct" },
    rationale: B { da: "Et adfærdskodeks siger, hvordan vi taler sammen, og hvad der sker, når det går galt; OS2 har et fælles for hele fællesskabet.", en: "A code of conduct says how we treat each other and what happens when that fails; OS2 has one for the whole community." },
    evidence: B { da: "CODE_OF_CONDUCT.md (rod, .github/ eller docs/) eller et link til OS2's adfærdskodeks (os2.eu/side/code-conduct).", en: "CODE_OF_CONDUCT.md (root, .github/ or docs/) or a link to OS2's code of conduct (os2.eu/side/code-conduct)." },
    fix: B { da: "Tilføj CODE_OF_CONDUCT.md, der henviser til OS2's adfærdskodeks.", en: "Add CODE_OF_CONDUCT.md referring to OS2's code of conduct." },
    rests_on: FILES,
    check: Check::Automatic(check_p1),
});

fn check_p1(ctx: &Ctx) -> Outcome {
    if let Some(path) = ctx.community_file(CODE_OF_CONDUCT.stems, CODE_OF_CONDUCT.dirs) {
        return Outcome::found(
            vec![origin_note(ctx, path)],
            msg!("Adfærdskodeks i {p}.", "Code of conduct in {p}.", p = path),
        );
    }
    let os2_link = ctx.link_where(|kind, url| {
        let lower = url.to_ascii_lowercase();
        matches!(kind, LinkKind::Os2Site | LinkKind::GitHub)
            && (lower.contains("code-conduct")
                || lower.contains("code_of_conduct")
                || lower.contains("adfaerdskodeks"))
    });
    match os2_link {
        Some(e) => Outcome::found(
            vec![e],
            msg!(
                "Link til OS2's adfærdskodeks.",
                "Link to OS2's code of conduct."
            ),
        ),
        None => crate::rules::missing_unless_unread(
            ctx,
            &CODE_OF_CONDUCT,
            msg!(
                "Ingen CODE_OF_CONDUCT.md og intet link til OS2's adfærdskodeks.",
                "No CODE_OF_CONDUCT.md and no link to OS2's code of conduct."
            ),
        ),
    }
}

fn contributing_file<'a>(ctx: &Ctx<'a>) -> Option<&'a str> {
    ctx.community_file(CONTRIBUTING.stems, CONTRIBUTING.dirs)
}

requirement!(P2 {
    id: "P2",
    theme: Theme::GoodPractice,
    level: Level::One,
    recommended: true,
    title: B { da: "Vejledning for bidragydere (CONTRIBUTING)", en: "Contributor guide (CONTRIBUTING)" },
    rationale: B { da: "Nye bidragydere skal vide, hvordan de bidrager, før de bruger tid på det.", en: "New contributors must know how to contribute before they spend time on it." },
    evidence: B { da: "CONTRIBUTING (.md/.rst/.txt, rod, .github/ eller docs/) eller et afsnit om bidrag af substans i README.", en: "CONTRIBUTING (.md/.rst/.txt, root, .github/ or docs/) or a contributing section of substance in the README." },
    fix: B { da: "Tilføj CONTRIBUTING.md; `os2gov fix` skriver en skabelon, der besvarer de fire spørgsmål.", en: "Add CONTRIBUTING.md; `os2gov fix` writes a template that answers the four questions." },
    rests_on: FILES,
    check: Check::Automatic(check_p2),
});

fn check_p2(ctx: &Ctx) -> Outcome {
    if let Some(path) = contributing_file(ctx) {
        return Outcome::found(
            vec![origin_note(ctx, path)],
            msg!(
                "Vejledning for bidragydere i {p}.",
                "Contributor guide in {p}.",
                p = path
            ),
        );
    }
    match ctx.section(
        Scope::Readme,
        &["Contributing", "Bidrag", "Contribute", "Medvirken"],
        30,
    ) {
        Some(hit) => Outcome::found(
            vec![hit.evidence()],
            msg!(
                "Afsnit om bidrag under \"{h}\".",
                "Contributing section under \"{h}\".",
                h = hit.heading
            ),
        ),
        None => crate::rules::missing_unless_unread(
            ctx,
            &CONTRIBUTING,
            msg!(
                "Ingen CONTRIBUTING-fil og intet afsnit om bidrag af substans i README.",
                "No CONTRIBUTING file and no contributing section of substance in the README."
            ),
        ),
    }
}

requirement!(P3 {
    id: "P3",
    theme: Theme::GoodPractice,
    level: Level::Two,
    recommended: true,
    title: B { da: "Skabeloner til issues og pull requests", en: "Issue and pull-request templates" },
    rationale: B { da: "Skabeloner giver bedre fejlrapporter og ensartede bidrag med mindre arbejde for vedligeholderne.", en: "Templates give better bug reports and consistent contributions with less work for maintainers." },
    evidence: B { da: ".github/ISSUE_TEMPLATE/ eller en PULL_REQUEST_TEMPLATE (én af dem; begge anbefales).", en: ".github/ISSUE_TEMPLATE/ or a PULL_REQUEST_TEMPLATE (either; both are recommended)." },
    fix: B { da: "Tilføj .github/ISSUE_TEMPLATE/ og .github/PULL_REQUEST_TEMPLATE.md.", en: "Add .github/ISSUE_TEMPLATE/ and .github/PULL_REQUEST_TEMPLATE.md." },
    rests_on: FILES,
    check: Check::Automatic(check_p3),
});

fn check_p3(ctx: &Ctx) -> Outcome {
    let is_issue_template = |p: &str| {
        let lower = p.to_ascii_lowercase();
        (lower.starts_with(".github/issue_template/") && !lower.ends_with("config.yml"))
            || [
                "issue_template.md",
                ".github/issue_template.md",
                "docs/issue_template.md",
            ]
            .contains(&lower.as_str())
    };
    let is_pr_template = |p: &str| {
        let lower = p.to_ascii_lowercase();
        lower.starts_with(".github/pull_request_template/")
            || [
                "pull_request_template.md",
                ".github/pull_request_template.md",
                "docs/pull_request_template.md",
            ]
            .contains(&lower.as_str())
    };
    let issue = ctx
        .shallow_paths()
        .find(|p| is_issue_template(p) && ctx.was_read(p));
    let pr = ctx
        .shallow_paths()
        .find(|p| is_pr_template(p) && ctx.was_read(p));
    let evidence: Vec<Evidence> = issue
        .iter()
        .chain(pr.iter())
        .map(|p| origin_note(ctx, p))
        .collect();
    match (issue, pr) {
        (Some(_), Some(_)) => Outcome::found(
            evidence,
            msg!(
                "Skabeloner til issues og pull requests.",
                "Issue and pull-request templates."
            ),
        ),
        (Some(_), None) => Outcome::found(
            evidence,
            msg!(
                "Issue-skabelon fundet; en pull request-skabelon anbefales også.",
                "Issue template found; a pull-request template is recommended too."
            ),
        ),
        (None, Some(_)) => Outcome::found(
            evidence,
            msg!(
                "Pull request-skabelon fundet; issue-skabeloner anbefales også.",
                "Pull-request template found; issue templates are recommended too."
            ),
        ),
        (None, None) => Outcome::missing(msg!(
            "Ingen issue- eller pull request-skabeloner.",
            "No issue or pull-request templates."
        )),
    }
}

requirement!(P13 {
    id: "P13",
    theme: Theme::GoodPractice,
    level: Level::Two,
    recommended: true,
    title: B { da: "CONTRIBUTING besvarer de fire spørgsmål", en: "CONTRIBUTING answers the four questions" },
    rationale: B { da: "Bidragydere skal vide, hvordan bidrag vurderes og accepteres, hvilke bidrag der tages imod, hvornår de kan forvente svar, og hvor meget tid vedligeholderne har.", en: "Contributors must know how contributions are reviewed and accepted, which kinds are welcome, when to expect an answer, and how much time maintainers have." },
    evidence: B { da: "CONTRIBUTING behandler review/accept, typer af bidrag, forventet svartid og vedligeholdernes tid.", en: "CONTRIBUTING covers review/acceptance, kinds of contribution, expected response time, and maintainers' time." },
    fix: B { da: "Udbyg CONTRIBUTING.md med de manglende svar.", en: "Extend CONTRIBUTING.md with the missing answers." },
    rests_on: FILES,
    check: Check::Automatic(check_p13),
});

fn check_p13(ctx: &Ctx) -> Outcome {
    let Some(path) = contributing_file(ctx) else {
        let outcome = crate::rules::missing_unless_unread(
            ctx,
            &CONTRIBUTING,
            msg!("Ingen CONTRIBUTING-fil.", "No CONTRIBUTING file."),
        );
        // There is nothing to extend: the fix is the file itself.
        return match ctx.unfinished_community_file(CONTRIBUTING.stems, CONTRIBUTING.dirs) {
            Some(_) => outcome,
            None => outcome.with_fix(msg!(
                "Tilføj CONTRIBUTING.md, der besvarer de fire spørgsmål (hvordan bidrag vurderes og accepteres, hvilke bidrag der tages imod, forventet svartid, vedligeholdernes tid); `os2gov fix --only P13` skriver en skabelon.",
                "Add CONTRIBUTING.md answering the four questions (how contributions are reviewed and accepted, which kinds are welcome, the expected response time, the maintainers' time); `os2gov fix --only P13` writes a template."
            )),
        };
    };
    let Some(text) = ctx.text(path) else {
        return Outcome::unknown(msg!(
            "{p} kunne ikke læses.",
            "{p} could not be read.",
            p = path
        ));
    };
    let norm = normalize(text);
    // By prefix or by stem: "reviewing", "godkendes", "decided".
    let stemmed = crate::base::text::Stemmed::new(&norm);
    let has = |words: &[&str]| {
        words.iter().any(|w| has_word_prefix(&norm, &normalize(w)))
            || crate::base::text::Vocabulary::new(words).in_stemmed(&stemmed)
    };
    let questions: [(&[&str], Msg); 4] = [
        (
            &["review", "godkend", "accept", "merge", "flet", "vurder"],
            Msg::new(
                "hvordan bidrag vurderes og accepteres",
                "how contributions are reviewed and accepted",
            ),
        ),
        (
            &[
                "bug",
                "fejlrettelse",
                "fejlrapport",
                "feature",
                "dokumentation",
                "documentation",
                "oversættelse",
                "translation",
                "typer af bidrag",
                "kinds of contribution",
                "types of contribution",
            ],
            Msg::new(
                "hvilke slags bidrag der modtages",
                "which kinds of contribution are accepted",
            ),
        ),
        (
            &[
                "svartid",
                "response time",
                "respond within",
                "svar inden",
                "inden for",
                "within",
                "arbejdsdage",
                "business days",
            ],
            Msg::new("forventet svartid", "expected response time"),
        ),
        (
            &[
                "timer om ugen",
                "hours per week",
                "hours a week",
                "kapacitet",
                "capacity",
                "tid til",
                "time to",
                "frivillig",
                "volunteer",
                "deltid",
                "part-time",
                "part time",
            ],
            Msg::new(
                "hvor meget tid vedligeholderne har",
                "how much time maintainers have",
            ),
        ),
    ];
    let missing: Vec<Msg> = questions
        .iter()
        .filter(|(words, _)| !has(words))
        .map(|(_, m)| m.clone())
        .collect();
    if !placeholder_lines(text).is_empty() {
        return Outcome::Missing {
            evidence: vec![Evidence::file(path)],
            message: msg!(
                "{p} indeholder pladsholdere, der skal udfyldes.",
                "{p} contains placeholders to fill in.",
                p = path
            ),
        };
    }
    if missing.is_empty() {
        Outcome::found(
            vec![Evidence::file(path)],
            msg!(
                "{p} besvarer de fire spørgsmål.",
                "{p} answers the four questions.",
                p = path
            ),
        )
    } else {
        Outcome::Missing {
            evidence: vec![Evidence::file(path)],
            message: list_message(
                &format!("{path} mangler:"),
                &format!("{path} does not say:"),
                &missing,
            ),
        }
    }
}
