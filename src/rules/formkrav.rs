//! Formkrav (F): the formal requirements — openness, licence, security, documentation,
//! communication channels, issue tracking, one version of the code, operations.

use super::{declared_only, Bilingual as B, Input, Method, Outcome, RestsOn, Rule, Theme, FILES};
use crate::base::model::{Content, Evidence, Fetched, Level, Msg};
use crate::base::text::{mentions_any, normalize};
use crate::evidence::{
    classify_link, Ctx, Hit, LinkKind, Scope, ARCHITECTURE_HEADINGS, DAY, DEVELOPMENT_WORDS,
    EXAMPLE_HEADINGS, FEATURES_HEADINGS, HOW_IT_WORKS_HEADINGS, INSTALL_HEADINGS, PRODUCTION_WORDS,
};
use crate::msg;

const YEAR: i64 = 365 * DAY;

pub(super) static RULES: &[Rule] = &[
    Rule {
        id: "F1",
        theme: Theme::Formkrav,
        level: Level::Sandkasse,
        recommended: false,
        method: Method::Automatic,
        title: B { da: "Kildekoden udvikles synligt og aktivt i et offentligt repository", en: "The source code is developed openly and actively in a public repository" },
        rationale: doc_text!(B {
            da: "Åben udvikling er grundlaget for deling: andre kan kun genbruge og bidrage til kode, de kan se, og som lever.",
            en: "Open development is the basis of sharing: others can only reuse and contribute to code they can see and that is alive.",
        }),
        evidence: doc_text!(B {
            da: "GitHub-metadata: offentligt og ikke arkiveret; seneste commit inden for 12 måneder. Offline: kun commit-datoen kan afgøre det (for gammel = ikke opfyldt).",
            en: "GitHub metadata: public and not archived; newest commit within 12 months. Offline only the commit date can decide (too old = not met).",
        }),
        fix: B {
            da: "Gør repositoriet offentligt under OS2's GitHub, ophæv arkiveringen og udvikl i det (ingen interne spejle).",
            en: "Make the repository public under OS2's GitHub, unarchive it and develop in it (no internal mirrors).",
        },
        rests_on: RestsOn::on(&[Input::Metadata, Input::History]),
        check: check_f1,
    },
    Rule {
        id: "F2",
        theme: Theme::Formkrav,
        level: Level::Sandkasse,
        recommended: false,
        method: Method::Automatic,
        title: B { da: "Open source-licenskriterier overholdes", en: "Open-source licence criteria are met" },
        rationale: doc_text!(B {
            da: "Uden en OSI-godkendt licens må andre ikke lovligt genbruge koden. OS2's standard er MPL-2.0.",
            en: "Without an OSI-approved licence others may not legally reuse the code. OS2's standard is MPL-2.0.",
        }),
        evidence: doc_text!(B {
            da: "En licensfil i roden (LICENSE*, LICENCE*, COPYING* eller REUSE's LICENSES/) med en OSI-godkendt licens, genkendt fra teksten; symlinks følges inden for repositoriet. Skal stemme med GitHubs og publiccode.yml's licens.",
            en: "A root licence file (LICENSE*, LICENCE*, COPYING* or REUSE's LICENSES/) with an OSI-approved licence recognised from its text; symlinks are followed inside the repository. Must agree with GitHub's and publiccode.yml's licence.",
        }),
        fix: B {
            da: "Læg licensteksten for MPL-2.0 (OS2's standard) eller en anden OSI-godkendt licens i LICENSE i roden.",
            en: "Put the text of MPL-2.0 (OS2's standard) or another OSI-approved licence in LICENSE at the root.",
        },
        rests_on: RestsOn::on(&[Input::Files, Input::Metadata]),
        check: check_f2,
    },
    Rule {
        id: "F3",
        theme: Theme::Formkrav,
        level: Level::Sandkasse,
        recommended: false,
        method: Method::Declared,
        title: B { da: "Udbudsregler og almindelig lovformelighed er overholdt", en: "Procurement rules and general legality are respected" },
        rationale: doc_text!(B {
            da: "Kommuner kan kun bruge løsningen, hvis den er anskaffet og udviklet lovligt.",
            en: "Municipalities can only use the solution if it was procured and developed lawfully.",
        }),
        evidence: doc_text!(B {
            da: "Governance-rapportens ✅, evt. med beslutningsnotat.",
            en: "The governance report's ✅, possibly with a decision memo.",
        }),
        fix: B {
            da: "Bekræft i governance-rapporten, at udbudspligten er overholdt, eller redegør for undtagelsen.",
            en: "Confirm in the governance report that procurement rules were followed, or explain the exemption.",
        },
        rests_on: FILES,
        check: declared_only,
    },
    Rule {
        id: "F4",
        theme: Theme::Formkrav,
        level: Level::Sandkasse,
        recommended: false,
        method: Method::Automatic,
        title: B { da: "Der er tænkt på sikkerheden i løsningen", en: "Security has been considered" },
        rationale: doc_text!(B {
            da: "Sårbarheder skal kunne rapporteres fortroligt til nogen, der handler på dem.",
            en: "Vulnerabilities must be reportable in confidence to someone who acts on them.",
        }),
        evidence: doc_text!(B {
            da: "SECURITY.md (i roden, .github/ eller docs/), eller et sikkerhedsafsnit i README/docs med en kontakt til rapportering.",
            en: "SECURITY.md (root, .github/ or docs/), or a security section in the README/docs with a reporting contact.",
        }),
        fix: B {
            da: "Tilføj SECURITY.md med hvordan sårbarheder rapporteres (e-mail), hvilke versioner der understøttes, og hvordan sikkerhed er indtænkt.",
            en: "Add SECURITY.md saying how to report vulnerabilities (e-mail), which versions are supported and how security is built in.",
        },
        rests_on: FILES,
        check: check_f4,
    },
    Rule {
        id: "F5",
        theme: Theme::Formkrav,
        level: Level::Sandkasse,
        recommended: false,
        method: Method::Automatic,
        title: B { da: "Løsningens formål og værdi er beskrevet", en: "The solution's purpose and value are described" },
        rationale: doc_text!(B {
            da: "README er produktets forside: den skal svare på, hvad produktet er, hvilke behov det dækker, hvilken værdi det skaber, og hvem man kontakter.",
            en: "The README is the product's front page: it must say what the product is, which needs it covers, what value it creates and whom to contact.",
        }),
        evidence: doc_text!(B {
            da: "README besvarer fire spørgsmål med overskrifter og tekst: hvad (Hvad er/Om/About, eller første afsnit), behov (Behov/Formål/Purpose), værdi (Værdi/Gevinst/Value) og kontakt (Kontakt/Tovholder/Contact med navn og e-mail).",
            en: "The README answers four questions with headings and text: what (Hvad er/Om/About, or the first paragraph), needs (Behov/Formål/Purpose), value (Værdi/Gevinst/Value) and contact (Kontakt/Tovholder/Contact with name and e-mail).",
        }),
        fix: B {
            da: "Tilføj de manglende afsnit til README.md; `os2gov fix` kan indsætte dem fra OS2's skabelon.",
            en: "Add the missing sections to README.md; `os2gov fix` can insert them from OS2's template.",
        },
        rests_on: FILES,
        check: check_f5,
    },
    Rule {
        id: "F6",
        theme: Theme::Formkrav,
        level: Level::One,
        recommended: false,
        method: Method::Automatic,
        title: B { da: "Kildekoden er overdraget og placeret under OS2's GitHub", en: "The source code is transferred to and hosted under OS2's GitHub" },
        rationale: doc_text!(B {
            da: "Fællesskabet ejer produktet; koden skal ligge i en af OS2's organisationer, ikke hos en leverandør.",
            en: "The community owns the product; the code must live in one of OS2's organisations, not with a supplier.",
        }),
        evidence: doc_text!(B {
            da: "Repositoriets ejer (GitHub-metadata, ellers origin-remoten) er en af OS2's GitHub-organisationer.",
            en: "The repository's owner (GitHub metadata, else the origin remote) is one of OS2's GitHub organisations.",
        }),
        fix: B {
            da: "Overdrag repositoriet til OS2's GitHub-organisation for produktet (kontakt OS2-sekretariatet).",
            en: "Transfer the repository to OS2's GitHub organisation for the product (contact the OS2 secretariat).",
        },
        rests_on: RestsOn::on(&[Input::Metadata]),
        check: check_f6,
    },
    Rule {
        id: "F7",
        theme: Theme::Formkrav,
        level: Level::One,
        recommended: false,
        method: Method::Automatic,
        title: B { da: "Dokumentationen følger OS2's standardskabelon", en: "Documentation follows OS2's standard template" },
        rationale: doc_text!(B {
            da: "En fælles struktur gør det let for kommuner og leverandører at finde rundt i ethvert OS2-produkt.",
            en: "A common structure makes every OS2 product easy to navigate for municipalities and suppliers.",
        }),
        evidence: doc_text!(B {
            da: "README med formål, Sådan virker det / How it works, Arkitektur, Funktioner / Key features, Installation (udvikling og drift), Eksempler og en fod med licens, bidrag og kontakt; MAINTAINERS.md; CONTRIBUTING; docs/architecture.md; ingen rester fra skabelonen (\"Replace with …\").",
            en: "A README with mission statement, How it works, Architecture, Key features, How to install and run (development and production), Examples and a footer with licence, contributing and contact; MAINTAINERS.md; CONTRIBUTING; docs/architecture.md; nothing left from the template (\"Replace with …\").",
        }),
        fix: B {
            da: "Følg OS2's dokumentationsskabelon (github.com/OS2offdig/os2-docs-template); `os2gov fix` indsætter de manglende dele.",
            en: "Follow OS2's documentation template (github.com/OS2offdig/os2-docs-template); `os2gov fix` inserts the missing parts.",
        },
        rests_on: FILES,
        check: check_f7,
    },
    Rule {
        id: "F10",
        theme: Theme::Formkrav,
        level: Level::One,
        recommended: false,
        method: Method::Automatic,
        title: B { da: "OS2's kommunikationskanaler anvendes (os2.eu)", en: "OS2's communication channels are used (os2.eu)" },
        rationale: doc_text!(B {
            da: "Produktsiden på os2.eu er indgangen for kommuner, der leder efter løsninger.",
            en: "The product page on os2.eu is where municipalities looking for solutions start.",
        }),
        evidence: doc_text!(B {
            da: "Et link til produktets side på os2.eu (os2.eu/produkt/…) i README eller docs.",
            en: "A link to the product's page on os2.eu (os2.eu/produkt/…) in the README or docs.",
        }),
        fix: B {
            da: "Link til produktsiden på os2.eu fra README.md.",
            en: "Link to the product page on os2.eu from README.md.",
        },
        rests_on: FILES,
        check: check_f10,
    },
    Rule {
        id: "F11",
        theme: Theme::Formkrav,
        level: Level::One,
        recommended: false,
        method: Method::Automatic,
        title: B { da: "Der anvendes offentlig issue-tracking med henvisning til kodeændringer", en: "Public issue tracking is used and linked to code changes" },
        rationale: doc_text!(B {
            da: "Beslutninger og opgaver skal kunne spores fra ønske til kodeændring.",
            en: "Decisions and tasks must be traceable from request to code change.",
        }),
        evidence: doc_text!(B {
            da: "En offentlig issue-tracker (GitHub Issues slået til, eller et Jira-projekt på os2web.atlassian.net) OG mindst 30 % af de seneste 100 commits (uden merges) henviser til en opgave (#123 eller NØGLE-123).",
            en: "A public issue tracker (GitHub Issues enabled, or a Jira project at os2web.atlassian.net) AND at least 30 % of the last 100 non-merge commits reference an issue (#123 or KEY-123).",
        }),
        fix: B {
            da: "Slå GitHub Issues til eller link til Jira-projektet i README, og skriv opgavenummeret i commit-beskeder.",
            en: "Enable GitHub Issues or link the Jira project from the README, and put the issue number in commit messages.",
        },
        rests_on: RestsOn {
            met_too: true,
            ..RestsOn::on(&[Input::Files, Input::Metadata, Input::History])
        },
        check: check_f11,
    },
    Rule {
        id: "F12",
        theme: Theme::Formkrav,
        level: Level::Two,
        recommended: false,
        method: Method::AutomaticOrDeclared,
        title: B { da: "Der er kun én version af kernekoden", en: "There is only one version of the core code" },
        rationale: doc_text!(B {
            da: "Forgreninger og private versioner splitter fællesskabet og fordobler vedligeholdelsen.",
            en: "Forks and private versions split the community and double the maintenance.",
        }),
        evidence: doc_text!(B {
            da: "GitHub-metadata: ikke en fork; én aktiv standardgren. Langlivede grene, der afviger fra standardgrenen, listes.",
            en: "GitHub metadata: not a fork; one active default branch. Long-lived branches that diverge from it are listed.",
        }),
        fix: B {
            da: "Flet eller luk langlivede grene, og udvikl i ét repository med én hovedgren.",
            en: "Merge or close long-lived branches and develop in one repository with one main branch.",
        },
        rests_on: RestsOn::on(&[Input::Metadata, Input::History]),
        check: check_f12,
    },
    Rule {
        id: "F13",
        theme: Theme::Formkrav,
        level: Level::Two,
        recommended: false,
        method: Method::AutomaticOrDeclared,
        title: B { da: "Der er udarbejdet præsentationsmateriale", en: "Presentation material exists" },
        rationale: doc_text!(B {
            da: "Nye anvendere skal kunne præsentere løsningen internt.",
            en: "New adopters must be able to present the solution internally.",
        }),
        evidence: doc_text!(B {
            da: "Et link til præsentation, slides eller brochure i README/docs; ellers governance-rapportens erklæring.",
            en: "A link to a presentation, slides or brochure in the README/docs; otherwise the governance report's declaration.",
        }),
        fix: B {
            da: "Link til præsentationsmaterialet (fx på produktsiden på os2.eu) fra README.",
            en: "Link to the presentation material (e.g. on the os2.eu product page) from the README.",
        },
        rests_on: FILES,
        check: check_f13,
    },
    Rule {
        id: "F14",
        theme: Theme::Formkrav,
        level: Level::Two,
        recommended: false,
        method: Method::AutomaticOrDeclared,
        title: B { da: "Der er kommunikationsmateriale til strategisk niveau", en: "Communication material for the strategic level exists" },
        rationale: doc_text!(B {
            da: "Direktioner og udvalg beslutter på baggrund af businesscases og korte oversigter.",
            en: "Executive boards and committees decide from business cases and one-pagers.",
        }),
        evidence: doc_text!(B {
            da: "Et link til businesscase, one-pager eller ledelsesmateriale; ellers governance-rapportens erklæring.",
            en: "A link to a business case, one-pager or management material; otherwise the governance report's declaration.",
        }),
        fix: B {
            da: "Udarbejd en businesscase/one-pager og link til den fra README eller produktsiden.",
            en: "Write a business case/one-pager and link to it from the README or the product page.",
        },
        rests_on: FILES,
        check: check_f14,
    },
    Rule {
        id: "F15",
        theme: Theme::Formkrav,
        level: Level::Two,
        recommended: false,
        method: Method::AutomaticOrDeclared,
        title: B { da: "Best practice for implementering dokumenteres", en: "Best practice for implementation is documented" },
        rationale: doc_text!(B {
            da: "Erfaringer fra tidligere implementeringer sparer nye anvendere for de samme fejl.",
            en: "Experience from earlier implementations spares new adopters the same mistakes.",
        }),
        evidence: doc_text!(B {
            da: "Et afsnit eller link om implementering (implementeringsvejledning, erfaringer, cases); ellers governance-rapportens erklæring.",
            en: "A section or link on implementation (implementation guide, lessons learned, cases); otherwise the governance report's declaration.",
        }),
        fix: B {
            da: "Skriv en implementeringsvejledning i docs/ eller link til den.",
            en: "Write an implementation guide in docs/ or link to one.",
        },
        rests_on: FILES,
        check: check_f15,
    },
    Rule {
        id: "F16",
        theme: Theme::Formkrav,
        level: Level::Two,
        recommended: false,
        method: Method::Automatic,
        title: B { da: "Teknisk dokumentation beskriver kodestandarder", en: "Technical documentation describes coding standards" },
        rationale: doc_text!(B {
            da: "Fælles kodestandarder gør det muligt for flere leverandører at arbejde i samme kode.",
            en: "Shared coding standards let several suppliers work in the same code.",
        }),
        evidence: doc_text!(B {
            da: "Et afsnit om kodestandarder (Kodestandard, Coding standards, Code style) i CONTRIBUTING/docs, eller konfiguration af formatter/linter (.editorconfig, .eslintrc, rustfmt.toml, .pre-commit-config.yaml …).",
            en: "A section on coding standards (Kodestandard, Coding standards, Code style) in CONTRIBUTING/docs, or formatter/linter configuration (.editorconfig, .eslintrc, rustfmt.toml, .pre-commit-config.yaml …).",
        }),
        fix: B {
            da: "Beskriv kodestandarderne i CONTRIBUTING.md og håndhæv dem med en formatter/linter i CI.",
            en: "Describe the coding standards in CONTRIBUTING.md and enforce them with a formatter/linter in CI.",
        },
        rests_on: FILES,
        check: check_f16,
    },
    Rule {
        id: "F17",
        theme: Theme::Formkrav,
        level: Level::Two,
        recommended: false,
        method: Method::AutomaticOrDeclared,
        title: B { da: "Drifts- og vedligeholdelsessetup er beskrevet", en: "Operations and maintenance are described" },
        rationale: doc_text!(B {
            da: "Anvendere skal vide, hvem der drifter og vedligeholder, og hvordan løsningen kører.",
            en: "Adopters must know who operates and maintains the solution and how it runs.",
        }),
        evidence: doc_text!(B {
            da: "Et afsnit om drift (Drift, Operations, Deployment, Hosting, Vedligeholdelse) med substans i README/docs; ellers governance-rapportens erklæring.",
            en: "A section on operations (Drift, Operations, Deployment, Hosting, Maintenance) of substance in the README/docs; otherwise the governance report's declaration.",
        }),
        fix: B {
            da: "Beskriv driftspartner, ansvar, komponenter, monitorering, deployment og backup i docs/.",
            en: "Describe the operations partner, responsibilities, components, monitoring, deployment and backup in docs/.",
        },
        rests_on: FILES,
        check: check_f17,
    },
    Rule {
        id: "F18",
        theme: Theme::Formkrav,
        level: Level::Two,
        recommended: false,
        method: Method::AutomaticOrDeclared,
        title: B { da: "Rammearkitekturen og standarder er fulgt, og afvigelser er forklaret", en: "The common public-sector architecture framework is followed, deviations explained" },
        rationale: doc_text!(B {
            da: "Løsninger, der følger den fællesoffentlige rammearkitektur, kan integreres og genbruges.",
            en: "Solutions that follow the common public-sector architecture can be integrated and reused.",
        }),
        evidence: doc_text!(B {
            da: "Docs nævner den fællesoffentlige rammearkitektur; ellers governance-rapportens erklæring.",
            en: "The docs mention the common public-sector architecture framework (rammearkitektur); otherwise the governance report's declaration.",
        }),
        fix: B {
            da: "Beskriv i docs/architecture.md, hvordan løsningen følger rammearkitekturen, eller hvorfor ikke.",
            en: "Describe in docs/architecture.md how the solution follows the architecture framework, or why not.",
        },
        rests_on: FILES,
        check: check_f18,
    },
    Rule {
        id: "F19",
        theme: Theme::Formkrav,
        level: Level::Two,
        recommended: true,
        method: Method::Automatic,
        title: B { da: "Løsningen leveres i et containerformat", en: "The solution is delivered as a container" },
        rationale: doc_text!(B {
            da: "Containere gør det ens og enkelt at bygge og køre løsningen hos alle anvendere.",
            en: "Containers make building and running the solution the same and simple for every adopter.",
        }),
        evidence: doc_text!(B {
            da: "En Dockerfile/Containerfile (uden for vendor- og testmapper), en compose-fil i roden eller et Helm-chart (Chart.yaml).",
            en: "A Dockerfile/Containerfile (outside vendored and test folders), a compose file at the root or a Helm chart (Chart.yaml).",
        }),
        fix: B {
            da: "Tilføj en Dockerfile, der bygger og kører løsningen, og evt. en docker-compose.yml.",
            en: "Add a Dockerfile that builds and runs the solution, and possibly a docker-compose.yml.",
        },
        rests_on: FILES,
        check: check_f19,
    },
    Rule {
        id: "F20",
        theme: Theme::Formkrav,
        level: Level::Two,
        recommended: true,
        method: Method::Automatic,
        title: B { da: "Uddannelsesmateriale er udarbejdet", en: "Training material exists" },
        rationale: doc_text!(B {
            da: "Brugere skal kunne lære løsningen uden at spørge leverandøren.",
            en: "Users must be able to learn the solution without asking the supplier.",
        }),
        evidence: doc_text!(B {
            da: "Brugerdokumentation i repositoriet (manual, brugervejledning, user guide) eller et link til Loop (faq.os2.eu).",
            en: "User documentation in the repository (manual, brugervejledning, user guide) or a link to Loop (faq.os2.eu).",
        }),
        fix: B {
            da: "Læg brugervejledninger på Loop (faq.os2.eu) og link til dem fra README.",
            en: "Put user guides on Loop (faq.os2.eu) and link to them from the README.",
        },
        rests_on: FILES,
        check: check_f20,
    },
    Rule {
        id: "F21",
        theme: Theme::Formkrav,
        level: Level::Three,
        recommended: false,
        method: Method::Declared,
        title: B { da: "Politisk kommunikation er udarbejdet (lokalt og omverden)", en: "Political communication exists (local and external)" },
        rationale: doc_text!(B {
            da: "Politisk opbakning sikrer løsningens fremtid.",
            en: "Political backing secures the solution's future.",
        }),
        evidence: doc_text!(B {
            da: "Governance-rapportens ✅ med henvisning til beslutningsoplæg eller pressemeddelelser.",
            en: "The governance report's ✅ referring to decision papers or press releases.",
        }),
        fix: B {
            da: "Henvis i governance-rapporten til materiale til politiske fora.",
            en: "Refer to material for political fora in the governance report.",
        },
        rests_on: FILES,
        check: declared_only,
    },
    Rule {
        id: "F22",
        theme: Theme::Formkrav,
        level: Level::Three,
        recommended: false,
        method: Method::Declared,
        title: B { da: "Procesplan og procesansvar for driftsimplementering er udarbejdet", en: "A process plan and ownership for rollout exist" },
        rationale: doc_text!(B {
            da: "En plan for hvem der gør hvad hvornår gør implementeringen forudsigelig.",
            en: "A plan for who does what when makes the rollout predictable.",
        }),
        evidence: doc_text!(B {
            da: "Governance-rapportens ✅ med henvisning til implementeringsplanen.",
            en: "The governance report's ✅ referring to the implementation plan.",
        }),
        fix: B {
            da: "Tilføj en implementeringsplan og henvis til den i governance-rapporten.",
            en: "Add an implementation plan and refer to it in the governance report.",
        },
        rests_on: FILES,
        check: declared_only,
    },
];

fn days_ago(ctx: &Ctx, time: i64) -> i64 {
    (ctx.snapshot.now - time) / DAY
}

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
        )),
        Fetched::Got { value } => {
            let evidence = vec![Evidence::url(&value.html_url)];
            if value.private {
                return Outcome::Missing {
                    evidence,
                    message: msg!("Repositoriet er privat.", "The repository is private."),
                };
            }
            if value.archived {
                return Outcome::Missing {
                    evidence,
                    message: msg!("Repositoriet er arkiveret.", "The repository is archived."),
                };
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
                )),
            }
        }
    }
}

/// Root licence files by SPEC §8: LICENSE*, LICENCE*, COPYING*, or REUSE's LICENSES/.
fn root_licence_files<'a>(ctx: &Ctx<'a>) -> Vec<&'a str> {
    ctx.shallow_paths()
        .filter(|p| {
            let lower = p.to_ascii_lowercase();
            (!lower.contains('/')
                && (lower.starts_with("license")
                    || lower.starts_with("licence")
                    || lower.starts_with("copying")))
                || (lower.starts_with("licenses/") && lower.matches('/').count() == 1)
        })
        .collect()
}

fn check_f2(ctx: &Ctx) -> Outcome {
    let files = root_licence_files(ctx);
    let mut problems: Vec<Msg> = Vec::new();
    let mut found: Option<(String, &str)> = None;
    for path in &files {
        let entry = ctx.snapshot.files.get(*path);
        let via = entry.and_then(|e| e.symlink_to.clone());
        match entry.map(|e| &e.content) {
            Some(Content::Text { text, .. }) => {
                let identified = crate::parse::licence::identify(text)
                    .map(|i| i.spdx)
                    .or_else(|| {
                        path.to_ascii_lowercase()
                            .starts_with("licenses/")
                            .then(|| {
                                crate::parse::licence::spdx_from_filename(
                                    path.rsplit('/').next().unwrap_or(path),
                                )
                            })
                            .flatten()
                    });
                match identified {
                    Some(spdx) if found.is_none() => found = Some((spdx, path)),
                    Some(_) => {}
                    None => problems.push(msg!(
                        "{p}: licensen kunne ikke genkendes.",
                        "{p}: the licence could not be recognised.",
                        p = path
                    )),
                }
                let _ = via;
            }
            Some(Content::SymlinkOutside { target }) => problems.push(msg!(
                "{p} er et symlink ud af repositoriet ({t}) og følges ikke.",
                "{p} is a symlink out of the repository ({t}) and is not followed.",
                p = path,
                t = target
            )),
            Some(Content::Broken { reason }) => problems.push(msg!(
                "{p} kan ikke læses: {r}.",
                "{p} cannot be read: {r}.",
                p = path,
                r = reason
            )),
            Some(Content::Binary) => problems.push(msg!(
                "{p} er en binær fil.",
                "{p} is a binary file.",
                p = path
            )),
            Some(Content::TooLarge { size }) => problems.push(msg!(
                "{p} er for stor til at læse ({s} bytes).",
                "{p} is too large to read ({s} bytes).",
                p = path,
                s = size
            )),
            Some(Content::NotLoaded) | None => {}
        }
    }
    let Some((spdx, path)) = found else {
        let mut message = if files.is_empty() {
            msg!(
                "Ingen licensfil i roden (LICENSE, COPYING, LICENSES/).",
                "No licence file at the root (LICENSE, COPYING, LICENSES/)."
            )
        } else {
            Msg::default()
        };
        for p in &problems {
            message = message.join(p);
        }
        for manifest in ctx.shallow_paths().filter(|p| !p.contains('/')) {
            if let Some(declared) = ctx
                .text(manifest)
                .and_then(|t| crate::parse::licence::manifest_licence(manifest, t))
            {
                message = message.join(&msg!(
                    "{m} angiver {l}, men en licens kun i et pakkemanifest er ikke nok.",
                    "{m} declares {l}, but a licence only in a package manifest is not enough.",
                    m = manifest,
                    l = declared
                ));
                break;
            }
        }
        let evidence = files.iter().map(|p| Evidence::file(p)).collect();
        return Outcome::Missing { evidence, message };
    };
    let mut evidence = vec![Evidence::at(path, 1)];
    if let Some(target) = ctx
        .snapshot
        .files
        .get(path)
        .and_then(|e| e.symlink_to.as_deref())
    {
        evidence[0].note = Some(format!("symlink → {target}"));
    }
    if !crate::parse::licence::is_osi_approved(&spdx) {
        return Outcome::Missing {
            evidence,
            message: msg!(
                "{l} er ikke en OSI-godkendt licens.",
                "{l} is not an OSI-approved licence.",
                l = spdx
            ),
        };
    }
    let mut disagreements = Vec::new();
    if let Fetched::Got { value } = &ctx.snapshot.github {
        if let Some(theirs) = value
            .license_spdx
            .as_deref()
            .filter(|l| *l != "NOASSERTION")
        {
            if !crate::parse::licence::same_licence(&spdx, theirs) {
                disagreements.push(msg!(
                    "GitHub registrerer {t}",
                    "GitHub detects {t}",
                    t = theirs
                ));
            }
        }
    }
    let mut unread = None;
    if let Some((pc_path, validation)) = ctx.publiccode() {
        if validation.unchecked {
            unread = Some(pc_path);
        }
        if let Some(theirs) = validation
            .parsed
            .as_ref()
            .and_then(|p| p.licence.as_deref())
        {
            if !crate::parse::licence::same_licence(&spdx, theirs) {
                disagreements.push(msg!(
                    "{p} angiver {t}",
                    "{p} declares {t}",
                    p = pc_path,
                    t = theirs
                ));
                evidence.push(Evidence::file(pc_path));
            }
        }
    }
    if !disagreements.is_empty() {
        let mut message = msg!(
            "{f} indeholder {l}, men:",
            "{f} holds {l}, but:",
            f = path,
            l = spdx
        );
        for d in &disagreements {
            message = message.join(d);
        }
        return Outcome::Missing { evidence, message };
    }
    // publiccode.yml that this build could not read (no YAML parser): its licence may disagree.
    if let Some(pc_path) = unread {
        evidence.push(Evidence::file(pc_path).with_note("legal.license"));
        return Outcome::Unknown {
            evidence,
            reason: msg!(
                "{l} (OSI-godkendt) i {f}, men licensen i {p} (legal.license) er ikke sammenlignet:",
                "{l} (OSI-approved) in {f}, but the licence in {p} (legal.license) was not compared:",
                l = spdx,
                f = path,
                p = pc_path
            )
            .join(&crate::parse::publiccode::not_checked_reason()),
        };
    }
    let mut message = msg!(
        "{l} (OSI-godkendt) i {f}.",
        "{l} (OSI-approved) in {f}.",
        l = spdx,
        f = path
    );
    if !spdx.eq_ignore_ascii_case("MPL-2.0") {
        message = message.join(&msg!(
            "OS2's standard er MPL-2.0.",
            "OS2's standard is MPL-2.0."
        ));
    }
    Outcome::found(evidence, message)
}

const SECURITY_HEADINGS: [&str; 5] = [
    "Security",
    "Sikkerhed",
    "Sårbarhed",
    "Vulnerab",
    "Reporting a vulnerability",
];

fn check_f4(ctx: &Ctx) -> Outcome {
    if let Some(path) = ctx.community_file(&["security"], &["", ".github", "docs"]) {
        let mut evidence = Evidence::file(path);
        if let Some(origin) = ctx.snapshot.files.get(path).and_then(|e| e.origin.clone()) {
            evidence.note = Some(origin);
        }
        return Outcome::found(
            vec![evidence],
            msg!(
                "Sikkerhedspolitik i {p}.",
                "Security policy in {p}.",
                p = path
            ),
        );
    }
    // A reporting contact is an e-mail address or a web/mailto link in the section (a form,
    // GitHub's security advisories); "https" in prose ("all traffic uses https") is none.
    let mut sections: Vec<(Hit, bool)> = Vec::new();
    for file in ctx.documents(Scope::Docs) {
        for index in file.doc.find_headings(&SECURITY_HEADINGS) {
            let text = file.doc.text_under(index);
            if crate::base::text::word_count(&text) == 0 {
                continue;
            }
            let contact = !crate::base::text::emails(&text).is_empty()
                || file.doc.links_under(index).iter().any(|l| {
                    let url = l.url.to_ascii_lowercase();
                    url.starts_with("http://")
                        || url.starts_with("https://")
                        || url.starts_with("mailto:")
                });
            let section = &file.doc.sections[index];
            let hit = Hit {
                path: file.path.clone(),
                line: section.line,
                heading: section.heading.clone(),
                text,
            };
            sections.push((hit, contact));
        }
    }
    let with_contact = sections
        .iter()
        .find(|(_, contact)| *contact)
        .map(|(hit, _)| hit);
    match (with_contact, sections.first().map(|(hit, _)| hit)) {
        (Some(hit), _) => Outcome::found(
            vec![hit.evidence()],
            msg!(
                "Sikkerhedsafsnit med kontakt under \"{h}\".",
                "Security section with a contact under \"{h}\".",
                h = hit.heading
            ),
        ),
        (None, Some(hit)) => Outcome::Missing {
            evidence: vec![hit.evidence()],
            message: msg!(
                "Afsnittet \"{h}\" angiver ingen kontakt til at rapportere sårbarheder.",
                "The section \"{h}\" gives no contact for reporting vulnerabilities.",
                h = hit.heading
            ),
        },
        (None, None) => super::missing_unless_unread(
            ctx,
            &["security"],
            &["", ".github", "docs"],
            msg!(
                "Ingen SECURITY.md og intet sikkerhedsafsnit med en kontakt.",
                "No SECURITY.md and no security section with a contact."
            ),
        ),
    }
}

/// F5 and F7 without a parsed README: a root README that exists but could not be read (too
/// large, binary, a symlink out of the repository) is named, rather than called absent.
fn no_readme(ctx: &Ctx) -> Outcome {
    let unreadable = ctx
        .paths()
        .filter(|p| {
            let lower = p.to_ascii_lowercase();
            (lower == "readme" || lower.starts_with("readme."))
                && crate::evidence::is_doc_format(&lower)
        })
        .find_map(|p| Some((p, crate::evidence::unread_reason(ctx.content(p)?)?)));
    match unreadable {
        Some((path, why)) => Outcome::Missing {
            evidence: vec![Evidence::file(path)],
            message: Msg::new(
                format!("{path} er {}.", why.da),
                format!("{path} is {}.", why.en),
            ),
        },
        None => Outcome::missing(msg!("Ingen README i roden.", "No README at the root.")),
    }
}

fn check_f5(ctx: &Ctx) -> Outcome {
    if ctx.readmes.is_empty() {
        return no_readme(ctx);
    }
    let q = ctx.description_questions();
    let answers = [
        (
            &q.what,
            Msg::new("hvad produktet er", "what the product is"),
        ),
        (
            &q.needs,
            Msg::new("hvilke behov det dækker", "which needs it covers"),
        ),
        (
            &q.value,
            Msg::new("hvilken værdi det skaber", "what value it creates"),
        ),
        (
            &q.contact,
            Msg::new(
                "hvem kontaktpersonen er (navn og e-mail)",
                "who the contact person is (name and e-mail)",
            ),
        ),
    ];
    let evidence: Vec<Evidence> = answers
        .iter()
        .filter_map(|(hit, _)| hit.as_ref().map(|h| h.evidence()))
        .collect();
    let missing: Vec<&Msg> = answers
        .iter()
        .filter(|(hit, _)| hit.is_none())
        .map(|(_, m)| m)
        .collect();
    if missing.is_empty() {
        return Outcome::found(
            evidence,
            msg!(
                "README besvarer alle fire spørgsmål.",
                "The README answers all four questions."
            ),
        );
    }
    let list_da = missing
        .iter()
        .map(|m| m.da.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let list_en = missing
        .iter()
        .map(|m| m.en.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    Outcome::Missing {
        evidence,
        message: Msg::new(
            format!("README mangler: {list_da}."),
            format!("The README does not say: {list_en}."),
        ),
    }
}

fn check_f6(ctx: &Ctx) -> Outcome {
    let Some((owner, repo)) = ctx.github_slug() else {
        return Outcome::unknown(msg!(
            "Ejeren er ukendt: ingen GitHub-metadata og ingen GitHub-origin-remote.",
            "The owner is unknown: no GitHub metadata and no GitHub origin remote."
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
    }
}

/// Text the OS2 docs template ships with; any of it left means the template was not filled in.
pub(crate) const TEMPLATE_PLACEHOLDERS: [&str; 6] = [
    "Replace with",
    "Replace this",
    "[Replace with Project Title]",
    "Describe how to get a development enviroment",
    "Describe the different deployment methods",
    "[maintainer usernames]",
];

/// Placeholders `os2gov fix` writes; a scaffolded file must not pass by itself.
pub(crate) const OS2GOV_PLACEHOLDER: &str = crate::evidence::PLACEHOLDER;

pub(crate) fn placeholder_lines(text: &str) -> Vec<u32> {
    text.lines()
        .enumerate()
        .filter(|(_, line)| {
            TEMPLATE_PLACEHOLDERS.iter().any(|p| line.contains(p))
                || line.contains(OS2GOV_PLACEHOLDER)
        })
        .map(|(i, _)| u32::try_from(i + 1).unwrap_or(u32::MAX))
        .collect()
}

/// The template asks the install section for both a development set-up and a production
/// deployment ("Setting up a development environment", "Deploying to production"); a section that
/// only says how to run it locally leaves operators without the half they need.
fn install_gaps(section_text: &str) -> Vec<Msg> {
    let text = normalize(section_text);
    let mut gaps = Vec::new();
    if !mentions_any(&text, &DEVELOPMENT_WORDS) {
        gaps.push(Msg::new(
            "Installation: udviklingsmiljø",
            "How to install and run: development set-up",
        ));
    }
    if !mentions_any(&text, &PRODUCTION_WORDS) {
        gaps.push(Msg::new(
            "Installation: drift (produktion)",
            "How to install and run: production deployment",
        ));
    }
    gaps
}

fn check_f7(ctx: &Ctx) -> Outcome {
    if ctx.readmes.is_empty() {
        return no_readme(ctx);
    }
    let mut missing: Vec<Msg> = Vec::new();
    let mut evidence = Vec::new();
    let parts: [(&[&str], Msg); 5] = [
        (
            &HOW_IT_WORKS_HEADINGS,
            Msg::new("Sådan virker det", "How it works"),
        ),
        (
            &ARCHITECTURE_HEADINGS,
            Msg::new("Arkitektur", "Architecture"),
        ),
        (&FEATURES_HEADINGS, Msg::new("Funktioner", "Key features")),
        (
            &INSTALL_HEADINGS,
            Msg::new(
                "Installation (udvikling og drift)",
                "How to install and run (development and production)",
            ),
        ),
        (&EXAMPLE_HEADINGS, Msg::new("Eksempler", "Examples")),
    ];
    for (headings, name) in parts {
        match ctx.section(Scope::Readme, headings, 0) {
            Some(hit) => {
                evidence.push(hit.evidence());
                if headings == INSTALL_HEADINGS {
                    missing.extend(install_gaps(&hit.text));
                }
            }
            None => missing.push(name),
        }
    }
    if ctx.intro_paragraph().is_none() {
        missing.push(Msg::new(
            "formålsbeskrivelse under titlen",
            "mission statement under the title",
        ));
    }
    let readme_text: String = ctx
        .readmes
        .iter()
        .map(|r| normalize(&r.doc.all_text()))
        .collect::<Vec<_>>()
        .join(" ");
    let readme_links: Vec<String> = ctx
        .readmes
        .iter()
        .flat_map(|r| r.doc.links.iter().map(|l| l.url.to_ascii_lowercase()))
        .collect();
    let footer_has = |words: &[&str]| {
        words
            .iter()
            .any(|w| crate::base::text::has_word_prefix(&readme_text, &normalize(w)))
            || readme_links
                .iter()
                .any(|l| words.iter().any(|w| l.contains(&w.to_ascii_lowercase())))
    };
    if !footer_has(&["licens", "license", "licence"])
        || !footer_has(&["contributing", "bidrag"])
        || !footer_has(&["kontakt", "contact", "maintainer"])
    {
        missing.push(Msg::new(
            "fod med licens, bidrag og kontakt",
            "footer with licence, contributing and contact",
        ));
    }
    match ctx.community_file(&["maintainers"], &["", ".github", "docs"]) {
        Some(p) => evidence.push(Evidence::file(p)),
        None => missing.push(Msg::new("MAINTAINERS.md", "MAINTAINERS.md")),
    }
    match ctx.community_file(&["contributing"], &["", ".github", "docs"]) {
        Some(p) => evidence.push(Evidence::file(p)),
        None => missing.push(Msg::new("CONTRIBUTING", "CONTRIBUTING")),
    }
    let architecture = ctx.shallow_paths().find(|p| {
        let lower = p.to_ascii_lowercase();
        lower == "docs/architecture.md"
            || lower == "doc/architecture.md"
            || lower == "architecture.md"
    });
    match architecture {
        Some(p) => evidence.push(Evidence::file(p)),
        None => missing.push(Msg::new("docs/architecture.md", "docs/architecture.md")),
    }
    let mut leftovers = Vec::new();
    let checked = ctx.readmes.iter().map(|r| r.path.as_str()).chain(
        ctx.docs.iter().map(|d| d.path.as_str()).filter(|p| {
            let lower = p.to_ascii_lowercase();
            lower.contains("maintainers")
                || lower.contains("contributing")
                || lower.contains("architecture")
        }),
    );
    for path in checked {
        if let Some(text) = ctx.text(path) {
            for line in placeholder_lines(text) {
                leftovers.push(Evidence::at(path, line).with_note("placeholder"));
            }
        }
    }
    if !leftovers.is_empty() {
        let first = &leftovers[0];
        missing.push(msg!(
            "rester fra skabelonen ({n} linjer, første i {p}:{l})",
            "text left from the template ({n} lines, first at {p}:{l})",
            n = leftovers.len(),
            p = first.path.clone().unwrap_or_default(),
            l = first.line.unwrap_or(0)
        ));
        evidence.extend(leftovers);
    }
    if missing.is_empty() {
        return Outcome::found(
            evidence,
            msg!(
                "OS2's dokumentationsskabelon er fulgt.",
                "OS2's documentation template is followed."
            ),
        );
    }
    Outcome::Missing {
        evidence,
        message: list_message(
            "Mangler fra OS2's skabelon:",
            "Missing from OS2's template:",
            &missing,
        ),
    }
}

pub(crate) fn list_message(da: &str, en: &str, items: &[Msg]) -> Msg {
    let da_items = items
        .iter()
        .map(|m| m.da.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    let en_items = items
        .iter()
        .map(|m| m.en.as_str())
        .collect::<Vec<_>>()
        .join("; ");
    Msg::new(format!("{da} {da_items}."), format!("{en} {en_items}."))
}

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
fn percent(part: usize, whole: usize) -> usize {
    let (quotient, remainder) = (part * 100 / whole, part * 100 % whole);
    match (2 * remainder).cmp(&whole) {
        std::cmp::Ordering::Greater => quotient + 1,
        std::cmp::Ordering::Equal => quotient + quotient % 2,
        std::cmp::Ordering::Less => quotient,
    }
}

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
                    "GitHub Issues kunne ikke kontrolleres ({}), og intet Jira-projekt er linket.",
                    reason.da
                ),
                format!(
                    "GitHub Issues could not be checked ({}) and no Jira project is linked.",
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
            notes.push(msg!(
                "{r} af de seneste {t} commits ({p} %) henviser til en opgave (krav: 30 %).",
                "{r} of the last {t} commits ({p} %) reference an issue (required: 30 %).",
                r = refs,
                t = total,
                p = percent(refs, total)
            ));
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

/// A branch ahead of the default branch whose last commit is this old is "long-lived".
const LONG_LIVED_DAYS: i64 = 180;

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
        },
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

fn link_or_section(ctx: &Ctx, phrases: &[&str], what: Msg) -> Outcome {
    if let Some(e) = ctx.link_mentioning(phrases) {
        return Outcome::found(
            vec![e],
            Msg::new(
                format!("Link til {}.", what.da),
                format!("Link to {}.", what.en),
            ),
        );
    }
    if let Some(hit) = ctx.section(Scope::Docs, phrases, crate::evidence::MIN_ANSWER_WORDS) {
        return Outcome::found(
            vec![hit.evidence()],
            Msg::new(
                format!("{} under \"{}\".", capitalise(&what.da), hit.heading),
                format!("{} under \"{}\".", capitalise(&what.en), hit.heading),
            ),
        );
    }
    Outcome::NoEvidence {
        message: Msg::new(
            format!("Intet link eller afsnit om {} fundet.", what.da),
            format!("No link or section on {} found.", what.en),
        ),
    }
}

fn capitalise(text: &str) -> String {
    let mut chars = text.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

fn check_f13(ctx: &Ctx) -> Outcome {
    link_or_section(
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

fn check_f14(ctx: &Ctx) -> Outcome {
    link_or_section(
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

fn check_f15(ctx: &Ctx) -> Outcome {
    link_or_section(
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
    )
}

const LINTER_CONFIGS: [&str; 24] = [
    ".editorconfig",
    ".eslintrc",
    "eslint.config",
    ".prettierrc",
    "prettier.config",
    "rustfmt.toml",
    ".rustfmt.toml",
    "clippy.toml",
    ".pre-commit-config.yaml",
    ".flake8",
    "ruff.toml",
    ".ruff.toml",
    ".pylintrc",
    ".stylelintrc",
    "checkstyle.xml",
    ".golangci.yml",
    ".golangci.yaml",
    ".php-cs-fixer",
    "phpcs.xml",
    "biome.json",
    ".rubocop.yml",
    ".clang-format",
    "tslint.json",
    ".scalafmt.conf",
];

fn check_f16(ctx: &Ctx) -> Outcome {
    let headings = [
        "Kodestandard",
        "Coding standard",
        "Code style",
        "Coding style",
        "Kodestil",
        "Style guide",
        "Kodeprincipper",
        "Conventions",
        "Konventioner",
    ];
    if let Some(hit) = ctx.section(Scope::Docs, &headings, 3) {
        return Outcome::found(
            vec![hit.evidence()],
            msg!(
                "Kodestandarder beskrevet under \"{h}\".",
                "Coding standards described under \"{h}\".",
                h = hit.heading
            ),
        );
    }
    let configs: Vec<&str> = ctx
        .shallow_paths()
        .filter(|p| p.matches('/').count() <= 1)
        .filter(|p| {
            let name = p.rsplit('/').next().unwrap_or(p).to_ascii_lowercase();
            LINTER_CONFIGS.iter().any(|c| name.starts_with(c))
        })
        .collect();
    if !configs.is_empty() {
        return Outcome::found(
            configs.iter().take(5).map(|p| Evidence::file(p)).collect(),
            msg!(
                "Formatter/linter-konfiguration: {c}.",
                "Formatter/linter configuration: {c}.",
                c = configs.join(", ")
            ),
        );
    }
    Outcome::missing(msg!(
        "Hverken et afsnit om kodestandarder eller en formatter/linter-konfiguration.",
        "Neither a section on coding standards nor formatter/linter configuration."
    ))
}

fn check_f17(ctx: &Ctx) -> Outcome {
    let headings = [
        "Drift",
        "Operations",
        "Deployment",
        "Hosting",
        "Vedligehold",
        "Maintenance",
        "Production",
        "Produktion",
        "Monitor",
        "Backup",
    ];
    match ctx.section(Scope::Docs, &headings, 30) {
        Some(hit) => Outcome::found(
            vec![hit.evidence()],
            msg!(
                "Drift beskrevet under \"{h}\".",
                "Operations described under \"{h}\".",
                h = hit.heading
            ),
        ),
        None => Outcome::NoEvidence {
            message: msg!(
                "Intet afsnit om drift og vedligeholdelse af substans fundet.",
                "No section of substance on operations and maintenance found."
            ),
        },
    }
}

fn check_f18(ctx: &Ctx) -> Outcome {
    match ctx.mention(
        Scope::Docs,
        &[
            "rammearkitektur",
            "Fællesoffentlig Digital Arkitektur",
            "FDA-principper",
            "common public-sector architecture",
        ],
    ) {
        Some(hit) => Outcome::found(
            vec![hit.evidence()],
            msg!(
                "Rammearkitekturen er omtalt.",
                "The architecture framework is discussed."
            ),
        ),
        None => Outcome::NoEvidence {
            message: msg!(
                "Rammearkitekturen er ikke omtalt i README eller docs.",
                "The architecture framework is not mentioned in the README or docs."
            ),
        },
    }
}

fn is_test_path(path: &str) -> bool {
    path.split('/').any(|s| {
        let s = s.to_ascii_lowercase();
        s == "test"
            || s == "tests"
            || s == "testdata"
            || s == "fixtures"
            || s == "__tests__"
            || s == "e2e"
    })
}

fn check_f19(ctx: &Ctx) -> Outcome {
    let found: Vec<&str> = ctx
        .paths()
        .filter(|p| !is_test_path(p))
        .filter(|p| {
            let name = p.rsplit('/').next().unwrap_or(p).to_ascii_lowercase();
            let root = !p.contains('/');
            name == "dockerfile"
                || name.starts_with("dockerfile.")
                || name.ends_with(".dockerfile")
                || name == "containerfile"
                || name == "chart.yaml"
                || (root
                    && (name.starts_with("docker-compose") || name.starts_with("compose."))
                    && (name.ends_with(".yml") || name.ends_with(".yaml")))
        })
        .take(5)
        .collect();
    if found.is_empty() {
        return Outcome::missing(msg!(
            "Ingen Dockerfile, Containerfile, compose-fil eller Helm-chart.",
            "No Dockerfile, Containerfile, compose file or Helm chart."
        ));
    }
    Outcome::found(
        found.iter().map(|p| Evidence::file(p)).collect(),
        msg!("Container: {f}.", "Container: {f}.", f = found.join(", ")),
    )
}

fn check_f20(ctx: &Ctx) -> Outcome {
    if let Some(e) = ctx.link_where(|kind, _| *kind == LinkKind::Loop) {
        return Outcome::found(
            vec![e],
            msg!("Link til Loop (faq.os2.eu).", "Link to Loop (faq.os2.eu)."),
        );
    }
    let words = [
        "manual",
        "brugervejledning",
        "vejledning",
        "user guide",
        "user-guide",
        "userguide",
        "user manual",
        "guides",
        "tutorial",
        "brugerdokumentation",
    ];
    let file = ctx
        .paths()
        .filter(|p| crate::evidence::in_docs_folder(p))
        .find(|p| {
            let lower = p.to_ascii_lowercase();
            (lower.starts_with("docs/") || lower.starts_with("doc/"))
                && crate::evidence::is_doc_format(&lower)
                && words
                    .iter()
                    .any(|w| normalize(&lower).contains(&normalize(w)))
        });
    if let Some(path) = file {
        return Outcome::found(
            vec![Evidence::file(path)],
            msg!(
                "Brugerdokumentation: {p}.",
                "User documentation: {p}.",
                p = path
            ),
        );
    }
    if let Some(hit) = ctx.section(Scope::Docs, &words, 20) {
        return Outcome::found(
            vec![hit.evidence()],
            msg!(
                "Brugerdokumentation under \"{h}\".",
                "User documentation under \"{h}\".",
                h = hit.heading
            ),
        );
    }
    if let Some(e) =
        ctx.link_mentioning(&["manual", "brugervejledning", "vejledning", "user guide"])
    {
        return Outcome::found(
            vec![e],
            msg!(
                "Link til brugerdokumentation.",
                "Link to user documentation."
            ),
        );
    }
    Outcome::missing(msg!(
        "Ingen brugerdokumentation i repositoriet og intet link til Loop (faq.os2.eu).",
        "No user documentation in the repository and no link to Loop (faq.os2.eu)."
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn issue_references() {
        for yes in [
            "Fix #12",
            "OS2MO-123: add",
            "Merge pull request #5 from x",
            "(#7)",
            "[IOT-1] thing",
            "closes GH-3",
        ] {
            assert!(references_issue(yes), "{yes}");
        }
        for no in [
            "Fix typo",
            "bump to v1-2",
            "UTF-8 handling",
            "color #fff",
            "x&#39;s",
            "a-1 b",
        ] {
            assert!(!references_issue(no), "{no}");
        }
    }

    #[test]
    fn percent_rounds_like_float_formatting() {
        for (part, whole) in [
            (0, 7),
            (1, 3),
            (2, 3),
            (1, 8),
            (3, 8),
            (30, 100),
            (1, 200),
            (3, 200),
            (7, 7),
            (99, 100),
        ] {
            let float = format!("{:.0}", part as f64 * 100.0 / whole as f64);
            assert_eq!(percent(part, whole).to_string(), float, "{part}/{whole}");
        }
    }

    #[test]
    fn placeholders_found_by_line() {
        assert_eq!(
            placeholder_lines("# T\n> Replace with a brief\nok\nTODO(os2gov): x\n"),
            vec![2, 4]
        );
    }
}
