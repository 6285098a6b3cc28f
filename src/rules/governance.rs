//! Governance (G): portfolio, coordination with the secretariat, contact person, steering and
//! coordination groups, project model, review, funding and community.

use super::formkrav::os2_product_page;
use super::{Bilingual as B, Check, Outcome, Theme, FILES};
use crate::base::model::{Evidence, Level};
use crate::evidence::community::MAINTAINERS;
use crate::evidence::{names_a_person_with_email, Ctx, LinkKind, Scope, CONTACT_HEADINGS};
use crate::msg;

/// What counts for a requirement only the governance report can decide.
#[cfg_attr(not(feature = "docs"), allow(dead_code))]
const REPORT_ONLY: B = B {
    da: "Kan ikke ses i repositoriet: governancerapportens ✅ (eller selvevalueringens \"Ja\") med dokumentation.",
    en: "Not visible in the repository: the governance report's ✅ (or the self-assessment's \"Ja\") with documentation.",
};

requirement!(G1 {
    id: "G1",
    theme: Theme::Governance,
    level: Level::One,
    recommended: false,
    title: B { da: "Produktet er oprettet i OS2's porteføljestyring", en: "The product is registered in OS2's portfolio" },
    rationale: B {
        da: "Produkter i porteføljen har en side på os2.eu og indgår i OS2's årshjul.",
        en: "Products in the portfolio have a page on os2.eu and are part of OS2's annual cycle.",
    },
    evidence: B {
        da: "Et link til produktets side på os2.eu (som F10); ellers governancerapportens erklæring.",
        en: "A link to the product's page on os2.eu (as F10); otherwise the governance report's declaration.",
    },
    fix: B {
        da: "Aftal med OS2-sekretariatet at oprette produktet på os2.eu, og link til siden fra README.",
        en: "Agree with the OS2 secretariat to create the product on os2.eu, and link to the page from the README.",
    },
    rests_on: FILES,
    placed: crate::rules::Placement::Os2Eu,
    check: Check::AutomaticOrDeclared(check_g1),
});

fn check_g1(ctx: &Ctx) -> Outcome {
    match os2_product_page(ctx) {
        Some(e) => Outcome::found(
            vec![e],
            msg!(
                "Produktsiden på os2.eu er linket.",
                "The os2.eu product page is linked."
            ),
        ),
        None => Outcome::NoEvidence {
            message: msg!(
                "Intet link til en produktside på os2.eu.",
                "No link to a product page on os2.eu."
            ),
        },
    }
}

requirement!(G2 {
    id: "G2",
    theme: Theme::Governance,
    level: Level::One,
    recommended: false,
    title: B { da: "Der koordineres løbende med OS2-sekretariatet", en: "There is ongoing coordination with the OS2 secretariat" },
    rationale: B {
        da: "Sekretariatet formidler nyheder og hjælper med økonomi og udbredelse.",
        en: "The secretariat spreads news and helps with finances and adoption.",
    },
    evidence: REPORT_ONLY,
    fix: B {
        da: "Bekræft koordineringen i governancerapporten, fx med årshjul, datoer eller mails.",
        en: "Confirm the coordination in the governance report, e.g. with the annual cycle, dates or mails.",
    },
    rests_on: FILES,
    check: Check::Declared,
});

requirement!(G3 {
    id: "G3",
    theme: Theme::Governance,
    level: Level::One,
    recommended: false,
    title: B { da: "Der er udpeget en projektleder/tovholder", en: "A project lead / contact person (tovholder) is appointed" },
    rationale: B {
        da: "Tovholderen er koordinationsgruppens ansigt udadtil; anvendere og leverandører skal kunne finde vedkommende.",
        en: "The tovholder is the coordination group's public face; adopters and suppliers must be able to reach them.",
    },
    evidence: B {
        da: "En navngiven person med e-mail: et kontaktafsnit i README, MAINTAINERS.md eller publiccode.yml's maintenance.contacts.",
        en: "A named person with an e-mail: a README contact section, MAINTAINERS.md, or publiccode.yml's maintenance.contacts.",
    },
    fix: B {
        da: "Tilføj et afsnit \"Kontakt\" i README med tovholderens navn, organisation og e-mail.",
        en: "Add a \"Contact\" section to the README with the tovholder's name, organisation and e-mail.",
    },
    rests_on: FILES,
    check: Check::Automatic(check_g3),
});

fn check_g3(ctx: &Ctx) -> Outcome {
    let contact_under =
        |hit| super::shapes::found_under(&hit, msg!("Kontaktperson", "Contact person"));
    if let Some(hit) = ctx.contact_section(Scope::Readme) {
        return contact_under(hit);
    }
    if let Some(path) = ctx.community_file(MAINTAINERS.stems, MAINTAINERS.dirs) {
        if ctx.text(path).is_some_and(names_a_person_with_email) {
            return Outcome::found(
                vec![Evidence::file(path)],
                msg!("Kontaktperson i {p}.", "Contact person in {p}.", p = path),
            );
        }
    }
    let publiccode = ctx.publiccode();
    if let Some((path, validation)) = &publiccode {
        if let Some(contact) = validation.parsed.as_ref().and_then(|p| {
            p.contacts
                .iter()
                .find(|c| c.email.is_some() && !c.name.trim().is_empty())
        }) {
            return Outcome::found(
                vec![Evidence::file(path).with_note("maintenance.contacts")],
                msg!(
                    "Kontaktperson {n} i {p}.",
                    "Contact person {n} in {p}.",
                    n = contact.name,
                    p = path
                ),
            );
        }
    }
    if let Some(hit) = ctx
        .sections(Scope::Docs, &CONTACT_HEADINGS, 1)
        .into_iter()
        .find(|h| names_a_person_with_email(&h.text))
    {
        return contact_under(hit);
    }
    // publiccode.yml that this build could not read (no YAML parser) may name the contact.
    if let Some((path, _)) = publiccode.filter(|(_, v)| v.unchecked) {
        return Outcome::Unknown {
            evidence: vec![Evidence::file(path).with_note("maintenance.contacts")],
            reason: msg!(
                "Ingen navngiven kontaktperson med e-mail i README, MAINTAINERS.md eller docs; {p}'s maintenance.contacts er",
                "No named contact person with an e-mail in the README, MAINTAINERS.md or the docs; {p}'s maintenance.contacts were",
                p = path
            )
            .join(&crate::parse::publiccode::not_checked_reason()),
        };
    }
    Outcome::missing(msg!(
        "Ingen navngiven kontaktperson med e-mail i README, MAINTAINERS.md eller publiccode.yml.",
        "No named contact person with an e-mail in the README, MAINTAINERS.md or publiccode.yml."
    ))
}

requirement!(G4 {
    id: "G4",
    theme: Theme::Governance,
    level: Level::One,
    recommended: false,
    title: B {
        da: "Bestyrelsen er orienteret",
        en: "The board has been informed"
    },
    rationale: B {
        da: "OS2's bestyrelse skal kende produkterne i porteføljen.",
        en: "OS2's board must know the products in the portfolio.",
    },
    evidence: REPORT_ONLY,
    fix: B {
        da: "Vedlæg eller henvis til dokumentation for orienteringen i governancerapporten.",
        en: "Attach or refer to documentation of the briefing in the governance report.",
    },
    rests_on: FILES,
    check: Check::Declared,
});

requirement!(G5 {
    id: "G5",
    theme: Theme::Governance,
    level: Level::Two,
    recommended: false,
    title: B {
        da: "Bestyrelsen har godkendt produktet",
        en: "The board has approved the product"
    },
    rationale: B {
        da: "Godkendelsen gør produktet til et officielt OS2-produkt.",
        en: "Approval makes it an official OS2 product.",
    },
    evidence: REPORT_ONLY,
    fix: B {
        da: "Henvis til bestyrelsens godkendelse i governancerapporten.",
        en: "Refer to the board's approval in the governance report.",
    },
    rests_on: FILES,
    check: Check::Declared,
});

requirement!(G6 {
    id: "G6",
    theme: Theme::Governance,
    level: Level::Two,
    recommended: false,
    title: B { da: "Der er nedsat en styregruppe", en: "A steering group is established" },
    rationale: B {
        da: "Styregruppen sætter de strategiske og økonomiske rammer for koordinationsgruppen.",
        en: "The steering group sets the strategic and financial frame for the coordination group.",
    },
    evidence: B {
        da: "Et afsnit om styregruppen med roller og ansvar i GOVERNANCE.md eller docs; ellers governancerapportens erklæring.",
        en: "A section on the steering group (styregruppe) with roles and responsibilities in GOVERNANCE.md or the docs; otherwise the governance report's declaration.",
    },
    fix: B {
        da: "Beskriv styregruppens medlemmer, roller og ansvar i GOVERNANCE.md.",
        en: "Describe the steering group's members, roles and responsibilities in GOVERNANCE.md.",
    },
    rests_on: FILES,
    check: Check::AutomaticOrDeclared(check_g6),
});

fn check_g6(ctx: &Ctx) -> Outcome {
    super::shapes::section(
        ctx,
        Scope::Docs,
        &["styregruppe", "steering"],
        15,
        |h| {
            msg!(
                "Styregruppen er beskrevet under \"{h}\".",
                "The steering group is described under \"{h}\".",
                h = h
            )
        },
        || Outcome::NoEvidence {
            message: msg!(
                "Intet afsnit om en styregruppe fundet.",
                "No section on a steering group found."
            ),
        },
    )
}

requirement!(G7 {
    id: "G7",
    theme: Theme::Governance,
    level: Level::Two,
    recommended: true,
    title: B { da: "Der er nedsat en koordinationsgruppe", en: "A coordination group is established" },
    rationale: B {
        da: "Koordinationsgruppen prioriterer udviklingsønsker og er product owner over for leverandøren; dens kommissorium fastlægger mandatet.",
        en: "The coordination group prioritises requests and acts as product owner towards suppliers; its charter (kommissorium) sets its mandate.",
    },
    evidence: B {
        da: "Et afsnit om koordinationsgruppen med roller i GOVERNANCE.md eller docs og et link til eller omtale af kommissoriet; ellers governancerapportens erklæring.",
        en: "A section on the coordination group with roles in GOVERNANCE.md or the docs, and a link to or mention of its charter (kommissorium); otherwise the governance report's declaration.",
    },
    fix: B {
        da: "Beskriv koordinationsgruppen, tovholderen og deres opgaver i GOVERNANCE.md og link til kommissoriet.",
        en: "Describe the coordination group, the tovholder and their tasks in GOVERNANCE.md and link to the charter.",
    },
    rests_on: FILES,
    check: Check::AutomaticOrDeclared(check_g7),
});

fn check_g7(ctx: &Ctx) -> Outcome {
    let Some(hit) = ctx.section(
        Scope::Docs,
        &[
            "koordinationsgruppe",
            "coordination group",
            "koordineringsgruppe",
        ],
        15,
    ) else {
        return Outcome::NoEvidence {
            message: msg!(
                "Intet afsnit om en koordinationsgruppe fundet.",
                "No section on a coordination group found."
            ),
        };
    };
    let charter = ctx
        .link_mentioning(&["kommissorium", "charter", "terms of reference"])
        .or_else(|| {
            ctx.mention(
                Scope::Docs,
                &["kommissorium", "charter", "terms of reference"],
            )
            .map(|h| h.evidence())
        });
    match charter {
        Some(e) => Outcome::found(
            vec![hit.evidence(), e],
            msg!("Koordinationsgruppen og dens kommissorium er beskrevet.", "The coordination group and its charter are described."),
        ),
        None => Outcome::NoEvidence {
            message: msg!(
                "Koordinationsgruppen er beskrevet under \"{h}\", men kommissoriet er hverken linket eller nævnt.",
                "The coordination group is described under \"{h}\", but its charter (kommissorium) is neither linked nor mentioned.",
                h = hit.heading
            ),
        },
    }
}

requirement!(G8 {
    id: "G8",
    theme: Theme::Governance,
    level: Level::Two,
    recommended: true,
    title: B { da: "En projektmodel anvendes og er dokumenteret", en: "A project model is used and documented" },
    rationale: B {
        da: "En kendt arbejdsform gør samarbejdet mellem kommuner og leverandører forudsigeligt.",
        en: "A known way of working makes collaboration between municipalities and suppliers predictable.",
    },
    evidence: B {
        da: "Et afsnit om projektmodel eller arbejdsmetode (Projektmodel, Project model, Scrum, Kanban …); ellers governancerapportens erklæring.",
        en: "A section on the project model or method (Projektmodel, Project model, Scrum, Kanban …); otherwise the governance report's declaration.",
    },
    fix: B {
        da: "Beskriv projektmodellen i GOVERNANCE.md.",
        en: "Describe the project model in GOVERNANCE.md.",
    },
    rests_on: FILES,
    check: Check::AutomaticOrDeclared(check_g8),
});

fn check_g8(ctx: &Ctx) -> Outcome {
    super::shapes::section_or_link(
        ctx,
        &[
            "projektmodel",
            "project model",
            "arbejdsmetode",
            "way of working",
            "scrum",
            "kanban",
            // The Scaled Agile Framework, as a whole word: not "safety" or "unsafe".
            "SAFe ",
            "prince2",
            "udviklingsproces",
            "development process",
        ],
        "Projektmodellen er beskrevet",
        "The project model is described",
        "Ingen beskrivelse af en projektmodel fundet.",
        "No description of a project model found.",
    )
}

requirement!(G9 {
    id: "G9",
    theme: Theme::Governance,
    level: Level::Two,
    recommended: true,
    title: B { da: "Review af kode foretages af tredjepart", en: "Code is reviewed by a third party" },
    rationale: B {
        da: "Uafhængigt review finder fejl og sårbarheder, som leverandøren selv overser.",
        en: "Independent review finds defects and vulnerabilities the supplier overlooks.",
    },
    evidence: B {
        da: "Et afsnit eller link om tredjepartsreview, revision eller audit; ellers governancerapportens erklæring.",
        en: "A section or link on third-party review or audit; otherwise the governance report's declaration.",
    },
    fix: B {
        da: "Beskriv, hvem der reviewer koden, og link til processen og rapporterne.",
        en: "Describe who reviews the code and link to the process and the reports.",
    },
    rests_on: FILES,
    check: Check::AutomaticOrDeclared(check_g9),
});

fn check_g9(ctx: &Ctx) -> Outcome {
    super::shapes::section_or_link(
        ctx,
        &[
            "tredjepartsreview",
            "third-party review",
            "third party review",
            "ekstern review",
            "external review",
            "code audit",
            "sikkerhedsaudit",
            "security audit",
            "revisionsrapport",
        ],
        "Tredjepartsreview er beskrevet",
        "Third-party review is described",
        "Ingen beskrivelse af tredjepartsreview fundet.",
        "No description of third-party review found.",
    )
}

requirement!(G10 {
    id: "G10",
    theme: Theme::Governance,
    level: Level::Two,
    recommended: true,
    title: B { da: "Der er en tilslutningserklæring til sikring af økonomi", en: "An affiliation agreement secures funding" },
    rationale: B {
        da: "Tilslutningsaftalen fordeler udgifterne til koordinering og videreudvikling mellem anvenderne.",
        en: "The affiliation agreement (tilslutningsaftale) shares the cost of coordination and development among adopters.",
    },
    evidence: B {
        da: "Et link til eller omtale af tilslutningserklæringen/-aftalen; ellers governancerapportens erklæring.",
        en: "A link to or mention of the affiliation agreement (tilslutningserklæring/-aftale); otherwise the governance report's declaration.",
    },
    fix: B {
        da: "Link til tilslutningsaftalen (fx på produktsiden på os2.eu) fra GOVERNANCE.md.",
        en: "Link to the affiliation agreement (e.g. on the os2.eu product page) from GOVERNANCE.md.",
    },
    rests_on: FILES,
    check: Check::AutomaticOrDeclared(check_g10),
});

fn check_g10(ctx: &Ctx) -> Outcome {
    if let Some(e) = ctx.link_mentioning(&["tilslutning", "affiliation agreement"]) {
        return Outcome::found(
            vec![e],
            msg!(
                "Tilslutningsaftalen er linket.",
                "The affiliation agreement is linked."
            ),
        );
    }
    match ctx.mention(
        Scope::Docs,
        &[
            "tilslutningserklæring",
            "tilslutningsaftale",
            "affiliation agreement",
        ],
    ) {
        Some(hit) => Outcome::found(
            vec![hit.evidence()],
            msg!(
                "Tilslutningsaftalen er omtalt.",
                "The affiliation agreement is mentioned."
            ),
        ),
        None => Outcome::NoEvidence {
            message: msg!(
                "Ingen tilslutningserklæring eller -aftale omtalt.",
                "No affiliation agreement (tilslutningserklæring) mentioned."
            ),
        },
    }
}

requirement!(G11 {
    id: "G11",
    theme: Theme::Governance,
    level: Level::Three,
    recommended: false,
    title: B {
        da: "Bestyrelsen har godkendt styregruppen",
        en: "The board has approved the steering group"
    },
    rationale: B {
        da: "Bestyrelsens godkendelse giver styregruppen mandat.",
        en: "The board's approval gives the steering group its mandate.",
    },
    evidence: REPORT_ONLY,
    fix: B {
        da: "Vedlæg dokumentation for beslutningen i governancerapporten.",
        en: "Attach documentation of the decision in the governance report.",
    },
    rests_on: FILES,
    check: Check::Declared,
});

requirement!(G12 {
    id: "G12",
    theme: Theme::Governance,
    level: Level::Three,
    recommended: false,
    title: B {
        da: "Bestyrelsen er repræsenteret i styregruppen",
        en: "The board is represented in the steering group"
    },
    rationale: B {
        da: "Repræsentationen sikrer sammenhæng mellem produktets og OS2's beslutninger.",
        en: "Representation keeps the product's and OS2's decisions aligned.",
    },
    evidence: REPORT_ONLY,
    fix: B {
        da: "Angiv i governancerapporten, hvilket bestyrelsesmedlem der deltager.",
        en: "State in the governance report which board member takes part.",
    },
    rests_on: FILES,
    check: Check::Declared,
});

requirement!(G13 {
    id: "G13",
    theme: Theme::Governance,
    level: Level::Three,
    recommended: false,
    title: B {
        da: "Der foreligger en aftale, der sikrer økonomi til koordinering og videreudvikling",
        en: "An agreement secures funding for coordination and development"
    },
    rationale: B {
        da: "Uden sikret økonomi kan produktet ikke vedligeholdes på længere sigt.",
        en: "Without secured funding the product cannot be maintained in the long run.",
    },
    evidence: REPORT_ONLY,
    fix: B {
        da: "Vedlæg eller beskriv finansieringsaftalen i governancerapporten.",
        en: "Attach or describe the funding agreement in the governance report.",
    },
    rests_on: FILES,
    check: Check::Declared,
});

requirement!(G14 {
    id: "G14",
    theme: Theme::Governance,
    level: Level::Three,
    recommended: false,
    title: B { da: "Der er et fagligt fællesskab bag løsningen", en: "A professional community exists around the solution" },
    rationale: B {
        da: "Et fællesskab, hvor anvendere udveksler erfaringer, holder produktet levende ud over den enkelte leverandør.",
        en: "A community where adopters exchange experience keeps the product alive beyond any one supplier.",
    },
    evidence: B {
        da: "Et afsnit eller link om brugerforum, brugergruppe, netværk, årshjul eller Loop (faq.os2.eu); ellers governancerapportens erklæring.",
        en: "A section or link on a forum, user group, network, annual plan (årshjul) or Loop (faq.os2.eu); otherwise the governance report's declaration.",
    },
    fix: B {
        da: "Henvis til brugerforum, netværksmøder eller årshjul fra README eller GOVERNANCE.md.",
        en: "Refer to the user forum, network meetings or annual plan from the README or GOVERNANCE.md.",
    },
    rests_on: FILES,
    check: Check::AutomaticOrDeclared(check_g14),
});

fn check_g14(ctx: &Ctx) -> Outcome {
    if let Some(e) = ctx.link_where(|kind, _| *kind == LinkKind::Loop) {
        return Outcome::found(
            vec![e],
            msg!("Link til Loop (faq.os2.eu).", "Link to Loop (faq.os2.eu)."),
        );
    }
    super::shapes::section_or_link(
        ctx,
        &[
            "brugerforum",
            "brugergruppe",
            "user group",
            "forum",
            "netværk",
            "community",
            "fællesskab",
            "årshjul",
        ],
        "Et fagligt fællesskab er beskrevet",
        "A professional community is described",
        "Intet forum, brugergruppe, netværk eller årshjul fundet.",
        "No forum, user group, network or annual plan found.",
    )
}
