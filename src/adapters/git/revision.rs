//! A revision's tree, read from git objects: every path, and the wanted blobs.

use super::*;
use crate::adapters::fs::{absolute_roots, resolve_symlink, AdapterError, Node, Resolved};
use crate::base::model::{Content, FileEntry, SnapshotStats, MAX_FILE_SIZE};
use crate::evidence::wants_content;
use git2::{Commit, ErrorCode, ObjectType, Odb, Oid, Repository, Tree};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

/// Every path of the commit's tree, with the wanted blobs read from the object database.
pub(super) fn commit_files(
    repo: &Repository,
    commit: &Commit<'_>,
    stats: &mut SnapshotStats,
) -> Result<BTreeMap<String, FileEntry>, AdapterError> {
    let tree = commit
        .tree()
        .map_err(|e| git_error(cannot_read_tree(commit), &e))?;
    let odb = repo.odb().map_err(|e| {
        git_error(
            msg!(
                "kan ikke åbne objektdatabasen",
                "cannot open the object database"
            ),
            &e,
        )
    })?;
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
                .map_err(|e| git_error(cannot_read_folder(&path), &e))?;
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
pub(super) fn load_blob(
    repo: &Repository,
    odb: &Odb<'_>,
    path: &str,
    id: Oid,
    stats: &mut SnapshotStats,
) -> Result<FileEntry, AdapterError> {
    let cannot = |e: git2::Error| {
        git_error(
            msg!("kan ikke læse {path} ({id})", "cannot read {path} ({id})"),
            &e,
        )
    };
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
pub(super) fn symlink_target(repo: &Repository, id: Oid) -> Result<String, String> {
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

pub(super) fn load_tree_symlink(
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
                .map_err(|e| {
                    git_error(
                        msg!("kan ikke finde {resolved}", "cannot find {resolved}"),
                        &e,
                    )
                })?
                .id();
            let mut entry = load_blob(repo, odb, &resolved, id, stats)?;
            entry.symlink_to = Some(resolved);
            Ok(entry)
        }
        other => Ok(FileEntry::with_content(other.into_content())),
    }
}

/// What the commit's tree holds at `path`.
pub(super) fn tree_node(
    repo: &Repository,
    tree: &Tree<'_>,
    path: &str,
) -> Result<Node, AdapterError> {
    let entry = match tree.get_path(Path::new(path)) {
        Ok(entry) => entry,
        Err(e) if e.code() == ErrorCode::NotFound => return Ok(Node::Missing),
        Err(e) => {
            return Err(git_error(
                msg!("kan ikke slå {path} op", "cannot look up {path}"),
                &e,
            ))
        }
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
