//! `os2gov fix`: the files that close gaps, planned from a checked work tree; and what `fix` and
//! `report` share: the repository root they write in, the paths they name, the clean work tree
//! they ask for. The face shows the plan and writes it.

use super::{AppError, Source};
use crate::adapters::fs::AdapterError;
use crate::adapters::git::{uncommitted_changes, WorkTreeChanges};
use crate::adapters::write::{self, WriteError};
use crate::base::model::{Bilingual, Lang, Msg};
use crate::base::paths::Scope;
use crate::engine::{self, EngineError};
use crate::fix::{Facts, Planned};
use crate::msg;
use crate::rules;
use std::path::{Path, PathBuf};

/// Why `fix` or `report` planned or wrote nothing.
#[derive(Debug, thiserror::Error)]
pub enum FixError {
    #[error(transparent)]
    Check(#[from] AppError),
    #[error(transparent)]
    Local(#[from] AdapterError),
    #[error(transparent)]
    Engine(#[from] EngineError),
    #[error(transparent)]
    Write(#[from] WriteError),
    #[error(transparent)]
    Report(#[from] crate::render::report_writer::WriteError),
    #[error("{}", self.msg().en)]
    UnknownOnly(String),
    #[error("{}", self.msg().en)]
    NotUtf8 {
        path: PathBuf,
        #[source]
        source: std::string::FromUtf8Error,
    },
    #[error("{}", self.msg().en)]
    Bare(PathBuf),
    #[error("{}", self.msg().en)]
    Dirty(Vec<String>),
}

impl Bilingual for FixError {
    fn msg(&self) -> Msg {
        match self {
            FixError::Check(e) => e.msg(),
            FixError::Local(e) => e.msg(),
            FixError::Engine(e) => e.msg(),
            FixError::Write(e) => e.msg(),
            FixError::Report(e) => e.msg(),
            FixError::UnknownOnly(id) => msg!(
                "--only: ukendt krav-id {id:?} (se `os2gov rules`)",
                "--only: unknown requirement id {id:?} (see `os2gov rules`)"
            ),
            // The decoder's own error follows in the chain (`app::errors::in_lang`).
            FixError::NotUtf8 { path, .. } => {
                let path = path.display();
                msg!(
                    "{path} er ikke gyldig UTF-8; intet blev skrevet",
                    "{path} is not valid UTF-8; nothing was written"
                )
            }
            FixError::Bare(path) => {
                let path = path.display();
                msg!(
                    "{path} er et bare repository: der er intet arbejdstræ at skrive i",
                    "{path} is a bare repository: there is no work tree to write to"
                )
            }
            FixError::Dirty(files) => {
                let files = files.join(", ");
                msg!(
                    "arbejdstræet har ikke-committede ændringer ({files}); commit eller stash dem, eller brug --allow-dirty",
                    "the work tree has uncommitted changes ({files}); commit or stash them, or pass --allow-dirty"
                )
            }
        }
    }
}

/// The repository root the files of `fix` and `report` must stay in, absolute.
pub fn repository_root(path: &Path) -> Result<PathBuf, WriteError> {
    Ok(crate::base::paths::lexical(&write::current_dir()?, path))
}

/// `target` (resolved) as a path inside the repository, for messages and the report's own name.
pub fn in_repository(root: &Path, target: &Path) -> String {
    let root = write::real_root(root);
    target
        .strip_prefix(&root)
        .unwrap_or(target)
        .to_string_lossy()
        .into_owned()
}

/// The product's name when nothing better is known: the checked folder's own name.
pub fn folder_name(path: &Path) -> String {
    std::fs::canonicalize(path)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "product".into())
}

/// Paths named in the refusal: enough to recognise the work, short enough for one line.
const DIRTY_NAMED: usize = 5;

/// Refuses to write into a work tree with uncommitted changes, so that what the tool writes can
/// be reviewed and undone on its own. A plain folder has nothing to compare with.
pub fn ensure_clean(path: &Path, allow_dirty: bool) -> Result<(), FixError> {
    if allow_dirty {
        return Ok(());
    }
    match uncommitted_changes(path, DIRTY_NAMED)? {
        WorkTreeChanges::NoRepository => Ok(()),
        WorkTreeChanges::Bare => Err(FixError::Bare(path.to_path_buf())),
        WorkTreeChanges::Paths(dirty) if dirty.is_empty() => Ok(()),
        WorkTreeChanges::Paths(dirty) => Err(FixError::Dirty(dirty)),
    }
}

/// What `os2gov fix` would write: each planned file and where it really leads.
#[derive(Debug, Clone)]
pub struct FixPlan {
    /// The report's language, for what the face says about the plan.
    pub lang: Lang,
    pub plan: Vec<Planned>,
    /// `plan`'s paths resolved inside the repository, in the same order.
    pub targets: Vec<PathBuf>,
    /// Open requirements the fix is for that no planned file addresses, with what the check
    /// found: what is left to do by hand.
    pub left: Vec<(String, String)>,
}

/// Checks the work tree at `path` (offline) and plans the files that close its gaps, only those
/// for the requirements in `only` when given ("config" for os2gov.toml).
pub fn plan_fix(
    path: &Path,
    engine: &engine::Options,
    only: Option<&[String]>,
    now: i64,
) -> Result<FixPlan, FixError> {
    let source = Source::Local {
        path: path.to_path_buf(),
        rev: None,
    };
    let checked = super::check(&source, None, engine, now)?;
    let (snapshot, report) = (&checked.snapshot, &checked.report);
    if let Some(id) = only
        .into_iter()
        .flatten()
        .find(|id| !id.eq_ignore_ascii_case("config") && rules::find(id).is_none())
    {
        return Err(FixError::UnknownOnly(id.clone()));
    }
    let facts = Facts::from(snapshot, report, &folder_name(path));
    let plan = crate::fix::plan(snapshot, report, &facts, report.lang, only);
    let left = crate::fix::left_by_hand(report, &plan, only)
        .into_iter()
        .map(|f| (f.id.clone(), f.message.clone()))
        .collect();
    if plan.is_empty() {
        return Ok(FixPlan {
            lang: report.lang,
            plan,
            targets: Vec::new(),
            left,
        });
    }
    // Every planned path is judged before anything is shown or written: a scaffold path through
    // a symlinked folder must not leave the repository.
    let root = repository_root(path)?;
    let scope = Scope::Repository(root.clone());
    let targets = plan
        .iter()
        .map(|p| write::resolve(&scope, &root, Path::new(&p.path)))
        .collect::<Result<Vec<PathBuf>, _>>()?;
    Ok(FixPlan {
        lang: report.lang,
        plan,
        targets,
        left,
    })
}
