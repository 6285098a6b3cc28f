//! The shapes several checks share, so that each requirement states only its headings and its
//! messages: a section of substance found by its headings, a section or else a link, a link or
//! else a section.

use super::Outcome;
use crate::base::model::Msg;
use crate::evidence::{Ctx, Hit, Scope, MIN_ANSWER_WORDS};

/// Found when `scope` has a section under one of `headings` with at least `min_words` words,
/// with `found` naming the heading; otherwise what `absent` says (missing, or no evidence for a
/// requirement the governance report may declare).
pub(crate) fn section(
    ctx: &Ctx,
    scope: Scope,
    headings: &[&str],
    min_words: usize,
    found: impl FnOnce(&str) -> Msg,
    absent: impl FnOnce() -> Outcome,
) -> Outcome {
    match ctx.section(scope, headings, min_words) {
        Some(hit) => Outcome::found(vec![hit.evidence()], found(&hit.heading)),
        None => absent(),
    }
}

/// Found in the section `hit`: "`what` under "Heading"." in both languages.
pub(crate) fn found_under(hit: &Hit, what: Msg) -> Outcome {
    Outcome::found(
        vec![hit.evidence()],
        Msg::new(
            format!("{} under \"{}\".", what.da, hit.heading),
            format!("{} under \"{}\".", what.en, hit.heading),
        ),
    )
}

/// A docs section on one of `phrases` first, else a link mentioning one; no evidence when
/// neither is there.
pub(crate) fn section_or_link(
    ctx: &Ctx,
    phrases: &[&str],
    found_da: &str,
    found_en: &str,
    none_da: &str,
    none_en: &str,
) -> Outcome {
    if let Some(hit) = ctx.section(Scope::Docs, phrases, MIN_ANSWER_WORDS) {
        return Outcome::found(
            vec![hit.evidence()],
            Msg::new(
                format!("{found_da} (\"{}\").", hit.heading),
                format!("{found_en} (\"{}\").", hit.heading),
            ),
        );
    }
    if let Some(e) = ctx.link_mentioning(phrases) {
        return Outcome::found(
            vec![e],
            Msg::new(format!("{found_da} (link)."), format!("{found_en} (link).")),
        );
    }
    Outcome::NoEvidence {
        message: Msg::new(none_da, none_en),
    }
}

/// A link mentioning one of `phrases` first (material usually lives elsewhere), else a docs
/// section on one; no evidence when neither is there. `what` names the material in both
/// languages, in lower case.
pub(crate) fn link_or_section(ctx: &Ctx, phrases: &[&str], what: Msg) -> Outcome {
    if let Some(e) = ctx.link_mentioning(phrases) {
        return Outcome::found(
            vec![e],
            Msg::new(
                format!("Link til {}.", what.da),
                format!("Link to {}.", what.en),
            ),
        );
    }
    if let Some(hit) = ctx.section(Scope::Docs, phrases, MIN_ANSWER_WORDS) {
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
