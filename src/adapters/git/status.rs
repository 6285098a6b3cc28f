//! The work tree's uncommitted changes, asked before `os2gov fix` and `os2gov report` write into
//! it; whether that refuses the write is the application layer's to decide.

use super::git_error;
use crate::adapters::fs::AdapterError;
use crate::msg;
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
    let statuses = repo.statuses(Some(&mut options)).map_err(|e| {
        git_error(
            msg!(
                "kan ikke læse arbejdstræets status",
                "cannot read the work tree's status"
            ),
            &e,
        )
    })?;
    Ok(WorkTreeChanges::Paths(
        statuses
            .iter()
            .filter(|s| s.status() != Status::CURRENT)
            .filter_map(|s| s.path().map(str::to_string))
            .take(limit)
            .collect(),
    ))
}

#[cfg(test)]
mod tests {
    use super::{uncommitted_changes, WorkTreeChanges};
    use git2::{Repository, Signature};
    use std::fs;

    /// A repository with `README.md` committed.
    fn committed() -> (tempfile::TempDir, Repository) {
        let dir = tempfile::tempdir().expect("temp dir");
        let repo = Repository::init(dir.path()).expect("init");
        fs::write(dir.path().join("README.md"), "# Demo\n").expect("write");
        let mut index = repo.index().expect("index");
        index
            .add_path(std::path::Path::new("README.md"))
            .expect("add");
        index.write().expect("write index");
        let tree = repo
            .find_tree(index.write_tree().expect("tree"))
            .expect("find tree");
        let who = Signature::now("T", "t@example.org").expect("signature");
        repo.commit(Some("HEAD"), &who, &who, "first", &tree, &[])
            .expect("commit");
        drop(tree);
        (dir, repo)
    }

    #[test]
    fn a_plain_folder_and_a_bare_repository_say_what_they_are() {
        let plain = tempfile::tempdir().expect("temp dir");
        assert_eq!(
            uncommitted_changes(plain.path(), 5).ok(),
            Some(WorkTreeChanges::NoRepository)
        );
        let bare = tempfile::tempdir().expect("temp dir");
        Repository::init_bare(bare.path()).expect("init");
        assert_eq!(
            uncommitted_changes(bare.path(), 5).ok(),
            Some(WorkTreeChanges::Bare)
        );
    }

    #[test]
    fn changed_and_untracked_paths_are_named_up_to_the_limit_and_ignored_ones_not() {
        let (dir, _repo) = committed();
        assert_eq!(
            uncommitted_changes(dir.path(), 5).ok(),
            Some(WorkTreeChanges::Paths(Vec::new()))
        );
        fs::write(dir.path().join(".gitignore"), "build/\n").expect("write");
        fs::create_dir(dir.path().join("build")).expect("mkdir");
        fs::write(dir.path().join("build/out.txt"), "x").expect("write");
        fs::write(dir.path().join("README.md"), "# Changed\n").expect("write");
        fs::write(dir.path().join("notes.txt"), "x").expect("write");
        assert_eq!(
            uncommitted_changes(dir.path(), 5).ok(),
            Some(WorkTreeChanges::Paths(vec![
                ".gitignore".into(),
                "README.md".into(),
                "notes.txt".into()
            ]))
        );
        assert_eq!(
            uncommitted_changes(dir.path(), 2).ok(),
            Some(WorkTreeChanges::Paths(vec![
                ".gitignore".into(),
                "README.md".into()
            ]))
        );
    }
}
