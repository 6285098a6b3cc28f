//! os2gov checks whether an OS2 product repository meets the governance its community requires.
//!
//! The data path is one-way: an adapter fills a [`Snapshot`]; [`engine::check`] gathers evidence,
//! applies every requirement of the catalogue, folds in the repository's own governance report and
//! config, and scores the result into a [`engine::report::Report`]; renderers turn the report into
//! text, JSON, Markdown or SARIF. Only the modules under `adapters` do I/O; the application layer
//! (`app`, with the CLI and the Action as its faces) chooses the adapter and hands the snapshot to
//! the engine. The folders are the layers; see ARCHITECTURE.md.

/// The only modules that touch the world.
#[cfg(not(target_arch = "wasm32"))]
pub mod adapters;
/// The application layer: what the CLI and the Action ask for.
#[cfg(all(feature = "git", feature = "remote", not(target_arch = "wasm32")))]
pub mod app;
/// Plain data and text utilities: the snapshot and its messages, text folding, OS2's profile
/// data, the path rule for every writer.
pub mod base;
/// The engine core: config, check, score, and the report it produces.
pub mod engine;
/// A product's evaluation in OS2's evaluation template: the lights per requirement.
pub mod evaluate;
/// What the snapshot shows, gathered once for every requirement.
pub mod evidence;
/// `os2gov fix`: files planned from templates, without I/O.
pub mod fix;
/// Format parsers: Markdown, licences, publiccode.yml, the governance report and self-assessment.
pub mod parse;
/// Renderers: they read only reports.
pub mod render;
/// The requirements: one declaration and its check each, one file per theme.
pub mod rules;

pub use base::model::{Bilingual, Content, Evidence, FileEntry, Lang, Level, Msg, Snapshot};
