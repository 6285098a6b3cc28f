//! `os2gov fix`: the files that close gaps, from OS2's templates; and what `fix` and `report`
//! share: the repository root they write in, the clean work tree they ask for, the diff of a
//! dry run.

use crate::args::FixArgs;
use crate::{now, print_out, read_config};
use anyhow::{Context, Result};
use os2gov::adapters::write;
use os2gov::base::model::Lang;
use os2gov::base::paths::Scope;
use os2gov::engine::{self, Options};
use os2gov::rules;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

/// The repository root the files of `fix` and `report` must stay in, absolute.
pub(crate) fn repository_root(path: &Path) -> Result<PathBuf> {
    Ok(os2gov::base::paths::lexical(&write::current_dir()?, path))
}

/// `target` (resolved) as a path inside the repository, for messages and the report's own name.
pub(crate) fn in_repository(root: &Path, target: &Path) -> String {
    let root = write::real_root(root);
    target
        .strip_prefix(&root)
        .unwrap_or(target)
        .to_string_lossy()
        .into_owned()
}

/// Refuses to write into a work tree with uncommitted changes, so that what the tool writes can
/// be reviewed and undone on its own. A plain folder has nothing to compare with.
pub(crate) fn ensure_clean(path: &std::path::Path, allow_dirty: bool) -> Result<()> {
    if allow_dirty {
        return Ok(());
    }
    let Ok(repo) = git2::Repository::discover(path) else {
        return Ok(());
    };
    if repo.is_bare() {
        anyhow::bail!(
            "{} is a bare repository: there is no work tree to write to",
            path.display()
        );
    }
    let mut options = git2::StatusOptions::new();
    options
        .include_untracked(true)
        .include_ignored(false)
        .exclude_submodules(true);
    let statuses = repo
        .statuses(Some(&mut options))
        .context("cannot read the work tree's status")?;
    let dirty: Vec<String> = statuses
        .iter()
        .filter(|s| s.status() != git2::Status::CURRENT)
        .filter_map(|s| s.path().map(str::to_string))
        .take(5)
        .collect();
    if !dirty.is_empty() {
        anyhow::bail!(
            "the work tree has uncommitted changes ({}); commit or stash them, or pass --allow-dirty",
            dirty.join(", ")
        );
    }
    Ok(())
}

pub(crate) fn unified_diff(path: &str, before: Option<&str>, after: &str) -> String {
    let old = before.unwrap_or("");
    let old_name = if before.is_some() {
        format!("a/{path}")
    } else {
        "/dev/null".to_string()
    };
    similar::TextDiff::from_lines(old, after)
        .unified_diff()
        .header(&old_name, &format!("b/{path}"))
        .to_string()
}

pub(crate) fn folder_name(path: &std::path::Path) -> String {
    std::fs::canonicalize(path)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "product".into())
}

pub(crate) fn run_fix(args: FixArgs) -> Result<ExitCode> {
    let snapshot = os2gov::adapters::git::open_snapshot(&args.path, None, now())?;
    let options = Options {
        level: args.level,
        lang: args.lang,
        config: read_config(args.config.as_ref())?,
    };
    let report = engine::check(&snapshot, &options)?;
    let lang = report.lang;
    if let Some(only) = &args.only {
        for id in only {
            if !id.eq_ignore_ascii_case("config") && rules::find(id).is_none() {
                anyhow::bail!("--only: unknown requirement id {id:?} (see `os2gov rules`)");
            }
        }
    }
    let facts = os2gov::fix::Facts::from(&snapshot, &report, &folder_name(&args.path));
    let plan = os2gov::fix::plan(&snapshot, &report, &facts, lang, args.only.as_deref());
    if plan.is_empty() {
        print_out(match lang {
            Lang::Da => "Intet at rette: ingen manglende fil eller README-afsnit kan lukke de åbne krav.\n",
            Lang::En => "Nothing to fix: no missing file or README section can close the open requirements.\n",
        });
        return Ok(ExitCode::SUCCESS);
    }
    // Every planned path is judged before anything is shown or written: a scaffold path through
    // a symlinked folder must not leave the repository.
    let root = repository_root(&args.path)?;
    let scope = Scope::Repository(root.clone());
    let targets = plan
        .iter()
        .map(|p| write::resolve(&scope, &root, Path::new(&p.path)))
        .collect::<Result<Vec<PathBuf>, _>>()?;
    if args.dry_run {
        for p in &plan {
            print_out(&unified_diff(&p.path, p.before.as_deref(), &p.after));
        }
        return Ok(ExitCode::SUCCESS);
    }
    ensure_clean(&args.path, args.allow_dirty)?;
    let files: Vec<(PathBuf, &[u8])> = targets
        .into_iter()
        .zip(&plan)
        .map(|(target, p)| (target, p.after.as_bytes()))
        .collect();
    write::write_all_or_nothing(&files, true)?;
    let mut out = String::new();
    for p in &plan {
        let verb = match (p.before.is_some(), lang) {
            (true, Lang::Da) => "ændret",
            (true, Lang::En) => "changed",
            (false, Lang::Da) => "oprettet",
            (false, Lang::En) => "created",
        };
        out.push_str(&format!(
            "{verb:<9} {}  {}\n",
            p.path,
            p.requirements.join(", ")
        ));
    }
    out.push_str(match lang {
        Lang::Da => {
            "Udfyld alle TODO(os2gov)-pladsholdere; indtil da tæller filerne ikke som opfyldt.\n"
        }
        Lang::En => {
            "Fill in every TODO(os2gov) placeholder; until then the files do not count as met.\n"
        }
    });
    print_out(&out);
    Ok(ExitCode::SUCCESS)
}
