//! The work tree's uncommitted changes, asked before `os2gov fix` and `os2gov report` write into
//! it; whether that refuses the write is the application layer's to decide.

use super::git_error;
use crate::adapters::fs::AdapterError;
use git2::{Repository, Status, StatusOptions};
use std::path::Path;

/// What the repository holding `path` has uncommitted.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum WorkTreeChanges {
    /// `path` is in no repository: a plain folder has nothing to compare with.
    NoRepository,
    /// The repository is bare: there is no work tree at all.
    Bare,
    /// Up to `limit` changed, added or untracked (not ignored) paths; empty when clean.
    Paths(Vec<String>),
}

/// The uncommitted changes of the repository found from `path` upwards, at most `limit` of them
/// (a message names a few; the status of a big work tree is not copied whole). Submodules are
/// left out: their own state is not this repository's change.
pub fn uncommitted_changes(path: &Path, limit: usize) -> Result<WorkTreeChanges, AdapterError> {
    let Ok(repo) = Repository::discover(path) else {
        return Ok(WorkTreeChanges::NoRepository);
    };
    if repo.is_bare() {
        return Ok(WorkTreeChanges::Bare);
    }
    let mut options = StatusOptions::new();
    options
        .include_untracked(true)
        .include_ignored(false)
        .exclude_submodules(true);
    let statuses = repo
        .statuses(Some(&mut options))
        .map_err(|e| git_error("cannot read the work tree's status", &e))?;
    Ok(WorkTreeChanges::Paths(
        statuses
            .iter()
            .filter(|s| s.status() != Status::CURRENT)
            .filter_map(|s| s.path().map(str::to_string))
            .take(limit)
            .collect(),
    ))
}
