//! Formkrav on openness: developed in the open (F1), legal (F3), under OS2's GitHub (F6),
//! one version of the core code (F12).

use super::*;

requirement!(F1 {
    id: "F1",
    theme: Theme::Formkrav,
    level: Level::Sandkasse,
    recommended: false,
    title: B { da: "Kildekoden udvikles synligt og aktivt i et offentligt repository", en: "The source code is developed openly and actively in a public repository" },
    rationale: B {
        da: "Åben udvikling er grundlaget for deling: andre kan kun genbruge og bidrage til kode, de kan se, og som lever.",
        en: "Open development is the basis of sharing: others can only reuse and contribute to code they can see and that is alive.",
    },
    evidence: B {
        da: "GitHub-metadata: offentligt og ikke arkiveret; seneste commit inden for 12 måneder. Offline: kun commit-datoen kan afgøre det (for gammel = ikke opfyldt).",
        en: "GitHub metadata: public and not archived; newest commit within 12 months. Offline only the commit date can decide (too old = not met).",
    },
    fix: B {
        da: "Gør repositoriet offentligt under OS2's GitHub, ophæv arkiveringen og udvikl i det (ingen interne spejle).",
        en: "Make the repository public under OS2's GitHub, unarchive it and develop in it (no internal mirrors).",
    },
    rests_on: RestsOn::on(&[Input::Metadata, Input::History]),
    check: Check::Automatic(check_f1),
});

fn check_f1(ctx: &Ctx) -> Outcome {
    let newest = ctx
        .snapshot
        .history
        .as_ref()
        .and_then(|h| h.newest_commit_time);
    let pushed = match &ctx.snapshot.github {
        Fetched::Got { value } => value.pushed_at,
        Fetched::Unknown { .. } => None,
    };
    let latest = newest.into_iter().chain(pushed).max();
    if let Some(time) = latest {
        if ctx.snapshot.now - time > YEAR {
            return Outcome::missing(msg!(
                "Seneste commit er {d} dage gammelt (mere end 12 måneder).",
                "The newest commit is {d} days old (more than 12 months).",
                d = days_ago(ctx, time)
            ))
            .with_fix(msg!(
                "Udvikl i dette repository: commit og push ændringerne hertil løbende. Udvikles produktet et andet sted (et internt spejl, en leverandørs repository), så flyt udviklingen hertil.",
                "Develop in this repository: commit and push changes to it as you go. If the product is developed elsewhere (an internal mirror, a supplier's repository), move the development here."
            ));
        }
    }
    match &ctx.snapshot.github {
        Fetched::Unknown { reason } => Outcome::unknown(Msg::new(
            format!(
                "Synlighed og arkivering kunne ikke kontrolleres: {}.",
                reason.da
            ),
            format!(
                "Visibility and archiving could not be checked: {}.",
                reason.en
            ),
        ))
        .with_fix(msg!(
            "Kør kontrollen med adgang til GitHub (uden --offline og OS2GOV_OFFLINE; med GITHUB_TOKEN, hvis repositoriet er privat), så synlighed og arkivering kan læses.",
            "Run the check with access to GitHub (without --offline and OS2GOV_OFFLINE; with GITHUB_TOKEN if the repository is private), so that visibility and archiving can be read."
        )),
        Fetched::Got { value } => {
            let evidence = vec![Evidence::url(&value.html_url)];
            if value.private {
                return Outcome::Missing {
                    evidence,
                    message: msg!("Repositoriet er privat.", "The repository is private."),
                }
                .with_fix(msg!(
                    "Gør repositoriet offentligt (GitHub: Settings → General → Danger Zone → Change visibility); fjern først hemmeligheder og persondata fra koden og historikken.",
                    "Make the repository public (GitHub: Settings → General → Danger Zone → Change visibility); first remove secrets and personal data from the code and its history."
                ));
            }
            if value.archived {
                return Outcome::Missing {
                    evidence,
                    message: msg!("Repositoriet er arkiveret.", "The repository is archived."),
                }
                .with_fix(msg!(
                    "Ophæv arkiveringen (GitHub: Settings → General → Danger Zone → Unarchive this repository), og udvikl videre i repositoriet.",
                    "Unarchive the repository (GitHub: Settings → General → Danger Zone → Unarchive this repository) and continue developing in it."
                ));
            }
            match latest {
                Some(time) => Outcome::found(
                    evidence,
                    msg!(
                        "Offentligt og aktivt; seneste ændring for {d} dage siden.",
                        "Public and active; last change {d} days ago.",
                        d = days_ago(ctx, time)
                    ),
                ),
                None => Outcome::unknown(msg!(
                    "Ingen commit-historik at bedømme aktivitet ud fra.",
                    "No commit history to judge activity from."
                ))
                .with_fix(msg!(
                    "Kør kontrollen på en klon med historikken (git fetch --unshallow, eller fetch-depth: 0 i actions/checkout).",
                    "Run the check on a clone with its history (git fetch --unshallow, or fetch-depth: 0 in actions/checkout)."
                )),
            }
        }
    }
}

requirement!(F3 {
    id: "F3",
    theme: Theme::Formkrav,
    level: Level::Sandkasse,
    recommended: false,
    title: B { da: "Udbudsregler og almindelig lovformelighed er overholdt", en: "Procurement rules and general legality are respected" },
    rationale: B {
        da: "Kommuner kan kun bruge løsningen, hvis den er anskaffet og udviklet lovligt.",
        en: "Municipalities can only use the solution if it was procured and developed lawfully.",
    },
    evidence: B {
        da: "Governancerapportens ✅, evt. med beslutningsnotat.",
        en: "The governance report's ✅, possibly with a decision memo.",
    },
    fix: B {
        da: "Bekræft i governancerapporten, at udbudspligten er overholdt, eller redegør for undtagelsen.",
        en: "Confirm in the governance report that procurement rules were followed, or explain the exemption.",
    },
    rests_on: FILES,
    check: Check::Declared,
});

requirement!(F6 {
    id: "F6",
    theme: Theme::Formkrav,
    level: Level::One,
    recommended: false,
    title: B { da: "Kildekoden er overdraget og placeret under OS2's GitHub", en: "The source code is transferred to and hosted under OS2's GitHub" },
    rationale: B {
        da: "Fællesskabet ejer produktet; koden skal ligge i en af OS2's organisationer, ikke hos en leverandør.",
        en: "The community owns the product; the code must live in one of OS2's organisations, not with a supplier.",
    },
    evidence: B {
        da: "Repositoriets ejer (GitHub-metadata, ellers origin-remoten) er en af OS2's GitHub-organisationer.",
        en: "The repository's owner (GitHub metadata, else the origin remote) is one of OS2's GitHub organisations.",
    },
    fix: B {
        da: "Overdrag repositoriet til OS2's GitHub-organisation for produktet (kontakt OS2-sekretariatet).",
        en: "Transfer the repository to OS2's GitHub organisation for the product (contact the OS2 secretariat).",
    },
    rests_on: RestsOn::on(&[Input::Metadata]),
    check: Check::Automatic(check_f6),
});

fn check_f6(ctx: &Ctx) -> Outcome {
    let Some((owner, repo)) = ctx.github_slug() else {
        return Outcome::unknown(msg!(
            "Ejeren er ukendt: ingen GitHub-metadata og ingen GitHub-origin-remote.",
            "The owner is unknown: no GitHub metadata and no GitHub origin remote."
        ))
        .with_fix(msg!(
            "Peg origin-remoten på repositoriets adresse på GitHub (git remote add origin https://github.com/EJER/REPO), eller kontrollér det direkte med os2gov check github:EJER/REPO.",
            "Point the origin remote at the repository's address on GitHub (git remote add origin https://github.com/OWNER/REPO), or check it directly with os2gov check github:OWNER/REPO."
        ));
    };
    let evidence = vec![Evidence::url(&format!("https://github.com/{owner}/{repo}"))];
    if ctx
        .organisations
        .iter()
        .any(|o| o.eq_ignore_ascii_case(&owner))
    {
        Outcome::found(
            evidence,
            msg!(
                "{o} er en af OS2's organisationer.",
                "{o} is one of OS2's organisations.",
                o = owner
            ),
        )
    } else {
        Outcome::Missing {
            evidence,
            message: msg!(
                "{o} er ikke en af OS2's GitHub-organisationer.",
                "{o} is not one of OS2's GitHub organisations.",
                o = owner
            ),
        }
        .with_fix(msg!(
            "Overdrag {o}/{r} til OS2's GitHub-organisation for produktet (GitHub: Settings → General → Transfer ownership); aftal det med OS2-sekretariatet først. Er organisationen OS2's egen under et andet navn, så angiv den under organisations i os2gov.toml.",
            "Transfer {o}/{r} to OS2's GitHub organisation for the product (GitHub: Settings → General → Transfer ownership); agree on it with the OS2 secretariat first. If the organisation is OS2's own under another name, list it under organisations in os2gov.toml.",
            o = owner,
            r = repo
        ))
    }
}

/// A branch ahead of the default branch whose last commit is this old is "long-lived".
const LONG_LIVED_DAYS: i64 = 180;

requirement!(F12 {
    id: "F12",
    theme: Theme::Formkrav,
    level: Level::Two,
    recommended: false,
    title: B { da: "Der er kun én version af kernekoden", en: "There is only one version of the core code" },
    rationale: B {
        da: "Forgreninger og private versioner splitter fællesskabet og fordobler vedligeholdelsen.",
        en: "Forks and private versions split the community and double the maintenance.",
    },
    evidence: B {
        da: "GitHub-metadata: ikke en fork; én aktiv standardgren. Langlivede grene, der afviger fra standardgrenen, listes.",
        en: "GitHub metadata: not a fork; one active default branch. Long-lived branches that diverge from it are listed.",
    },
    fix: B {
        da: "Flet eller luk langlivede grene, og udvikl i ét repository med én hovedgren.",
        en: "Merge or close long-lived branches and develop in one repository with one main branch.",
    },
    rests_on: RestsOn::on(&[Input::Metadata, Input::History]),
    check: Check::AutomaticOrDeclared(check_f12),
});

fn check_f12(ctx: &Ctx) -> Outcome {
    let mut message = Msg::default();
    if let Some(history) = &ctx.snapshot.history {
        let divergent: Vec<String> = history
            .branches
            .iter()
            .filter(|b| Some(b.name.as_str()) != history.default_branch.as_deref())
            .filter(|b| {
                b.ahead.unwrap_or(0) > 0 && days_ago(ctx, b.last_commit_time) > LONG_LIVED_DAYS
            })
            .map(|b| {
                format!(
                    "{} (+{}, {} d)",
                    b.name,
                    b.ahead.unwrap_or(0),
                    days_ago(ctx, b.last_commit_time)
                )
            })
            .collect();
        if !divergent.is_empty() {
            message = msg!(
                "Langlivede afvigende grene: {b}.",
                "Long-lived divergent branches: {b}.",
                b = divergent.join(", ")
            );
        }
    }
    match &ctx.snapshot.github {
        Fetched::Got { value } if value.fork => Outcome::Missing {
            evidence: vec![Evidence::url(&value.html_url)],
            message: msg!("Repositoriet er en fork.", "The repository is a fork.").join(&message),
        }
        .with_fix(msg!(
            "Udvikl i ét repository: flet forkens ændringer tilbage til det oprindelige repository og udvikl der, eller – er forken nu hovedrepositoriet – få den løsrevet fra det oprindelige (GitHub Support: \"detach fork\").",
            "Develop in one repository: merge the fork's changes back into the original repository and develop there, or — if the fork is now the main repository — have it detached from the original (GitHub Support: \"detach fork\")."
        )),
        Fetched::Got { value } => Outcome::found(
            vec![Evidence::url(&value.html_url)],
            msg!(
                "Ikke en fork; standardgren {b}.",
                "Not a fork; default branch {b}.",
                b = value.default_branch
            )
            .join(&message),
        ),
        Fetched::Unknown { .. } => Outcome::NoEvidence {
            message: msg!(
                "Fork-status kræver GitHub-metadata.",
                "Fork status needs GitHub metadata."
            )
            .join(&message),
        },
    }
}
