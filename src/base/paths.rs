//! Where os2gov may write: one rule for every writer (`fix`, `report`, `--output`, the Action's
//! files), decided on paths alone so that it is the same everywhere and testable without a disk.
//! [`crate::adapters::write`] asks the file system what the path really is (symlinks) and writes.
//!
//! The rule:
//! - A path typed on the command line (`--output`, `--out`, `--self-assessment`) or given as an
//!   Action input is resolved against the current folder (the Action: the workspace), as a shell
//!   user expects; a path the tool chose itself (the files `fix` creates, the governance report
//!   it finds) is resolved against the repository root.
//! - [`Scope::Repository`]: the file must end up inside the repository root, whoever named it
//!   (`fix`, `report`): the tool writes governance files into the repository, nowhere else.
//! - [`Scope::Output`]: a relative path must stay inside one of the allowed folders (the current
//!   folder, or the repository being checked); an absolute path is the user's explicit choice and
//!   may point anywhere.
//! - In both, `..` that leaves the allowed folder, and a symlinked folder (or a symlinked file)
//!   whose real location is outside it, are refused; nothing is written then.

use crate::base::model::{Bilingual, Msg};
use crate::msg;
use std::path::{Component, Path, PathBuf};

/// Which folders a write may land in.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Only inside this root (absolute), for relative and absolute paths alike.
    Repository(PathBuf),
    /// A relative path only inside one of these folders (absolute); an absolute path anywhere.
    Output(Vec<PathBuf>),
}

/// A write the rule refuses. Every message is one line and names the path; `Display` is the
/// English, [`Bilingual`] gives both languages.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PathError {
    #[error("{}", self.msg().en)]
    Outside { path: String, root: String },
    #[error("{}", self.msg().en)]
    ThroughSymlink {
        path: String,
        real: String,
        root: String,
    },
    #[error("{}", self.msg().en)]
    NotAFile { path: String },
}

impl Bilingual for PathError {
    fn msg(&self) -> Msg {
        match self {
            PathError::Outside { path, root } => msg!(
                "{path} ligger uden for {root}; intet blev skrevet",
                "{path} is outside {root}; nothing was written"
            ),
            PathError::ThroughSymlink { path, real, root } => msg!(
                "{path} fører via et symbolsk link til {real} uden for {root}; intet blev skrevet",
                "{path} leads through a symlink to {real}, outside {root}; nothing was written"
            ),
            PathError::NotAFile { path } => msg!(
                "{path} er ikke et filnavn; intet blev skrevet",
                "{path} is not a file name; nothing was written"
            ),
        }
    }
}

/// `path` made absolute against `base` (itself absolute), with `.` and `..` resolved on the
/// components alone; `..` at the root stays at the root, as the operating system does.
pub fn lexical(base: &Path, path: &Path) -> PathBuf {
    let joined = if path.is_absolute() {
        path.to_path_buf()
    } else {
        base.join(path)
    };
    let mut out = PathBuf::new();
    for component in joined.components() {
        match component {
            Component::CurDir => {}
            Component::ParentDir => {
                // `pop` refuses to remove the root itself.
                out.pop();
            }
            other => out.push(other.as_os_str()),
        }
    }
    out
}

/// True when `path` is `root` or lies below it, compared component by component (so `/repo2`
/// is not inside `/repo`). Both are expected to be absolute and free of `.` and `..`.
pub fn is_inside(root: &Path, path: &Path) -> bool {
    path.starts_with(root)
}

/// A requested write, before the file system has been asked where it really leads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Target {
    /// What the user or the tool named, for messages.
    pub requested: PathBuf,
    /// `requested` made absolute against its base, `.` and `..` resolved lexically.
    pub lexical: PathBuf,
}

impl Target {
    /// `requested` resolved against `base` (absolute): the current folder for a typed path, the
    /// repository root for a path the tool chose.
    pub fn new(base: &Path, requested: &Path) -> Result<Target, PathError> {
        let lexical = lexical(base, requested);
        // A path that names a folder (`.`, `..`, `/`, `dir/`) has no file to write.
        let names_file = requested
            .components()
            .next_back()
            .is_some_and(|c| matches!(c, Component::Normal(_)))
            && !requested.as_os_str().to_string_lossy().ends_with('/');
        if !names_file || lexical.file_name().is_none() {
            return Err(PathError::NotAFile {
                path: requested.display().to_string(),
            });
        }
        Ok(Target {
            requested: requested.to_path_buf(),
            lexical,
        })
    }
}

/// Decides a write: `real` is where the file system says `target` leads (its existing folders
/// and a symlinked file resolved). `scope`'s roots are expected in the same resolved form.
pub fn decide(scope: &Scope, target: &Target, real: &Path) -> Result<(), PathError> {
    let roots: &[PathBuf] = match scope {
        Scope::Repository(root) => std::slice::from_ref(root),
        Scope::Output(_) if target.requested.is_absolute() => return Ok(()),
        Scope::Output(roots) => roots,
    };
    let shown = || target.requested.display().to_string();
    let root_text = || {
        roots
            .iter()
            .map(|r| r.display().to_string())
            .collect::<Vec<_>>()
            .join(" | ")
    };
    if roots.iter().any(|root| is_inside(root, real)) {
        return Ok(());
    }
    if roots.iter().any(|root| is_inside(root, &target.lexical)) {
        return Err(PathError::ThroughSymlink {
            path: shown(),
            real: real.display().to_string(),
            root: root_text(),
        });
    }
    Err(PathError::Outside {
        path: shown(),
        root: root_text(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> PathBuf {
        PathBuf::from(s)
    }

    #[test]
    fn lexical_resolves_dots_against_the_base() {
        assert_eq!(lexical(&p("/r"), &p("a/./b/../c")), p("/r/a/c"));
        assert_eq!(lexical(&p("/r"), &p("../x")), p("/x"));
        assert_eq!(lexical(&p("/r"), &p("../../../x")), p("/x"));
        assert_eq!(lexical(&p("/r"), &p("/abs/./y")), p("/abs/y"));
        // The defect of `report` run inside the repository: "." joined, then written under "/".
        assert_eq!(
            lexical(&p("/home/u/repo"), &p("./Demo_governance_report.md")),
            p("/home/u/repo/Demo_governance_report.md")
        );
    }

    #[test]
    fn inside_compares_components() {
        assert!(is_inside(&p("/repo"), &p("/repo/a.md")));
        assert!(is_inside(&p("/repo"), &p("/repo")));
        assert!(!is_inside(&p("/repo"), &p("/repo2/a.md")));
        assert!(!is_inside(&p("/repo"), &p("/a.md")));
    }

    fn target(base: &str, requested: &str) -> Target {
        Target::new(&p(base), &p(requested)).expect("a file name")
    }

    #[test]
    fn repository_scope_refuses_everything_outside_the_root() {
        let scope = Scope::Repository(p("/repo"));
        let t = target("/repo", "docs/r.md");
        assert_eq!(decide(&scope, &t, &t.lexical), Ok(()));
        let up = target("/repo", "../r.md");
        assert!(matches!(
            decide(&scope, &up, &up.lexical),
            Err(PathError::Outside { .. })
        ));
        // Absolute paths are no exception for the repository's own files.
        let abs = target("/repo", "/tmp/r.md");
        assert!(matches!(
            decide(&scope, &abs, &abs.lexical),
            Err(PathError::Outside { .. })
        ));
        let inside_abs = target("/elsewhere", "/repo/r.md");
        assert_eq!(decide(&scope, &inside_abs, &inside_abs.lexical), Ok(()));
        // A folder inside that is a symlink to somewhere else.
        let linked = target("/repo", "docs/r.md");
        let err = decide(&scope, &linked, &p("/etc/r.md")).expect_err("refused");
        assert!(matches!(err, PathError::ThroughSymlink { .. }));
        assert!(err.to_string().contains("symlink"), "{err}");
        assert!(err.msg().da.contains("symbolsk link"), "{err}");
        assert!(!err.to_string().contains("symbolsk"), "English only: {err}");
    }

    #[test]
    fn output_scope_allows_typed_absolute_paths_only() {
        let scope = Scope::Output(vec![p("/cwd"), p("/repo")]);
        let rel = target("/cwd", "out/report.json");
        assert_eq!(decide(&scope, &rel, &rel.lexical), Ok(()));
        let into_repo = target("/cwd", "../repo/report.json");
        assert_eq!(decide(&scope, &into_repo, &into_repo.lexical), Ok(()));
        let escape = target("/cwd", "../report.json");
        let err = decide(&scope, &escape, &escape.lexical).expect_err("refused");
        assert_eq!(
            err.to_string(),
            "../report.json is outside /cwd | /repo; nothing was written"
        );
        assert_eq!(
            err.msg(),
            Msg::new(
                "../report.json ligger uden for /cwd | /repo; intet blev skrevet",
                "../report.json is outside /cwd | /repo; nothing was written"
            )
        );
        let abs = target("/cwd", "/tmp/report.json");
        assert_eq!(decide(&scope, &abs, &p("/private/tmp/report.json")), Ok(()));
        let linked = target("/cwd", "link/report.json");
        assert!(matches!(
            decide(&scope, &linked, &p("/etc/report.json")),
            Err(PathError::ThroughSymlink { .. })
        ));
    }

    #[test]
    fn folder_names_are_not_files() {
        for bad in [".", "..", "/", "dir/", "a/.."] {
            assert!(
                matches!(
                    Target::new(&p("/cwd"), &p(bad)),
                    Err(PathError::NotAFile { .. })
                ),
                "{bad}"
            );
        }
        assert!(Target::new(&p("/cwd"), &p("")).is_err());
    }
}
