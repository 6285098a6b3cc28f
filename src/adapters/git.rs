//! Local git repositories through libgit2: the work tree as on disk, or the tree of any revision
//! read from git objects, plus the recent history, branches and the `origin` remote.
//!
//! Costs are bounded for big repositories: the work tree is listed from the index and one
//! `readdir` per folder (no `stat` per file, no diff against HEAD, each `.gitignore` read once),
//! a revision's tree is listed without reading blobs, only the files [`wants_content`] names are
//! read (their size checked first), and the history walk stops after [`RECENT_COMMITS`]
//! non-merge commits.

use super::fs::{
    absolute_roots, check_dir, load_listing, resolve_symlink, walk, AdapterError, EntryKind,
    Listed, Node, Resolved, Visit,
};
use crate::base::model::{
    Branch, Commit as RecentCommit, Content, FileEntry, History, Snapshot, SnapshotStats,
    MAX_FILE_SIZE,
};
use crate::evidence::wants_content;
use git2::{
    BranchType, Commit, ErrorCode, ObjectType, Odb, Oid, Repository, RepositoryOpenFlags, Tree,
};
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::Match;
use std::collections::{BTreeMap, BinaryHeap, HashMap, HashSet};
use std::ffi::OsStr;
use std::path::{Path, PathBuf};

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
                AdapterError::Git(message) if !message.contains(&*path.to_string_lossy()) => {
                    AdapterError::Git(format!("{}: {message}", path.display()))
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
                .map_err(|e| git_error(&format!("cannot open {}", path.display()), &e))
        }
        Ok(repo) => Ok(Some(repo)),
        Err(e) if e.code() == ErrorCode::NotFound => {
            if std::fs::symlink_metadata(path.join(".git")).is_ok() {
                Err(AdapterError::Git(format!(
                    "{} has a .git entry but it is not a readable repository: {}",
                    path.display(),
                    one_line(e.message())
                )))
            } else if looks_like_git_dir(path) {
                // git reads a git directory without a `config` file as a bare repository;
                // libgit2 does not recognise it unless asked to open it as one.
                Repository::open_bare(path).map(Some).map_err(|bare| {
                    AdapterError::Git(format!(
                        "{} looks like a git directory (HEAD, objects/, refs/) but it is not a \
                         readable repository: {}",
                        path.display(),
                        one_line(bare.message())
                    ))
                })
            } else {
                Ok(None)
            }
        }
        Err(e) => Err(git_error(&format!("cannot open {}", path.display()), &e)),
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

fn git_error(context: &str, e: &git2::Error) -> AdapterError {
    AdapterError::Git(format!("{context}: {}", one_line(e.message())))
}

/// HEAD's commit; `None` for an unborn HEAD (a repository without commits).
fn head_commit(repo: &Repository) -> Result<Option<Commit<'_>>, AdapterError> {
    match repo.head() {
        Ok(head) => head
            .peel_to_commit()
            .map(Some)
            .map_err(|e| git_error("cannot read HEAD's commit", &e)),
        Err(e) if matches!(e.code(), ErrorCode::UnbornBranch | ErrorCode::NotFound) => Ok(None),
        Err(e) => Err(git_error("cannot read HEAD", &e)),
    }
}

fn resolve_rev<'r>(repo: &'r Repository, rev: &str) -> Result<Commit<'r>, AdapterError> {
    let bad = |message: String| AdapterError::BadRevision {
        rev: rev.to_string(),
        message,
    };
    let object = repo
        .revparse_single(rev)
        .map_err(|e| bad(one_line(e.message())))?;
    object.peel_to_commit().map_err(|_| {
        bad(format!(
            "names a {}, not a commit",
            kind_name(object.kind())
        ))
    })
}

fn kind_name(kind: Option<ObjectType>) -> &'static str {
    match kind {
        Some(ObjectType::Blob) => "file",
        Some(ObjectType::Tree) => "tree",
        Some(ObjectType::Tag) => "tag",
        _ => "non-commit object",
    }
}

// ---------------------------------------------------------------------------------------------
// Work tree

/// `git ls-files --cached --others --exclude-standard`, minus tracked files missing on disk: the
/// index says what is tracked, one walk of the folders says what exists, and git's ignore rules
/// ([`Ignores`], each `.gitignore` read once) are asked only about what is not tracked (an
/// ignored folder is skipped whole).
fn work_tree_files(
    repo: &Repository,
    root: &Path,
    stats: &mut SnapshotStats,
) -> Result<BTreeMap<String, FileEntry>, AdapterError> {
    // The index and its maps are freed before the snapshot's map is built, when memory peaks.
    let listing = list_work_tree(repo, root)?;
    load_listing(root, listing, stats)
}

fn list_work_tree(repo: &Repository, root: &Path) -> Result<Vec<Listed>, AdapterError> {
    list_work_tree_counted(repo, root).map(|(listing, _)| listing)
}

/// [`list_work_tree`], and how many ignore files it read.
fn list_work_tree_counted(
    repo: &Repository,
    root: &Path,
) -> Result<(Vec<Listed>, usize), AdapterError> {
    let index = read_index(repo)?;
    // Tracked path → is a submodule.
    let mut tracked: HashMap<&str, bool> = HashMap::with_capacity(index.entries.len());
    // Every folder that holds a tracked path, so that an ignored folder with tracked files is
    // still entered.
    let mut tracked_dirs: HashSet<&str> = HashSet::new();
    let mut last_dir = "";
    for (path, mode) in index.iter() {
        let kind = mode & MODE_TYPE_MASK;
        if kind == MODE_DIR {
            // A sparse index's folder entry (`dir/`): its files are not checked out.
            add_with_parents(&mut tracked_dirs, path.trim_end_matches('/'));
            continue;
        }
        tracked.insert(path, kind == MODE_GITLINK);
        if let Some(slash) = path.rfind('/') {
            // The index is sorted, so a folder's files come together.
            if &path[..slash] != last_dir {
                last_dir = &path[..slash];
                add_with_parents(&mut tracked_dirs, last_dir);
            }
        }
    }

    let mut ignores = Ignores::new(repo, root)?;
    let listing = walk(root, &mut |rel, kind, dir| {
        ignores.enter_parent_of(rel, dir);
        Ok(match kind {
            EntryKind::Dir => match tracked.get(rel) {
                // A submodule: listed, never entered.
                Some(true) => Visit::List,
                _ if tracked_dirs.contains(rel) => Visit::Descend,
                _ if ignores.is_ignored(rel, true)? => Visit::Skip,
                _ => Visit::Descend,
            },
            EntryKind::File | EntryKind::Symlink => {
                if tracked.contains_key(rel) || !ignores.is_ignored(rel, false)? {
                    Visit::List
                } else {
                    Visit::Skip
                }
            }
            EntryKind::Other => Visit::Skip,
        })
    })?;
    Ok((listing, ignores.gitignores_read))
}

/// git's ignore rules during one walk of the work tree, applied as git applies them: the
/// `.gitignore` of the path's own folder first, then each folder's above it, then
/// `info/exclude`, then `core.excludesFile`; the first file with a matching pattern decides (its
/// last matching pattern, so a negation un-ignores), and a path no pattern matches is ignored
/// when its folder is. Each folder's `.gitignore` is read once, when the walk first asks about a
/// path in it (or below it), and dropped when the walk leaves the folder: libgit2's `is_path_ignored` re-reads
/// every `.gitignore` above a path for each path it is asked about, cubic in the depth.
struct Ignores {
    /// `info/exclude`, then `core.excludesFile`: patterns relative to the work tree's root.
    global: Vec<Gitignore>,
    /// The folders from the root to the one the walk is in (never empty: the root stays).
    folders: Vec<IgnoreFolder>,
    /// How many folders at the bottom of the stack have their `.gitignore` and their own answer.
    ready: usize,
    /// `core.ignorecase`.
    case_insensitive: bool,
    root: PathBuf,
    /// `.gitignore` files read, for the test that counts work.
    gitignores_read: usize,
}

struct IgnoreFolder {
    /// The length of the folder's relative path (0 for the root).
    len: usize,
    /// How to open the folder, until its `.gitignore` has been read: a folder whose paths are
    /// all tracked is never asked about, and its `.gitignore` is not looked for.
    unread: Option<PathBuf>,
    /// Its `.gitignore`, if it has one with a pattern.
    rules: Option<Gitignore>,
    /// Whether the folder itself is ignored (then entered only for its tracked files), once
    /// asked.
    ignored: Option<bool>,
}

impl Ignores {
    fn new(repo: &Repository, root: &Path) -> Result<Ignores, AdapterError> {
        let config = repo
            .config()
            .map_err(|e| git_error("cannot read the git configuration", &e))?;
        let case_insensitive = config.get_bool("core.ignorecase").unwrap_or(false);
        let mut ignores = Ignores {
            global: Vec::new(),
            folders: vec![IgnoreFolder {
                len: 0,
                unread: Some(root.to_path_buf()),
                rules: None,
                ignored: Some(false),
            }],
            ready: 0,
            case_insensitive,
            root: root.to_path_buf(),
            gitignores_read: 0,
        };
        // A worktree shares `info/` with the main repository.
        let exclude = repo.commondir().join("info").join("exclude");
        // Unset, git reads `$XDG_CONFIG_HOME/git/ignore` (or `~/.config/git/ignore`).
        let excludes_file = match config.get_path("core.excludesFile") {
            Ok(path) if path.is_relative() => Some(root.join(path)),
            Ok(path) => Some(path),
            Err(e) if e.code() != ErrorCode::NotFound => {
                return Err(git_error("cannot read core.excludesFile", &e))
            }
            Err(_) => std::env::var_os("XDG_CONFIG_HOME")
                .filter(|dir| !dir.is_empty())
                .map(PathBuf::from)
                .or_else(|| std::env::var_os("HOME").map(|home| Path::new(&home).join(".config")))
                .map(|dir| dir.join("git").join("ignore")),
        };
        for path in std::iter::once(exclude).chain(excludes_file) {
            if let Some(rules) = read_rules(&path, &path, case_insensitive, &mut 0)? {
                ignores.global.push(rules);
            }
        }
        Ok(ignores)
    }

    /// Brings the folder stack to the folder `rel` is in, opened through `dir`. The walk is
    /// depth-first and asks about every folder it enters before anything inside, so the folder
    /// is either on the stack or a child of its last folder.
    fn enter_parent_of(&mut self, rel: &str, dir: &Path) {
        let parent_len = rel.rfind('/').unwrap_or(0);
        while self.folders.len() > 1 && self.folders.last().is_some_and(|f| f.len > parent_len) {
            self.folders.pop();
        }
        self.ready = self.ready.min(self.folders.len());
        if self.folders.last().is_some_and(|f| f.len < parent_len) {
            self.folders.push(IgnoreFolder {
                len: parent_len,
                unread: Some(dir.to_path_buf()),
                rules: None,
                ignored: None,
            });
        }
    }

    /// Whether `rel`, in the last folder of the stack, is ignored. The folders above it that
    /// have not been asked about yet have their `.gitignore` read now, once.
    fn is_ignored(&mut self, rel: &str, is_dir: bool) -> Result<bool, AdapterError> {
        while self.ready < self.folders.len() {
            let at = self.ready;
            if let Some(dir) = self.folders[at].unread.take() {
                let len = self.folders[at].len;
                let shown = self.root.join(&rel[..len]).join(".gitignore");
                let path = dir.join(".gitignore");
                self.folders[at].rules = read_rules(
                    &path,
                    &shown,
                    self.case_insensitive,
                    &mut self.gitignores_read,
                )?;
            }
            if self.folders[at].ignored.is_none() {
                // The folder is matched by the folders above it, not by its own `.gitignore`.
                let folder = &rel[..self.folders[at].len];
                let ignored = self.decide(folder, true, at);
                self.folders[at].ignored = Some(ignored);
            }
            self.ready += 1;
        }
        Ok(self.decide(rel, is_dir, self.folders.len()))
    }

    /// git's answer for `rel` from the first `upto` folders of the stack (the folders it is in)
    /// and the global files.
    fn decide(&self, rel: &str, is_dir: bool, upto: usize) -> bool {
        let decided = |rules: &Gitignore, path: &str| match rules.matched(path, is_dir) {
            Match::Ignore(_) => Some(true),
            Match::Whitelist(_) => Some(false),
            Match::None => None,
        };
        let folders = self.folders.get(..upto).unwrap_or(&self.folders);
        for folder in folders.iter().rev() {
            let Some(rules) = &folder.rules else { continue };
            // A folder's patterns are written relative to it.
            let below = rel.get(folder.len..).unwrap_or(rel);
            if let Some(answer) = decided(rules, below.strip_prefix('/').unwrap_or(below)) {
                return answer;
            }
        }
        for rules in &self.global {
            if let Some(answer) = decided(rules, rel) {
                return answer;
            }
        }
        folders.last().and_then(|folder| folder.ignored) == Some(true)
    }
}

/// The patterns of the ignore file at `path` (named `shown` in an error), if it exists; `reads`
/// counts the files read.
fn read_rules(
    path: &Path,
    shown: &Path,
    case_insensitive: bool,
    reads: &mut usize,
) -> Result<Option<Gitignore>, AdapterError> {
    // Only a regular file: git does not follow a symlinked `.gitignore`, and a FIFO would
    // never end.
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.is_file() => {}
        Ok(_) => return Ok(None),
        Err(e)
            if matches!(
                e.kind(),
                std::io::ErrorKind::NotFound | std::io::ErrorKind::NotADirectory
            ) =>
        {
            return Ok(None)
        }
        Err(e) => return Err(AdapterError::io(shown, e)),
    }
    let bytes = std::fs::read(path).map_err(|e| AdapterError::io(shown, e))?;
    *reads += 1;
    // Patterns are matched from the folder they were read in (the paths passed are relative
    // to it); "." keeps the matcher from stripping anything off them.
    let mut builder = GitignoreBuilder::new(".");
    let _ = builder.case_insensitive(case_insensitive);
    let text = String::from_utf8_lossy(&bytes);
    for (i, line) in text.lines().enumerate() {
        let line = if i == 0 {
            line.trim_start_matches('\u{feff}')
        } else {
            line
        };
        // A pattern that does not parse matches nothing, as in git.
        let _ = builder.add_line(None, line);
    }
    let rules = builder.build().map_err(|e| {
        AdapterError::Git(format!(
            "cannot use the patterns of {}: {e}",
            shown.display()
        ))
    })?;
    Ok((!rules.is_empty()).then_some(rules))
}

fn add_with_parents<'a>(dirs: &mut HashSet<&'a str>, mut dir: &'a str) {
    while !dir.is_empty() && dirs.insert(dir) {
        dir = dir.rfind('/').map_or("", |slash| &dir[..slash]);
    }
}

/// The index's paths and modes, in one string.
#[derive(Debug, Default, PartialEq, Eq)]
struct IndexPaths {
    arena: String,
    /// (start, end, mode): the path is `arena[start..end]`.
    entries: Vec<(usize, usize, u32)>,
}

impl IndexPaths {
    fn push(&mut self, path: &[u8], mode: u32) {
        let start = self.arena.len();
        match std::str::from_utf8(path) {
            Ok(path) => self.arena.push_str(path),
            Err(_) => self.arena.push_str(&String::from_utf8_lossy(path)),
        }
        self.entries.push((start, self.arena.len(), mode));
    }

    fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        self.entries
            .iter()
            .map(|&(start, end, mode)| (&self.arena[start..end], mode))
    }
}

/// Reads the index file directly. libgit2's reader checks the SHA-1 of the whole file, about
/// 45 ms for 100,000 entries, which a read-only listing does not need; an index this reader does
/// not know (a split index, another version, damage) goes to libgit2 instead.
fn read_index(repo: &Repository) -> Result<IndexPaths, AdapterError> {
    let path = repo.path().join("index");
    let bytes = match std::fs::read(&path) {
        Ok(bytes) => bytes,
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => return Ok(IndexPaths::default()),
        Err(e) => return Err(AdapterError::io(&path, e)),
    };
    if let Some(paths) = parse_index(&bytes) {
        return Ok(paths);
    }
    let mut paths = IndexPaths::default();
    match repo.index() {
        Ok(index) => {
            for entry in index.iter() {
                paths.push(&entry.path, entry.mode);
            }
        }
        // libgit2 cannot read a split index (`core.splitIndex`) either. HEAD's tree is then the
        // tracked set: it differs from the index only by what is staged and not committed.
        Err(e) => match head_commit(repo)? {
            Some(head) => push_tree_paths(repo, &head, &mut paths)?,
            None => return Err(git_error("cannot read the index", &e)),
        },
    }
    Ok(paths)
}

fn push_tree_paths(
    repo: &Repository,
    commit: &Commit<'_>,
    paths: &mut IndexPaths,
) -> Result<(), AdapterError> {
    let tree = commit
        .tree()
        .map_err(|e| git_error(&format!("cannot read the tree of {}", commit.id()), &e))?;
    let mut stack = vec![(tree, 0, String::new())];
    while let Some((dir, next, prefix)) = stack.last_mut() {
        let Some(entry) = dir.get(*next) else {
            stack.pop();
            continue;
        };
        *next += 1;
        let mut path = prefix.clone().into_bytes();
        path.extend_from_slice(entry.name_bytes());
        let (id, kind, mode) = (entry.id(), entry.kind(), entry.filemode() as u32);
        drop(entry);
        if kind == Some(ObjectType::Tree) {
            let subtree = repo.find_tree(id).map_err(|e| {
                git_error(
                    &format!("cannot read the folder {}", String::from_utf8_lossy(&path)),
                    &e,
                )
            })?;
            path.push(b'/');
            stack.push((subtree, 0, String::from_utf8_lossy(&path).into_owned()));
        } else {
            paths.push(&path, mode);
        }
    }
    Ok(())
}

/// Parses git's index format, versions 2 to 4 (<https://git-scm.com/docs/index-format>), for
/// paths and modes only; `None` when the file is anything else.
fn parse_index(bytes: &[u8]) -> Option<IndexPaths> {
    const HASH_LEN: usize = 20;
    let be32 = |at: usize| -> Option<u32> {
        Some(u32::from_be_bytes(bytes.get(at..at + 4)?.try_into().ok()?))
    };
    if bytes.get(..4)? != b"DIRC" {
        return None;
    }
    let version = be32(4)?;
    let count = be32(8)? as usize;
    if !(2..=4).contains(&version) {
        return None;
    }
    let end = bytes.len().checked_sub(HASH_LEN)?;
    // An entry takes at least 62 bytes: a damaged count cannot make us reserve much.
    let capacity = count.min(bytes.len() / 62);
    let mut paths = IndexPaths {
        arena: String::with_capacity(capacity * 32),
        entries: Vec::with_capacity(capacity),
    };
    let mut previous: Vec<u8> = Vec::new();
    let mut pos = 12;
    for _ in 0..count {
        let start = pos;
        // ctime, mtime, dev, ino (24 bytes), mode, uid, gid, size, object id, flags.
        let mode = be32(start + 24)?;
        let flags_at = start + 40 + HASH_LEN;
        let flags = u16::from_be_bytes(bytes.get(flags_at..flags_at + 2)?.try_into().ok()?);
        pos = flags_at + 2;
        if flags & 0x4000 != 0 {
            if version < 3 {
                return None;
            }
            pos += 2;
        }
        let rest = bytes.get(pos..end)?;
        if version == 4 {
            // The path is the previous one minus `strip` bytes, plus a NUL-terminated suffix.
            let (strip, used) = varint(rest)?;
            let suffix = &rest[used..];
            let nul = suffix.iter().position(|&b| b == 0)?;
            previous.truncate(previous.len().checked_sub(strip)?);
            previous.extend_from_slice(&suffix[..nul]);
            paths.push(&previous, mode);
            pos += used + nul + 1;
        } else {
            let nul = rest.iter().position(|&b| b == 0)?;
            paths.push(&rest[..nul], mode);
            // 1 to 8 NULs pad the entry to a multiple of 8 bytes.
            pos = start + ((pos - start + nul + 8) & !7);
        }
    }
    // Extensions: optional ones start with an upper-case letter; of the required ones only the
    // sparse index's is understood (its folder entries are handled above).
    while pos + 8 <= end {
        let signature = &bytes[pos..pos + 4];
        if !signature[0].is_ascii_uppercase() && signature != b"sdir" {
            return None;
        }
        pos = pos.checked_add(8)?.checked_add(be32(pos + 4)? as usize)?;
    }
    (pos == end).then_some(paths)
}

/// git's offset varint (`decode_varint`): 7 bits a byte, high bit = more, +1 per continuation.
fn varint(bytes: &[u8]) -> Option<(usize, usize)> {
    let mut used = 0;
    let mut byte = *bytes.first()?;
    let mut value = usize::from(byte & 0x7f);
    while byte & 0x80 != 0 {
        used += 1;
        byte = *bytes.get(used)?;
        value = value
            .checked_add(1)?
            .checked_mul(128)?
            .checked_add(usize::from(byte & 0x7f))?;
    }
    Some((value, used + 1))
}

// ---------------------------------------------------------------------------------------------
// A commit's tree

/// Every path of the commit's tree, with the wanted blobs read from the object database.
fn commit_files(
    repo: &Repository,
    commit: &Commit<'_>,
    stats: &mut SnapshotStats,
) -> Result<BTreeMap<String, FileEntry>, AdapterError> {
    let tree = commit
        .tree()
        .map_err(|e| git_error(&format!("cannot read the tree of {}", commit.id()), &e))?;
    let odb = repo
        .odb()
        .map_err(|e| git_error("cannot open the object database", &e))?;
    let roots: Vec<PathBuf> = repo.workdir().map(absolute_roots).unwrap_or_default();
    let mut entries: Vec<(String, FileEntry)> = Vec::new();
    // Depth-first in tree order, which is path order: the map is then built in one pass.
    let mut stack: Vec<(Tree<'_>, usize, String)> = vec![(tree.clone(), 0, String::new())];
    while let Some((dir, next, prefix)) = stack.last_mut() {
        let Some(entry) = dir.get(*next) else {
            stack.pop();
            continue;
        };
        *next += 1;
        let name = String::from_utf8_lossy(entry.name_bytes());
        let mut path = String::with_capacity(prefix.len() + name.len() + 1);
        path.push_str(prefix);
        path.push_str(&name);
        let (id, kind) = (entry.id(), entry.kind());
        let mode = entry.filemode() as u32 & MODE_TYPE_MASK;
        drop(entry);
        if kind == Some(ObjectType::Tree) {
            let subtree = repo
                .find_tree(id)
                .map_err(|e| git_error(&format!("cannot read the folder {path}"), &e))?;
            path.push('/');
            stack.push((subtree, 0, path));
            continue;
        }
        let file = if mode == MODE_GITLINK || !wants_content(&path) {
            FileEntry::not_loaded()
        } else if mode == MODE_SYMLINK {
            load_tree_symlink(repo, &odb, &tree, &roots, &path, id, stats)?
        } else {
            load_blob(repo, &odb, &path, id, stats)?
        };
        entries.push((path, file));
    }
    Ok(entries.into_iter().collect())
}

/// Reads a blob after checking its size in the object header.
fn load_blob(
    repo: &Repository,
    odb: &Odb<'_>,
    path: &str,
    id: Oid,
    stats: &mut SnapshotStats,
) -> Result<FileEntry, AdapterError> {
    let cannot = |e: git2::Error| git_error(&format!("cannot read {path} ({id})"), &e);
    let (size, _) = odb.read_header(id).map_err(cannot)?;
    if size as u64 > MAX_FILE_SIZE {
        return Ok(FileEntry::with_content(Content::TooLarge {
            size: size as u64,
        }));
    }
    let blob = repo.find_blob(id).map_err(cannot)?;
    stats.blobs_read += 1;
    Ok(FileEntry::from_bytes(blob.content()))
}

/// A symlink's target as stored in its blob (not counted as a file read), or why it cannot be
/// used. A real target is at most a few KiB; a bigger "link" is not read.
fn symlink_target(repo: &Repository, id: Oid) -> Result<String, String> {
    const MAX_TARGET: usize = 4096;
    let message = |e: git2::Error| one_line(e.message());
    let (size, _) = repo
        .odb()
        .and_then(|odb| odb.read_header(id))
        .map_err(message)?;
    if size > MAX_TARGET {
        return Err(format!("the link's target is {size} bytes long"));
    }
    let blob = repo.find_blob(id).map_err(message)?;
    Ok(String::from_utf8_lossy(blob.content()).into_owned())
}

fn load_tree_symlink(
    repo: &Repository,
    odb: &Odb<'_>,
    tree: &Tree<'_>,
    roots: &[PathBuf],
    path: &str,
    id: Oid,
    stats: &mut SnapshotStats,
) -> Result<FileEntry, AdapterError> {
    let target = match symlink_target(repo, id) {
        Ok(target) => target,
        Err(reason) => return Ok(FileEntry::with_content(Content::Broken { reason })),
    };
    let resolved = resolve_symlink(path, &target, roots, &mut |candidate| {
        tree_node(repo, tree, candidate)
    })?;
    match resolved {
        Resolved::File(resolved) => {
            let id = tree
                .get_path(Path::new(&resolved))
                .map_err(|e| git_error(&format!("cannot find {resolved}"), &e))?
                .id();
            let mut entry = load_blob(repo, odb, &resolved, id, stats)?;
            entry.symlink_to = Some(resolved);
            Ok(entry)
        }
        other => Ok(FileEntry::with_content(other.into_content())),
    }
}

/// What the commit's tree holds at `path`.
fn tree_node(repo: &Repository, tree: &Tree<'_>, path: &str) -> Result<Node, AdapterError> {
    let entry = match tree.get_path(Path::new(path)) {
        Ok(entry) => entry,
        Err(e) if e.code() == ErrorCode::NotFound => return Ok(Node::Missing),
        Err(e) => return Err(git_error(&format!("cannot look up {path}"), &e)),
    };
    let mode = entry.filemode() as u32 & MODE_TYPE_MASK;
    Ok(match entry.kind() {
        Some(ObjectType::Tree) => Node::Dir,
        Some(ObjectType::Blob) if mode == MODE_SYMLINK => match symlink_target(repo, entry.id()) {
            Ok(target) => Node::Symlink(target),
            Err(reason) => Node::Unreadable(reason),
        },
        Some(ObjectType::Blob) => Node::File,
        _ => Node::Other,
    })
}

// ---------------------------------------------------------------------------------------------
// History

/// The history, and why it holds fewer than [`RECENT_COMMITS`] non-merge commits when more
/// exist (a shallow clone, the walk limit).
fn history(
    repo: &Repository,
    start: Option<&Commit<'_>>,
    stats: &mut SnapshotStats,
) -> Result<(History, Option<crate::base::model::Msg>), AdapterError> {
    let mut history = History {
        newest_commit_time: start.map(|c| c.time().seconds()),
        ..History::default()
    };
    let mut cut_short = None;
    if let Some(start) = start {
        let (commits, why) = recent_commits(repo, start.id(), stats)?;
        cut_short = why.map(|why| crate::base::model::history_cut_short(commits.len(), &why));
        history.recent_commits = commits;
    }
    let (default_branch, default_tip) = default_branch(repo);
    history.default_branch = default_branch;
    let mut branches = branches(repo)?;
    if branches.len() <= MAX_BRANCHES_WITH_AHEAD {
        if let Some(default_tip) = default_tip {
            let tips: Vec<Oid> = branches.iter().map(|(_, tip)| *tip).collect();
            let counts = ahead_counts(repo, default_tip, &tips, AHEAD_WALK_BUDGET);
            for ((branch, _), ahead) in branches.iter_mut().zip(counts) {
                branch.ahead = ahead;
            }
        }
    }
    history.branches = branches.into_iter().map(|(branch, _)| branch).collect();
    history.origin_url = repo
        .find_remote("origin")
        .ok()
        .map(|remote| String::from_utf8_lossy(remote.url_bytes()).into_owned())
        .filter(|url| !url.is_empty());
    Ok((history, cut_short))
}

/// The newest non-merge commits reachable from `start`, newest first, and why there are fewer
/// than [`RECENT_COMMITS`] when the history may hold more. libgit2's unsorted walk is lazy and
/// already goes by commit date, as `git log` and GitHub's commit list do; asking it to sort
/// would make it walk everything first.
fn recent_commits(
    repo: &Repository,
    start: Oid,
    stats: &mut SnapshotStats,
) -> Result<(Vec<RecentCommit>, Option<crate::base::model::Msg>), AdapterError> {
    let walk_error =
        |e: git2::Error| git_error(&format!("cannot walk the history from {start}"), &e);
    let mut walk = repo.revwalk().map_err(walk_error)?;
    walk.push(start).map_err(walk_error)?;
    let mut commits = Vec::new();
    for id in walk {
        if commits.len() >= RECENT_COMMITS {
            return Ok((commits, None));
        }
        if stats.commits_walked >= MAX_COMMITS_WALKED {
            let why = crate::msg!(
                "der blev højst læst {MAX_COMMITS_WALKED} commits, og de fleste var merges",
                "at most {MAX_COMMITS_WALKED} commits were read, and most were merges"
            );
            return Ok((commits, Some(why)));
        }
        let id = id.map_err(walk_error)?;
        stats.commits_walked += 1;
        let commit = repo
            .find_commit(id)
            .map_err(|e| git_error(&format!("cannot read commit {id}"), &e))?;
        if commit.parent_count() > 1 {
            continue;
        }
        commits.push(RecentCommit {
            id: id.to_string(),
            time: commit.time().seconds(),
            message: String::from_utf8_lossy(commit.message_bytes())
                .trim_end()
                .to_string(),
        });
    }
    // The walk ended: at the root, or at the edge of a shallow clone, where the history goes
    // on without being here.
    let why = (commits.len() < RECENT_COMMITS && repo.is_shallow()).then(|| {
        crate::msg!(
            "klonen har kun en del af historikken (shallow clone); hent resten med git fetch --unshallow eller fetch-depth: 0 i actions/checkout",
            "the clone is shallow; fetch the whole history with git fetch --unshallow, or fetch-depth: 0 in actions/checkout"
        )
    });
    Ok((commits, why))
}

/// How many commits of each branch tip the default branch lacks, for all branches in one walk.
///
/// Counting per branch with `graph_ahead_behind` walks from each tip down to where it meets the
/// default branch: for a branch merged long ago that is the whole history in between, once per
/// branch (60 ms for one such branch 10,000 commits back). Here one walk, newest commit first
/// as in git's merge-base search, carries a bit per branch and one for the default branch; a
/// commit with a branch's bit and without the default's is ahead for that branch. The walk ends
/// when every queued commit has the default's bit, or after `budget` commits: a branch still
/// undecided then is `None`, and so is one whose count ran into a history cut short (shallow).
fn ahead_counts(
    repo: &Repository,
    default_tip: Oid,
    tips: &[Oid],
    budget: usize,
) -> Vec<Option<usize>> {
    let tips = &tips[..tips.len().min(63)];
    let mut walk = AheadWalk {
        repo,
        commits: HashMap::new(),
        flags: HashMap::new(),
        queue: BinaryHeap::new(),
    };
    walk.mark(default_tip, AheadWalk::DEFAULT);
    for (i, tip) in tips.iter().enumerate() {
        walk.mark(*tip, 1 << i);
    }
    // Branches whose count met a commit that could not be read.
    let mut cut_short = 0u64;
    let mut walked = 0;
    while walk.queue.iter().any(|(_, id)| walk.undecided(id)) {
        if walked == budget {
            break;
        }
        let Some((_, id)) = walk.queue.pop() else {
            break;
        };
        walked += 1;
        let bits = walk.flags[&id];
        match walk.load(id) {
            Some((_, parents)) => {
                for parent in parents {
                    walk.mark(parent, bits);
                }
            }
            None if bits & AheadWalk::DEFAULT == 0 => cut_short |= bits,
            None => {}
        }
    }
    let open = walk
        .queue
        .iter()
        .filter(|(_, id)| walk.undecided(id))
        .fold(cut_short, |open, (_, id)| open | walk.flags[id]);
    (0..tips.len())
        .map(|i| {
            let bit = 1u64 << i;
            (open & bit == 0).then(|| {
                walk.flags
                    .values()
                    .filter(|&&f| f & bit != 0 && f & AheadWalk::DEFAULT == 0)
                    .count()
            })
        })
        .collect()
}

struct AheadWalk<'r> {
    repo: &'r Repository,
    /// Commit → (time, parents), read once; `None` when it cannot be read.
    commits: HashMap<Oid, Option<(i64, Vec<Oid>)>>,
    /// Which tips reach the commit: bit i for branch i, [`AheadWalk::DEFAULT`] for the default.
    flags: HashMap<Oid, u64>,
    /// Newest first.
    queue: BinaryHeap<(i64, Oid)>,
}

impl AheadWalk<'_> {
    const DEFAULT: u64 = 1 << 63;

    fn load(&mut self, id: Oid) -> Option<(i64, Vec<Oid>)> {
        let repo = self.repo;
        self.commits
            .entry(id)
            .or_insert_with(|| {
                repo.find_commit(id)
                    .ok()
                    .map(|c| (c.time().seconds(), c.parent_ids().collect()))
            })
            .clone()
    }

    /// Adds `bits` to the commit and (re)queues it when that changed anything, so that bits
    /// reaching a commit late (clock skew) still flow on to its parents.
    fn mark(&mut self, id: Oid, bits: u64) {
        let old = self.flags.get(&id).copied().unwrap_or(0);
        if old | bits != old {
            self.flags.insert(id, old | bits);
            let time = self.load(id).map_or(i64::MIN, |(time, _)| time);
            self.queue.push((time, id));
        }
    }

    /// Reached from some branch but not (yet) from the default branch.
    fn undecided(&self, id: &Oid) -> bool {
        let bits = self.flags.get(id).copied().unwrap_or(0);
        bits != 0 && bits & Self::DEFAULT == 0
    }
}

/// Local branches and `origin/*` remote-tracking branches, local first, each by name. A branch
/// whose tip cannot be read is left out rather than failing the whole check.
fn branches(repo: &Repository) -> Result<Vec<(Branch, Oid)>, AdapterError> {
    let iter = repo
        .branches(None)
        .map_err(|e| git_error("cannot list branches", &e))?;
    let mut found = Vec::new();
    for item in iter {
        let Ok((branch, kind)) = item else { continue };
        let Ok(name) = branch.name_bytes() else {
            continue;
        };
        let name = String::from_utf8_lossy(name).into_owned();
        if kind == BranchType::Remote && (!name.starts_with("origin/") || name == "origin/HEAD") {
            continue;
        }
        let reference = branch.get();
        if reference.symbolic_target_bytes().is_some() {
            continue;
        }
        let Ok(commit) = reference.peel_to_commit() else {
            continue;
        };
        found.push((
            kind == BranchType::Remote,
            Branch {
                name,
                last_commit_time: commit.time().seconds(),
                ahead: None,
            },
            commit.id(),
        ));
    }
    found.sort_by(|a, b| (a.0, &a.1.name).cmp(&(b.0, &b.1.name)));
    Ok(found
        .into_iter()
        .map(|(_, branch, tip)| (branch, tip))
        .collect())
}

/// origin/HEAD's target, else the current branch, else `main` or `master` (local, then origin's):
/// the name without the remote, and its tip when it has one.
fn default_branch(repo: &Repository) -> (Option<String>, Option<Oid>) {
    if let Ok(origin_head) = repo.find_reference("refs/remotes/origin/HEAD") {
        if let Some(target) = origin_head.symbolic_target() {
            if let Some(name) = target.strip_prefix("refs/remotes/origin/") {
                return (Some(name.to_string()), repo.refname_to_id(target).ok());
            }
        }
    }
    if let Ok(head) = repo.find_reference("HEAD") {
        if let Some(target) = head.symbolic_target() {
            if let Some(name) = target.strip_prefix("refs/heads/") {
                return (Some(name.to_string()), repo.refname_to_id(target).ok());
            }
        }
    }
    for name in ["main", "master"] {
        for refname in [
            format!("refs/heads/{name}"),
            format!("refs/remotes/origin/{name}"),
        ] {
            if let Ok(tip) = repo.refname_to_id(&refname) {
                return (Some(name.to_string()), Some(tip));
            }
        }
    }
    (None, None)
}

#[cfg(test)]
mod tests {
    use super::*;
    use git2::{Index, IndexEntry, IndexTime, RepositoryInitOptions, Signature, Time};
    use std::fs;

    /// One change a fixture commit makes.
    #[derive(Clone, Copy)]
    enum F<'a> {
        Text(&'a str),
        Bytes(&'a [u8]),
        Link(&'a str),
        Submodule,
        Gone,
    }
    use F::*;

    fn init(path: &Path, bare: bool) -> Repository {
        let mut opts = RepositoryInitOptions::new();
        opts.initial_head("main").bare(bare);
        Repository::init_opts(path, &opts).expect("init")
    }

    fn index_entry(path: &str, mode: u32, id: Oid) -> IndexEntry {
        IndexEntry {
            ctime: IndexTime::new(0, 0),
            mtime: IndexTime::new(0, 0),
            dev: 0,
            ino: 0,
            mode,
            uid: 0,
            gid: 0,
            file_size: 0,
            id,
            flags: path.len().min(0xfff) as u16,
            flags_extended: 0,
            path: path.as_bytes().to_vec(),
        }
    }

    /// Commits `changes` on top of the first parent's tree and moves `refname` (if any) to it.
    fn commit_on(
        repo: &Repository,
        refname: Option<&str>,
        parents: &[Oid],
        changes: &[(&str, F<'_>)],
        message: &str,
        time: i64,
    ) -> Oid {
        let mut index = Index::new().expect("index");
        if let Some(first) = parents.first() {
            let tree = repo
                .find_commit(*first)
                .expect("parent")
                .tree()
                .expect("tree");
            index.read_tree(&tree).expect("read tree");
        }
        for (path, change) in changes {
            let blob = |bytes: &[u8]| repo.blob(bytes).expect("blob");
            match change {
                Text(text) => index.add(&index_entry(path, 0o100_644, blob(text.as_bytes()))),
                Bytes(bytes) => index.add(&index_entry(path, 0o100_644, blob(bytes))),
                Link(target) => index.add(&index_entry(path, 0o120_000, blob(target.as_bytes()))),
                Submodule => {
                    let id =
                        Oid::from_str("1234567890123456789012345678901234567890").expect("oid");
                    index.add(&index_entry(path, 0o160_000, id))
                }
                Gone => index.remove_path(Path::new(path)),
            }
            .expect("index change");
        }
        let tree = repo
            .find_tree(index.write_tree_to(repo).expect("write tree"))
            .expect("tree");
        let parents: Vec<Commit<'_>> = parents
            .iter()
            .map(|id| repo.find_commit(*id).expect("parent"))
            .collect();
        let parents: Vec<&Commit<'_>> = parents.iter().collect();
        let sig =
            Signature::new("Test", "test@example.org", &Time::new(time, 0)).expect("signature");
        repo.commit(refname, &sig, &sig, message, &tree, &parents)
            .expect("commit")
    }

    /// Commits on HEAD; for a repository with a work tree, the disk and the index follow.
    fn commit(repo: &Repository, changes: &[(&str, F<'_>)], message: &str, time: i64) -> Oid {
        let parents: Vec<Oid> = repo
            .head()
            .ok()
            .and_then(|h| h.target())
            .into_iter()
            .collect();
        let id = commit_on(repo, Some("HEAD"), &parents, changes, message, time);
        if let Some(root) = repo.workdir() {
            for (path, change) in changes {
                let full = root.join(path);
                fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
                let _ = fs::remove_file(&full);
                match change {
                    Text(text) => fs::write(&full, text).expect("write"),
                    Bytes(bytes) => fs::write(&full, bytes).expect("write"),
                    #[cfg(unix)]
                    Link(target) => std::os::unix::fs::symlink(target, &full).expect("symlink"),
                    #[cfg(not(unix))]
                    Link(_) => panic!("symlink fixtures need a unix file system"),
                    Submodule => fs::create_dir_all(&full).expect("mkdir"),
                    Gone => {}
                }
            }
            let tree = repo.find_commit(id).expect("commit").tree().expect("tree");
            let mut index = repo.index().expect("index");
            index.read_tree(&tree).expect("read tree");
            index.write().expect("write index");
        }
        id
    }

    fn write(root: &Path, path: &str, bytes: &[u8]) {
        let full = root.join(path);
        fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
        fs::write(full, bytes).expect("write");
    }

    fn paths(snap: &Snapshot) -> Vec<&str> {
        snap.files.keys().map(String::as_str).collect()
    }

    fn history(snap: &Snapshot) -> &History {
        snap.history.as_ref().expect("history")
    }

    /// The index reader agrees with libgit2 on versions 2, 3 (extended flags) and 4 (prefix
    /// compression), and never panics on a damaged file.
    #[test]
    fn index_reader_matches_libgit2() {
        let dir = tempfile::tempdir().expect("tempdir");
        let repo = init(dir.path(), false);
        let blob = repo.blob(b"x").expect("blob");
        let long = format!("deep/{}/{}.md", "d".repeat(200), "n".repeat(250));
        let paths = [
            "README.md",
            "a",
            "ab/c.txt",
            "ab/cd/e.txt",
            "ab/cd/ef.txt",
            "unicode/æøå.md",
            long.as_str(),
            "z/sub",
        ];
        for version in [2, 3, 4] {
            let mut index = repo.index().expect("index");
            index.clear().expect("clear");
            for path in paths {
                let mode = if path == "z/sub" {
                    0o160_000
                } else {
                    0o100_644
                };
                let mut entry = index_entry(path, mode, blob);
                if version == 3 && path == "ab/cd/e.txt" {
                    entry.flags |= 0x4000;
                    entry.flags_extended = 1 << 14; // skip-worktree
                }
                index.add(&entry).expect("add");
            }
            if version == 4 {
                index.set_version(4).expect("version");
            }
            index.write().expect("write");
            let bytes = fs::read(repo.path().join("index")).expect("read");
            assert_eq!(
                u32::from_be_bytes(bytes[4..8].try_into().expect("4")),
                version
            );
            let ours = parse_index(&bytes).expect("parsed");
            let theirs: Vec<(String, u32)> = repo
                .index()
                .expect("index")
                .iter()
                .map(|e| (String::from_utf8(e.path).expect("utf-8"), e.mode))
                .collect();
            let ours: Vec<(String, u32)> = ours.iter().map(|(p, m)| (p.to_string(), m)).collect();
            assert_eq!(ours, theirs, "version {version}");
            for cut in 0..bytes.len() {
                let _ = parse_index(&bytes[..cut]);
            }
            let mut damaged = bytes.clone();
            for at in (12..damaged.len()).step_by(7) {
                damaged[at] ^= 0xa5;
                let _ = parse_index(&damaged);
            }
        }
        assert_eq!(parse_index(b"garbage"), None);
        // A split index keeps its entries elsewhere: left to libgit2.
        let mut split = b"DIRC\0\0\0\x02\0\0\0\0link\0\0\0\x14".to_vec();
        split.extend_from_slice(&[0; 40]);
        assert_eq!(parse_index(&split), None);
        let mut optional = b"DIRC\0\0\0\x02\0\0\0\0TREE\0\0\0\x02ab".to_vec();
        optional.extend_from_slice(&[0; 20]);
        assert_eq!(parse_index(&optional), Some(IndexPaths::default()));
    }

    #[test]
    fn work_tree_is_tracked_plus_untracked_minus_ignored_and_deleted() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let repo = init(root, false);
        commit(
            &repo,
            &[
                ("README.md", Text("# Old\n")),
                ("LICENSE", Text("MPL-2.0\n")),
                ("src/lib.rs", Text("")),
                ("src/keep.rs", Text("")),
                ("build/kept.txt", Text("tracked inside an ignored folder\n")),
                (".gitignore", Text("build/\n*.log\n")),
            ],
            "first",
            1_000,
        );
        write(root, "README.md", b"# New\n");
        fs::remove_file(root.join("src/lib.rs")).expect("rm");
        write(root, "notes.txt", b"untracked\n");
        write(root, "docs/new.md", b"# Untracked doc\n");
        write(root, "debug.log", b"ignored\n");
        write(root, "src/trace.log", b"ignored\n");
        write(root, "build/out.bin", b"ignored\n");
        write(root, "build/deep/x.o", b"ignored\n");
        fs::create_dir_all(root.join("empty/inner")).expect("mkdir");

        let snap = snapshot_repo(root, Revision::WorkTree, 7).expect("snapshot");
        assert_eq!(
            paths(&snap),
            [
                ".gitignore",
                "LICENSE",
                "README.md",
                "build/kept.txt",
                "docs/new.md",
                "notes.txt",
                "src/keep.rs"
            ]
        );
        assert_eq!(snap.text("README.md"), Some("# New\n"));
        assert_eq!(snap.text("docs/new.md"), Some("# Untracked doc\n"));
        assert_eq!(snap.files["notes.txt"].content, Content::NotLoaded);
        assert_eq!(snap.stats.paths_listed, 7);
        assert_eq!(snap.stats.blobs_read, 3);
        assert_eq!(snap.now, 7);
        let history = history(&snap);
        assert_eq!(history.newest_commit_time, Some(1_000));
        assert_eq!(history.recent_commits.len(), 1);
        assert_eq!(history.recent_commits[0].message, "first");
        assert_eq!(history.default_branch.as_deref(), Some("main"));
    }

    #[test]
    fn rev_reads_the_older_tree_from_git_objects() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let repo = init(root, false);
        let old = commit(
            &repo,
            &[("README.md", Text("old\n")), ("a.txt", Text("a"))],
            "one",
            100,
        );
        commit(
            &repo,
            &[
                ("README.md", Text("new\n")),
                ("CONTRIBUTING.md", Text("hi\n")),
                ("a.txt", Gone),
            ],
            "two",
            200,
        );
        write(root, "README.md", b"on disk\n");

        for rev in [
            old.to_string(),
            "HEAD~1".to_string(),
            old.to_string()[..8].to_string(),
        ] {
            let snap = snapshot_repo(root, Revision::Rev(&rev), 0).expect("snapshot");
            assert_eq!(paths(&snap), ["README.md", "a.txt"], "{rev}");
            assert_eq!(snap.text("README.md"), Some("old\n"));
            assert_eq!(history(&snap).newest_commit_time, Some(100));
            assert_eq!(history(&snap).recent_commits.len(), 1);
        }
        let snap = snapshot_repo(root, Revision::Rev("main"), 0).expect("snapshot");
        assert_eq!(paths(&snap), ["CONTRIBUTING.md", "README.md"]);
        assert_eq!(snap.text("README.md"), Some("new\n"));
        assert_eq!(snap.stats.blobs_read, 2);
        let snap = open_snapshot(root, None, 0).expect("snapshot");
        assert_eq!(snap.text("README.md"), Some("on disk\n"));
    }

    #[test]
    fn bare_repository_reads_head() {
        let dir = tempfile::tempdir().expect("tempdir");
        let repo = init(dir.path(), true);
        commit(
            &repo,
            &[("README.md", Text("# Bare\n")), ("src/x.rs", Text(""))],
            "one",
            100,
        );
        let snap = open_snapshot(dir.path(), None, 0).expect("snapshot");
        assert_eq!(paths(&snap), ["README.md", "src/x.rs"]);
        assert_eq!(snap.text("README.md"), Some("# Bare\n"));
        assert_eq!(history(&snap).newest_commit_time, Some(100));
        let snap = open_snapshot(dir.path(), Some("HEAD"), 0).expect("snapshot");
        assert_eq!(snap.text("README.md"), Some("# Bare\n"));

        let empty = tempfile::tempdir().expect("tempdir");
        init(empty.path(), true);
        let snap = open_snapshot(empty.path(), None, 0).expect("snapshot");
        assert!(snap.files.is_empty());
        assert!(history(&snap).recent_commits.is_empty());
    }

    /// HEAD, objects/, refs/ and packed-refs but no `config`: git reads it as a bare repository,
    /// and so does os2gov (it scanned the git directory's own files as a plain folder).
    #[test]
    fn bare_repository_without_config() {
        let dir = tempfile::tempdir().expect("tempdir");
        let repo = init(dir.path(), true);
        commit(&repo, &[("README.md", Text("# Bare\n"))], "one", 100);
        drop(repo);
        let status = std::process::Command::new("git")
            .args(["pack-refs", "--all"])
            .current_dir(dir.path())
            .status();
        assert!(status.is_ok_and(|s| s.success()));
        fs::remove_file(dir.path().join("config")).expect("rm config");
        assert!(dir.path().join("packed-refs").is_file());
        let snap = open_snapshot(dir.path(), None, 0).expect("snapshot");
        assert_eq!(paths(&snap), ["README.md"]);
        assert_eq!(snap.text("README.md"), Some("# Bare\n"));
        assert_eq!(history(&snap).newest_commit_time, Some(100));
        let snap = snapshot_repo(dir.path(), Revision::Rev("HEAD"), 0).expect("rev");
        assert_eq!(paths(&snap), ["README.md"]);
    }

    /// What looks like a repository and cannot be opened is an error naming it, never a plain
    /// folder.
    #[test]
    fn a_git_directory_that_cannot_be_opened_is_an_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let broken = dir.path().join("broken.git");
        write(&broken, "HEAD", b"not a ref\n");
        write(&broken, "README.md", b"# Not the product\n");
        fs::create_dir_all(broken.join("objects")).expect("mkdir");
        fs::create_dir_all(broken.join("refs")).expect("mkdir");
        let err = open_snapshot(&broken, None, 0).expect_err("broken git directory");
        assert!(matches!(err, AdapterError::Git(_)), "{err}");
        let text = err.to_string();
        assert!(
            text.contains("broken.git") && !text.contains('\n'),
            "{text}"
        );

        // A `.git` symlink to nowhere is a repository that cannot be read.
        let dangling = dir.path().join("dangling");
        write(&dangling, "README.md", b"# X\n");
        #[cfg(unix)]
        {
            std::os::unix::fs::symlink("/nonexistent/.git", dangling.join(".git")).expect("ln");
            let err = open_snapshot(&dangling, None, 0).expect_err("dangling .git");
            assert!(matches!(err, AdapterError::Git(_)), "{err}");
            assert!(err.to_string().contains("dangling"), "{err}");
        }

        // HEAD alone (or objects/ and refs/ without HEAD) is an ordinary folder.
        let plain = dir.path().join("plain");
        write(&plain, "HEAD", b"x");
        write(&plain, "refs/x", b"x");
        let snap = open_snapshot(&plain, None, 0).expect("plain folder");
        assert!(snap.history.is_none());
    }

    #[test]
    fn unborn_head_still_lists_the_work_tree() {
        let dir = tempfile::tempdir().expect("tempdir");
        init(dir.path(), false);
        write(dir.path(), "README.md", b"# Fresh\n");
        let snap = open_snapshot(dir.path(), None, 0).expect("snapshot");
        assert_eq!(snap.text("README.md"), Some("# Fresh\n"));
        let history = history(&snap);
        assert_eq!(history.newest_commit_time, None);
        assert!(history.recent_commits.is_empty());
        assert!(history.branches.is_empty());
        assert_eq!(history.default_branch.as_deref(), Some("main"));
        let err = open_snapshot(dir.path(), Some("HEAD"), 0).expect_err("unborn HEAD");
        assert!(matches!(err, AdapterError::BadRevision { .. }), "{err}");
    }

    /// Both ways of reading must agree: symlinks resolved on disk and in the tree.
    #[cfg(unix)]
    #[test]
    fn symlinks_inside_outside_dangling_loop_folder() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let repo = init(root, false);
        let absolute = format!("{}/LICENSES/MPL-2.0.txt", root.display());
        commit(
            &repo,
            &[
                (
                    "LICENSES/MPL-2.0.txt",
                    Text("Mozilla Public License Version 2.0\n"),
                ),
                ("docs/roadmap.md", Text("# Roadmap\n")),
                ("LICENSE", Link("LICENSES/MPL-2.0.txt")),
                ("COPYING", Link("/etc/passwd")),
                ("SECURITY.md", Link("../../x")),
                ("CONTRIBUTING.md", Link("docs/missing.md")),
                ("SUPPORT.md", Link("GOVERNANCE.md")),
                ("GOVERNANCE.md", Link("SUPPORT.md")),
                ("AUTHORS", Link("docs")),
                ("ROADMAP.md", Link("hop1")),
                ("hop1", Link("./hop2")),
                ("hop2", Link("docs/../docs/roadmap.md")),
                ("dirlink", Link("LICENSES")),
                ("MAINTAINERS", Link("dirlink/MPL-2.0.txt")),
                ("etc", Link("/etc")),
                ("publiccode.yml", Link("etc/passwd")),
                ("code_of_conduct.md", Link(".git/config")),
                ("VISION.md", Link(&absolute)),
                ("docs/guide.md", Link("../LICENSE")),
                ("libs/sub", Submodule),
            ],
            "links",
            100,
        );
        // A checked-out submodule's files are not the repository's own.
        write(root, "libs/sub/README.md", b"# Sub\n");
        for revision in [Revision::WorkTree, Revision::Rev("HEAD")] {
            let snap = snapshot_repo(root, revision, 0).expect("snapshot");
            let what = format!("{revision:?}");
            let license = &snap.files["LICENSE"];
            assert_eq!(
                license.as_text(),
                Some("Mozilla Public License Version 2.0\n"),
                "{what}"
            );
            assert_eq!(
                license.symlink_to.as_deref(),
                Some("LICENSES/MPL-2.0.txt"),
                "{what}"
            );
            for path in ["MAINTAINERS", "VISION.md", "docs/guide.md"] {
                assert_eq!(
                    snap.files[path].symlink_to.as_deref(),
                    Some("LICENSES/MPL-2.0.txt"),
                    "{what} {path}"
                );
            }
            assert_eq!(snap.text("ROADMAP.md"), Some("# Roadmap\n"), "{what}");
            assert_eq!(
                snap.files["ROADMAP.md"].symlink_to.as_deref(),
                Some("docs/roadmap.md")
            );
            let outside = |path: &str| match &snap.files[path].content {
                Content::SymlinkOutside { target } => target.clone(),
                other => panic!("{what} {path}: {other:?}"),
            };
            assert_eq!(outside("COPYING"), "/etc/passwd");
            assert_eq!(outside("SECURITY.md"), "../../x");
            assert_eq!(outside("publiccode.yml"), "/etc");
            assert_eq!(outside("code_of_conduct.md"), ".git/config");
            for path in ["CONTRIBUTING.md", "SUPPORT.md", "GOVERNANCE.md", "AUTHORS"] {
                assert!(
                    matches!(snap.files[path].content, Content::Broken { .. }),
                    "{what} {path}"
                );
            }
            assert!(snap.files["CONTRIBUTING.md"].symlink_to.is_none());
            assert_eq!(snap.files["libs/sub"].content, Content::NotLoaded);
            assert!(!snap.files.contains_key("libs/sub/README.md"), "{what}");
            assert_eq!(snap.files["hop1"].content, Content::NotLoaded);
            // LICENSES/MPL-2.0.txt, docs/roadmap.md and the five links that reach them.
            assert_eq!(snap.stats.blobs_read, 7, "{what}");
        }
    }

    #[test]
    fn large_files_are_not_read() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let repo = init(root, false);
        let big = "a".repeat(2 * 1024 * 1024);
        commit(
            &repo,
            &[("README.md", Text(&big)), ("LICENSE", Text("MPL\n"))],
            "big",
            1,
        );
        for revision in [Revision::WorkTree, Revision::Rev("HEAD")] {
            let snap = snapshot_repo(root, revision, 0).expect("snapshot");
            assert_eq!(
                snap.files["README.md"].content,
                Content::TooLarge {
                    size: 2 * 1024 * 1024
                }
            );
            assert_eq!(snap.stats.blobs_read, 1, "{revision:?}");
        }
    }

    #[test]
    fn invalid_utf8_and_binary() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let repo = init(root, false);
        commit(
            &repo,
            &[
                ("README.md", Bytes(b"K\xf8benhavn \xff")),
                ("LICENSE", Bytes(b"PK\x03\x04\0\0")),
            ],
            "bytes",
            1,
        );
        for revision in [Revision::WorkTree, Revision::Rev("HEAD")] {
            let snap = snapshot_repo(root, revision, 0).expect("snapshot");
            assert_eq!(
                snap.files["README.md"].content,
                Content::Text {
                    text: "K\u{fffd}benhavn \u{fffd}".into(),
                    lossy: true
                }
            );
            assert_eq!(snap.files["LICENSE"].content, Content::Binary);
        }
    }

    #[test]
    fn history_skips_merges() {
        let dir = tempfile::tempdir().expect("tempdir");
        let repo = init(dir.path(), true);
        let c1 = commit_on(
            &repo,
            Some("refs/heads/main"),
            &[],
            &[("a", Text("1"))],
            "c1",
            100,
        );
        let c2 = commit_on(
            &repo,
            Some("refs/heads/main"),
            &[c1],
            &[("a", Text("2"))],
            "c2 (#12)\n\nbody\n",
            300,
        );
        let f1 = commit_on(
            &repo,
            Some("refs/heads/feature"),
            &[c1],
            &[("b", Text("f"))],
            "f1",
            200,
        );
        commit_on(
            &repo,
            Some("refs/heads/main"),
            &[c2, f1],
            &[("b", Text("f"))],
            "Merge feature",
            400,
        );
        let snap = open_snapshot(dir.path(), None, 0).expect("snapshot");
        let history = history(&snap);
        assert_eq!(history.newest_commit_time, Some(400));
        let messages: Vec<&str> = history
            .recent_commits
            .iter()
            .map(|c| c.message.as_str())
            .collect();
        assert_eq!(messages, ["c2 (#12)\n\nbody", "f1", "c1"]);
        assert_eq!(history.recent_commits[0].id, c2.to_string());
        assert_eq!(history.recent_commits[0].time, 300);
        assert_eq!(snap.stats.commits_walked, 4);
    }

    #[test]
    fn history_stops_after_100_commits() {
        let dir = tempfile::tempdir().expect("tempdir");
        let repo = init(dir.path(), true);
        let mut parent = Vec::new();
        for i in 0..150 {
            let id = commit_on(
                &repo,
                Some("refs/heads/main"),
                &parent,
                &[("n", Text(&i.to_string()))],
                &format!("commit {i}"),
                1_000 + i,
            );
            parent = vec![id];
        }
        let snap = open_snapshot(dir.path(), None, 0).expect("snapshot");
        let history = history(&snap);
        assert_eq!(history.recent_commits.len(), 100);
        assert_eq!(history.recent_commits[0].message, "commit 149");
        assert_eq!(history.recent_commits[99].message, "commit 50");
        assert_eq!(snap.stats.commits_walked, 100);
    }

    #[test]
    fn branches_with_ahead_counts() {
        let dir = tempfile::tempdir().expect("tempdir");
        let repo = init(dir.path(), true);
        let c1 = commit_on(
            &repo,
            Some("refs/heads/main"),
            &[],
            &[("a", Text("1"))],
            "c1",
            100,
        );
        let c2 = commit_on(
            &repo,
            Some("refs/heads/main"),
            &[c1],
            &[("a", Text("2"))],
            "c2",
            200,
        );
        let c3 = commit_on(
            &repo,
            Some("refs/heads/main"),
            &[c2],
            &[("a", Text("3"))],
            "c3",
            300,
        );
        repo.reference("refs/remotes/origin/main", c3, true, "test")
            .expect("ref");
        repo.reference_symbolic(
            "refs/remotes/origin/HEAD",
            "refs/remotes/origin/main",
            true,
            "test",
        )
        .expect("ref");
        let f1 = commit_on(
            &repo,
            Some("refs/heads/feature"),
            &[c3],
            &[("f", Text("1"))],
            "f1",
            400,
        );
        commit_on(
            &repo,
            Some("refs/heads/feature"),
            &[f1],
            &[("f", Text("2"))],
            "f2",
            500,
        );
        commit_on(
            &repo,
            Some("refs/remotes/origin/old"),
            &[c2],
            &[("o", Text("1"))],
            "o1",
            250,
        );
        repo.reference("refs/remotes/upstream/main", c1, true, "test")
            .expect("ref");
        repo.remote("origin", "https://github.com/OS2offdig/os2gov.git")
            .expect("remote");
        let snap = open_snapshot(dir.path(), None, 0).expect("snapshot");
        let history = history(&snap);
        let branches: Vec<(&str, i64, Option<usize>)> = history
            .branches
            .iter()
            .map(|b| (b.name.as_str(), b.last_commit_time, b.ahead))
            .collect();
        assert_eq!(
            branches,
            [
                ("feature", 500, Some(2)),
                ("main", 300, Some(0)),
                ("origin/main", 300, Some(0)),
                ("origin/old", 250, Some(1)),
            ]
        );
        assert_eq!(history.default_branch.as_deref(), Some("main"));
        assert_eq!(
            history.origin_url.as_deref(),
            Some("https://github.com/OS2offdig/os2gov.git")
        );
    }

    /// The shared walk counts what libgit2 counts branch by branch: merged, unmerged, forked
    /// long ago, orphan, criss-crossed, and with a parent dated after its child.
    #[test]
    fn ahead_counts_match_graph_ahead_behind() {
        let dir = tempfile::tempdir().expect("tempdir");
        let repo = init(dir.path(), true);
        let mut main = vec![commit_on(
            &repo,
            None,
            &[],
            &[("m", Text("0"))],
            "m0",
            1_000,
        )];
        for i in 1..40 {
            let time = if i == 20 { 500 } else { 1_000 + i * 10 }; // m20 is "older" than m19
            let parent = *main.last().expect("parent");
            main.push(commit_on(
                &repo,
                None,
                &[parent],
                &[("m", Text(&i.to_string()))],
                "m",
                time,
            ));
        }
        let side = |from: Oid, n: i64, start: i64, tag: &str| {
            let mut tip = from;
            for i in 0..n {
                let change = [(tag, Text(&i.to_string()))];
                tip = commit_on(&repo, None, &[tip], &change, tag, start + i * 10);
            }
            tip
        };
        let merged = side(main[5], 3, 1_055, "merged");
        let merge = commit_on(&repo, None, &[main[30], merged], &[], "merge", 1_305);
        let default_tip = side(merge, 4, 1_310, "after");
        let open = side(main[35], 2, 1_400, "open");
        let old_fork = side(main[1], 5, 1_900, "old");
        let orphan = {
            let root = commit_on(&repo, None, &[], &[("o", Text("0"))], "o0", 2_000);
            side(root, 3, 2_010, "orphan")
        };
        let criss = commit_on(&repo, None, &[open, old_fork], &[], "criss", 2_100);
        let skewed = side(main[20], 2, 400, "skew");
        let tips = [
            default_tip,
            merged,
            main[3],
            open,
            old_fork,
            orphan,
            criss,
            skewed,
            main[39],
        ];
        let ours = ahead_counts(&repo, default_tip, &tips, usize::MAX);
        let theirs: Vec<Option<usize>> = tips
            .iter()
            .map(|tip| Some(repo.graph_ahead_behind(*tip, default_tip).expect("ahead").0))
            .collect();
        assert_eq!(ours, theirs);
        assert_eq!(ours[5], Some(4), "orphan");

        // Over budget: undecided branches are unknown, decided ones are still counted.
        let ours = ahead_counts(&repo, default_tip, &[default_tip, main[3], orphan], 5);
        assert_eq!(ours[0], Some(0));
        assert_eq!(ours[1], None);
    }

    #[test]
    fn default_branch_falls_back_to_the_current_branch() {
        let dir = tempfile::tempdir().expect("tempdir");
        let repo = init(dir.path(), true);
        let c1 = commit_on(
            &repo,
            Some("refs/heads/main"),
            &[],
            &[("a", Text("1"))],
            "c1",
            100,
        );
        commit_on(
            &repo,
            Some("refs/heads/develop"),
            &[c1],
            &[("a", Text("2"))],
            "c2",
            200,
        );
        repo.set_head("refs/heads/develop").expect("set head");
        let snap = open_snapshot(dir.path(), None, 0).expect("snapshot");
        let history = history(&snap);
        assert_eq!(history.default_branch.as_deref(), Some("develop"));
        assert_eq!(history.branches[1].name, "main");
        assert_eq!(history.branches[1].ahead, Some(0));
        assert_eq!(history.origin_url, None);
        // Detached: main is the fallback.
        repo.set_head_detached(c1).expect("detach");
        let snap = open_snapshot(dir.path(), None, 0).expect("snapshot");
        assert_eq!(
            snap.history.expect("history").default_branch.as_deref(),
            Some("main")
        );
    }

    #[test]
    fn plain_folders() {
        let dir = tempfile::tempdir().expect("tempdir");
        write(dir.path(), "README.md", b"# Plain\n");
        let snap = open_snapshot(dir.path(), None, 0).expect("snapshot");
        assert_eq!(snap.text("README.md"), Some("# Plain\n"));
        assert!(snap.history.is_none());

        // A folder inside a repository is checked as it stands, not as the enclosing repository.
        let repo_dir = tempfile::tempdir().expect("tempdir");
        let repo = init(repo_dir.path(), false);
        commit(
            &repo,
            &[
                ("README.md", Text("# Outer\n")),
                ("product/README.md", Text("# Inner\n")),
            ],
            "one",
            1,
        );
        let snap = open_snapshot(&repo_dir.path().join("product"), None, 0).expect("snapshot");
        assert_eq!(paths(&snap), ["README.md"]);
        assert_eq!(snap.text("README.md"), Some("# Inner\n"));
        assert!(snap.history.is_none());
    }

    #[test]
    fn errors_name_the_path_or_revision() {
        let dir = tempfile::tempdir().expect("tempdir");
        let missing = dir.path().join("missing");
        let one_line = |e: AdapterError| {
            let text = e.to_string();
            assert!(!text.contains('\n'), "{text}");
            text
        };
        let err = open_snapshot(&missing, None, 0).expect_err("missing");
        assert!(matches!(err, AdapterError::NotFound(_)));
        assert!(one_line(err).contains("missing"));

        write(dir.path(), "file.txt", b"x");
        let err = open_snapshot(&dir.path().join("file.txt"), None, 0).expect_err("file");
        assert!(matches!(err, AdapterError::NotADirectory(_)));

        let plain = dir.path().join("plain");
        fs::create_dir(&plain).expect("mkdir");
        let err = open_snapshot(&plain, Some("v1.0"), 0).expect_err("rev on plain folder");
        assert!(matches!(err, AdapterError::RevWithoutRepository { .. }));
        assert!(one_line(err).contains("v1.0"));
        let err = snapshot_repo(&plain, Revision::WorkTree, 0).expect_err("plain");
        assert!(matches!(err, AdapterError::NotARepository(_)));

        let repo_dir = dir.path().join("repo");
        let repo = init(&repo_dir, false);
        commit(&repo, &[("README.md", Text("x"))], "one", 1);
        for rev in ["no-such-branch", "HEAD~5", "HEAD:README.md", ""] {
            let err = open_snapshot(&repo_dir, Some(rev), 0).expect_err(rev);
            assert!(
                matches!(err, AdapterError::BadRevision { .. }),
                "{rev}: {err}"
            );
            assert!(one_line(err).contains(&format!("'{rev}'")));
        }

        let corrupt = dir.path().join("corrupt");
        write(&corrupt, ".git/HEAD", b"garbage");
        let err = open_snapshot(&corrupt, None, 0).expect_err("corrupt");
        assert!(matches!(err, AdapterError::Git(_)), "{err}");
        assert!(one_line(err).contains("corrupt"));
    }

    /// A small deterministic generator, so that a failing tree can be made again from its seed.
    struct Lcg(u64);

    impl Lcg {
        fn below(&mut self, n: usize) -> usize {
            self.0 = self
                .0
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            ((self.0 >> 33) % n as u64) as usize
        }

        fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
            items[self.below(items.len())]
        }
    }

    const NAMES: &[&str] = &[
        "a",
        "b",
        "build",
        "gen",
        "doc",
        "cache",
        "out",
        "anchored",
        "keep.log",
        "x.log",
        "important.md",
        "readme.md",
        "xyz",
        "tmp1",
        "a.txt",
        "c.txt",
        "deep",
        "f.o",
        "q.tmp",
        "root-only.log",
        "#hash",
        "Mixed.LOG",
        "sp ace",
    ];
    const PATTERNS: &[&str] = &[
        "*.log",
        "!keep.log",
        "build/",
        "/anchored",
        "**/gen",
        "a/**/b",
        "doc/*.md",
        "!important.md",
        "tmp*",
        "*.o",
        "cache/",
        "!cache/",
        "/out/",
        "x?z",
        "[ab]*.txt",
        "# a comment",
        "",
        "\\#hash",
        "deep/**",
        "**/*.tmp",
        "!/root-only.log",
        "b",
        "!b/",
        "a/",
        "!*.md",
        "*",
        "!a",
        "sp\\ ace",
        "readme.md ",
        "/doc/",
        "**/deep/",
        "!x.log",
    ];

    /// Up to four patterns. libgit2 drops a negation that no earlier pattern of the same file
    /// matches, where git lets it re-include what another file ignored
    /// (`negation_in_a_deeper_file_re_includes_as_git_does`); each negation here comes after its
    /// positive, so that the two agree.
    fn ignore_file(rng: &mut Lcg) -> String {
        let mut text = String::new();
        for _ in 0..1 + rng.below(4) {
            let pattern = rng.pick(PATTERNS);
            if let Some(positive) = pattern.strip_prefix('!') {
                if rng.below(2) == 0 {
                    text.push_str(&format!("{positive}\n"));
                } else {
                    let other = rng.pick(PATTERNS).trim_start_matches('!');
                    text.push_str(&format!("{other}\n{positive}\n"));
                }
            }
            text.push_str(&format!("{pattern}\n"));
        }
        text
    }

    fn grow(rng: &mut Lcg, root: &Path, rel: &str, depth: usize) {
        let dir = root.join(rel);
        fs::create_dir_all(&dir).expect("mkdir");
        if rng.below(2) == 0 {
            fs::write(dir.join(".gitignore"), ignore_file(rng)).expect("write");
        }
        for _ in 0..1 + rng.below(4) {
            let name = rng.pick(NAMES);
            let child = if rel.is_empty() {
                name.to_string()
            } else {
                format!("{rel}/{name}")
            };
            if depth > 0 && rng.below(2) == 0 && !root.join(&child).is_file() {
                grow(rng, root, &child, depth - 1);
            } else if !root.join(&child).is_dir() {
                fs::write(root.join(&child), "x").expect("write");
            }
        }
    }

    /// Every path of the tree (folders included, and everything inside ignored folders) with
    /// [`Ignores`]' answer for it.
    fn answers(repo: &Repository, root: &Path) -> (Vec<(String, bool, bool)>, usize) {
        let mut ignores = Ignores::new(repo, root).expect("ignores");
        let mut out = Vec::new();
        walk(root, &mut |rel, kind, dir| {
            ignores.enter_parent_of(rel, dir);
            let is_dir = kind == EntryKind::Dir;
            if rel.rsplit('/').next() != Some(".gitignore") {
                out.push((rel.to_string(), is_dir, ignores.is_ignored(rel, is_dir)?));
            }
            Ok(Visit::Descend)
        })
        .expect("walk");
        (out, ignores.gitignores_read)
    }

    #[test]
    fn ignore_rules_match_libgit2_on_generated_trees() {
        let mut compared = 0;
        let mut ignored = 0;
        for seed in 0..120 {
            let dir = tempfile::tempdir().expect("tempdir");
            let root = dir.path().join("repo");
            fs::create_dir_all(&root).expect("mkdir");
            let repo = init(&root, false);
            let mut rng = Lcg(seed);
            grow(&mut rng, &root, "", 3);
            let info = repo.path().join("info");
            fs::create_dir_all(&info).expect("mkdir");
            fs::write(info.join("exclude"), ignore_file(&mut rng)).expect("write");
            let excludes = dir.path().join("global-ignore");
            fs::write(&excludes, ignore_file(&mut rng)).expect("write");
            let excludes = excludes.to_str().expect("utf-8");
            repo.config()
                .expect("config")
                .set_str("core.excludesFile", excludes)
                .expect("set");

            for (rel, is_dir, ours) in answers(&repo, &root).0 {
                let asked = if is_dir {
                    format!("{rel}/")
                } else {
                    rel.clone()
                };
                let libgit2 = repo.is_path_ignored(&asked).expect("libgit2");
                if ours != libgit2 {
                    // The ignore files that had a say, for the failure message.
                    let mut files = vec![format!(
                        "exclude: {:?}",
                        fs::read_to_string(info.join("exclude"))
                    )];
                    files.push(format!("excludesFile: {:?}", fs::read_to_string(excludes)));
                    let mut folder = String::new();
                    for part in std::iter::once("").chain(rel.split('/')) {
                        if !part.is_empty() {
                            folder = if folder.is_empty() {
                                part.to_string()
                            } else {
                                format!("{folder}/{part}")
                            };
                        }
                        if let Ok(text) = fs::read_to_string(root.join(&folder).join(".gitignore"))
                        {
                            files.push(format!("{folder}/.gitignore: {text:?}"));
                        }
                    }
                    panic!(
                        "seed {seed}: {asked}: ours {ours}, libgit2 {libgit2}\n{}",
                        files.join("\n")
                    );
                }
                compared += 1;
                ignored += usize::from(ours);
            }
        }
        // The trees are varied enough to say something: many paths, both answers common.
        assert!(compared > 1_200, "{compared}");
        assert!(
            ignored > compared / 5 && ignored < compared * 4 / 5,
            "{ignored}/{compared}"
        );
    }

    fn listed(listing: &[Listed]) -> Vec<&str> {
        listing.iter().map(|item| item.rel.as_str()).collect()
    }

    /// Each `.gitignore` is read once, however deep its folder: libgit2's `is_path_ignored`,
    /// asked about each untracked path, loaded every `.gitignore` above it each time (here
    /// about 135,000 loads for 301 files, and the path built afresh for each: cubic in the depth).
    #[test]
    fn each_gitignore_is_read_once_however_deep() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let repo = init(root, false);
        commit(
            &repo,
            &[
                ("README.md", Text("# X\n")),
                (".gitignore", Text("*.tmp\n")),
            ],
            "first",
            1,
        );
        let mut folder = String::new();
        let mut expected = vec![".gitignore".to_string()];
        for _ in 0..300 {
            folder.push_str(if folder.is_empty() { "d" } else { "/d" });
            write(root, &format!("{folder}/.gitignore"), b"*.bak\n!keep.bak\n");
            write(root, &format!("{folder}/n.md"), b"x");
            write(root, &format!("{folder}/x.tmp"), b"ignored above");
            write(root, &format!("{folder}/x.bak"), b"ignored here");
            write(root, &format!("{folder}/keep.bak"), b"re-included");
            expected.extend(["/.gitignore", "/keep.bak", "/n.md"].map(|f| format!("{folder}{f}")));
        }
        expected.push("README.md".to_string());
        expected.sort();

        let (listing, reads) = list_work_tree_counted(&repo, root).expect("list");
        assert_eq!(listed(&listing), expected);
        assert_eq!(reads, 301);
    }

    /// Where every path is tracked, no ignore question is asked and no `.gitignore` is read.
    #[test]
    fn a_tracked_tree_reads_no_gitignore() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let repo = init(root, false);
        commit(
            &repo,
            &[
                (".gitignore", Text("*.log\n")),
                ("a/.gitignore", Text("*.md\n")),
                ("a/b/kept.md", Text("tracked though ignored\n")),
                ("a/b/c/x.rs", Text("")),
            ],
            "first",
            1,
        );
        let (listing, reads) = list_work_tree_counted(&repo, root).expect("list");
        assert_eq!(
            listed(&listing),
            [".gitignore", "a/.gitignore", "a/b/c/x.rs", "a/b/kept.md"]
        );
        assert_eq!(reads, 0);
    }

    /// A negation re-includes what a file of lower precedence ignored (a folder's `.gitignore`
    /// against its parent's, `.gitignore` against `core.excludesFile`), and a symlinked
    /// `.gitignore` is not followed: what `git status --ignored` says (git 2.47) for this tree.
    /// libgit2 drops a negation that no earlier pattern of its own file matches, and follows the
    /// symlink.
    #[cfg(unix)]
    #[test]
    fn negation_in_a_deeper_file_re_includes_as_git_does() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("repo");
        let repo = init(&root, false);
        let excludes = dir.path().join("global-ignore");
        fs::write(&excludes, "*.bak\n").expect("write");
        repo.config()
            .expect("config")
            .set_str("core.excludesFile", excludes.to_str().expect("utf-8"))
            .expect("set");
        write(&root, ".gitignore", b"*.log\n!keep.bak\n");
        write(&root, "sub/.gitignore", b"!keep.log\n");
        for file in [
            "sub/keep.log",
            "sub/other.log",
            "keep.bak",
            "other.bak",
            "ln/a.txt",
        ] {
            write(&root, file, b"x");
        }
        write(&root, "rules", b"a.txt\n");
        std::os::unix::fs::symlink("../rules", root.join("ln/.gitignore")).expect("symlink");

        let (listing, _) = list_work_tree_counted(&repo, &root).expect("list");
        assert_eq!(
            listed(&listing),
            [
                ".gitignore",
                "keep.bak",
                "ln/.gitignore",
                "ln/a.txt",
                "rules",
                "sub/.gitignore",
                "sub/keep.log"
            ]
        );
    }

    /// `core.ignorecase` makes patterns match whatever the case, as in git.
    #[test]
    fn ignorecase_makes_patterns_case_insensitive() {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let repo = init(root, false);
        write(root, ".gitignore", b"*.log\n");
        write(root, "A.LOG", b"x");
        write(root, "b.txt", b"x");
        let (listing, _) = list_work_tree_counted(&repo, root).expect("list");
        assert_eq!(listed(&listing), [".gitignore", "A.LOG", "b.txt"]);
        repo.config()
            .expect("config")
            .set_bool("core.ignorecase", true)
            .expect("set");
        let (listing, _) = list_work_tree_counted(&repo, root).expect("list");
        assert_eq!(listed(&listing), [".gitignore", "b.txt"]);
    }

    /// A `.gitignore` in a folder whose path is longer than the system opens (2,200 deep, 4,400
    /// bytes) is read through the walk's open folder, not left out.
    #[cfg(target_os = "linux")]
    #[test]
    fn gitignore_deeper_than_a_path_is_read() {
        use std::os::fd::AsRawFd;
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path();
        let repo = init(root, false);
        let mut open = Vec::new();
        let mut at = root.to_path_buf();
        for level in 1..=2200 {
            at.push("d");
            fs::create_dir(&at).expect("mkdir");
            if level % 500 == 0 {
                let folder = fs::File::open(&at).expect("open");
                at = format!("/proc/self/fd/{}", folder.as_raw_fd()).into();
                open.push(folder);
            }
        }
        fs::write(at.join(".gitignore"), "*.log\n").expect("write");
        fs::write(at.join("notes.md"), "x").expect("write");
        fs::write(at.join("trace.log"), "x").expect("write");
        drop(open);

        let (listing, reads) = list_work_tree_counted(&repo, root).expect("list");
        let bottom = vec!["d"; 2200].join("/");
        assert_eq!(
            listed(&listing),
            [format!("{bottom}/.gitignore"), format!("{bottom}/notes.md")]
        );
        assert_eq!(reads, 1);
    }
}
