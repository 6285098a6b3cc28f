//! Local git repositories through libgit2: the work tree as on disk, or the tree of any revision
//! read from git objects, plus the recent history, branches and the `origin` remote.
//!
//! Costs are bounded for big repositories: the work tree is listed from the index and one
//! `readdir` per folder (no `stat` per file, no diff against HEAD, each `.gitignore` read once),
//! a revision's tree is listed without reading blobs, only the files [`wants_content`] names are
//! read (their size checked first), and the history walk stops after [`RECENT_COMMITS`]
//! non-merge commits.

use super::fs::{check_dir, AdapterError};
use crate::base::model::{Msg, Snapshot, SnapshotStats};
use crate::msg;
use git2::{Commit, ErrorCode, ObjectType, Repository, RepositoryOpenFlags};
use std::collections::BTreeMap;
use std::ffi::OsStr;
use std::path::Path;

mod history;
mod revision;
mod status;
mod worktree;

use history::history;
use revision::commit_files;
pub use status::{uncommitted_changes, WorkTreeChanges};
use worktree::work_tree_files;

/// Non-merge commits kept in [`History::recent_commits`]; the remote adapter reads as many.
pub const RECENT_COMMITS: usize = crate::base::model::RECENT_COMMITS;
/// A history of nothing but merges must not be walked to its root either.
const MAX_COMMITS_WALKED: usize = crate::base::model::MAX_COMMITS_WALKED;
/// Ahead counts are computed only when there are at most this many branches.
const MAX_BRANCHES_WITH_AHEAD: usize = 50;
/// Commits the ahead-count walk may read for all branches together (about 6 µs each).
const AHEAD_WALK_BUDGET: usize = 2_000;

const MODE_TYPE_MASK: u32 = 0o170_000;
const MODE_SYMLINK: u32 = 0o120_000;
const MODE_GITLINK: u32 = 0o160_000;
const MODE_DIR: u32 = 0o040_000;

/// Which files of a repository to read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Revision<'a> {
    /// The files as on disk: tracked plus untracked-not-ignored, deleted ones left out. A bare
    /// repository has no work tree and falls back to HEAD's tree.
    WorkTree,
    /// The tree of a commit, read from git objects: any revspec git understands.
    Rev(&'a str),
}

/// The CLI's entry: a git repository (work tree or bare) at `path` → [`snapshot_repo`]; a plain
/// folder → [`super::fs::snapshot_folder`]. `path` must be the repository's root (or its git
/// directory): a folder inside a repository is checked as a plain folder, so that e.g. a product
/// folder under a home directory kept in git is not mistaken for the home repository.
pub fn open_snapshot(path: &Path, rev: Option<&str>, now: i64) -> Result<Snapshot, AdapterError> {
    check_dir(path)?;
    match open_repo(path)? {
        Some(repo) => {
            let revision = rev.map_or(Revision::WorkTree, Revision::Rev);
            // libgit2's messages do not say which repository they are about.
            snapshot_of(&repo, revision, now).map_err(|e| match e {
                AdapterError::Git { context, detail } if !names_path(&context, &detail, path) => {
                    let shown = path.display();
                    AdapterError::Git {
                        context: Msg::new(
                            format!("{shown}: {}", context.da),
                            format!("{shown}: {}", context.en),
                        ),
                        detail,
                    }
                }
                other => other,
            })
        }
        None => match rev {
            Some(rev) => Err(AdapterError::RevWithoutRepository {
                path: path.to_path_buf(),
                rev: rev.to_string(),
            }),
            None => super::fs::snapshot_folder(path, now),
        },
    }
}

/// Snapshots the repository whose root (or git directory) is `path`.
pub fn snapshot_repo(
    path: &Path,
    revision: Revision<'_>,
    now: i64,
) -> Result<Snapshot, AdapterError> {
    check_dir(path)?;
    let repo = open_repo(path)?.ok_or_else(|| AdapterError::NotARepository(path.to_path_buf()))?;
    snapshot_of(&repo, revision, now)
}

/// Opens the repository at exactly `path` (no search upwards); `None` when it is none. Whatever
/// looks like a repository (a `.git` entry, or a git directory's HEAD, objects/ and refs/) is
/// opened as one or refused with the reason: scanned as a plain folder, its own files (or the git
/// directory's) would be taken for the product's.
fn open_repo(path: &Path) -> Result<Option<Repository>, AdapterError> {
    match Repository::open_ext(
        path,
        RepositoryOpenFlags::NO_SEARCH,
        std::iter::empty::<&OsStr>(),
    ) {
        // A git directory whose own config does not say `core.bare` is bare to git; libgit2
        // takes it for one with a work tree (its parent folder), which is not the repository's.
        Ok(repo) if !repo.is_bare() && is_git_dir_itself(&repo, path) && !says_core_bare(path) => {
            Repository::open_bare(path)
                .map(Some)
                .map_err(|e| git_error(cannot_open(path), &e))
        }
        Ok(repo) => Ok(Some(repo)),
        Err(e) if e.code() == ErrorCode::NotFound => {
            if std::fs::symlink_metadata(path.join(".git")).is_ok() {
                let path = path.display();
                Err(git_error(
                    msg!(
                        "{path} har en .git-post, men den er ikke et repository, der kan læses",
                        "{path} has a .git entry but it is not a readable repository"
                    ),
                    &e,
                ))
            } else if looks_like_git_dir(path) {
                // git reads a git directory without a `config` file as a bare repository;
                // libgit2 does not recognise it unless asked to open it as one.
                Repository::open_bare(path).map(Some).map_err(|bare| {
                    let path = path.display();
                    git_error(
                        msg!(
                            "{path} ligner en git-mappe (HEAD, objects/, refs/), men er ikke et \
                             repository, der kan læses",
                            "{path} looks like a git directory (HEAD, objects/, refs/) but it is \
                             not a readable repository"
                        ),
                        &bare,
                    )
                })
            } else {
                Ok(None)
            }
        }
        Err(e) => Err(git_error(cannot_open(path), &e)),
    }
}

/// `path` is the repository's git directory (not a work tree holding one).
fn is_git_dir_itself(repo: &Repository, path: &Path) -> bool {
    match (
        std::fs::canonicalize(repo.path()),
        std::fs::canonicalize(path),
    ) {
        (Ok(git_dir), Ok(path)) => git_dir == path,
        _ => false,
    }
}

/// The git directory's own config sets `core.bare` (either way).
fn says_core_bare(git_dir: &Path) -> bool {
    let file = git_dir.join("config");
    file.is_file()
        && git2::Config::open(&file).is_ok_and(|config| config.get_bool("core.bare").is_ok())
}

/// What git itself takes for a git directory: a HEAD file and the objects/ and refs/ folders.
fn looks_like_git_dir(path: &Path) -> bool {
    let is = |name: &str, dir: bool| {
        std::fs::metadata(path.join(name)).is_ok_and(|m| if dir { m.is_dir() } else { m.is_file() })
    };
    is("HEAD", false) && is("objects", true) && is("refs", true)
}

fn snapshot_of(
    repo: &Repository,
    revision: Revision<'_>,
    now: i64,
) -> Result<Snapshot, AdapterError> {
    // libgit2 re-hashes every object it reads to check its id: a fifth of the time spent on the
    // trees of a 100,000-file revision. git does not do that on reads either, and we only read.
    // (A global libgit2 setting, so it holds for this whole read-only process.)
    git2::opts::strict_hash_verification(false);
    // Every object is read once; libgit2's cache would keep the parsed trees of a whole revision
    // (several MB for 100,000 paths) until the repository is dropped.
    git2::opts::enable_caching(false);
    let mut stats = SnapshotStats::default();
    let (files, start) = match revision {
        Revision::WorkTree => {
            let head = head_commit(repo)?;
            match repo.workdir() {
                Some(root) => (work_tree_files(repo, root, &mut stats)?, head),
                None => match &head {
                    Some(commit) => (commit_files(repo, commit, &mut stats)?, head),
                    None => (BTreeMap::new(), None),
                },
            }
        }
        Revision::Rev(rev) => {
            let commit = resolve_rev(repo, rev)?;
            (commit_files(repo, &commit, &mut stats)?, Some(commit))
        }
    };
    let (history, cut_short) = history(repo, start.as_ref(), &mut stats)?;
    stats.paths_listed = files.len();
    Ok(Snapshot {
        files,
        history: Some(history),
        now,
        stats,
        unread: crate::base::model::Unread {
            history: cut_short,
            ..crate::base::model::Unread::default()
        },
        ..Snapshot::default()
    })
}

fn one_line(message: &str) -> String {
    message.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// libgit2's message is English only; it is kept apart from our context, which is not.
fn git_error(context: Msg, e: &git2::Error) -> AdapterError {
    AdapterError::Git {
        context,
        detail: one_line(e.message()),
    }
}

fn cannot_open(path: &Path) -> Msg {
    let path = path.display();
    msg!("kan ikke åbne {path}", "cannot open {path}")
}

fn cannot_read_tree(commit: &Commit<'_>) -> Msg {
    let id = commit.id();
    msg!(
        "kan ikke læse træet for {id}",
        "cannot read the tree of {id}"
    )
}

fn cannot_read_folder(path: &str) -> Msg {
    msg!(
        "kan ikke læse mappen {path}",
        "cannot read the folder {path}"
    )
}

/// The error already names the repository (libgit2's message often does not).
fn names_path(context: &Msg, detail: &str, path: &Path) -> bool {
    let path = path.to_string_lossy();
    context.en.contains(&*path) || detail.contains(&*path)
}

/// HEAD's commit; `None` for an unborn HEAD (a repository without commits).
fn head_commit(repo: &Repository) -> Result<Option<Commit<'_>>, AdapterError> {
    match repo.head() {
        Ok(head) => head.peel_to_commit().map(Some).map_err(|e| {
            git_error(
                msg!(
                    "kan ikke læse den commit, HEAD peger på",
                    "cannot read HEAD's commit"
                ),
                &e,
            )
        }),
        Err(e) if matches!(e.code(), ErrorCode::UnbornBranch | ErrorCode::NotFound) => Ok(None),
        Err(e) => Err(git_error(
            msg!("kan ikke læse HEAD", "cannot read HEAD"),
            &e,
        )),
    }
}

fn resolve_rev<'r>(repo: &'r Repository, rev: &str) -> Result<Commit<'r>, AdapterError> {
    let bad = |message: Msg| AdapterError::BadRevision {
        rev: rev.to_string(),
        message,
    };
    let object = repo.revparse_single(rev).map_err(|e| {
        // libgit2 has no Danish: its text stands in both languages.
        let text = one_line(e.message());
        bad(Msg::new(text.clone(), text))
    })?;
    object.peel_to_commit().map_err(|_| {
        let (da, en) = kind_name(object.kind());
        bad(msg!(
            "peger på {da}, ikke på en commit",
            "names a {en}, not a commit"
        ))
    })
}

/// The Danish with its article, which depends on the noun's gender.
fn kind_name(kind: Option<ObjectType>) -> (&'static str, &'static str) {
    match kind {
        Some(ObjectType::Blob) => ("en fil", "file"),
        Some(ObjectType::Tree) => ("et træ", "tree"),
        Some(ObjectType::Tag) => ("et tag", "tag"),
        _ => ("et andet objekt", "non-commit object"),
    }
}

#[cfg(test)]
mod tests;
