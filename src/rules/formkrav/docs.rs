//! Formkrav on documentation: purpose and value (F5) and OS2's documentation template (F7).

use super::*;
use crate::evidence::community::{CONTRIBUTING, MAINTAINERS};

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

requirement!(F5 {
    id: "F5",
    theme: Theme::Formkrav,
    level: Level::Sandkasse,
    recommended: false,
    title: B { da: "Løsningens formål og værdi er beskrevet", en: "The solution's purpose and value are described" },
    rationale: B {
        da: "README er produktets forside: den skal svare på, hvad produktet er, hvilke behov det dækker, hvilken værdi det skaber, og hvem man kontakter.",
        en: "The README is the product's front page: it must say what the product is, which needs it covers, what value it creates and whom to contact.",
    },
    evidence: B {
        da: "README besvarer fire spørgsmål med overskrifter og tekst: hvad (Hvad er/Om/About, eller første afsnit), behov (Behov/Formål/Purpose), værdi (Værdi/Gevinst/Value) og kontakt (Kontakt/Tovholder/Contact med navn og e-mail).",
        en: "The README answers four questions with headings and text: what (Hvad er/Om/About, or the first paragraph), needs (Behov/Formål/Purpose), value (Værdi/Gevinst/Value) and contact (Kontakt/Tovholder/Contact with name and e-mail).",
    },
    fix: B {
        da: "Tilføj de manglende afsnit til README.md; `os2gov fix` kan indsætte dem fra OS2's skabelon.",
        en: "Add the missing sections to README.md; `os2gov fix` can insert them from OS2's template.",
    },
    rests_on: FILES,
    check: Check::Automatic(check_f5),
});

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
    let some_answered = !evidence.is_empty();
    let outcome = Outcome::Missing {
        evidence,
        message: Msg::new(
            format!("README mangler: {list_da}."),
            format!("The README does not say: {list_en}."),
        ),
    };
    // Some of the four questions answered is the requirement partly met.
    if some_answered {
        outcome.partly()
    } else {
        outcome
    }
}

/// The template asks the install section for both a development set-up and a production
/// deployment ("Setting up a development environment", "Deploying to production"); a section that
/// only says how to run it locally leaves operators without the half they need.
fn install_gaps(section_text: &str) -> Vec<Msg> {
    let halves = crate::evidence::install_halves(section_text);
    let mut gaps = Vec::new();
    if !halves.development {
        gaps.push(Msg::new(
            "Installation: udviklingsmiljø",
            "How to install and run: development set-up",
        ));
    }
    if !halves.production {
        gaps.push(Msg::new(
            "Installation: drift (produktion)",
            "How to install and run: production deployment",
        ));
    }
    gaps
}

requirement!(F7 {
    id: "F7",
    theme: Theme::Formkrav,
    level: Level::One,
    recommended: false,
    title: B { da: "Dokumentationen følger OS2's standardskabelon", en: "Documentation follows OS2's standard template" },
    rationale: B {
        da: "En fælles struktur gør det let for kommuner og leverandører at finde rundt i ethvert OS2-produkt.",
        en: "A common structure makes every OS2 product easy to navigate for municipalities and suppliers.",
    },
    evidence: B {
        da: "README med formål, Sådan virker det / How it works, Arkitektur, Funktioner / Key features, Installation (udvikling og drift), Eksempler og en sidefod med licens, bidrag og kontakt; MAINTAINERS.md; CONTRIBUTING; docs/architecture.md; ingen rester fra skabelonen (\"Replace with …\").",
        en: "A README with mission statement, How it works, Architecture, Key features, How to install and run (development and production), Examples and a footer with licence, contributing and contact; MAINTAINERS.md; CONTRIBUTING; docs/architecture.md; nothing left from the template (\"Replace with …\").",
    },
    fix: B {
        da: "Følg OS2's dokumentationsskabelon (github.com/OS2offdig/os2-docs-template); `os2gov fix` indsætter de manglende dele.",
        en: "Follow OS2's documentation template (github.com/OS2offdig/os2-docs-template); `os2gov fix` inserts the missing parts.",
    },
    rests_on: FILES,
    check: Check::Automatic(check_f7),
});

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
        // A heading with nothing under it is not the section; one word is enough, since an install
        // section may hold little more than its commands (code blocks are not counted).
        match ctx.section(Scope::Readme, headings, 1) {
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
    if !ctx.readme_footer_complete() {
        missing.push(Msg::new(
            "sidefod med licens, bidrag og kontakt",
            "footer with licence, contributing and contact",
        ));
    }
    match ctx.community_file(MAINTAINERS.stems, MAINTAINERS.dirs) {
        Some(p) => evidence.push(Evidence::file(p)),
        None => missing.push(Msg::new("MAINTAINERS.md", "MAINTAINERS.md")),
    }
    match ctx.community_file(CONTRIBUTING.stems, CONTRIBUTING.dirs) {
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
    // Before the template's leftovers join the evidence: what of the template is there.
    let some_of_the_template = !evidence.is_empty();
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
                leftovers.push(
                    Evidence::at(path, line).with_note_msg(Msg::new("pladsholder", "placeholder")),
                );
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
    let outcome = Outcome::Missing {
        evidence,
        message: list_message(
            "Mangler fra OS2's skabelon:",
            "Missing from OS2's template:",
            &missing,
        ),
    };
    if some_of_the_template {
        outcome.partly()
    } else {
        outcome
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
