//! `os2gov report`: the repository's governance report written or updated in OS2's template
//! format, an old-format report carried over, and OS2's self-assessment JSON beside it
//! ([`os2gov::app::report`] decides what is written); here the diff, the writing and what it says.

use crate::args::ReportArgs;
use crate::fix::unified_diff;
use crate::{now, print_out, read_config};
use anyhow::Result;
use os2gov::adapters::write;
use os2gov::app::{
    self,
    report::{ReportPlan, ReportRequest},
};
use os2gov::base::model::Lang;
use os2gov::engine::Options;
use std::path::PathBuf;
use std::process::ExitCode;

pub(crate) fn run_report(args: ReportArgs) -> Result<ExitCode> {
    let options = Options {
        level: args.level,
        lang: args.lang,
        config: read_config(args.config.as_ref())?,
    };
    let request = ReportRequest {
        out: args.out.as_deref(),
        self_assessment: args.self_assessment.as_deref(),
    };
    let ReportPlan {
        report,
        relative,
        before,
        written,
        migration,
        files,
    } = app::report::plan_report(&args.path, &options, request, now())?;
    if args.dry_run {
        print_out(&unified_diff(&relative, before.as_deref(), &written.text));
        return Ok(ExitCode::SUCCESS);
    }
    app::fix::ensure_clean(&args.path, args.allow_dirty)?;
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
