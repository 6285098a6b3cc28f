//! Formkrav (F): the formal requirements — openness, licence, security, documentation,
//! communication channels, issue tracking, one version of the code, operations.

use super::{Bilingual as B, Check, Input, Outcome, RestsOn, Theme, FILES};
use crate::base::model::{Content, Evidence, Fetched, Level, Msg};
use crate::base::text::normalize;
use crate::evidence::{
    classify_link, Ctx, Hit, LinkKind, Scope, ARCHITECTURE_HEADINGS, DAY, EXAMPLE_HEADINGS,
    FEATURES_HEADINGS, HOW_IT_WORKS_HEADINGS, INSTALL_HEADINGS,
};
use crate::msg;

pub(super) mod channels;
pub(super) mod docs;
pub(super) mod licence;
pub(super) mod openness;
pub(super) mod operations;
pub(super) mod security;
#[cfg(test)]
mod tests;

pub(crate) use channels::{jira_reference, os2_product_page};
pub(crate) use docs::list_message;

const YEAR: i64 = 365 * DAY;

fn days_ago(ctx: &Ctx, time: i64) -> i64 {
    (ctx.snapshot.now - time) / DAY
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
