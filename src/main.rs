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
    /// text: grouped by level; json: the contract in schema/report.schema.json; markdown: for a
    /// pull-request comment or step summary.
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
    /// Colour the text report: auto = when standard output is a terminal and NO_COLOR is unset.
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
                && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
                && std::env::var_os("TERM").is_none_or(|t| t != "dumb")
        }
    };
    let rendered = match args.format {
        Format::Text => render::text(&report, colour),
        Format::Json => render::json(&report),
        Format::Markdown => render::markdown(&report),
    };
    match &args.output {
        Some(path) => write_atomically(path, rendered.as_bytes())?,
        None => print_out(&rendered),
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

/// Writes to standard output; a closed pipe (`os2gov rules | head`) is not an error worth a
/// message, and must not panic as `print!` would.
fn print_out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check(args) => run_check(args),
        Command::Rules { lang, format } => {
            let out = match format {
                RulesFormat::Text => rules::docs::list(lang.unwrap_or_default()),
                RulesFormat::Markdown => rules::docs::requirements_markdown(),
            };
            print_out(&out);
            Ok(ExitCode::SUCCESS)
        }
        Command::Explain { id, lang } => {
            let lang = lang.unwrap_or_default();
            if id.trim().eq_ignore_ascii_case("score") {
                let formula = match lang {
                    Lang::Da => os2gov::score::FORMULA_DA,
                    Lang::En => os2gov::score::FORMULA_EN,
                };
                print_out(&format!("{formula}\n"));
                return Ok(ExitCode::SUCCESS);
            }
            let rule = rules::find(&id).with_context(|| {
                format!("unknown requirement id {id:?}: `os2gov rules` lists them, `os2gov explain score` explains the score")
            })?;
            print_out(&rules::docs::explain(rule, lang));
            Ok(ExitCode::SUCCESS)
        }
    }
}

/// The error and its causes joined with `: `, leaving out a cause whose text the message already
/// holds (a wrapper that displays its source would otherwise repeat it).
fn error_chain(error: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in error.chain() {
        let text = cause.to_string();
        if message.contains(&text) {
            continue;
        }
        if !message.is_empty() {
            message.push_str(": ");
        }
        message.push_str(&text);
    }
    message
}

/// An error as one line on standard error: control characters and line breaks become spaces.
fn print_error(message: &str) {
    let clean: String = message
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    let clean = clean.split_whitespace().collect::<Vec<_>>().join(" ");
    eprintln!("os2gov: error: {clean}");
}

/// Clap's usage errors, which span several lines, as one line with exit code 2; help and
/// version go to standard output as usual.
fn usage_error(error: clap::Error) -> ExitCode {
    use clap::error::ErrorKind;
    match error.kind() {
        ErrorKind::DisplayHelp | ErrorKind::DisplayVersion => {
            let _ = error.print();
            ExitCode::SUCCESS
        }
        ErrorKind::DisplayHelpOnMissingArgumentOrSubcommand => {
            let _ = error.print();
            ExitCode::from(2)
        }
        _ => {
            let rendered = error.render().to_string();
            let mut parts = Vec::new();
            for line in rendered.lines().map(str::trim) {
                if let Some(message) = line.strip_prefix("error:") {
                    parts.push(message.trim().to_string());
                } else if let Some(usage) = line.strip_prefix("Usage:") {
                    parts.push(format!("usage: {}", usage.trim()));
                } else if !line.is_empty() && !line.starts_with("For more information") {
                    // `[possible values: …]` and `tip: …`
                    parts.push(line.to_string());
                }
            }
            if parts.is_empty() {
                parts.push(rendered);
            }
            let mut line = String::new();
            for part in parts {
                if !line.is_empty() {
                    line.push_str(if line.ends_with(':') { " " } else { "; " });
                }
                line.push_str(&part);
            }
            print_error(&line);
            ExitCode::from(2)
        }
    }
}

fn main() -> ExitCode {
    let cli = match Cli::try_parse() {
        Ok(cli) => cli,
        Err(error) => return usage_error(error),
    };
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            print_error(&error_chain(&error));
            ExitCode::from(2)
        }
    }
}
