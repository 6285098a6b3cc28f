//! The command line's arguments (clap derive): the commands, their flags and the values they take.

use clap::{Parser, Subcommand, ValueEnum};
use os2gov::base::model::{Lang, Level};
use std::path::PathBuf;

#[derive(Parser)]
#[command(
    name = "os2gov",
    version,
    about = "Checks an OS2 product repository against OS2's governance levels"
)]
pub(crate) struct Cli {
    #[command(subcommand)]
    pub(crate) command: Command,
}

#[derive(Subcommand)]
pub(crate) enum Command {
    /// Check a repository and print the report. Exit code 0 = passed, 1 = below the required level, 2 = error, 3 = incomplete: some inputs could not be read.
    Check(CheckArgs),
    /// List every requirement.
    Rules {
        /// Language of the output: da or en (default: os2gov.toml's, else Danish).
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
        /// text: a table for the terminal; markdown: the table of docs/requirements.md.
        #[arg(long, value_enum, default_value = "text")]
        format: RulesFormat,
    },
    /// Explain one requirement (e.g. `F7`), `score` for the scoring formulas, or `evaluation` for
    /// the traffic lights of `os2gov evaluate`.
    Explain {
        /// A requirement's id (F7, P2, …), `score` or `evaluation`.
        id: String,
        /// Language of the output: da or en (default: os2gov.toml's, else Danish).
        #[arg(long, value_parser = parse_lang)]
        lang: Option<Lang>,
    },
    /// Create the files that close gaps (README sections, VISION, CONTRIBUTING, SECURITY, …)
    /// from OS2's templates, with TODO(os2gov) placeholders for what a human must write.
    Fix(FixArgs),
    /// Write or update the repository's governance report in OS2's template format.
    Report(ReportArgs),
    /// Run as the GitHub Action (reads INPUT_* and the runner's GITHUB_* variables).
    Action,
    /// Print an SVG badge with the achieved level and score, for READMEs.
    Badge(BadgeArgs),
    /// Check every public, non-archived repository of a GitHub organisation: a portfolio table.
    /// Exit code 0 = every row complete, 2 = error, 3 = some rows incomplete.
    Org(OrgArgs),
    /// Draft a product's evaluation in OS2's evaluation template: every requirement with a traffic
    /// light (🟢/🟡/🔴, ⚪ left for the secretariat) and its basis, for all the product's
    /// repositories. Exit code 0 = done, 2 = error, 3 = some repositories could not be read.
    Evaluate(crate::evaluate::EvaluateArgs),
    /// Evaluate every product (one GitHub organisation each, unless [product] in os2gov.toml or
    /// --products says otherwise) into one overview: Markdown, CSV,
    /// JSON or a self-contained HTML page. Exit code 0 = every product complete, 2 = error,
    /// 3 = some products incomplete.
    Portfolio(crate::evaluate::PortfolioArgs),
}

#[derive(clap::Args)]
pub(crate) struct OrgArgs {
    /// The GitHub organisation (or user), e.g. OS2mo.
    pub(crate) owner: String,
    /// The required level for every repository (otherwise each repository's own).
    #[arg(long, value_parser = parse_level)]
    pub(crate) level: Option<Level>,
    /// Language of the output: da or en (default: os2gov.toml's, else Danish).
    #[arg(long, value_parser = parse_lang)]
    pub(crate) lang: Option<Lang>,
    /// text: a table for the terminal; json: one object per repository; markdown: a table for an issue or a wiki.
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) format: OrgFormat,
    /// How many gaps to list per repository.
    #[arg(long, default_value_t = 3)]
    pub(crate) top: usize,
    /// Skip reading open issues and pull requests (P9), which costs requests.
    #[arg(long)]
    pub(crate) no_open_items: bool,
    /// Repositories checked at the same time.
    #[arg(long, default_value_t = 4)]
    pub(crate) concurrency: usize,
    #[command(flatten)]
    pub(crate) remote: RemoteArgs,
    /// Write the table to this file instead of standard output.
    #[arg(long, short)]
    pub(crate) output: Option<PathBuf>,
    /// Print the requests made, by kind, to standard error.
    #[arg(long, short)]
    pub(crate) verbose: bool,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum OrgFormat {
    Text,
    Json,
    Markdown,
}

#[derive(clap::Args)]
pub(crate) struct BadgeArgs {
    /// A git repository (work tree or bare) or a plain folder.
    #[arg(default_value = ".")]
    pub(crate) path: PathBuf,
    /// The required level: sandkasse, 1, 2 or 3 (otherwise os2gov.toml's or the governance report's).
    #[arg(long, value_parser = parse_level)]
    pub(crate) level: Option<Level>,
    /// Language of the output: da or en (default: os2gov.toml's, else Danish).
    #[arg(long, value_parser = parse_lang)]
    pub(crate) lang: Option<Lang>,
    /// Read the config from this file instead of os2gov.toml in the repository.
    #[arg(long)]
    pub(crate) config: Option<PathBuf>,
    /// Write the SVG to this file instead of standard output.
    #[arg(long, short)]
    pub(crate) output: Option<PathBuf>,
}

#[derive(clap::Args)]
pub(crate) struct FixArgs {
    /// The repository's work tree (or a plain folder).
    #[arg(default_value = ".")]
    pub(crate) path: PathBuf,
    /// Language of the output: da or en (default: os2gov.toml's, else Danish).
    #[arg(long, value_parser = parse_lang)]
    pub(crate) lang: Option<Lang>,
    /// Print a unified diff of what would change; write nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Only these requirements (comma-separated, e.g. F7,P2; `config` for os2gov.toml).
    #[arg(long, value_delimiter = ',')]
    pub(crate) only: Option<Vec<String>>,
    /// Write even when the work tree has uncommitted changes.
    #[arg(long)]
    pub(crate) allow_dirty: bool,
    /// The required level: sandkasse, 1, 2 or 3 (otherwise os2gov.toml's or the governance report's).
    #[arg(long, value_parser = parse_level)]
    pub(crate) level: Option<Level>,
    /// Read the config from this file instead of os2gov.toml in the repository.
    #[arg(long)]
    pub(crate) config: Option<PathBuf>,
}

#[derive(clap::Args)]
pub(crate) struct ReportArgs {
    /// The repository's work tree (or a plain folder).
    #[arg(default_value = ".")]
    pub(crate) path: PathBuf,
    /// The report file (default: the existing governance report, else PRODUCT_governance_report.md).
    #[arg(long)]
    pub(crate) out: Option<PathBuf>,
    /// Also write OS2's self-assessment JSON to this file.
    #[arg(long)]
    pub(crate) self_assessment: Option<PathBuf>,
    /// Language of the output: da or en (default: os2gov.toml's, else Danish).
    #[arg(long, value_parser = parse_lang)]
    pub(crate) lang: Option<Lang>,
    /// The required level: sandkasse, 1, 2 or 3 (otherwise os2gov.toml's or the governance report's).
    #[arg(long, value_parser = parse_level)]
    pub(crate) level: Option<Level>,
    /// Read the config from this file instead of os2gov.toml in the repository.
    #[arg(long)]
    pub(crate) config: Option<PathBuf>,
    /// Print a unified diff of what would change; write nothing.
    #[arg(long)]
    pub(crate) dry_run: bool,
    /// Write even when the work tree has uncommitted changes.
    #[arg(long)]
    pub(crate) allow_dirty: bool,
}

#[derive(clap::Args)]
pub(crate) struct CheckArgs {
    /// A git repository (work tree or bare), a plain folder, or a GitHub repository read through
    /// the API without cloning: `github:OWNER/REPO` or `https://github.com/OWNER/REPO`.
    #[arg(default_value = ".")]
    pub(crate) path: PathBuf,
    /// Check this commit (branch, tag, sha, HEAD~2) read from git objects instead of the work tree.
    #[arg(long)]
    pub(crate) rev: Option<String>,
    /// The required level: sandkasse, 1, 2 or 3.
    #[arg(long, value_parser = parse_level)]
    pub(crate) level: Option<Level>,
    /// Language of the report: da or en.
    #[arg(long, value_parser = parse_lang)]
    pub(crate) lang: Option<Lang>,
    /// text: grouped by level; json: the contract in schema/report.schema.json; markdown: for a
    /// pull-request comment or step summary.
    #[arg(long, value_enum, default_value = "text")]
    pub(crate) format: Format,
    /// Write the report to this file instead of standard output.
    #[arg(long, short)]
    pub(crate) output: Option<PathBuf>,
    /// Do not contact GitHub or Jira; metadata checks report `unknown (offline)`.
    /// Also set by the environment variable OS2GOV_OFFLINE=1.
    #[arg(long)]
    pub(crate) offline: bool,
    /// Read the config from this file instead of os2gov.toml in the repository.
    #[arg(long)]
    pub(crate) config: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) remote: RemoteArgs,
    /// Colour the text report: auto = when standard output is a terminal and NO_COLOR is unset.
    #[arg(long, value_enum, default_value = "auto")]
    pub(crate) color: ColorChoice,
    /// Print what was read (paths listed, blobs read, commits walked) to standard error.
    #[arg(long, short)]
    pub(crate) verbose: bool,
    /// Show every requirement of every level in the text report, not only the next steps and one
    /// line per theme.
    #[arg(long)]
    pub(crate) all: bool,
}

/// How GitHub and Jira are reached.
#[derive(clap::Args, Clone)]
pub(crate) struct RemoteArgs {
    /// GitHub's REST API (GitHub Enterprise: https://HOST/api/v3).
    #[arg(long, value_name = "URL")]
    pub(crate) github_api_url: Option<String>,
    /// GitHub's raw content host, which serves file contents without rate limit.
    #[arg(long, value_name = "URL")]
    pub(crate) github_raw_url: Option<String>,
    /// Read the GitHub token from this environment variable instead of GITHUB_TOKEN.
    #[arg(long, value_name = "NAME")]
    pub(crate) token_env: Option<String>,
    /// Bypass the on-disk HTTP cache.
    #[arg(long)]
    pub(crate) no_cache: bool,
    /// Ask this Jira instead of the one os2gov.toml or the README names (a proxy, a test server).
    #[arg(long, value_name = "URL")]
    pub(crate) jira_url: Option<String>,
}

impl RemoteArgs {
    pub(crate) fn options(&self, now: i64) -> os2gov::adapters::remote::RemoteOptions {
        let mut options =
            os2gov::adapters::remote::RemoteOptions::from_env(now, self.token_env.as_deref());
        if let Some(url) = &self.github_api_url {
            options.api_url = url.clone();
        }
        if let Some(url) = &self.github_raw_url {
            options.raw_url = url.clone();
        }
        if self.no_cache {
            options.cache_dir = None;
        }
        if let Some(url) = &self.jira_url {
            options.jira_url = Some(url.clone());
        }
        options
    }
}

pub(crate) fn offline_by_env() -> bool {
    std::env::var("OS2GOV_OFFLINE").is_ok_and(|v| !v.is_empty() && v != "0")
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum Format {
    Text,
    Json,
    Markdown,
    /// SARIF 2.1.0 for GitHub code scanning.
    Sarif,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum RulesFormat {
    Text,
    Markdown,
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum ColorChoice {
    Auto,
    Always,
    Never,
}

pub(crate) fn parse_level(text: &str) -> Result<Level, String> {
    Level::parse(text).ok_or_else(|| {
        crate::say(
            format!("forventede sandkasse, 1, 2 eller 3, fandt {text:?}"),
            format!("expected sandkasse, 1, 2 or 3, found {text:?}"),
        )
    })
}

pub(crate) fn parse_lang(text: &str) -> Result<Lang, String> {
    Lang::parse(text).ok_or_else(|| {
        crate::say(
            format!("forventede da eller en, fandt {text:?}"),
            format!("expected da or en, found {text:?}"),
        )
    })
}
