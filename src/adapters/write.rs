//! The file-system half of [`crate::base::paths`]: asks the disk where a path really leads (symlinked
//! folders and files resolved), applies the one rule, and writes atomically — a temporary file in
//! the same folder, then a rename — so that a failure never leaves a half-written file behind.

use crate::base::model::{Bilingual, Msg};
use crate::base::paths::{self, PathError, Scope, Target};
use crate::base::text::io_error_msg;
use crate::msg;
use std::io::{self, Write as _};
use std::path::{Path, PathBuf};

/// Why a file was not written. Every message is one line and says that nothing was written;
/// `Display` is the English, [`Bilingual`] gives both languages.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    #[error(transparent)]
    Refused(#[from] PathError),
    #[error("{}", self.msg().en)]
    Folder(PathBuf),
    #[error("{}", self.msg().en)]
    Io { path: PathBuf, source: io::Error },
}

impl Bilingual for WriteError {
    fn msg(&self) -> Msg {
        match self {
            WriteError::Refused(e) => e.msg(),
            WriteError::Folder(path) => {
                let path = path.display();
                msg!(
                    "{path} findes som en mappe; intet blev skrevet",
                    "{path} exists as a folder; nothing was written"
                )
            }
            WriteError::Io { path, source } => {
                let path = path.display();
                let why = io_error_msg(source);
                let (da, en) = (&why.da, &why.en);
                msg!(
                    "kan ikke skrive {path}: {da}; intet blev skrevet",
                    "cannot write {path}: {en}; nothing was written"
                )
            }
        }
    }
}

fn io_error(path: &Path) -> impl FnOnce(io::Error) -> WriteError + '_ {
    move |source| WriteError::Io {
        path: path.to_path_buf(),
        source,
    }
}

/// The current folder, against which typed paths are resolved.
pub fn current_dir() -> Result<PathBuf, WriteError> {
    std::env::current_dir().map_err(io_error(Path::new(".")))
}

/// `path` with every symlink resolved, or as it is when it cannot be (it does not exist): the
/// form in which roots are compared.
pub fn real_root(path: &Path) -> PathBuf {
    let absolute = std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf());
    std::fs::canonicalize(&absolute).unwrap_or_else(|_| paths::lexical(Path::new("/"), &absolute))
}

/// Where `lexical` (absolute, no `.`/`..`) really leads: its deepest existing ancestor with
/// symlinks resolved, plus the part that does not exist yet. A symlink at the end is followed,
/// also one to a file that does not exist yet, so that the file it points to is the one judged
/// (and written).
fn real_location(lexical: &Path) -> Result<PathBuf, WriteError> {
    let mut path = lexical.to_path_buf();
    // As many links as the operating system follows before it gives up (Linux: 40).
    for _ in 0..40 {
        let mut existing = path.clone();
        let mut missing: Vec<std::ffi::OsString> = Vec::new();
        while std::fs::symlink_metadata(&existing).is_err() {
            match existing.file_name() {
                Some(name) => missing.push(name.to_os_string()),
                None => break,
            }
            if !existing.pop() {
                break;
            }
        }
        match std::fs::canonicalize(&existing) {
            Ok(mut real) => {
                // What exists is resolved; what follows does not exist, so holds no link.
                for name in missing.iter().rev() {
                    real.push(name);
                }
                return Ok(real);
            }
            Err(error) => {
                // A symlink to nothing: start again from where it points.
                let (Ok(link), Some(parent)) = (std::fs::read_link(&existing), existing.parent())
                else {
                    return Err(io_error(lexical)(error));
                };
                let parent = std::fs::canonicalize(parent).map_err(io_error(lexical))?;
                path = paths::lexical(&parent, &link);
                for name in missing.iter().rev() {
                    path.push(name);
                }
            }
        }
    }
    Err(io_error(lexical)(io::Error::other(
        "too many levels of symbolic links",
    )))
}

/// Resolves `requested` against `base` (absolute: the current folder for a typed path, the
/// repository root for one the tool chose) and returns where to write, or why not.
pub fn resolve(scope: &Scope, base: &Path, requested: &Path) -> Result<PathBuf, WriteError> {
    let target = Target::new(base, requested)?;
    let real = real_location(&target.lexical)?;
    let scope = match scope {
        Scope::Repository(root) => Scope::Repository(real_root(root)),
        Scope::Output(roots) => Scope::Output(roots.iter().map(|r| real_root(r)).collect()),
    };
    paths::decide(&scope, &target, &real)?;
    if real.is_dir() {
        return Err(WriteError::Folder(target.requested));
    }
    Ok(real)
}

/// Writes `bytes` to a new temporary file next to `path`; never follows or reuses an existing
/// file of that name (`create_new`), so a planted symlink cannot redirect the write.
fn stage(path: &Path, bytes: &[u8]) -> Result<PathBuf, WriteError> {
    let dir = path.parent().unwrap_or(Path::new("/"));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "os2gov".into());
    let mut last = None;
    for attempt in 0..16u32 {
        let tmp = dir.join(format!(
            ".{name}.os2gov-tmp{}-{attempt}",
            std::process::id()
        ));
        match std::fs::OpenOptions::new()
            .write(true)
            .create_new(true)
            .open(&tmp)
        {
            Ok(mut file) => {
                let written = file.write_all(bytes).and_then(|()| file.sync_all());
                return match written {
                    Ok(()) => Ok(tmp),
                    Err(source) => {
                        let _ = std::fs::remove_file(&tmp);
                        Err(WriteError::Io {
                            path: path.to_path_buf(),
                            source,
                        })
                    }
                };
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = Some(e),
            Err(source) => {
                return Err(WriteError::Io {
                    path: path.to_path_buf(),
                    source,
                })
            }
        }
    }
    Err(WriteError::Io {
        path: path.to_path_buf(),
        source: last.unwrap_or_else(|| io::Error::other("no free temporary name")),
    })
}

/// Writes one file (already [`resolve`]d) through a temporary file and a rename.
pub fn write_atomically(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    write_all_or_nothing(&[(path.to_path_buf(), bytes)], false)
}

/// Writes every file (already [`resolve`]d) or none: all contents go to temporary files first,
/// and only when all of them are written are they renamed into place. `create_dirs` creates
/// missing folders (inside the checked location: [`resolve`] judged the path they complete).
pub fn write_all_or_nothing(
    files: &[(PathBuf, &[u8])],
    create_dirs: bool,
) -> Result<(), WriteError> {
    for (path, _) in files {
        if path.is_dir() {
            return Err(WriteError::Folder(path.clone()));
        }
    }
    let mut staged: Vec<(PathBuf, &Path)> = Vec::new();
    let cleanup = |staged: &[(PathBuf, &Path)]| {
        for (tmp, _) in staged {
            let _ = std::fs::remove_file(tmp);
        }
    };
    for (path, bytes) in files {
        let result = (|| {
            if create_dirs {
                if let Some(dir) = path.parent() {
                    std::fs::create_dir_all(dir).map_err(io_error(path))?;
                }
            }
            stage(path, bytes)
        })();
        match result {
            Ok(tmp) => staged.push((tmp, path)),
            Err(e) => {
                cleanup(&staged);
                return Err(e);
            }
        }
    }
    for (tmp, path) in &staged {
        if let Err(source) = std::fs::rename(tmp, path) {
            cleanup(&staged);
            return Err(WriteError::Io {
                path: path.to_path_buf(),
                source,
            });
        }
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_symlinked_folder_out_of_the_root_is_refused() {
        let outside = tempfile::tempdir().expect("tempdir");
        let root = tempfile::tempdir().expect("tempdir");
        std::os::unix::fs::symlink(outside.path(), root.path().join("docs")).expect("link");
        let scope = Scope::Repository(root.path().to_path_buf());
        let err = resolve(&scope, root.path(), Path::new("docs/r.md")).expect_err("refused");
        assert!(matches!(
            err,
            WriteError::Refused(PathError::ThroughSymlink { .. })
        ));
        // A symlinked file pointing out of the root, too.
        std::os::unix::fs::symlink(outside.path().join("x.md"), root.path().join("x.md"))
            .expect("link");
        assert!(resolve(&scope, root.path(), Path::new("x.md")).is_err());
        // Inside, a symlinked file is followed: the file it points to is written.
        std::fs::write(root.path().join("real.md"), "a").expect("write");
        std::os::unix::fs::symlink("real.md", root.path().join("link.md")).expect("link");
        let real = resolve(&scope, root.path(), Path::new("link.md")).expect("inside");
        assert_eq!(real, real_root(&root.path().join("real.md")));
        write_atomically(&real, b"b").expect("write");
        assert_eq!(
            std::fs::read_to_string(root.path().join("link.md")).expect("read"),
            "b"
        );
        assert!(std::fs::symlink_metadata(root.path().join("link.md"))
            .expect("meta")
            .file_type()
            .is_symlink());
        assert_eq!(std::fs::read_dir(outside.path()).expect("dir").count(), 0);
    }

    #[test]
    fn a_planted_temporary_symlink_is_not_followed() {
        let outside = tempfile::tempdir().expect("tempdir");
        let root = tempfile::tempdir().expect("tempdir");
        let victim = outside.path().join("victim");
        std::fs::write(&victim, "keep").expect("write");
        let planted = root
            .path()
            .join(format!(".r.md.os2gov-tmp{}-0", std::process::id()));
        std::os::unix::fs::symlink(&victim, planted).expect("link");
        write_atomically(&root.path().join("r.md"), b"new").expect("write");
        assert_eq!(std::fs::read_to_string(&victim).expect("read"), "keep");
        assert_eq!(
            std::fs::read_to_string(root.path().join("r.md")).expect("read"),
            "new"
        );
    }
}
