//! Plain folders (no git), plus the disk helpers the git adapter's work-tree mode shares: the
//! directory walk, symlink resolution that never leaves the root, and size-checked reads.
//!
//! Only paths for which [`wants_content`] is true are read; every other path is listed with
//! [`Content::NotLoaded`], which is what keeps a 100,000-file folder cheap: the walk reads
//! directories only (`readdir` reports each entry's type without a `stat` per file).

use crate::base::model::{
    Bilingual, Content, FileEntry, Msg, Snapshot, SnapshotStats, MAX_FILE_SIZE,
};
use crate::base::text::io_error_msg;
use crate::evidence::wants_content;
use crate::msg;
use std::collections::{BTreeMap, VecDeque};
use std::fs::File;
use std::io::{self, Read};
use std::path::{Component, Path, PathBuf};
use std::rc::Rc;

/// Why an adapter could not produce a snapshot. Every message is one line and names the path or
/// revision at fault. It says itself in both languages ([`Bilingual`]); `Display` is the English.
#[derive(Debug)]
pub enum AdapterError {
    NotFound(PathBuf),
    NotADirectory(PathBuf),
    Io {
        path: PathBuf,
        source: io::Error,
    },
    NotARepository(PathBuf),
    RevWithoutRepository {
        path: PathBuf,
        rev: String,
    },
    /// `message` is libgit2's text (the same in both languages) or our own reason.
    BadRevision {
        rev: String,
        message: Msg,
    },
    /// What we were doing, in both languages, and libgit2's (or the ignore parser's) own
    /// message, which only exists in English.
    Git {
        context: Msg,
        detail: String,
    },
}

impl AdapterError {
    pub(crate) fn io(path: &Path, source: io::Error) -> AdapterError {
        AdapterError::Io {
            path: path.to_path_buf(),
            source,
        }
    }
}

impl Bilingual for AdapterError {
    fn msg(&self) -> Msg {
        match self {
            AdapterError::NotFound(path) => {
                let path = path.display();
                msg!("stien findes ikke: {path}", "path not found: {path}")
            }
            AdapterError::NotADirectory(path) => {
                let path = path.display();
                msg!("ikke en mappe: {path}", "not a directory: {path}")
            }
            AdapterError::Io { path, source } => {
                let (path, reason) = (path.display(), io_error_msg(source).da);
                msg!(
                    "kan ikke læse {path}: {reason}",
                    "cannot read {path}: {source}"
                )
            }
            AdapterError::NotARepository(path) => {
                let path = path.display();
                msg!(
                    "ikke et git-repository: {path}",
                    "not a git repository: {path}"
                )
            }
            AdapterError::RevWithoutRepository { path, rev } => {
                let path = path.display();
                msg!(
                    "--rev {rev} kræver et git-repository, men {path} er en almindelig mappe",
                    "--rev {rev} needs a git repository, but {path} is a plain folder"
                )
            }
            AdapterError::BadRevision { rev, message } => {
                let Msg { da, en } = message;
                msg!(
                    "ugyldig revision '{rev}': {da}",
                    "bad revision '{rev}': {en}"
                )
            }
            AdapterError::Git { context, detail } => {
                let Msg { da, en } = context;
                msg!("git: {da}: {detail}", "git: {en}: {detail}")
            }
        }
    }
}

impl std::fmt::Display for AdapterError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(&self.msg().en)
    }
}

impl std::error::Error for AdapterError {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        match self {
            AdapterError::Io { source, .. } => Some(source),
            _ => None,
        }
    }
}

/// Symlink hops followed before a chain counts as a loop.
pub(crate) const MAX_SYMLINK_HOPS: usize = 8;

/// Lists every file under `root` (`.git` left out, symlinks not followed) and reads the ones the
/// engine wants. A plain folder has no history.
pub fn snapshot_folder(root: &Path, now: i64) -> Result<Snapshot, AdapterError> {
    check_dir(root)?;
    let listing = walk(root, &mut |_, kind, _| {
        Ok(match kind {
            EntryKind::Dir => Visit::Descend,
            EntryKind::File | EntryKind::Symlink => Visit::List,
            EntryKind::Other => Visit::Skip,
        })
    })?;
    let mut stats = SnapshotStats::default();
    let files = load_listing(root, listing, &mut stats)?;
    stats.paths_listed = files.len();
    Ok(Snapshot {
        files,
        history: None,
        now,
        stats,
        ..Snapshot::default()
    })
}

/// `NotFound` / `NotADirectory` / `Io` for a root that cannot be a folder to check.
pub(crate) fn check_dir(root: &Path) -> Result<(), AdapterError> {
    match std::fs::metadata(root) {
        Ok(meta) if meta.is_dir() => Ok(()),
        Ok(_) => Err(AdapterError::NotADirectory(root.to_path_buf())),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            Err(AdapterError::NotFound(root.to_path_buf()))
        }
        Err(e) => Err(AdapterError::io(root, e)),
    }
}

/// The type of a directory entry as `readdir` reports it (never followed).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum EntryKind {
    File,
    Symlink,
    Dir,
    /// FIFOs, sockets, devices: never listed by git either.
    Other,
}

/// What the walk does with an entry.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Visit {
    /// Put the path in the listing (files, symlinks, and submodule folders).
    List,
    /// Go into the folder.
    Descend,
    Skip,
}

/// A path found by [`walk`].
#[derive(Debug)]
pub(crate) struct Listed {
    /// Relative to the root, forward slashes; lossy when the name is not UTF-8.
    pub rel: String,
    pub kind: EntryKind,
    /// The real path, kept only when `rel` was decoded lossily and cannot be joined back, or when
    /// the path is too long to open and the file is reached from an open folder.
    pub real: Option<PathBuf>,
    /// The open folder `real` starts from (`/proc/self/fd/N/…`), kept open until it is read.
    pub _anchor: Option<Rc<File>>,
    /// Why the folder at `rel` could not be entered, for a folder whose path is too long to open
    /// where no open folder can stand in for it: reported as unreadable, not left out.
    pub unreadable: Option<String>,
}

/// Folders whose path is longer than this are opened and reached from the open folder
/// (`/proc/self/fd/N/…`) rather than from the root: the system refuses a path of more than
/// 4,096 bytes, and a folder 5,000 deep has a longer one (`git status` reads it). Each long path
/// holds one open file per this many bytes.
const ANCHOR_AFTER: usize = 1024;

/// A folder being walked.
struct Open {
    entries: std::vec::IntoIter<Item>,
    /// How to reach the folder: from the root, or from an anchor.
    dir: PathBuf,
    /// The length of the folder's relative path in the walk's path buffer.
    rel_len: usize,
    lossy: bool,
    /// The open folder `dir` starts from, if any.
    anchor: Option<Rc<File>>,
}

/// Walks `root` depth-first without following symlinks, skipping every `.git` entry, and asks
/// `visit` what to do with each entry: its relative path, its kind, and a path that opens the
/// folder it is in (for a reader of that folder's `.gitignore`). Each folder is read whole and
/// sorted (a folder sorting as `name/`), so the listing comes out in path order and the
/// snapshot's map is built in one pass.
/// Memory and system calls stay linear in the depth: one relative path is kept for the whole
/// stack, and a long path is reached from an open folder near its end.
pub(crate) fn walk(
    root: &Path,
    visit: &mut dyn FnMut(&str, EntryKind, &Path) -> Result<Visit, AdapterError>,
) -> Result<Vec<Listed>, AdapterError> {
    let mut listing = Vec::new();
    // The relative path of the entry at hand; each folder on the stack knows its own length.
    let mut rel = String::new();
    let mut stack = vec![Open {
        entries: read_sorted(root)?.into_iter(),
        dir: root.to_path_buf(),
        rel_len: 0,
        lossy: false,
        anchor: None,
    }];
    while let Some(top) = stack.last_mut() {
        let Some(item) = top.entries.next() else {
            stack.pop();
            continue;
        };
        let name = item.key.strip_suffix('/').unwrap_or(&item.key);
        rel.truncate(top.rel_len);
        if !rel.is_empty() {
            rel.push('/');
        }
        rel.push_str(name);
        let lossy = top.lossy || item.os_name.is_some();
        let dir = &top.dir;
        let real = || match &item.os_name {
            Some(os_name) => dir.join(os_name),
            None => dir.join(name),
        };
        match visit(&rel, item.kind, dir)? {
            Visit::List => {
                // Under an anchor, a file the engine reads keeps it open until then.
                let anchored =
                    top.anchor.is_some() && item.kind != EntryKind::Dir && wants_content(&rel);
                listing.push(Listed {
                    real: (lossy || anchored).then(real),
                    _anchor: if anchored { top.anchor.clone() } else { None },
                    rel: rel.clone(),
                    kind: item.kind,
                    unreadable: None,
                });
            }
            Visit::Descend if item.kind == EntryKind::Dir => {
                let mut path = real();
                let mut anchor = top.anchor.clone();
                if path.as_os_str().len() > ANCHOR_AFTER {
                    match open_anchor(&path) {
                        Ok((via, file)) => {
                            path = via;
                            anchor = Some(file);
                        }
                        Err(reason) => {
                            listing.push(unreadable_folder(&rel, reason));
                            continue;
                        }
                    }
                }
                match read_sorted(&path) {
                    Ok(entries) => stack.push(Open {
                        entries: entries.into_iter(),
                        dir: path,
                        rel_len: rel.len(),
                        lossy,
                        anchor,
                    }),
                    Err(e) => return Err(e),
                }
            }
            Visit::Descend | Visit::Skip => {}
        }
    }
    Ok(listing)
}

fn unreadable_folder(rel: &str, reason: String) -> Listed {
    Listed {
        rel: rel.to_string(),
        kind: EntryKind::Dir,
        real: None,
        _anchor: None,
        unreadable: Some(reason),
    }
}

/// Opens the folder at `path` and names it by its open file, `/proc/self/fd/N`.
#[cfg(target_os = "linux")]
fn open_anchor(path: &Path) -> Result<(PathBuf, Rc<File>), String> {
    use std::os::fd::AsRawFd;
    let too_long = |e: io::Error| {
        format!(
            "the folder's path ({} bytes) is too long to open, and it could not be opened from \
             its parent: {e}",
            path.as_os_str().len()
        )
    };
    let file = File::open(path).map_err(too_long)?;
    let via = PathBuf::from(format!("/proc/self/fd/{}", file.as_raw_fd()));
    // Without /proc (a container that does not mount it) the name leads nowhere.
    match std::fs::metadata(&via) {
        Ok(meta) if meta.is_dir() => Ok((via, Rc::new(file))),
        Ok(_) => Err(too_long(io::Error::other(format!(
            "{} is not the folder",
            via.display()
        )))),
        Err(e) => Err(too_long(e)),
    }
}

/// Without /proc/self/fd there is no open folder to start a path from: a folder whose path is
/// too long is reported as unreadable.
#[cfg(not(target_os = "linux"))]
fn open_anchor(path: &Path) -> Result<(PathBuf, Rc<File>), String> {
    Err(format!(
        "the folder's path ({} bytes) is longer than os2gov opens on this system",
        path.as_os_str().len()
    ))
}

struct Item {
    /// The name, lossy if need be, with `/` after a folder's so that sorting gives path order.
    key: String,
    kind: EntryKind,
    /// The real name when `key` is lossy.
    os_name: Option<std::ffi::OsString>,
}

/// One folder's entries but `.git`, sorted; the type comes from `readdir`, without a `stat`.
fn read_sorted(dir: &Path) -> Result<Vec<Item>, AdapterError> {
    let mut items = Vec::new();
    for entry in std::fs::read_dir(dir).map_err(|e| AdapterError::io(dir, e))? {
        let entry = entry.map_err(|e| AdapterError::io(dir, e))?;
        let os_name = entry.file_name();
        if os_name == ".git" {
            continue;
        }
        let file_type = entry
            .file_type()
            .map_err(|e| AdapterError::io(&entry.path(), e))?;
        let kind = if file_type.is_symlink() {
            EntryKind::Symlink
        } else if file_type.is_dir() {
            EntryKind::Dir
        } else if file_type.is_file() {
            EntryKind::File
        } else {
            EntryKind::Other
        };
        let (mut key, os_name) = match os_name.into_string() {
            Ok(name) => (name, None),
            Err(os_name) => (os_name.to_string_lossy().into_owned(), Some(os_name)),
        };
        if kind == EntryKind::Dir {
            key.push('/');
        }
        items.push(Item { key, kind, os_name });
    }
    items.sort_unstable_by(|a, b| a.key.cmp(&b.key));
    Ok(items)
}

/// Turns a walk's listing into snapshot entries, reading the wanted files from disk.
pub(crate) fn load_listing(
    root: &Path,
    listing: Vec<Listed>,
    stats: &mut SnapshotStats,
) -> Result<BTreeMap<String, FileEntry>, AdapterError> {
    let roots = absolute_roots(root);
    let mut entries = Vec::with_capacity(listing.len());
    for item in listing {
        let entry = if let Some(reason) = item.unreadable {
            FileEntry::with_content(Content::Broken { reason })
        } else if item.kind != EntryKind::Dir && wants_content(&item.rel) {
            let real = item.real.unwrap_or_else(|| root.join(&item.rel));
            load_disk_entry(root, &roots, &item.rel, &real, item.kind, stats)?
        } else {
            FileEntry::not_loaded()
        };
        entries.push((item.rel, entry));
    }
    // Collecting sorts once and builds the map in bulk, cheaper than 100,000 inserts.
    Ok(entries.into_iter().collect())
}

/// The spellings under which an absolute symlink target can name the root.
pub(crate) fn absolute_roots(root: &Path) -> Vec<PathBuf> {
    let mut roots = Vec::new();
    if let Ok(abs) = std::path::absolute(root) {
        roots.push(abs);
    }
    if let Ok(canonical) = std::fs::canonicalize(root) {
        if !roots.contains(&canonical) {
            roots.push(canonical);
        }
    }
    roots
}

fn load_disk_entry(
    root: &Path,
    roots: &[PathBuf],
    rel: &str,
    real: &Path,
    kind: EntryKind,
    stats: &mut SnapshotStats,
) -> Result<FileEntry, AdapterError> {
    if kind != EntryKind::Symlink {
        return read_disk_file(real, stats);
    }
    let target = match std::fs::read_link(real) {
        Ok(target) => target,
        Err(e) => {
            return Ok(FileEntry::with_content(Content::Broken {
                reason: format!("cannot read the link: {e}"),
            }))
        }
    };
    let resolved = resolve_symlink(rel, &target.to_string_lossy(), roots, &mut |path| {
        Ok(disk_node(&root.join(path)))
    })?;
    match resolved {
        Resolved::File(path) => {
            let mut entry = read_disk_file(&root.join(&path), stats)?;
            entry.symlink_to = Some(path);
            Ok(entry)
        }
        other => Ok(FileEntry::with_content(other.into_content())),
    }
}

/// What `lstat` says about a path inside the root.
fn disk_node(path: &Path) -> Node {
    match std::fs::symlink_metadata(path) {
        Ok(meta) if meta.file_type().is_symlink() => match std::fs::read_link(path) {
            Ok(target) => Node::Symlink(target.to_string_lossy().into_owned()),
            Err(e) => Node::Unreadable(e.to_string()),
        },
        Ok(meta) if meta.is_dir() => Node::Dir,
        Ok(meta) if meta.is_file() => Node::File,
        Ok(_) => Node::Other,
        Err(e)
            if matches!(
                e.kind(),
                io::ErrorKind::NotFound | io::ErrorKind::NotADirectory
            ) =>
        {
            Node::Missing
        }
        Err(e) => Node::Unreadable(e.to_string()),
    }
}

/// Reads a regular file, checking its size before reading a byte.
pub(crate) fn read_disk_file(
    path: &Path,
    stats: &mut SnapshotStats,
) -> Result<FileEntry, AdapterError> {
    let file = File::open(path).map_err(|e| AdapterError::io(path, e))?;
    let size = file
        .metadata()
        .map_err(|e| AdapterError::io(path, e))?
        .len();
    if size > MAX_FILE_SIZE {
        return Ok(FileEntry::with_content(Content::TooLarge { size }));
    }
    let mut bytes = Vec::with_capacity(size as usize);
    // One byte over the limit is enough to notice a file that grew since the size check.
    file.take(MAX_FILE_SIZE + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| AdapterError::io(path, e))?;
    stats.blobs_read += 1;
    Ok(FileEntry::from_bytes(&bytes))
}

/// One path as the tree being resolved in (disk or a git tree) knows it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Node {
    File,
    Dir,
    /// A symlink and its target as written.
    Symlink(String),
    Missing,
    /// A submodule, FIFO, socket or device.
    Other,
    Unreadable(String),
}

/// Where a symlink leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Resolved {
    /// A regular file at this repository path.
    File(String),
    /// Leaves the repository (or enters `.git`); the target as written in the link that left.
    Outside(String),
    Broken(String),
}

impl Resolved {
    pub(crate) fn into_content(self) -> Content {
        match self {
            Resolved::File(_) => Content::NotLoaded,
            Resolved::Outside(target) => Content::SymlinkOutside { target },
            Resolved::Broken(reason) => Content::Broken { reason },
        }
    }
}

/// Resolves the symlink at `link` (a repository path) with target `target`, component by
/// component the way the kernel does, but never outside the repository: `lookup` is only asked
/// about repository paths, so nothing outside is ever touched. `roots` are the absolute spellings
/// of the repository root that an absolute target may start with.
pub(crate) fn resolve_symlink(
    link: &str,
    target: &str,
    roots: &[PathBuf],
    lookup: &mut dyn FnMut(&str) -> Result<Node, AdapterError>,
) -> Result<Resolved, AdapterError> {
    let mut dir: Vec<String> = link.split('/').map(str::to_string).collect();
    dir.pop();
    let mut pending = VecDeque::new();
    if target.is_empty() {
        return Ok(Resolved::Broken("the link has an empty target".to_string()));
    }
    if !enter_target(target, roots, &mut dir, &mut pending) {
        return Ok(Resolved::Outside(target.to_string()));
    }
    let mut written = target.to_string();
    let mut hops = 1;
    while let Some(component) = pending.pop_front() {
        match component.as_str() {
            "" | "." => continue,
            ".." => {
                if dir.pop().is_none() {
                    return Ok(Resolved::Outside(written));
                }
                continue;
            }
            ".git" => return Ok(Resolved::Outside(written)),
            _ => {}
        }
        let mut candidate = dir.join("/");
        if !candidate.is_empty() {
            candidate.push('/');
        }
        candidate.push_str(&component);
        match lookup(&candidate)? {
            Node::Dir => dir.push(component),
            Node::File => {
                return Ok(if pending.iter().all(|c| c.is_empty() || c == ".") {
                    Resolved::File(candidate)
                } else {
                    Resolved::Broken(format!("{candidate} is a file, not a folder"))
                });
            }
            Node::Symlink(next) => {
                hops += 1;
                if hops > MAX_SYMLINK_HOPS {
                    return Ok(Resolved::Broken(format!(
                        "symlink loop or a chain of more than {MAX_SYMLINK_HOPS} links"
                    )));
                }
                if next.is_empty() {
                    return Ok(Resolved::Broken(format!("{candidate} has an empty target")));
                }
                if !enter_target(&next, roots, &mut dir, &mut pending) {
                    return Ok(Resolved::Outside(next));
                }
                written = next;
            }
            Node::Missing => {
                return Ok(Resolved::Broken(format!(
                    "dangling: {candidate} does not exist"
                )))
            }
            Node::Other => {
                return Ok(Resolved::Broken(format!(
                    "{candidate} is a submodule or a special file"
                )))
            }
            Node::Unreadable(reason) => {
                return Ok(Resolved::Broken(format!(
                    "cannot read {candidate}: {reason}"
                )))
            }
        }
    }
    Ok(Resolved::Broken(if dir.is_empty() {
        "points at the repository root, a folder".to_string()
    } else {
        format!("points at a folder: {}", dir.join("/"))
    }))
}

/// Puts a link target's components in front of `pending`, relative to `dir` (the link's folder).
/// An absolute target restarts from the root when it names a place inside one of `roots`; false
/// when it names a place outside.
fn enter_target(
    target: &str,
    roots: &[PathBuf],
    dir: &mut Vec<String>,
    pending: &mut VecDeque<String>,
) -> bool {
    let path = Path::new(target);
    let relative: Vec<String> = if path.has_root() {
        let Some(rest) = roots.iter().find_map(|root| path.strip_prefix(root).ok()) else {
            return false;
        };
        dir.clear();
        rest.components()
            .filter_map(|c| match c {
                Component::Normal(name) => Some(name.to_string_lossy().into_owned()),
                Component::ParentDir => Some("..".to_string()),
                _ => None,
            })
            .collect()
    } else {
        target.split('/').map(str::to_string).collect()
    };
    for component in relative.into_iter().rev() {
        pending.push_front(component);
    }
    true
}

#[cfg(test)]
pub(crate) mod tests;
