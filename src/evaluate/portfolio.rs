//! OS2's portfolio (`os2gov portfolio`): one row per product — its proposed and declared level,
//! the lights per level, the gaps that hold it below the next level — made from the products'
//! evaluations. A product that could not be read completely is marked, never scored lower in
//! silence.

use super::{Counts, Evaluation, Gap};
use crate::base::model::{Lang, Level};
use serde::{Deserialize, Serialize};

/// Version of the portfolio's JSON form (`schema/product-portfolio.schema.json`).
pub const PRODUCT_PORTFOLIO_SCHEMA_VERSION: u32 = 1;

/// How many gaps a row names (all of them are counted).
pub const TOP_GAPS: usize = 3;

/// The lights of one level of a product.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct LevelCounts {
    pub level: Level,
    #[serde(flatten)]
    pub counts: Counts,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductRow {
    pub product: String,
    /// `https://github.com/OWNER`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    pub proposed_level: Option<Level>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared_level: Option<Level>,
    pub repositories: usize,
    /// One entry per level, sandbox first; empty when the product could not be evaluated.
    pub levels: Vec<LevelCounts>,
    /// The first [`TOP_GAPS`] gaps to the next level, by title.
    pub top_gaps: Vec<Gap>,
    pub gap_count: usize,
    /// Why some of the product's inputs could not be read: its lights may be ⚪ where a
    /// complete read would decide them.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub incomplete: Option<String>,
    /// Why the product could not be evaluated at all.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub error: Option<String>,
}

impl ProductRow {
    pub fn from_evaluation(e: &Evaluation) -> ProductRow {
        ProductRow {
            product: e.product.clone(),
            organisation: e.organisation.clone(),
            proposed_level: e.proposed_level,
            declared_level: e.declared_level,
            repositories: e.repositories.len(),
            levels: Level::ALL
                .iter()
                .map(|level| LevelCounts {
                    level: *level,
                    counts: e.counts_at(*level),
                })
                .collect(),
            top_gaps: e.gaps.iter().take(TOP_GAPS).cloned().collect(),
            gap_count: e.gaps.len(),
            incomplete: (!e.incomplete.is_empty()).then(|| e.incomplete.join("; ")),
            error: None,
        }
    }

    /// A product that could not be evaluated: the reason, nothing else.
    pub fn failed(product: &str, organisation: Option<String>, error: &str) -> ProductRow {
        ProductRow {
            product: product.to_string(),
            organisation,
            proposed_level: None,
            declared_level: None,
            repositories: 0,
            levels: Vec::new(),
            top_gaps: Vec::new(),
            gap_count: 0,
            incomplete: None,
            error: Some(error.to_string()),
        }
    }

    pub fn is_incomplete(&self) -> bool {
        self.error.is_some() || self.incomplete.is_some()
    }

    pub fn counts_at(&self, level: Level) -> Counts {
        self.levels
            .iter()
            .find(|l| l.level == level)
            .map(|l| l.counts)
            .unwrap_or_default()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ProductPortfolio {
    pub schema_version: u32,
    pub lang: Lang,
    /// `dd-mm-yyyy`.
    pub date: String,
    pub products: Vec<ProductRow>,
}

impl ProductPortfolio {
    pub fn new(lang: Lang, date: &str, mut products: Vec<ProductRow>) -> ProductPortfolio {
        products.sort_by_key(|p| p.product.to_lowercase());
        ProductPortfolio {
            schema_version: PRODUCT_PORTFOLIO_SCHEMA_VERSION,
            lang,
            date: date.to_string(),
            products,
        }
    }

    /// How many products could not be read completely (or at all).
    pub fn incomplete(&self) -> usize {
        self.products.iter().filter(|p| p.is_incomplete()).count()
    }
}
