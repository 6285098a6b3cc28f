//! Format parsers: pure functions from text to typed data, no verdicts.

pub mod govreport;
pub mod licence;
pub mod markdown;
pub mod publiccode;
