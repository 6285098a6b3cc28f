//! The `os2gov` command line: thin glue between the adapters, the engine and the renderers.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use os2gov::engine::{self, Options};
use os2gov::model::{Lang, Level};
use os2gov::{render, rules};
use std::io::{IsTerminal, Write};
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Parser)]
#[command(
    name = "os2gov",
    version,
    about = "Checks an OS2 product repository against OS2's governance levels"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Check a repository and print the report. Exit code 0 = passed, 1 = below the required level, 2 = error.
    Check(CheckArgs),
    /// List every requirement.
    Rules {
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        #[arg(long, value_enum, default_value = "text")]
        format: RulesFormat,
    },
    /// Explain one requirement (e.g. `F7`), or `score` for the scoring formulas.
    Explain {
        id: String,
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
}

#[derive(clap::Args)]
struct CheckArgs {
    /// A git repository (work tree or bare) or a plain folder.
    #[arg(default_value = ".")]
    path: PathBuf,
    /// Check this commit (branch, tag, sha, HEAD~2) read from git objects instead of the work tree.
    #[arg(long)]
    rev: Option<String>,
    /// The required level: sandkasse, 1, 2 or 3.
    #[arg(long, value_parser = parse_level)]
    level: Option<Level>,
    /// Language of the report: da or en.
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
    #[arg(long, value_enum, default_value = "text")]
    format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Do not contact GitHub or Jira; metadata checks report `unknown (offline)`.
    #[arg(long)]
    offline: bool,
    /// Read the config from this file instead of os2gov.toml in the repository.
    #[arg(long)]
    config: Option<PathBuf>,
    /// Colour the text report.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
    /// Print what was read (paths listed, blobs read, commits walked) to standard error.
    #[arg(long, short)]
    verbose: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum RulesFormat {
    Text,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
enum ColorChoice {
    Auto,
    Always,
    Never,
}

fn parse_level(text: &str) -> Result<Level, String> {
    Level::parse(text).ok_or_else(|| format!("expected sandkasse, 1, 2 or 3, found {text:?}"))
}

fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| format!("expected da or en, found {text:?}"))
}

/// "Now", overridable with `OS2GOV_NOW` (Unix seconds) so that reports can be reproduced.
fn now() -> i64 {
    if let Some(now) = std::env::var("OS2GOV_NOW")
        .ok()
        .and_then(|v| v.trim().parse().ok())
    {
        return now;
    }
    std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .map(|d| i64::try_from(d.as_secs()).unwrap_or(i64::MAX))
        .unwrap_or(0)
}

fn run_check(args: CheckArgs) -> Result<ExitCode> {
    let snapshot = os2gov::adapters::git::open_snapshot(&args.path, args.rev.as_deref(), now())?;
    if args.verbose {
        let s = &snapshot.stats;
        eprintln!("paths listed: {}", s.paths_listed);
        eprintln!("blobs read: {}", s.blobs_read);
        eprintln!("commits walked: {}", s.commits_walked);
    }
    let config = match &args.config {
        Some(path) => {
            let text = std::fs::read_to_string(path)
                .with_context(|| format!("cannot read config {}", path.display()))?;
            Some((path.display().to_string(), text))
        }
        None => None,
    };
    let options = Options {
        level: args.level,
        lang: args.lang,
        config,
    };
    let report = engine::check(&snapshot, &options)?;
    let colour = match args.color {
        ColorChoice::Always => true,
        ColorChoice::Never => false,
        ColorChoice::Auto => {
            args.output.is_none()
                && std::io::stdout().is_terminal()
                && std::env::var_os("NO_COLOR").is_none()
        }
    };
    let rendered = match args.format {
        Format::Text => render::text(&report, colour),
        Format::Json => render::json(&report),
        Format::Markdown => render::markdown(&report),
    };
    match &args.output {
        Some(path) => write_atomically(path, rendered.as_bytes())?,
        None => {
            let mut stdout = std::io::stdout().lock();
            // A closed pipe (`os2gov check | head`) is not an error worth a message.
            let _ = stdout.write_all(rendered.as_bytes());
        }
    }
    Ok(if report.passed {
        ExitCode::SUCCESS
    } else {
        ExitCode::from(1)
    })
}

/// Writes through a temporary file in the same folder and renames it, so that a failure never
/// leaves a half-written report behind.
fn write_atomically(path: &std::path::Path, bytes: &[u8]) -> Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let name = path
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "report".into());
    let tmp = dir.join(format!(".{name}.os2gov-tmp"));
    std::fs::write(&tmp, bytes).with_context(|| format!("cannot write {}", tmp.display()))?;
    std::fs::rename(&tmp, path).with_context(|| {
        let _ = std::fs::remove_file(&tmp);
        format!("cannot write {}", path.display())
    })
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Rules { lang, format } => {
            let out = match format {
                RulesFormat::Text => rules::docs::list(lang.unwrap_or_default()),
                RulesFormat::Markdown => rules::docs::requirements_markdown(),
            };
            print!("{out}");
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { id, lang } => {
            let lang = lang.unwrap_or_default();
            if id.eq_ignore_ascii_case("score") {
                let formula = match lang {
                    Lang::Da => os2gov::score::FORMULA_DA,
                    Lang::En => os2gov::score::FORMULA_EN,
                };
                println!("{formula}");
                return Ok(ExitCode::SUCCESS);
            }
            let rule = rules::find(&id)
                .with_context(|| format!("unknown requirement id {id:?} (see `os2gov rules`)"))?;
            print!("{}", rules::docs::explain(rule, lang));
            Ok(ExitCode::SUCCESS)
        }
    }
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            let message = format!("{error:#}").replace('\n', " ");
            eprintln!("os2gov: error: {message}");
            ExitCode::from(2)
        }
    }
}
