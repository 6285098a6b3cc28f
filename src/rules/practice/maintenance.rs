//! Good practice for upkeep: automated maintenance (P8), answers to issues and pull requests
//! (P9), documentation where it belongs (P10).

use super::*;

requirement!(P8 {
    id: "P8",
    theme: Theme::GoodPractice,
    level: Level::One,
    recommended: true,
    title: B { da: "Vedligeholdelse er automatiseret", en: "Maintenance is automated" },
    rationale: B { da: "CI og automatiske opdateringer af afhængigheder fanger fejl og sårbarheder uden manuelt arbejde.", en: "CI and automatic dependency updates catch defects and vulnerabilities without manual work." },
    evidence: B { da: "CI-konfiguration (GitHub workflows, .gitlab-ci.yml, Jenkinsfile, azure-pipelines.yml, .travis.yml, bitbucket-pipelines.yml, .circleci/); Dependabot/Renovate noteres. Deaktiverede filer (*.disabled) tæller ikke.", en: "CI configuration (GitHub workflows, .gitlab-ci.yml, Jenkinsfile, azure-pipelines.yml, .travis.yml, bitbucket-pipelines.yml, .circleci/); Dependabot/Renovate is noted. Disabled files (*.disabled) do not count." },
    fix: B { da: "Tilføj en CI-workflow i .github/workflows/ og .github/dependabot.yml.", en: "Add a CI workflow in .github/workflows/ and .github/dependabot.yml." },
    rests_on: FILES,
    check: Check::Automatic(check_p8),
});

fn check_p8(ctx: &Ctx) -> Outcome {
    let disabled = |p: &str| {
        let lower = p.to_ascii_lowercase();
        lower.ends_with(".disable") || lower.ends_with(".disabled")
    };
    let ci: Vec<&str> = ctx
        .shallow_paths()
        .filter(|p| !disabled(p))
        .filter(|p| {
            let lower = p.to_ascii_lowercase();
            (lower.starts_with(".github/workflows/")
                && (lower.ends_with(".yml") || lower.ends_with(".yaml")))
                || [
                    ".gitlab-ci.yml",
                    "jenkinsfile",
                    "azure-pipelines.yml",
                    ".travis.yml",
                    "bitbucket-pipelines.yml",
                    ".drone.yml",
                    ".woodpecker.yml",
                ]
                .contains(&lower.as_str())
                || lower.starts_with(".circleci/")
                || lower.starts_with(".woodpecker/")
        })
        .collect();
    let updates: Option<&str> = ctx.shallow_paths().filter(|p| !disabled(p)).find(|p| {
        let lower = p.to_ascii_lowercase();
        [
            ".github/dependabot.yml",
            ".github/dependabot.yaml",
            "renovate.json",
            "renovate.json5",
            ".renovaterc",
            ".renovaterc.json",
            ".github/renovate.json",
            ".github/renovate.json5",
            ".gitlab/renovate.json",
        ]
        .contains(&lower.as_str())
    });
    let update_note = match updates {
        Some(p) => msg!(
            "Afhængigheder opdateres automatisk ({p}).",
            "Dependencies are updated automatically ({p}).",
            p = p
        ),
        None => msg!(
            "Ingen Dependabot/Renovate-konfiguration; det anbefales.",
            "No Dependabot/Renovate configuration; one is recommended."
        ),
    };
    if ci.is_empty() {
        return Outcome::Missing {
            evidence: updates.map(Evidence::file).into_iter().collect(),
            message: msg!("Ingen CI-konfiguration.", "No CI configuration.").join(&update_note),
        };
    }
    let mut evidence: Vec<Evidence> = ci.iter().take(3).map(|p| Evidence::file(p)).collect();
    evidence.extend(updates.map(Evidence::file));
    Outcome::found(
        evidence,
        msg!(
            "CI: {c}.",
            "CI: {c}.",
            c = ci.iter().take(3).copied().collect::<Vec<_>>().join(", ")
        )
        .join(&update_note),
    )
}

/// An issue or pull request is overdue after this long without any answer.
const RESPONSE_DAYS: i64 = 30;

requirement!(P9 {
    id: "P9",
    theme: Theme::GoodPractice,
    level: Level::Two,
    recommended: true,
    title: B { da: "Issues og pull requests får svar", en: "Issues and pull requests get answers" },
    rationale: B { da: "Bidragydere, der aldrig får svar, kommer ikke igen.", en: "Contributors who never get an answer do not come back." },
    evidence: B { da: "GitHub: intet åbent issue eller pull request uden svar fra en anden end forfatteren i mere end 30 dage.", en: "GitHub: no open issue or pull request without a response from someone other than its author for more than 30 days." },
    fix: B { da: "Gennemgå de ubesvarede issues og pull requests, og aftal en svartid i CONTRIBUTING.md.", en: "Go through the unanswered issues and pull requests, and agree a response time in CONTRIBUTING.md." },
    rests_on: RestsOn::on(&[Input::Metadata, Input::OpenItems]),
    check: Check::Automatic(check_p9),
});

fn check_p9(ctx: &Ctx) -> Outcome {
    match &ctx.snapshot.open_items {
        Fetched::Unknown { reason } => Outcome::unknown(Msg::new(
            format!("Svartider kunne ikke kontrolleres: {}.", reason.da),
            format!("Response times could not be checked: {}.", reason.en),
        )),
        Fetched::Got { value } => {
            let overdue: Vec<_> = value
                .iter()
                .filter(|item| {
                    item.first_response_at.is_none()
                        && ctx.snapshot.now - item.created_at > RESPONSE_DAYS * DAY
                })
                .collect();
            if overdue.is_empty() {
                let message = match value.len() {
                    0 => msg!("Ingen åbne issues eller pull requests.", "No open issues or pull requests."),
                    1 => msg!("Det ene åbne issue eller pull request har fået svar eller er under 30 dage gammelt.", "The one open issue or pull request has an answer or is under 30 days old."),
                    n => msg!("Alle {n} åbne issues og pull requests har fået svar eller er under 30 dage gamle.", "All {n} open issues and pull requests have an answer or are under 30 days old.", n = n),
                };
                return Outcome::found(Vec::new(), message);
            }
            let numbers = overdue
                .iter()
                .take(10)
                .map(|i| format!("#{}", i.number))
                .collect::<Vec<_>>()
                .join(", ");
            Outcome::Missing {
                evidence: overdue
                    .iter()
                    .take(10)
                    .map(|i| Evidence::url(&i.url))
                    .collect(),
                message: if overdue.len() == 1 {
                    msg!(
                        "1 åbent issue eller pull request uden svar i over 30 dage: {l}.",
                        "1 open issue or pull request without an answer for over 30 days: {l}.",
                        l = numbers
                    )
                } else {
                    msg!(
                        "{n} åbne issues og pull requests uden svar i over 30 dage: {l}.",
                        "{n} open issues and pull requests without an answer for over 30 days: {l}.",
                        n = overdue.len(),
                        l = numbers
                    )
                },
            }
        }
    }
}

requirement!(P10 {
    id: "P10",
    theme: Theme::GoodPractice,
    level: Level::One,
    recommended: true,
    title: B { da: "Dokumentationen ligger de rigtige steder", en: "Documentation is where it belongs" },
    rationale: B { da: "OS2's tjekliste placerer backlog i Jira/GitHub Issues, teknik i Confluence eller docs/, kommunikation på os2.eu, vejledninger på Loop og kode på GitHub.", en: "OS2's checklist puts the backlog in Jira/GitHub Issues, technical docs in Confluence or docs/, communication on os2.eu, guides on Loop and code on GitHub." },
    evidence: B { da: "Link eller bevis for hver slags: Jira-link eller Issues slået til; Confluence-link eller docs/; os2.eu-link; faq.os2.eu-link eller brugerdokumentation; repositoriet selv.", en: "A link or evidence for each kind: a Jira link or Issues enabled; a Confluence link or docs/; an os2.eu link; a faq.os2.eu link or user docs; the repository itself." },
    fix: B { da: "Link fra README til Jira-projektet, produktsiden på os2.eu og vejledningerne på Loop.", en: "Link from the README to the Jira project, the os2.eu product page and the guides on Loop." },
    rests_on: RestsOn::on(&[Input::Files, Input::Metadata]),
    check: Check::Automatic(check_p10),
});

fn check_p10(ctx: &Ctx) -> Outcome {
    let mut evidence = Vec::new();
    let mut missing = Vec::new();
    let mut unknown = Vec::new();
    match (jira_reference(ctx), &ctx.snapshot.github) {
        (Some((_, _, e)), _) => evidence.push(e),
        (None, Fetched::Got { value }) if value.has_issues => {
            evidence.push(Evidence::url(&format!("{}/issues", value.html_url)))
        }
        (None, Fetched::Got { .. }) => missing.push(Msg::new(
            "backlog (Jira-link eller GitHub Issues)",
            "backlog (Jira link or GitHub Issues)",
        )),
        (None, Fetched::Unknown { .. }) => unknown.push(Msg::new(
            "backlog (GitHub Issues ukendt offline, intet Jira-link)",
            "backlog (GitHub Issues unknown offline, no Jira link)",
        )),
    }
    let docs_folder = ctx
        .paths()
        .find(|p| p.starts_with("docs/") || p.starts_with("doc/"));
    match ctx
        .link_where(|k, _| *k == LinkKind::Confluence)
        .or(docs_folder.map(Evidence::file))
    {
        Some(e) => evidence.push(e),
        None => missing.push(Msg::new(
            "teknisk dokumentation (Confluence-link eller docs/)",
            "technical documentation (Confluence link or docs/)",
        )),
    }
    match ctx.link_where(|k, _| matches!(k, LinkKind::Os2ProductPage | LinkKind::Os2Site)) {
        Some(e) => evidence.push(e),
        None => missing.push(Msg::new(
            "kommunikation (os2.eu-link)",
            "communication (os2.eu link)",
        )),
    }
    let user_docs = ctx.link_where(|k, _| *k == LinkKind::Loop).or_else(|| {
        ctx.paths()
            .filter(|p| crate::evidence::in_docs_folder(p))
            .find(|p| {
                let n = normalize(p);
                (p.starts_with("docs/") || p.starts_with("doc/"))
                    && ["manual", "vejledning", "guide", "faq"]
                        .iter()
                        .any(|w| n.contains(w))
            })
            .map(Evidence::file)
    });
    match user_docs {
        Some(e) => evidence.push(e),
        None => missing.push(Msg::new(
            "vejledninger og spørgsmål/svar (faq.os2.eu-link eller brugerdokumentation)",
            "guides and Q&A (faq.os2.eu link or user documentation)",
        )),
    }
    if !missing.is_empty() {
        return Outcome::Missing {
            evidence,
            message: list_message("Mangler:", "Missing:", &missing),
        };
    }
    if !unknown.is_empty() {
        return Outcome::Unknown {
            evidence,
            reason: list_message("Kunne ikke afgøres:", "Could not be decided:", &unknown),
        };
    }
    Outcome::found(
        evidence,
        msg!(
            "Hver slags dokumentation er linket der, hvor den hører til.",
            "Each kind of documentation is linked where it belongs."
        ),
    )
}
