//! The `os2gov` command line: thin glue between the adapters, the engine and the renderers.

use anyhow::{Context, Result};
use clap::{Parser, Subcommand, ValueEnum};
use os2gov::adapters::write;
use os2gov::base::model::{Lang, Level};
use os2gov::base::paths::Scope;
use os2gov::engine::{self, Options};
use os2gov::{render, rules};
use std::io::{IsTerminal, Write};
use std::path::{Path, PathBuf};
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
    /// Check a repository and print the report. Exit code 0 = passed, 1 = below the required level, 2 = error, 3 = incomplete: some inputs could not be read.
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
}

#[derive(clap::Args)]
struct OrgArgs {
    /// The GitHub organisation (or user), e.g. OS2mo.
    owner: String,
    /// The required level for every repository (otherwise each repository's own).
    #[arg(long, value_parser = parse_level)]
    level: Option<Level>,
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
    #[arg(long, value_enum, default_value = "text")]
    format: OrgFormat,
    /// How many gaps to list per repository.
    #[arg(long, default_value_t = 3)]
    top: usize,
    /// Skip reading open issues and pull requests (P9), which costs requests.
    #[arg(long)]
    no_open_items: bool,
    /// Repositories checked at the same time.
    #[arg(long, default_value_t = 4)]
    concurrency: usize,
    #[command(flatten)]
    remote: RemoteArgs,
    /// Write the table to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
    /// Print the requests made, by kind, to standard error.
    #[arg(long, short)]
    verbose: bool,
}

#[derive(Clone, Copy, ValueEnum)]
enum OrgFormat {
    Text,
    Json,
    Markdown,
}

#[derive(clap::Args)]
struct BadgeArgs {
    /// A git repository (work tree or bare) or a plain folder.
    #[arg(default_value = ".")]
    path: PathBuf,
    #[arg(long, value_parser = parse_level)]
    level: Option<Level>,
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
    #[arg(long)]
    config: Option<PathBuf>,
    /// Write the SVG to this file instead of standard output.
    #[arg(long, short)]
    output: Option<PathBuf>,
}

#[derive(clap::Args)]
struct FixArgs {
    /// The repository's work tree (or a plain folder).
    #[arg(default_value = ".")]
    path: PathBuf,
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
    /// Print a unified diff of what would change; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Only these requirements (comma-separated, e.g. F7,P2; `config` for os2gov.toml).
    #[arg(long, value_delimiter = ',')]
    only: Option<Vec<String>>,
    /// Write even when the work tree has uncommitted changes.
    #[arg(long)]
    allow_dirty: bool,
    #[arg(long, value_parser = parse_level)]
    level: Option<Level>,
    #[arg(long)]
    config: Option<PathBuf>,
}

#[derive(clap::Args)]
struct ReportArgs {
    /// The repository's work tree (or a plain folder).
    #[arg(default_value = ".")]
    path: PathBuf,
    /// The report file (default: the existing governance report, else PRODUCT_governance_report.md).
    #[arg(long)]
    out: Option<PathBuf>,
    /// Also write OS2's self-assessment JSON to this file.
    #[arg(long)]
    self_assessment: Option<PathBuf>,
    #[arg(long, value_parser = parse_lang)]
    lang: Option<Lang>,
    #[arg(long, value_parser = parse_level)]
    level: Option<Level>,
    #[arg(long)]
    config: Option<PathBuf>,
    /// Print a unified diff of what would change; write nothing.
    #[arg(long)]
    dry_run: bool,
    /// Write even when the work tree has uncommitted changes.
    #[arg(long)]
    allow_dirty: bool,
}

#[derive(clap::Args)]
struct CheckArgs {
    /// A git repository (work tree or bare), a plain folder, or a GitHub repository read through
    /// the API without cloning: `github:OWNER/REPO` or `https://github.com/OWNER/REPO`.
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
    /// Also set by the environment variable OS2GOV_OFFLINE=1.
    #[arg(long)]
    offline: bool,
    /// Read the config from this file instead of os2gov.toml in the repository.
    #[arg(long)]
    config: Option<PathBuf>,
    #[command(flatten)]
    remote: RemoteArgs,
    /// Colour the text report: auto = when standard output is a terminal and NO_COLOR is unset.
    #[arg(long, value_enum, default_value = "auto")]
    color: ColorChoice,
    /// Print what was read (paths listed, blobs read, commits walked) to standard error.
    #[arg(long, short)]
    verbose: bool,
}

/// How GitHub and Jira are reached.
#[derive(clap::Args, Clone)]
struct RemoteArgs {
    /// GitHub's REST API (GitHub Enterprise: https://HOST/api/v3).
    #[arg(long, value_name = "URL")]
    github_api_url: Option<String>,
    /// GitHub's raw content host, which serves file contents without rate limit.
    #[arg(long, value_name = "URL")]
    github_raw_url: Option<String>,
    /// Read the GitHub token from this environment variable instead of GITHUB_TOKEN.
    #[arg(long, value_name = "NAME")]
    token_env: Option<String>,
    /// Bypass the on-disk HTTP cache.
    #[arg(long)]
    no_cache: bool,
    /// Ask this Jira instead of the one os2gov.toml or the README names (a proxy, a test server).
    #[arg(long, value_name = "URL")]
    jira_url: Option<String>,
}

impl RemoteArgs {
    fn options(&self, now: i64) -> os2gov::adapters::remote::RemoteOptions {
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

fn offline_by_env() -> bool {
    std::env::var("OS2GOV_OFFLINE").is_ok_and(|v| !v.is_empty() && v != "0")
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Text,
    Json,
    Markdown,
    /// SARIF 2.1.0 for GitHub code scanning.
    Sarif,
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
                print_error(&e.to_string());
                return Ok(ExitCode::from(INCOMPLETE));
            }
            None => return Err(e.into()),
        },
    };
    if args.verbose {
        let s = &checked.snapshot.stats;
        match (&source, &checked.requests) {
            (app::Source::Remote(_), requests) => {
                if let Some(requests) = requests {
                    eprint!("{requests}");
                }
                eprintln!("paths listed: {}", s.paths_listed);
                eprintln!("blobs read: {}", s.blobs_read);
            }
            (app::Source::Local { .. }, requests) => {
                eprintln!("paths listed: {}", s.paths_listed);
                eprintln!("blobs read: {}", s.blobs_read);
                eprintln!("commits walked: {}", s.commits_walked);
                if let Some(requests) = requests {
                    eprint!("{requests}");
                }
            }
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
        Format::Text => render::text(&report, colour),
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
        print_note(warning.get(lang));
    }
    if let Some(reasons) = &report.incomplete {
        let unknown = report
            .requirements
            .iter()
            .filter(|f| f.verdict == os2gov::engine::report::Verdict::Unknown)
            .count();
        let total = report.requirements.len();
        print_incomplete(&match lang {
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

/// Where a typed `--output` goes: resolved against the current folder; a relative path must stay
/// in the current folder or in the repository being checked (`repo`), an absolute one is the
/// user's explicit choice (the rule: [`os2gov::base::paths`]).
fn output_target(path: &Path, repo: Option<&Path>) -> Result<PathBuf> {
    let cwd = write::current_dir()?;
    let mut roots = vec![cwd.clone()];
    // Checking the current folder (the default path) names it once, in messages too.
    roots.extend(
        repo.map(|r| os2gov::base::paths::lexical(&cwd, r))
            .filter(|r| *r != cwd),
    );
    Ok(write::resolve(&Scope::Output(roots), &cwd, path)?)
}

/// The repository root the files of `fix` and `report` must stay in, absolute.
fn repository_root(path: &Path) -> Result<PathBuf> {
    Ok(os2gov::base::paths::lexical(&write::current_dir()?, path))
}

/// `target` (resolved) as a path inside the repository, for messages and the report's own name.
fn in_repository(root: &Path, target: &Path) -> String {
    let root = write::real_root(root);
    target
        .strip_prefix(&root)
        .unwrap_or(target)
        .to_string_lossy()
        .into_owned()
}

/// Exit code: the check could not read all of its inputs, so its verdict is not the
/// repository's (1 is kept for "below the required level", 2 for bad input and errors).
const INCOMPLETE: u8 = 3;

/// One line on standard error about an incomplete read.
fn print_incomplete(message: &str) {
    eprintln!("os2gov: incomplete: {}", one_line(message));
}

/// One line on standard error about the run itself (not an error: the run goes on).
fn print_note(message: &str) {
    eprintln!("os2gov: note: {}", one_line(message));
}

/// The root README, where findings without a file of their own are located in SARIF.
fn readme_path(snapshot: &os2gov::Snapshot) -> Option<String> {
    snapshot
        .files
        .keys()
        .find(|p| !p.contains('/') && p.to_ascii_lowercase().starts_with("readme"))
        .cloned()
}

fn read_config(path: Option<&PathBuf>) -> Result<Option<(String, String)>> {
    path.map(|path| {
        std::fs::read_to_string(path)
            .with_context(|| format!("cannot read config {}", path.display()))
            .map(|text| (path.display().to_string(), text))
    })
    .transpose()
}

/// Refuses to write into a work tree with uncommitted changes, so that what the tool writes can
/// be reviewed and undone on its own. A plain folder has nothing to compare with.
fn ensure_clean(path: &std::path::Path, allow_dirty: bool) -> Result<()> {
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

fn unified_diff(path: &str, before: Option<&str>, after: &str) -> String {
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

fn folder_name(path: &std::path::Path) -> String {
    std::fs::canonicalize(path)
        .ok()
        .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
        .unwrap_or_else(|| "product".into())
}

fn run_fix(args: FixArgs) -> Result<ExitCode> {
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

fn run_report(args: ReportArgs) -> Result<ExitCode> {
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
fn kept_lines(
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
fn migration_lines(
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

fn run_action() -> Result<ExitCode> {
    use os2gov::app::action::{self, Inputs, Runner};
    let env: std::collections::HashMap<String, String> = std::env::vars().collect();
    let runner = Runner::from_env(&env);
    let outcome = Inputs::from_env(&env, &runner).and_then(|inputs| {
        let comments = action::comment_client(&runner, &inputs);
        action::run(&inputs, &runner, now(), comments.as_deref())
    });
    match outcome {
        Ok(outcome) => {
            print_out(&outcome.log);
            Ok(if outcome.failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Err(error) => {
            // One line for the step's log, escaped as every workflow command is: the message
            // can quote the repository's own files.
            use os2gov::render::annotations::{command, Command};
            print_out(&command(Command::Error, &[("title", "os2gov")], &error.0));
            Ok(ExitCode::from(2))
        }
    }
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
        Command::Fix(args) => run_fix(args),
        Command::Report(args) => run_report(args),
        Command::Action => run_action(),
        Command::Org(args) => {
            if args.owner.trim().is_empty() {
                anyhow::bail!("an organisation name is needed, e.g. `os2gov org OS2mo`");
            }
            if offline_by_env() {
                anyhow::bail!("OS2GOV_OFFLINE is set: an organisation can only be read online");
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
            let scan =
                os2gov::app::scan_organisation(&args.owner, &remote_options, &options, args.top)?;
            if args.verbose {
                eprint!("{}", scan.stats);
            }
            let lang = args.lang.unwrap_or_default();
            let out = match args.format {
                OrgFormat::Text => os2gov::render::portfolio::render_text(&scan.portfolio, lang),
                OrgFormat::Json => os2gov::render::portfolio::render_json(&scan.portfolio),
                OrgFormat::Markdown => {
                    os2gov::render::portfolio::render_markdown(&scan.portfolio, lang)
                }
            };
            match &output {
                Some(path) => write::write_atomically(path, out.as_bytes())?,
                None => print_out(&out),
            }
            for warning in &scan.warnings {
                print_note(warning.get(lang));
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
            print_incomplete(&match lang {
                Lang::Da => format!(
                    "{n} af {total} rækker er ufuldstændige, fordi ikke alt kunne læses; den første, {repo}: {why}"
                ),
                Lang::En => format!(
                    "{n} of {total} rows are incomplete because not everything could be read; the first, {repo}: {why}"
                ),
            });
            Ok(ExitCode::from(INCOMPLETE))
        }
        Command::Badge(args) => {
            let output = args
                .output
                .as_deref()
                .map(|o| output_target(o, Some(&args.path)))
                .transpose()?;
            let snapshot = os2gov::adapters::git::open_snapshot(&args.path, None, now())?;
            let options = Options {
                level: args.level,
                lang: args.lang,
                config: read_config(args.config.as_ref())?,
            };
            let report = engine::check(&snapshot, &options)?;
            let svg = os2gov::render::badge::badge_svg(&report);
            match &output {
                Some(path) => write::write_atomically(path, svg.as_bytes())?,
                None => print_out(&svg),
            }
            Ok(ExitCode::SUCCESS)
        }
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
                    Lang::Da => os2gov::engine::score::FORMULA_DA,
                    Lang::En => os2gov::engine::score::FORMULA_EN,
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
    eprintln!("os2gov: error: {}", one_line(message));
}

/// `message` without control characters or line breaks, for one line of standard error.
fn one_line(message: &str) -> String {
    let clean: String = message
        .chars()
        .map(|c| if c.is_control() { ' ' } else { c })
        .collect();
    clean.split_whitespace().collect::<Vec<_>>().join(" ")
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
