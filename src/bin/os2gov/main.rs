//! The `os2gov` command line: thin glue between the adapters, the engine and the renderers.
//! This file holds what every command shares: the exit codes, the one-line messages on standard
//! error, standard output, the clock; each command group has a file of its own.

mod action;
mod args;
mod check;
mod evaluate;
mod explain;
mod fix;
mod help_da;
mod org;
mod report;

use anyhow::{Context, Result};
use args::{Cli, Command};
use clap::Parser;
use os2gov::adapters::write;
use os2gov::base::paths::Scope;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::OnceLock;

/// The language of the command line's own lines on standard error (errors, notes): the
/// command's `--lang` when given, else English — the report's default language is Danish, but
/// a script reading standard error without asking for a language gets the same words as before.
static LANG: OnceLock<os2gov::Lang> = OnceLock::new();

pub(crate) fn lang() -> os2gov::Lang {
    LANG.get().copied().unwrap_or(os2gov::Lang::En)
}

/// `da` or `en`, by [`lang`].
pub(crate) fn say(da: impl Into<String>, en: impl Into<String>) -> String {
    match lang() {
        os2gov::Lang::Da => da.into(),
        os2gov::Lang::En => en.into(),
    }
}

/// The `--lang` the command was given, if any.
fn chosen_lang(command: &Command) -> Option<os2gov::Lang> {
    match command {
        Command::Check(a) => a.lang,
        Command::Fix(a) => a.lang,
        Command::Report(a) => a.lang,
        Command::Org(a) => a.lang,
        Command::Evaluate(a) => a.lang,
        Command::Portfolio(a) => a.lang,
        Command::Badge(a) => a.lang,
        Command::Rules { lang, .. } | Command::Explain { lang, .. } => *lang,
        Command::Action => std::env::var("INPUT_LANG")
            .ok()
            .and_then(|l| os2gov::Lang::parse(l.trim())),
    }
}

/// `--lang da` / `--lang=da` in the raw arguments, for the usage errors clap reports before any
/// command is parsed (and the Action's INPUT_LANG is read after).
fn lang_in_args() -> Option<os2gov::Lang> {
    let args: Vec<String> = std::env::args().collect();
    args.iter().enumerate().find_map(|(i, a)| {
        a.strip_prefix("--lang=")
            .or_else(|| {
                (a == "--lang")
                    .then(|| args.get(i + 1).map(String::as_str))
                    .flatten()
            })
            .and_then(os2gov::Lang::parse)
    })
}

/// "Now", overridable with `OS2GOV_NOW` (Unix seconds) so that reports can be reproduced.
pub(crate) fn now() -> i64 {
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

/// Where a typed `--output` goes: resolved against the current folder; a relative path must stay
/// in the current folder or in the repository being checked (`repo`), an absolute one is the
/// user's explicit choice (the rule: [`os2gov::base::paths`]).
pub(crate) fn output_target(path: &Path, repo: Option<&Path>) -> Result<PathBuf> {
    let cwd = write::current_dir()?;
    let mut roots = vec![cwd.clone()];
    // Checking the current folder (the default path) names it once, in messages too.
    roots.extend(
        repo.map(|r| os2gov::base::paths::lexical(&cwd, r))
            .filter(|r| *r != cwd),
    );
    Ok(write::resolve(&Scope::Output(roots), &cwd, path)?)
}

/// Exit code: the check could not read all of its inputs, so its verdict is not the
/// repository's (1 is kept for "below the required level", 2 for bad input and errors).
pub(crate) const INCOMPLETE: u8 = 3;

/// One line on standard error about an incomplete read.
/// `lang` is the message's own: the report's, which may come from os2gov.toml.
pub(crate) fn print_incomplete(lang: os2gov::Lang, message: &str) {
    let label = match lang {
        os2gov::Lang::Da => "ufuldstændig",
        os2gov::Lang::En => "incomplete",
    };
    eprintln!("os2gov: {label}: {}", one_line(message));
}

/// One line on standard error about the run itself (not an error: the run goes on).
/// `lang` is the message's own, as for [`print_incomplete`].
pub(crate) fn print_note(lang: os2gov::Lang, message: &str) {
    let label = match lang {
        os2gov::Lang::Da => "bemærk",
        os2gov::Lang::En => "note",
    };
    eprintln!("os2gov: {label}: {}", one_line(message));
}

pub(crate) fn read_config(path: Option<&PathBuf>) -> Result<Option<(String, String)>> {
    path.map(|path| {
        std::fs::read_to_string(path)
            .with_context(|| {
                say(
                    format!("kan ikke læse konfigurationen {}", path.display()),
                    format!("cannot read config {}", path.display()),
                )
            })
            .map(|text| (path.display().to_string(), text))
    })
    .transpose()
}

/// Writes to standard output; a closed pipe (`os2gov rules | head`) is not an error worth a
/// message, and must not panic as `print!` would.
pub(crate) fn print_out(text: &str) {
    let mut stdout = std::io::stdout().lock();
    let _ = stdout.write_all(text.as_bytes());
    let _ = stdout.flush();
}

fn run(cli: Cli) -> Result<ExitCode> {
    match cli.command {
        Command::Check(args) => check::run_check(args),
        Command::Fix(args) => fix::run_fix(args),
        Command::Report(args) => report::run_report(args),
        Command::Action => action::run_action(),
        Command::Org(args) => org::run_org(args),
        Command::Evaluate(args) => evaluate::run_evaluate(args),
        Command::Portfolio(args) => evaluate::run_portfolio(args),
        Command::Badge(args) => check::run_badge(args),
        Command::Rules { lang, format } => explain::run_rules(lang, format),
        Command::Explain { id, lang } => explain::run_explain(&id, lang),
    }
}

/// The error and its causes joined with `: `, each in the command line's language where the
/// library can say it ([`os2gov::app::errors::in_lang`]), leaving out a cause whose text the
/// message already holds (a wrapper that says its source would otherwise repeat it).
pub(crate) fn error_chain(error: &anyhow::Error) -> String {
    let mut message = String::new();
    for cause in error.chain() {
        let text = os2gov::app::errors::in_lang(cause, lang()).unwrap_or_else(|| cause.to_string());
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
pub(crate) fn print_error(message: &str) {
    eprintln!("os2gov: {}: {}", say("fejl", "error"), one_line(message));
}

/// `message` without control characters or line breaks, for one line of standard error.
pub(crate) fn one_line(message: &str) -> String {
    let clean: String = message
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    clean.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// Clap's usage errors, which span several lines, as one line with exit code 2; help and
/// version go to standard output as usual.
pub(crate) fn usage_error(error: clap::Error) -> ExitCode {
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
        _ if lang() == os2gov::Lang::Da && danish_usage(&error).is_some() => {
            print_error(&danish_usage(&error).unwrap_or_default());
            ExitCode::from(2)
        }
        _ => {
            let rendered = error.render().to_string();
            let mut parts = Vec::new();
            for line in rendered.lines().map(str::trim) {
                if let Some(message) = line.strip_prefix("error:") {
                    parts.push(message.trim().to_string());
                } else if let Some(usage) = line.strip_prefix("Usage:") {
                    parts.push(format!("{}: {}", say("brug", "usage"), usage.trim()));
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

/// Clap's usage errors in Danish, from the error's context (clap writes them in English);
/// `None` only for an error that carries no context to build from.
fn danish_usage(error: &clap::Error) -> Option<String> {
    use clap::error::{ContextKind, ContextValue, ErrorKind};
    let text = |kind| match error.get(kind) {
        Some(ContextValue::String(s)) => Some(s.clone()),
        Some(ContextValue::Strings(v)) => Some(v.join(", ")),
        Some(ContextValue::StyledStr(s)) => Some(s.to_string()),
        Some(ContextValue::StyledStrs(v)) => Some(
            v.iter()
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", "),
        ),
        Some(ContextValue::Number(n)) => Some(n.to_string()),
        _ => None,
    };
    let arg = || text(ContextKind::InvalidArg);
    let value = || text(ContextKind::InvalidValue);
    let mut message = match error.kind() {
        ErrorKind::ValueValidation => {
            let why = std::error::Error::source(error)
                .map(|e| format!(": {e}"))
                .unwrap_or_default();
            format!("ugyldig værdi '{}' for '{}'{why}", value()?, arg()?)
        }
        ErrorKind::InvalidValue => {
            let (value, arg) = (value()?, arg()?);
            let head = if value.is_empty() {
                format!("'{arg}' skal have en værdi")
            } else {
                format!("ugyldig værdi '{value}' for '{arg}'")
            };
            match text(ContextKind::ValidValue) {
                Some(valid) => format!("{head}; mulige værdier: {valid}"),
                None => head,
            }
        }
        ErrorKind::UnknownArgument => format!("ukendt argument '{}'", arg()?),
        ErrorKind::InvalidSubcommand => format!(
            "ukendt kommando '{}'",
            text(ContextKind::InvalidSubcommand)?
        ),
        ErrorKind::MissingRequiredArgument => {
            format!("der mangler et påkrævet argument: {}", arg()?)
        }
        ErrorKind::MissingSubcommand => format!(
            "'{}' skal have en underkommando; mulige: {}",
            text(ContextKind::InvalidSubcommand)?,
            text(ContextKind::ValidSubcommand).unwrap_or_default()
        ),
        ErrorKind::ArgumentConflict => {
            let arg = arg().or_else(|| text(ContextKind::InvalidSubcommand))?;
            match text(ContextKind::PriorArg) {
                Some(prior) if prior == arg => {
                    format!("'{arg}' må kun angives én gang")
                }
                Some(prior) => format!("'{arg}' kan ikke bruges sammen med '{prior}'"),
                None => format!("'{arg}' kan ikke bruges sammen med de andre argumenter"),
            }
        }
        ErrorKind::NoEquals => format!("'{}' skal have sin værdi efter et lighedstegn (=)", arg()?),
        ErrorKind::TooManyValues => format!(
            "uventet værdi '{}' for '{}'; der forventedes ikke flere",
            value()?,
            arg()?
        ),
        ErrorKind::TooFewValues => format!(
            "'{}' skal have mindst {} værdier, men fik {}",
            arg()?,
            text(ContextKind::MinValues)?,
            text(ContextKind::ActualNumValues)?
        ),
        ErrorKind::WrongNumberOfValues => format!(
            "'{}' skal have {} værdier, men fik {}",
            arg()?,
            text(ContextKind::ExpectedNumValues)?,
            text(ContextKind::ActualNumValues)?
        ),
        ErrorKind::InvalidUtf8 => "et argument er ikke gyldig UTF-8".to_string(),
        _ => return None,
    };
    match text(ContextKind::Usage) {
        Some(usage) => {
            let usage = usage.trim();
            let usage = usage.strip_prefix("Usage:").unwrap_or(usage).trim();
            message.push_str(&format!("; brug: {usage}"));
        }
        None => message.push_str("; `os2gov --lang da --help` viser kommandoerne og deres tilvalg"),
    }
    // Last, so that the question mark ends the line.
    if let Some(similar) =
        text(ContextKind::SuggestedSubcommand).or_else(|| text(ContextKind::SuggestedArg))
    {
        message.push_str(&format!("; mente du '{similar}'?"));
    }
    Some(message)
}

/// clap renders `--help` before `--lang` is parsed, so a Danish one is built from the raw
/// arguments' `--lang da`.
fn parse_cli() -> Result<Cli, clap::Error> {
    use clap::{CommandFactory, FromArgMatches};
    if lang_in_args() != Some(os2gov::Lang::Da) {
        return Cli::try_parse();
    }
    // `os2gov --lang da --help` asks for the command list in Danish; the language itself is read
    // from the raw arguments above, so the flag is accepted here and not shown. Built before
    // translating, so clap's own help flags and `help` subcommand are there to translate.
    let mut command = Cli::command().arg(
        clap::Arg::new("lang")
            .long("lang")
            .hide(true)
            .value_parser(args::parse_lang),
    );
    command.build();
    let command = help_da::danish(command, "os2gov");
    Cli::from_arg_matches(&command.try_get_matches()?)
}

fn main() -> ExitCode {
    // Before parsing: clap's value parsers (a bad --level) already speak.
    if let Some(lang) = lang_in_args() {
        let _ = LANG.set(lang);
    }
    let cli = match parse_cli() {
        Ok(cli) => cli,
        Err(error) => return usage_error(error),
    };
    if let Some(lang) = chosen_lang(&cli.command) {
        let _ = LANG.set(lang);
    }
    match run(cli) {
        Ok(code) => code,
        Err(error) => {
            print_error(&error_chain(&error));
            ExitCode::from(2)
        }
    }
}
