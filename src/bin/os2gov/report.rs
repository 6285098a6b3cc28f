//! `os2gov report`: the repository's governance report written or updated in OS2's template
//! format, an old-format report carried over, and OS2's self-assessment JSON beside it.

use crate::args::ReportArgs;
use crate::fix::{ensure_clean, folder_name, in_repository, repository_root, unified_diff};
use crate::{now, print_out, read_config};
use anyhow::{Context, Result};
use os2gov::adapters::write;
use os2gov::base::model::Lang;
use os2gov::base::paths::Scope;
use os2gov::engine::{self, Options};
use std::path::{Path, PathBuf};
use std::process::ExitCode;

pub(crate) fn run_report(args: ReportArgs) -> Result<ExitCode> {
    let stamp = now();
    let snapshot = os2gov::adapters::git::open_snapshot(&args.path, None, stamp)?;
    let options = Options {
        level: args.level,
        lang: args.lang,
        config: read_config(args.config.as_ref())?,
    };
    let report = engine::check(&snapshot, &options)?;
    let facts = os2gov::fix::Facts::from(&snapshot, &report, &folder_name(&args.path));
    let found = engine::find_governance_report(&snapshot);
    let existing = found.as_ref().map(|r| r.path.clone());
    // A typed --out is resolved against the current folder, the report the tool found or names
    // against the repository root; either way it must stay inside the repository.
    let root = repository_root(&args.path)?;
    let scope = Scope::Repository(root.clone());
    let cwd = write::current_dir()?;
    let target = match (&args.out, &existing) {
        (Some(out), _) => write::resolve(&scope, &cwd, out)?,
        (None, Some(path)) => write::resolve(&scope, &root, Path::new(path))?,
        (None, None) => write::resolve(
            &scope,
            &root,
            Path::new(&format!(
                "{}_governance_report.md",
                facts
                    .product
                    .replace(|c: char| !c.is_alphanumeric() && c != '-', "_")
            )),
        )?,
    };
    let relative = in_repository(&root, &target);
    let before = match std::fs::read(&target) {
        Ok(bytes) => Some(String::from_utf8(bytes).with_context(|| {
            format!(
                "{} is not valid UTF-8; nothing was written",
                target.display()
            )
        })?),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(e) => return Err(anyhow::anyhow!("cannot read {}: {e}", target.display())),
    };
    // A new file beside an old-format report carries the old report's rows over.
    let old_report = found
        .filter(|r| r.format == os2gov::parse::govreport::Format::Old && r.path != relative)
        .and_then(|r| snapshot.text(&r.path).map(|text| (r.path.clone(), text)));
    let (written, migration) = match (&before, old_report) {
        (Some(text), _) => (
            os2gov::render::report_writer::update_report(&relative, text, &report)?,
            None,
        ),
        (None, Some((old_path, old_text))) => {
            let (written, migration) =
                os2gov::render::report_writer::migrate_report(&facts.product, old_text, &report);
            (written, Some((old_path, migration)))
        }
        (None, None) => (
            os2gov::render::report_writer::new_report(&facts.product, &report),
            None,
        ),
    };
    let after = written.text.clone();
    let mut files = vec![(target, after.clone())];
    if let Some(sa) = &args.self_assessment {
        let (y, m, d) = os2gov::base::model::civil_date(stamp);
        let date = format!("{y:04}-{m:02}-{d:02}");
        let secs = stamp.rem_euclid(86_400);
        let timestamp = format!(
            "{date}T{:02}:{:02}:{:02}Z",
            secs / 3600,
            secs / 60 % 60,
            secs % 60
        );
        files.push((
            write::resolve(&scope, &cwd, sa)?,
            os2gov::render::report_writer::self_assessment_json(
                &facts.product,
                &report,
                &date,
                &timestamp,
            ),
        ));
    }
    if args.dry_run {
        print_out(&unified_diff(&relative, before.as_deref(), &after));
        return Ok(ExitCode::SUCCESS);
    }
    ensure_clean(&args.path, args.allow_dirty)?;
    let bytes: Vec<(PathBuf, &[u8])> = files
        .iter()
        .map(|(path, text)| (path.clone(), text.as_bytes()))
        .collect();
    write::write_all_or_nothing(&bytes, true)?;
    let lang = report.lang;
    let mut out = match (before.is_some(), lang) {
        (true, Lang::Da) => format!("opdateret {relative}\n"),
        (true, Lang::En) => format!("updated {relative}\n"),
        (false, Lang::Da) => format!("oprettet {relative}\n"),
        (false, Lang::En) => format!("created {relative}\n"),
    };
    for c in &written.changes {
        let before = if c.before.is_empty() {
            "–"
        } else {
            c.before.as_str()
        };
        out.push_str(&format!("  {:<4} {before} → {}\n", c.id, c.after));
    }
    out.push_str(&kept_lines(&written.kept, &report));
    if let Some((old_path, migration)) = &migration {
        out.push_str(&migration_lines(old_path, migration, lang));
    }
    print_out(&out);
    Ok(ExitCode::SUCCESS)
}

/// The rows `report` left alone although the tool finds the requirement not met.
pub(crate) fn kept_lines(
    kept: &[os2gov::render::report_writer::KeptMarker],
    report: &os2gov::engine::report::Report,
) -> String {
    let mut out = String::new();
    for k in kept {
        let found = report.finding(&k.id).map_or("", |f| f.message.as_str());
        out.push_str(&match report.lang {
            Lang::Da => format!(
                "  {:<4} {} beholdt; værktøjet finder: {found}\n",
                k.id, k.marker
            ),
            Lang::En => format!("  {:<4} {} kept; the tool finds: {found}\n", k.id, k.marker),
        });
    }
    if !kept.is_empty() {
        out.push_str(match report.lang {
            Lang::Da => "Værktøjet sætter aldrig ❌ i en række med tekst: ❌ med tekst læses som en forklaring (følg eller forklar), og den kan kun en person give. Ret manglen, eller sæt selv markeringen.\n",
            Lang::En => "The tool never sets ❌ in a row with text: ❌ with text reads as an explanation (comply or explain), which only a person can give. Fix the gap, or set the marker yourself.\n",
        });
    }
    out
}

/// What came over from an old-format report, and what did not.
pub(crate) fn migration_lines(
    old_path: &str,
    migration: &os2gov::render::report_writer::Migration,
    lang: Lang,
) -> String {
    let ids = |list: &mut dyn Iterator<Item = String>| list.collect::<Vec<_>>().join(", ");
    let carried = ids(&mut migration.carried.iter().map(|(old, new)| {
        if old == new {
            new.clone()
        } else {
            format!("{old}→{new}")
        }
    }));
    let mut out = match lang {
        Lang::Da => format!(
            "overført fra {old_path} (gammelt format), som personens egne markeringer og tekster: {} krav: {carried}\n",
            migration.carried.len()
        ),
        Lang::En => format!(
            "carried over from {old_path} (old format), as the author's own markers and texts: {} requirements: {carried}\n",
            migration.carried.len()
        ),
    };
    if !migration.explained.is_empty() {
        let list = migration.explained.join(", ");
        out.push_str(&match lang {
            Lang::Da => format!("  ❌/➖ med tekst tæller som forklaring (følg eller forklar); læs dem igennem: {list}\n"),
            Lang::En => format!("  ❌/➖ with text counts as an explanation (comply or explain); read them through: {list}\n"),
        });
    }
    for u in &migration.unmapped {
        let text = if u.had_text {
            match lang {
                Lang::Da => "; teksten står kun i den gamle rapport",
                Lang::En => "; its text is only in the old report",
            }
        } else {
            ""
        };
        out.push_str(&match lang {
            Lang::Da => format!(
                "  ikke overført: {} (linje {}) \"{}\": intet tilsvarende krav i OS2's nuværende skabelon{text}\n",
                u.id, u.line, u.krav
            ),
            Lang::En => format!(
                "  not carried over: {} (line {}) \"{}\": no matching requirement in OS2's current template{text}\n",
                u.id, u.line, u.krav
            ),
        });
    }
    out.push_str(&match lang {
        Lang::Da => format!("Gennemse den nye rapport, og fjern så {old_path}: indtil da kan tjekket læse den gamle.\n"),
        Lang::En => format!("Review the new report, then remove {old_path}: until then the check may read the old one.\n"),
    });
    out
}
