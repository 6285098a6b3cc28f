//! The work tree as on disk: the index, one walk of the folders, and git's ignore rules.

use super::*;
use crate::adapters::fs::{load_listing, walk, AdapterError, EntryKind, Listed, Visit};
use crate::base::model::{FileEntry, SnapshotStats};
use git2::{Commit, ErrorCode, ObjectType, Repository};
use ignore::gitignore::{Gitignore, GitignoreBuilder};
use ignore::Match;
use std::collections::{BTreeMap, HashMap, HashSet};
use std::path::{Path, PathBuf};

/// `git ls-files --cached --others --exclude-standard`, minus tracked files missing on disk: the
/// index says what is tracked, one walk of the folders says what exists, and git's ignore rules
/// ([`Ignores`], each `.gitignore` read once) are asked only about what is not tracked (an
/// ignored folder is skipped whole).
pub(super) fn work_tree_files(
    repo: &Repository,
    root: &Path,
    stats: &mut SnapshotStats,
) -> Result<BTreeMap<String, FileEntry>, AdapterError> {
    // The index and its maps are freed before the snapshot's map is built, when memory peaks.
    let listing = list_work_tree(repo, root)?;
    load_listing(root, listing, stats)
}

pub(super) fn list_work_tree(repo: &Repository, root: &Path) -> Result<Vec<Listed>, AdapterError> {
    list_work_tree_counted(repo, root).map(|(listing, _)| listing)
}

/// [`list_work_tree`], and how many ignore files it read.
pub(super) fn list_work_tree_counted(
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
pub(super) struct Ignores {
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
    pub(super) gitignores_read: usize,
}

pub(super) struct IgnoreFolder {
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
    pub(super) fn new(repo: &Repository, root: &Path) -> Result<Ignores, AdapterError> {
        let config = repo.config().map_err(|e| {
            git_error(
                msg!(
                    "kan ikke læse git-konfigurationen",
                    "cannot read the git configuration"
                ),
                &e,
            )
        })?;
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
                return Err(git_error(
                    msg!(
                        "kan ikke læse core.excludesFile",
                        "cannot read core.excludesFile"
                    ),
                    &e,
                ))
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
    pub(super) fn enter_parent_of(&mut self, rel: &str, dir: &Path) {
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
    pub(super) fn is_ignored(&mut self, rel: &str, is_dir: bool) -> Result<bool, AdapterError> {
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
pub(super) fn read_rules(
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
        let shown = shown.display();
        AdapterError::Git {
            context: msg!(
                "kan ikke bruge mønstrene i {shown}",
                "cannot use the patterns of {shown}"
            ),
            detail: e.to_string(),
        }
    })?;
    Ok((!rules.is_empty()).then_some(rules))
}

pub(super) fn add_with_parents<'a>(dirs: &mut HashSet<&'a str>, mut dir: &'a str) {
    while !dir.is_empty() && dirs.insert(dir) {
        dir = dir.rfind('/').map_or("", |slash| &dir[..slash]);
    }
}

/// The index's paths and modes, in one string.
#[derive(Debug, Default, PartialEq, Eq)]
pub(super) struct IndexPaths {
    arena: String,
    /// (start, end, mode): the path is `arena[start..end]`.
    entries: Vec<(usize, usize, u32)>,
}

impl IndexPaths {
    pub(super) fn push(&mut self, path: &[u8], mode: u32) {
        let start = self.arena.len();
        match std::str::from_utf8(path) {
            Ok(path) => self.arena.push_str(path),
            Err(_) => self.arena.push_str(&String::from_utf8_lossy(path)),
        }
        self.entries.push((start, self.arena.len(), mode));
    }

    pub(super) fn iter(&self) -> impl Iterator<Item = (&str, u32)> {
        self.entries
            .iter()
            .map(|&(start, end, mode)| (&self.arena[start..end], mode))
    }
}

/// Reads the index file directly. libgit2's reader checks the SHA-1 of the whole file, about
/// 45 ms for 100,000 entries, which a read-only listing does not need; an index this reader does
/// not know (a split index, another version, damage) goes to libgit2 instead.
pub(super) fn read_index(repo: &Repository) -> Result<IndexPaths, AdapterError> {
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
            None => {
                return Err(git_error(
                    msg!("kan ikke læse indekset", "cannot read the index"),
                    &e,
                ))
            }
        },
    }
    Ok(paths)
}

pub(super) fn push_tree_paths(
    repo: &Repository,
    commit: &Commit<'_>,
    paths: &mut IndexPaths,
) -> Result<(), AdapterError> {
    let tree = commit
        .tree()
        .map_err(|e| git_error(cannot_read_tree(commit), &e))?;
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
            let subtree = repo
                .find_tree(id)
                .map_err(|e| git_error(cannot_read_folder(&String::from_utf8_lossy(&path)), &e))?;
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
pub(super) fn parse_index(bytes: &[u8]) -> Option<IndexPaths> {
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
pub(super) fn varint(bytes: &[u8]) -> Option<(usize, usize)> {
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
