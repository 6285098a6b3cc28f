//! Adapters fill a [`crate::Snapshot`] from the outside world. Everything here does I/O, so it sits
//! behind Cargo features and never reaches the wasm build.
pub mod fs;
#[cfg(feature = "git")]
pub mod git;
/// GitHub (octocrab) and Jira: metadata, remote scans without a clone, organisation scans.
#[cfg(feature = "remote")]
pub mod remote;
/// Writing files: where a path really leads, the one rule of [`crate::base::paths`], atomic writes.
pub mod write;
