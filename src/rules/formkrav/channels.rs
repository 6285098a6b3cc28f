//! Formkrav on communication: OS2's channels (F10), public issue tracking (F11), and the
//! presentation, strategic, implementation and political material (F13, F14, F15, F21).

use super::*;

/// The product's own page on os2.eu. Documentation often links to *other* products' pages
/// (integrations), so a page whose slug names this product (repository name or README title)
/// wins; otherwise only a README link counts, never an unrelated page deep in the docs.
pub(crate) fn os2_product_page(ctx: &Ctx) -> Option<Evidence> {
    let mut names: Vec<String> = Vec::new();
    if let Some((_, repo)) = ctx.github_slug() {
        names.push(normalize(&repo).replace(' ', ""));
    }
    for readme in &ctx.readmes {
        if let Some(title) = readme.doc.sections.iter().find(|s| s.level == 1) {
            names.extend(
                title
                    .norm
                    .split(' ')
                    .filter(|w| w.len() >= 4)
                    .map(str::to_string),
            );
        }
    }
    let slug_of = |url: &str| {
        let lower = url.to_ascii_lowercase();
        lower
            .split("/produkt/")
            .nth(1)
            .unwrap_or("")
            .split(['/', '?', '#'])
            .next()
            .unwrap_or("")
            .replace(['-', '_'], "")
    };
    let pages: Vec<(&str, &crate::parse::markdown::Link)> = ctx
        .links()
        .filter(|(_, l)| classify_link(&l.url) == LinkKind::Os2ProductPage)
        .collect();
    let matching = pages.iter().find(|(_, l)| {
        let slug = slug_of(&l.url);
        !slug.is_empty()
            && names
                .iter()
                .any(|n| n.contains(&slug) || slug.contains(n.as_str()))
    });
    let readme_paths: Vec<&str> = ctx.readmes.iter().map(|r| r.path.as_str()).collect();
    matching
        .or_else(|| pages.iter().find(|(path, _)| readme_paths.contains(path)))
        .map(|(path, l)| Evidence::link(path, l.line, &l.url))
}

requirement!(F10 {
    id: "F10",
    theme: Theme::Formkrav,
    level: Level::One,
    recommended: false,
    title: B {
        da: "OS2's kommunikationskanaler anvendes (os2.eu)",
        en: "OS2's communication channels are used (os2.eu)"
    },
    rationale: B {
        da: "Produktsiden på os2.eu er indgangen for kommuner, der leder efter løsninger.",
        en: "The product page on os2.eu is where municipalities looking for solutions start.",
    },
    evidence: B {
        da: "Et link til produktets side på os2.eu (os2.eu/produkt/…) i README eller docs.",
        en: "A link to the product's page on os2.eu (os2.eu/produkt/…) in the README or docs.",
    },
    fix: B {
        da: "Link til produktsiden på os2.eu fra README.md.",
        en: "Link to the product page on os2.eu from README.md.",
    },
    rests_on: FILES,
    placed: crate::rules::Placement::Os2Eu,
    check: Check::Automatic(check_f10),
});

fn check_f10(ctx: &Ctx) -> Outcome {
    match os2_product_page(ctx) {
        Some(e) => {
            let url = e.url.clone().unwrap_or_default();
            Outcome::found(
                vec![e],
                msg!(
                    "Link til produktsiden: {u}",
                    "Link to the product page: {u}",
                    u = url
                ),
            )
        }
        None => Outcome::missing(msg!(
            "Intet link til produktets side på os2.eu (os2.eu/produkt/…).",
            "No link to the product's page on os2.eu (os2.eu/produkt/…)."
        )),
    }
}

/// Jira from config, else the first Jira link in the docs: (base URL, project key, evidence).
pub(crate) fn jira_reference(ctx: &Ctx) -> Option<(String, Option<String>, Evidence)> {
    if let Some((url, project)) = &ctx.jira {
        return Some((
            url.clone(),
            project.clone(),
            Evidence::file("os2gov.toml").with_note("[jira]"),
        ));
    }
    ctx.links()
        .find_map(|(path, link)| match classify_link(&link.url) {
            LinkKind::Jira { base, project } => {
                Some((base, project, Evidence::link(path, link.line, &link.url)))
            }
            _ => None,
        })
}

/// `#123`, `GH-123` or `KEY-123` somewhere in a commit message.
pub(crate) fn references_issue(message: &str) -> bool {
    let bytes = message.as_bytes();
    for (i, &b) in bytes.iter().enumerate() {
        if b == b'#'
            && bytes.get(i + 1).is_some_and(u8::is_ascii_digit)
            && (i == 0 || !bytes[i - 1].is_ascii_alphanumeric() && bytes[i - 1] != b'&')
        {
            return true;
        }
        if b == b'-' && i > 0 && bytes.get(i + 1).is_some_and(u8::is_ascii_digit) {
            let key_start = bytes[..i]
                .iter()
                .rposition(|c| !(c.is_ascii_uppercase() || c.is_ascii_digit() || *c == b'_'))
                .map_or(0, |p| p + 1);
            let key = &bytes[key_start..i];
            if key.len() >= 2 && key[0].is_ascii_uppercase() && !NOT_ISSUE_KEYS.contains(&key) {
                return true;
            }
        }
    }
    false
}

/// Upper-case prefixes followed by a number that are standards, not Jira projects.
const NOT_ISSUE_KEYS: [&[u8]; 14] = [
    b"UTF", b"ISO", b"SHA", b"AES", b"RSA", b"CVE", b"RFC", b"GPL", b"LGPL", b"AGPL", b"MPL",
    b"EUPL", b"TLS", b"HTTP",
];

pub(crate) const ISSUE_SHARE_THRESHOLD: f64 = 0.30;

/// `part` of `whole` in whole per cent, rounded half to even as `{:.0}` rounds (integers only,
/// so that the browser build carries no fixed-precision float formatting).
pub(super) fn percent(part: usize, whole: usize) -> usize {
    let (quotient, remainder) = (part * 100 / whole, part * 100 % whole);
    match (2 * remainder).cmp(&whole) {
        std::cmp::Ordering::Greater => quotient + 1,
        std::cmp::Ordering::Equal => quotient + quotient % 2,
        std::cmp::Ordering::Less => quotient,
    }
}

requirement!(F11 {
    id: "F11",
    theme: Theme::Formkrav,
    level: Level::One,
    recommended: false,
    title: B { da: "Der anvendes offentlig issue-tracking med henvisning til kodeændringer", en: "Public issue tracking is used and linked to code changes" },
    rationale: B {
        da: "Beslutninger og opgaver skal kunne spores fra ønske til kodeændring.",
        en: "Decisions and tasks must be traceable from request to code change.",
    },
    evidence: B {
        da: "En offentlig issue-tracker (GitHub Issues slået til, eller et Jira-projekt på os2web.atlassian.net) OG mindst 30\u{a0}% af de seneste 100 commits (uden merges) henviser til en opgave (#123 eller NØGLE-123).",
        en: "A public issue tracker (GitHub Issues enabled, or a Jira project at os2web.atlassian.net) AND at least 30 % of the last 100 non-merge commits reference an issue (#123 or KEY-123).",
    },
    fix: B {
        da: "Slå GitHub Issues til eller link til Jira-projektet i README, og skriv opgavenummeret i commit-beskeder.",
        en: "Enable GitHub Issues or link the Jira project from the README, and put the issue number in commit messages.",
    },
    rests_on: RestsOn {
        met_too: true,
        ..RestsOn::on(&[Input::Files, Input::Metadata, Input::History])
    },
    check: Check::Automatic(check_f11),
});

fn check_f11(ctx: &Ctx) -> Outcome {
    let mut evidence = Vec::new();
    let mut notes: Vec<Msg> = Vec::new();
    let tracker: Option<bool> = match (&ctx.snapshot.github, jira_reference(ctx)) {
        (_, Some((base, project, e))) => {
            evidence.push(e);
            // Offline, a Jira link counts as a tracker (SPEC §8); online, a lookup that failed
            // leaves it undecided rather than passing on the link alone.
            match &ctx.snapshot.jira {
                Fetched::Got { value } if value.exists && value.public => Some(true),
                Fetched::Got { .. } => {
                    notes.push(msg!(
                        "Jira-projektet{p} på {b} er ikke offentligt tilgængeligt.",
                        "The Jira project{p} at {b} is not publicly readable.",
                        p = project
                            .as_deref()
                            .map(|k| format!(" {k}"))
                            .unwrap_or_default(),
                        b = base
                    ));
                    Some(false)
                }
                Fetched::Unknown { .. } if ctx.snapshot.jira.is_offline() => Some(true),
                Fetched::Unknown { reason } => {
                    notes.push(Msg::new(
                        format!(
                            "Jira-projektet på {base} kunne ikke kontrolleres: {}.",
                            reason.da
                        ),
                        format!(
                            "The Jira project at {base} could not be checked: {}.",
                            reason.en
                        ),
                    ));
                    None
                }
            }
        }
        (Fetched::Got { value }, None) => {
            if value.has_issues {
                evidence.push(Evidence::url(&format!("{}/issues", value.html_url)));
            } else {
                notes.push(msg!(
                    "GitHub Issues er slået fra, og intet Jira-projekt er linket.",
                    "GitHub Issues is disabled and no Jira project is linked."
                ));
            }
            Some(value.has_issues)
        }
        (Fetched::Unknown { reason }, None) => {
            notes.push(Msg::new(
                format!(
                    "GitHub Issues kunne ikke kontrolleres: {}; intet Jira-projekt er linket.",
                    reason.da
                ),
                format!(
                    "GitHub Issues could not be checked: {}; no Jira project is linked.",
                    reason.en
                ),
            ));
            None
        }
    };
    let share = ctx.snapshot.history.as_ref().map(|h| {
        let commits = &h.recent_commits;
        let referencing = commits
            .iter()
            .filter(|c| references_issue(&c.message))
            .count();
        (referencing, commits.len())
    });
    let share_ok = match share {
        Some((_, 0)) | None => {
            notes.push(msg!(
                "Ingen commit-historik at måle henvisninger i.",
                "No commit history to measure issue references in."
            ));
            None
        }
        Some((refs, total)) => {
            let ratio = refs as f64 / total as f64;
            // "1 af 1 commit", never "1 af de seneste 1 commits".
            notes.push(if total == 1 {
                msg!(
                    "{r} af 1 commit ({p}\u{a0}%) henviser til en opgave (krav: 30\u{a0}%).",
                    "{r} of 1 commit ({p}\u{a0}%) references an issue (required: 30\u{a0}%).",
                    r = refs,
                    p = percent(refs, total)
                )
            } else {
                msg!(
                    "{r} af de seneste {t} commits ({p}\u{a0}%) henviser til en opgave (krav: 30\u{a0}%).",
                    "{r} of the last {t} commits ({p}\u{a0}%) reference an issue (required: 30\u{a0}%).",
                    r = refs,
                    t = total,
                    p = percent(refs, total)
                )
            });
            Some(ratio >= ISSUE_SHARE_THRESHOLD)
        }
    };
    let message = notes.iter().fold(Msg::default(), |acc, m| acc.join(m));
    match (tracker, share_ok) {
        (Some(false), _) | (_, Some(false)) => Outcome::Missing { evidence, message },
        (Some(true), Some(true)) => Outcome::Found { evidence, message },
        _ => Outcome::Unknown {
            evidence,
            reason: message,
        },
    }
}

requirement!(F13 {
    id: "F13",
    theme: Theme::Formkrav,
    level: Level::Two,
    recommended: false,
    title: B { da: "Der er udarbejdet præsentationsmateriale", en: "Presentation material exists" },
    rationale: B {
        da: "Nye anvendere skal kunne præsentere løsningen internt.",
        en: "New adopters must be able to present the solution internally.",
    },
    evidence: B {
        da: "Et link til præsentation, slides eller brochure i README/docs; ellers governancerapportens erklæring.",
        en: "A link to a presentation, slides or brochure in the README/docs; otherwise the governance report's declaration.",
    },
    fix: B {
        da: "Link til præsentationsmaterialet (fx på produktsiden på os2.eu) fra README.",
        en: "Link to the presentation material (e.g. on the os2.eu product page) from the README.",
    },
    rests_on: FILES,
    placed: crate::rules::Placement::Os2Eu,
    check: Check::AutomaticOrDeclared(check_f13),
});

fn check_f13(ctx: &Ctx) -> Outcome {
    crate::rules::shapes::link_or_section(
        ctx,
        &[
            "præsentationsmateriale",
            "presentation material",
            "slides",
            "brochure",
            ".pptx",
            "introduktionsmateriale",
            "præsentation af os2",
        ],
        Msg::new("præsentationsmateriale", "presentation material"),
    )
}

requirement!(F14 {
    id: "F14",
    theme: Theme::Formkrav,
    level: Level::Two,
    recommended: false,
    title: B { da: "Der er kommunikationsmateriale til strategisk niveau", en: "Communication material for the strategic level exists" },
    rationale: B {
        da: "Direktioner og udvalg beslutter på baggrund af businesscases og korte oversigter.",
        en: "Executive boards and committees decide from business cases and one-pagers.",
    },
    evidence: B {
        da: "Et link til businesscase, one-pager eller ledelsesmateriale; ellers governancerapportens erklæring.",
        en: "A link to a business case, one-pager or management material; otherwise the governance report's declaration.",
    },
    fix: B {
        da: "Udarbejd en businesscase/one-pager og link til den fra README eller produktsiden.",
        en: "Write a business case/one-pager and link to it from the README or the product page.",
    },
    rests_on: FILES,
    placed: crate::rules::Placement::Os2Eu,
    check: Check::AutomaticOrDeclared(check_f14),
});

fn check_f14(ctx: &Ctx) -> Outcome {
    crate::rules::shapes::link_or_section(
        ctx,
        &[
            "businesscase",
            "business case",
            "one-pager",
            "onepager",
            "ledelsesresume",
            "executive summary",
        ],
        Msg::new(
            "strategisk kommunikationsmateriale",
            "strategic communication material",
        ),
    )
}

requirement!(F15 {
    id: "F15",
    theme: Theme::Formkrav,
    level: Level::Two,
    recommended: false,
    title: B { da: "Best practice for implementering dokumenteres", en: "Best practice for implementation is documented" },
    rationale: B {
        da: "Erfaringer fra tidligere implementeringer sparer nye anvendere for de samme fejl.",
        en: "Experience from earlier implementations spares new adopters the same mistakes.",
    },
    evidence: B {
        da: "Et afsnit eller link om implementering (implementeringsvejledning, erfaringer, cases), en implementeringsvejledning som Word/ODT/PDF i doc/ eller docs/ (efter navnet); ellers governancerapportens erklæring.",
        en: "A section or link on implementation (implementation guide, lessons learned, cases), an implementation guide as Word/ODT/PDF in doc/ or docs/ (by its name); otherwise the governance report's declaration.",
    },
    fix: B {
        da: "Skriv en implementeringsvejledning i docs/ eller link til den.",
        en: "Write an implementation guide in docs/ or link to one.",
    },
    rests_on: FILES,
    placed: crate::rules::Placement::Os2Eu,
    check: Check::AutomaticOrDeclared(check_f15),
});

fn check_f15(ctx: &Ctx) -> Outcome {
    let found = crate::rules::shapes::link_or_section(
        ctx,
        &[
            "implementering",
            "implementation guide",
            "implementeringsvejledning",
            "erfaringsopsamling",
            "best practice",
            "lessons learned",
        ],
        Msg::new("implementering", "implementation"),
    );
    if !matches!(found, Outcome::NoEvidence { .. }) {
        return found;
    }
    // An implementation guide kept as Word or PDF counts by its name.
    match ctx.office_document_named(&[
        "implementering",
        "implementation",
        "erfaringsopsamling",
        "best practice",
        "lessons learned",
    ]) {
        Some(path) => Outcome::found(
            vec![Evidence::file(path)],
            msg!(
                "Implementering beskrevet i dokumentet {p}.",
                "Implementation described in the document {p}.",
                p = path
            ),
        ),
        None => found,
    }
}

requirement!(F21 {
    id: "F21",
    theme: Theme::Formkrav,
    level: Level::Three,
    recommended: false,
    title: B {
        da: "Politisk kommunikation er udarbejdet (lokalt og omverden)",
        en: "Political communication exists (local and external)"
    },
    rationale: B {
        da: "Politisk opbakning sikrer løsningens fremtid.",
        en: "Political backing secures the solution's future.",
    },
    evidence: B {
        da: "Governancerapportens ✅ med henvisning til beslutningsoplæg eller pressemeddelelser.",
        en: "The governance report's ✅ referring to decision papers or press releases.",
    },
    fix: B {
        da: "Henvis i governancerapporten til materiale til politiske fora.",
        en: "Refer to material for political fora in the governance report.",
    },
    rests_on: FILES,
    placed: crate::rules::Placement::Os2Eu,
    check: Check::Declared,
});
