//! Good practice for maintainers from OS2's seed documents (P1–P13), scored as recommendations.

use super::formkrav::{jira_reference, list_message, placeholder_lines};
use super::{Bilingual as B, Check, Input, Outcome, RestsOn, Theme, FILES};
use crate::base::model::{Evidence, Fetched, Level, Msg};
use crate::base::text::{has_word_prefix, normalize, word_count};
use crate::engine::report::Verdict;
use crate::evidence::{Ctx, LinkKind, Scope, DAY};
use crate::msg;

pub(super) mod community;
pub(super) mod maintenance;
pub(super) mod reports;
pub(super) mod stewardship;
#[cfg(test)]
mod tests;
