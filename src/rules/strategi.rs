//! Strategisk sammenhæng (S): the product's link to OS2's strategy and its own vision.

use super::{Bilingual as B, Check, Outcome, Theme, FILES};
use crate::base::model::{Evidence, Level};
use crate::evidence::community::VISION;
use crate::evidence::{Ctx, Scope, MIN_ANSWER_WORDS};
use crate::msg;

requirement!(S1 {
    id: "S1",
    theme: Theme::StrategiskSammenhaeng,
    level: Level::One,
    recommended: false,
    title: B { da: "Produktet har en kobling til OS2's strategi", en: "The product is linked to OS2's strategy" },
    rationale: B {
        da: "OS2 prioriterer produkter, der understøtter tværoffentlige behov, deling og fællesskab.",
        en: "OS2 prioritises products that serve cross-public needs, sharing and community.",
    },
    evidence: B {
        da: "Et afsnit om OS2's strategi, vision eller mission i README/docs; ellers governancerapportens erklæring.",
        en: "A section on OS2's strategy, vision or mission in the README/docs; otherwise the governance report's declaration.",
    },
    fix: B {
        da: "Beskriv i README eller VISION.md, hvordan produktet understøtter OS2's strategi.",
        en: "Describe in the README or VISION.md how the product supports OS2's strategy.",
    },
    rests_on: FILES,
    check: Check::AutomaticOrDeclared(check_os2_strategy),
});

requirement!(S3 {
    id: "S3",
    theme: Theme::StrategiskSammenhaeng,
    level: Level::Two,
    recommended: false,
    title: B { da: "Produktets kobling til OS2's mission, vision og strategi er beskrevet", en: "The product's link to OS2's mission, vision and strategy is described" },
    rationale: B {
        da: "Koordinationsgruppen skal kunne vise, hvor produktet passer ind i OS2's formål og indsatser.",
        en: "The coordination group must be able to show where the product fits OS2's purpose and efforts.",
    },
    evidence: B {
        da: "Et afsnit om OS2's mission, vision eller strategi; ellers governancerapportens erklæring.",
        en: "A section on OS2's mission, vision or strategy; otherwise the governance report's declaration.",
    },
    fix: B {
        da: "Tilføj et afsnit \"OS2's strategi\" i VISION.md eller docs.",
        en: "Add a section \"OS2's strategy\" to VISION.md or the docs.",
    },
    rests_on: FILES,
    check: Check::AutomaticOrDeclared(check_os2_strategy),
});

requirement!(S5 {
    id: "S5",
    theme: Theme::StrategiskSammenhaeng,
    level: Level::Three,
    recommended: false,
    title: B {
        da: "Produktets overensstemmelse med OS2's vision og strategi er beskrevet",
        en: "The product's alignment with OS2's vision and strategy is described"
    },
    rationale: B {
        da: "På niveau 3 skal sammenhængen med OS2's værdisæt være eksplicit.",
        en: "At level 3 the alignment with OS2's values must be explicit.",
    },
    evidence: B {
        da: "Et afsnit om OS2's vision eller strategi; ellers governancerapportens erklæring.",
        en: "A section on OS2's vision or strategy; otherwise the governance report's declaration.",
    },
    fix: B {
        da: "Forklar i VISION.md, hvordan løsningen passer ind i OS2's værdisæt og vision.",
        en: "Explain in VISION.md how the solution fits OS2's values and vision.",
    },
    rests_on: FILES,
    check: Check::AutomaticOrDeclared(check_os2_strategy),
});

/// A heading that names OS2 together with its strategy, vision or mission.
fn check_os2_strategy(ctx: &Ctx) -> Outcome {
    let hit = ctx
        .sections(
            Scope::Docs,
            &["strategi", "strategy", "vision", "mission"],
            MIN_ANSWER_WORDS,
        )
        .into_iter()
        .find(|hit| {
            let heading = crate::base::text::normalize(&hit.heading);
            let body = crate::base::text::normalize(&hit.text);
            crate::base::text::has_word_prefix(&heading, "os2")
                || crate::base::text::has_word_prefix(&body, "os2")
        });
    match hit {
        Some(hit) => super::shapes::found_under(
            &hit,
            msg!("OS2's strategi er behandlet", "OS2's strategy is addressed"),
        ),
        None => Outcome::NoEvidence {
            message: msg!(
                "Intet afsnit om OS2's strategi eller vision fundet.",
                "No section on OS2's strategy or vision found."
            ),
        },
    }
}

requirement!(S2 {
    id: "S2",
    theme: Theme::StrategiskSammenhaeng,
    level: Level::One,
    recommended: false,
    title: B { da: "Løsningen understøtter innovation og open source", en: "The solution supports innovation and open source" },
    rationale: B {
        da: "Open source-værdier og nyskabelse er kernen i OS2-samarbejdet.",
        en: "Open-source values and innovation are the core of the OS2 collaboration.",
    },
    evidence: B {
        da: "Et afsnit om open source eller innovation i README/docs; ellers governancerapportens erklæring.",
        en: "A section on open source or innovation in the README/docs; otherwise the governance report's declaration.",
    },
    fix: B {
        da: "Beskriv, hvordan open source-værdier og innovation er tænkt ind i produktet.",
        en: "Describe how open-source values and innovation are built into the product.",
    },
    rests_on: FILES,
    check: Check::AutomaticOrDeclared(check_s2),
});

fn check_s2(ctx: &Ctx) -> Outcome {
    super::shapes::section(
        ctx,
        Scope::Docs,
        &["open source", "innovation", "åben kildekode"],
        MIN_ANSWER_WORDS,
        |h| {
            msg!(
                "Open source og innovation under \"{h}\".",
                "Open source and innovation under \"{h}\".",
                h = h
            )
        },
        || Outcome::NoEvidence {
            message: msg!(
                "Intet afsnit om open source eller innovation fundet.",
                "No section on open source or innovation found."
            ),
        },
    )
}

/// Words a vision section needs before it counts as one "of substance".
const VISION_MIN_WORDS: usize = 40;

requirement!(S4 {
    id: "S4",
    theme: Theme::StrategiskSammenhaeng,
    level: Level::Two,
    recommended: false,
    title: B { da: "Der er udarbejdet en vision og strategi for produktet", en: "A vision and strategy for the product exist" },
    rationale: B {
        da: "En skrevet vision lader bidragydere vurdere, om en idé passer til produktet, før de bruger tid på den.",
        en: "A written vision lets contributors judge whether an idea fits the product before spending time on it.",
    },
    evidence: B {
        da: "VISION.md (i roden eller docs/) eller et afsnit Vision / Strategi / Roadmap af substans i README/docs.",
        en: "VISION.md (root or docs/) or a Vision / Strategy / Roadmap section of substance in the README/docs.",
    },
    fix: B {
        da: "Skriv VISION.md med produktvision, strategiske mål, og hvad produktet ikke skal være.",
        en: "Write VISION.md with the product vision, strategic goals, and what the product is not meant to be.",
    },
    rests_on: FILES,
    check: Check::Automatic(check_s4),
});

fn check_s4(ctx: &Ctx) -> Outcome {
    if let Some(path) = ctx.community_file(VISION.stems, VISION.dirs) {
        let words = ctx
            .text(path)
            .map(crate::base::text::word_count)
            .unwrap_or(0);
        if words >= VISION_MIN_WORDS
            && ctx
                .text(path)
                .is_some_and(|t| super::formkrav::placeholder_lines(t).is_empty())
        {
            return Outcome::found(
                vec![Evidence::file(path)],
                msg!("Produktvision i {p}.", "Product vision in {p}.", p = path),
            );
        }
        return Outcome::Missing {
            evidence: vec![Evidence::file(path)],
            message: msg!(
                "{p} findes, men er ikke udfyldt ({w} ord, pladsholdere eller under {m} ord).",
                "{p} exists but is not filled in ({w} words, placeholders or fewer than {m} words).",
                p = path,
                w = words,
                m = VISION_MIN_WORDS
            ),
        };
    }
    super::shapes::section(
        ctx,
        Scope::Docs,
        &["Vision", "Strategi", "Strategy", "Roadmap", "Køreplan"],
        VISION_MIN_WORDS,
        |h| {
            msg!(
                "Vision/strategi under \"{h}\".",
                "Vision/strategy under \"{h}\".",
                h = h
            )
        },
        || {
            Outcome::missing(msg!(
                "Ingen VISION.md og intet afsnit om vision, strategi eller roadmap af substans.",
                "No VISION.md and no vision, strategy or roadmap section of substance."
            ))
        },
    )
}
