//! `os2gov check` and `os2gov badge`: a repository (local or on GitHub) checked, the report
//! rendered, and the exit code that says passed, below the level or incomplete.

use crate::args::offline_by_env;
use crate::args::{BadgeArgs, CheckArgs, ColorChoice, Format};
use crate::INCOMPLETE;
use crate::{
    now, output_target, print_error, print_incomplete, print_note, print_out, read_config, say,
};
use anyhow::Result;
use os2gov::adapters::write;
use os2gov::base::model::Lang;
use os2gov::engine::Options;
use os2gov::render;
use std::io::IsTerminal;
use std::process::ExitCode;

pub(crate) fn run_check(args: CheckArgs) -> Result<ExitCode> {
    use os2gov::adapters::remote::RemoteTarget;
    use os2gov::app;
    let stamp = now();
    let offline = args.offline || offline_by_env();
    let options = Options {
        level: args.level,
        lang: args.lang,
        config: read_config(args.config.as_ref())?,
    };
    let target = match args.path.to_str() {
        Some(text) if !args.path.exists() => RemoteTarget::parse(text),
        _ => None,
    };
    let output = args
        .output
        .as_deref()
        .map(|o| output_target(o, target.is_none().then_some(args.path.as_path())))
        .transpose()?;
    let source = match target {
        Some(mut target) => {
            if let Some(rev) = &args.rev {
                target.rev = Some(rev.clone());
            }
            app::Source::Remote(target)
        }
        None => app::Source::Local {
            path: args.path.clone(),
            rev: args.rev.clone(),
        },
    };
    let remote_options = (!offline).then(|| args.remote.options(stamp));
    let checked = match app::check(&source, remote_options.as_ref(), &options, stamp) {
        Ok(checked) => checked,
        Err(e) => match e.config_not_read() {
            Some(e) => {
                print_error(os2gov::Bilingual::msg(e).get(crate::lang()));
                return Ok(ExitCode::from(INCOMPLETE));
            }
            None => return Err(e.into()),
        },
    };
    if args.verbose {
        let s = &checked.snapshot.stats;
        let requests = checked
            .requests
            .as_ref()
            .map(|r| r.describe().get(crate::lang()).to_string());
        let read = say(
            format!(
                "stier listet: {}\nblobs læst: {}",
                s.paths_listed, s.blobs_read
            ),
            format!(
                "paths listed: {}\nblobs read: {}",
                s.paths_listed, s.blobs_read
            ),
        );
        let lines = match &source {
            app::Source::Remote(_) => vec![requests, Some(read)],
            app::Source::Local { .. } => vec![
                Some(read),
                Some(say(
                    format!("commits gennemgået: {}", s.commits_walked),
                    format!("commits walked: {}", s.commits_walked),
                )),
                requests,
            ],
        };
        for line in lines.into_iter().flatten() {
            eprintln!("{line}");
        }
    }
    let fallback = readme_path(&checked.snapshot);
    let app::Checked {
        report,
        snapshot,
        warnings,
        ..
    } = checked;
    let unread = snapshot.unread;
    let colour = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    };
    let rendered = match args.format {
        Format::Text => render::text_with(
            &report,
            &render::TextOptions {
                colour,
                all: args.all,
            },
        ),
        Format::Json => render::json(&report),
        Format::Markdown => render::markdown(&report),
        Format::Sarif => render::sarif(&report, fallback.as_deref()),
    };
    match &output {
        Some(path) => write::write_atomically(path, rendered.as_bytes())?,
        None => print_out(&rendered),
    }
    let lang = report.lang;
    for warning in &warnings {
        print_note(lang, warning.get(lang));
    }
    if let Some(reasons) = &report.incomplete {
        let unknown = report
            .requirements
            .iter()
            .filter(|f| f.verdict == os2gov::engine::report::Verdict::Unknown)
            .count();
        let total = report.requirements.len();
        print_incomplete(lang, &match lang {
            Lang::Da => format!(
                "{unknown} af {total} krav er ukendte, fordi ikke alt kunne læses: {reasons}"
            ),
            Lang::En => format!(
                "{unknown} of {total} requirements are unknown because not everything could be read: {reasons}"
            ),
        });
    }
    // A pass rests on what was found and stands; anything else on an incomplete read is not
    // "below the required level" — and without all the files, not even the level is known.
    let incomplete = !unread.is_empty() && (!report.passed || unread.files_reason().is_some());
    Ok(if incomplete {
        ExitCode::from(INCOMPLETE)
    } else if report.passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// The root README, where findings without a file of their own are located in SARIF.
pub(crate) fn readme_path(snapshot: &os2gov::Snapshot) -> Option<String> {
    snapshot
        .files
        .keys()
        .find(|p| !p.contains('/') && p.to_ascii_lowercase().starts_with("readme"))
        .cloned()
}

pub(crate) fn run_badge(args: BadgeArgs) -> Result<ExitCode> {
    let output = args
        .output
        .as_deref()
        .map(|o| output_target(o, Some(&args.path)))
        .transpose()?;
    let options = Options {
        level: args.level,
        lang: args.lang,
        config: read_config(args.config.as_ref())?,
    };
    let source = os2gov::app::Source::Local {
        path: args.path.clone(),
        rev: None,
    };
    let report = os2gov::app::check(&source, None, &options, now())?.report;
    let svg = os2gov::render::badge::badge_svg(&report);
    match &output {
        Some(path) => write::write_atomically(path, svg.as_bytes())?,
        None => print_out(&svg),
    }
    Ok(ExitCode::SUCCESS)
}
