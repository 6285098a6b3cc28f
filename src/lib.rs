//! os2gov checks whether an OS2 product repository meets the governance its community requires.
//!
//! The data path is one-way: an adapter fills a [`Snapshot`]; [`check`] gathers evidence, applies
//! every requirement of the catalogue, folds in the repository's own governance report and config,
//! and scores the result into a [`Report`]; renderers turn the report into text, JSON, Markdown or
//! SARIF. Only the modules under [`adapters`] do I/O; the application layer (`app`, with the CLI
//! and the Action as its faces) chooses the adapter and hands the snapshot to the engine. See
//! ARCHITECTURE.md.

#[cfg(feature = "cli")]
pub mod action;
#[cfg(not(target_arch = "wasm32"))]
pub mod adapters;
#[cfg(all(feature = "git", feature = "remote", not(target_arch = "wasm32")))]
pub mod app;
pub mod badge;
pub mod config;
pub mod delta;
pub mod engine;
pub mod evidence;
pub mod govreport;
pub mod licence;
pub mod markdown;
pub mod model;
pub mod paths;
pub mod portfolio;
pub mod profile;
pub mod publiccode;
pub mod render;
pub mod report;
pub mod report_writer;
pub mod rules;
pub mod scaffold;
pub mod score;
pub mod text;

pub use model::{Content, Evidence, FileEntry, Lang, Level, Msg, Snapshot};
