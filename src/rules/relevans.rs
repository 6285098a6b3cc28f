//! Relevans (R): why the product matters locally and across the public sector.

use super::{Bilingual as B, Check, Outcome, Theme, FILES};
use crate::base::model::Level;
use crate::evidence::{Ctx, Scope, AUDIENCE_HEADINGS, MIN_ANSWER_WORDS, VALUE_HEADINGS};
use crate::msg;

requirement!(R1 {
    id: "R1",
    theme: Theme::Relevans,
    level: Level::Sandkasse,
    recommended: false,
    title: B { da: "Løsningen skaber lokal værdi", en: "The solution creates local value" },
    rationale: B {
        da: "Et OS2-produkt starter i en organisations konkrete behov; værdien skal kunne læses af andre, der overvejer at tage det i brug.",
        en: "An OS2 product starts from one organisation's concrete need; others considering it must be able to read what value it creates.",
    },
    evidence: B {
        da: "Et afsnit i README eller docs med en overskrift som Værdi, Gevinst, Value eller Benefits og tekst under den.",
        en: "A README or docs section headed Værdi, Gevinst, Value or Benefits with text under it.",
    },
    fix: B {
        da: "Tilføj et afsnit \"Værdi\" til README.md, der beskriver den konkrete økonomiske, organisatoriske eller brugerrettede værdi.",
        en: "Add a \"Value\" section to README.md describing the concrete economic, organisational or user-facing value.",
    },
    rests_on: FILES,
    check: Check::Automatic(check_r1),
});

fn check_r1(ctx: &Ctx) -> Outcome {
    super::shapes::section(
        ctx,
        Scope::Docs,
        &VALUE_HEADINGS,
        MIN_ANSWER_WORDS,
        |h| {
            msg!(
                "Værdien er beskrevet under \"{h}\".",
                "The value is described under \"{h}\".",
                h = h
            )
        },
        || {
            Outcome::missing(msg!(
                "Intet afsnit om værdi (Værdi, Gevinst, Value, Benefits) i README eller docs.",
                "No section on value (Værdi, Gevinst, Value, Benefits) in the README or docs."
            ))
        },
    )
}

requirement!(R2 {
    id: "R2",
    theme: Theme::Relevans,
    level: Level::Two,
    recommended: false,
    title: B { da: "Løsningen er accepteret af lokal linjeledelse", en: "The solution is accepted by local line management" },
    rationale: B {
        da: "Uden ledelsens accept hos initiativtagerne mangler der ressourcer og mandat til at drive løsningen.",
        en: "Without management acceptance at the initiating organisations there is neither mandate nor resources to run the solution.",
    },
    evidence: B {
        da: "Kan ikke ses i koden: governancerapportens ✅ med henvisning til en formel accept.",
        en: "Not visible in code: the governance report's ✅ with a reference to a formal acceptance.",
    },
    fix: B {
        da: "Markér R2 i governancerapporten og henvis til ledelsens formelle accept.",
        en: "Mark R2 in the governance report and refer to management's formal acceptance.",
    },
    rests_on: FILES,
    check: Check::Declared,
});

requirement!(R3 {
    id: "R3",
    theme: Theme::Relevans,
    level: Level::Two,
    recommended: false,
    title: B { da: "Løsningen har fælles offentligt potentiale", en: "The solution has cross-public-sector potential" },
    rationale: B {
        da: "OS2 deler løsninger, der kan bruges på tværs af kommuner og myndigheder; målgruppen skal fremgå.",
        en: "OS2 shares solutions that can be used across municipalities and authorities; the target group must be stated.",
    },
    evidence: B {
        da: "Et afsnit om målgruppen (Målgruppe, Hvem kan bruge, Who is it for, Target group) i README eller docs; ellers governancerapportens erklæring.",
        en: "A section on the target group (Målgruppe, Hvem kan bruge, Who is it for, Target group) in the README or docs; otherwise the governance report's declaration.",
    },
    fix: B {
        da: "Beskriv i README, hvem der kan bruge løsningen, og hvordan den kan bruges på tværs af kommuner og myndigheder.",
        en: "Describe in the README who can use the solution and how it can be used across municipalities and authorities.",
    },
    rests_on: FILES,
    check: Check::AutomaticOrDeclared(check_r3),
});

fn check_r3(ctx: &Ctx) -> Outcome {
    super::shapes::section(
        ctx,
        Scope::Docs,
        &AUDIENCE_HEADINGS,
        MIN_ANSWER_WORDS,
        |h| {
            msg!(
                "Målgruppen er beskrevet under \"{h}\".",
                "The target group is described under \"{h}\".",
                h = h
            )
        },
        || Outcome::NoEvidence {
            message: msg!(
                "Intet afsnit om målgruppe fundet i README eller docs.",
                "No section on the target group found in the README or docs."
            ),
        },
    )
}

requirement!(R4 {
    id: "R4",
    theme: Theme::Relevans,
    level: Level::Three,
    recommended: false,
    title: B { da: "Ophæng til nationale strategier er til stede", en: "The solution is anchored in national strategies" },
    rationale: B {
        da: "Produkter på højeste niveau skal kunne begrundes i de nationale digitaliseringsstrategier.",
        en: "Products at the highest level must be justified by the national digitalisation strategies.",
    },
    evidence: B {
        da: "Governancerapportens ✅ med henvisning til strategierne.",
        en: "The governance report's ✅ with a reference to the strategies.",
    },
    fix: B {
        da: "Henvis i governancerapporten til de relevante nationale strategier og forklar sammenhængen.",
        en: "Refer to the relevant national strategies in the governance report and explain the link.",
    },
    rests_on: FILES,
    check: Check::Declared,
});
