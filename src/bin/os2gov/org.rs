//! `os2gov org`: every public repository of a GitHub organisation checked, as a portfolio table.

use crate::args::offline_by_env;
use crate::args::{OrgArgs, OrgFormat};
use crate::{now, output_target, print_incomplete, print_note, print_out, INCOMPLETE};
use anyhow::Result;
use os2gov::adapters::write;
use os2gov::base::model::Lang;
use os2gov::engine::Options;
use std::process::ExitCode;

pub(crate) fn run_org(args: OrgArgs) -> Result<ExitCode> {
    if args.owner.trim().is_empty() {
        anyhow::bail!(crate::say(
            "der skal angives en organisation, fx `os2gov org OS2mo`",
            "an organisation name is needed, e.g. `os2gov org OS2mo`"
        ));
    }
    if offline_by_env() {
        anyhow::bail!(crate::say(
            "OS2GOV_OFFLINE er sat: en organisation kan kun læses online",
            "OS2GOV_OFFLINE is set: an organisation can only be read online"
        ));
    }
    // Refused before the scan spends any requests.
    let output = args
        .output
        .as_deref()
        .map(|o| output_target(o, None))
        .transpose()?;
    let mut remote_options = args.remote.options(now());
    remote_options.open_items = !args.no_open_items;
    remote_options.concurrency = args.concurrency.clamp(1, 16);
    let options = Options {
        level: args.level,
        lang: args.lang,
        config: None,
    };
    let scan = os2gov::app::scan_organisation(&args.owner, &remote_options, &options, args.top)?;
    if args.verbose {
        eprintln!("{}", scan.stats.describe().get(crate::lang()));
    }
    let lang = args.lang.unwrap_or_default();
    let out = match args.format {
        OrgFormat::Text => os2gov::render::portfolio::render_text(&scan.portfolio, lang),
        OrgFormat::Json => os2gov::render::portfolio::render_json(&scan.portfolio),
        OrgFormat::Markdown => os2gov::render::portfolio::render_markdown(&scan.portfolio, lang),
    };
    match &output {
        Some(path) => write::write_atomically(path, out.as_bytes())?,
        None => print_out(&out),
    }
    for warning in &scan.warnings {
        print_note(lang, warning.get(lang));
    }
    let rows = &scan.portfolio.rows;
    let incomplete: Vec<&os2gov::render::portfolio::PortfolioRow> =
        rows.iter().filter(|r| r.is_incomplete()).collect();
    let Some(first) = incomplete.first() else {
        return Ok(ExitCode::SUCCESS);
    };
    let why = first
        .error
        .as_deref()
        .or(first.incomplete.as_deref())
        .unwrap_or_default();
    let (n, total, repo) = (incomplete.len(), rows.len(), &first.repository);
    print_incomplete(lang, &match lang {
            Lang::Da => format!(
                "{n} af {total} rækker er ufuldstændige, fordi ikke alt kunne læses; den første, {repo}: {why}"
            ),
            Lang::En => format!(
                "{n} of {total} rows are incomplete because not everything could be read; the first, {repo}: {why}"
            ),
        });
    Ok(ExitCode::from(INCOMPLETE))
}
