//! `os2gov fix`: the files that close gaps, from OS2's templates ([`os2gov::app::fix`] plans
//! them), shown as a dry run's diff or written; and the diff `report` shows too.

use crate::args::FixArgs;
use crate::{now, print_out, read_config};
use anyhow::Result;
use os2gov::adapters::write;
use os2gov::app::{self, fix::FixPlan};
use os2gov::base::model::Lang;
use os2gov::engine::Options;
use std::path::PathBuf;
use std::process::ExitCode;

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

pub(crate) fn run_fix(args: FixArgs) -> Result<ExitCode> {
    let options = Options {
        level: args.level,
        lang: args.lang,
        config: read_config(args.config.as_ref())?,
    };
    let FixPlan {
        lang,
        plan,
        targets,
        left,
    } = app::fix::plan_fix(&args.path, &options, args.only.as_deref(), now())?;
    if plan.is_empty() {
        if left.is_empty() {
            print_out(match lang {
                Lang::Da => "Intet at rette: ingen manglende fil eller README-afsnit kan lukke de åbne krav.\n",
                Lang::En => "Nothing to fix: no missing file or README section can close the open requirements.\n",
            });
        } else {
            let mut out = String::from(match lang {
                Lang::Da => "Ingen fil eller README-afsnit at skrive. Tilbage står, hvad der skal gøres i hånden:\n",
                Lang::En => "No file or README section to write. What is left is to be done by hand:\n",
            });
            for (id, message) in &left {
                out.push_str(&format!("  {id}: {message}\n"));
            }
            print_out(&out);
        }
        return Ok(ExitCode::SUCCESS);
    }
    if args.dry_run {
        for p in &plan {
            print_out(&unified_diff(&p.path, p.before.as_deref(), &p.after));
        }
        return Ok(ExitCode::SUCCESS);
    }
    app::fix::ensure_clean(&args.path, args.allow_dirty)?;
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
