//! The GitHub Action's work (`os2gov action`, run by `action/run.sh`): check the checked-out
//! repository, and on a pull request its base revision too; write the step summary, annotations,
//! SARIF, JSON and step outputs; post or update one sticky PR comment; decide the step's status.
//!
//! Inputs arrive as `INPUT_*` environment variables (never interpolated into shell code) and the
//! runner's own variables (`GITHUB_EVENT_PATH`, `GITHUB_OUTPUT`, …), so the whole flow can be
//! tested under an emulated runner.

use crate::adapters::write;
use crate::delta::{self, Delta};
use crate::engine::{self, Options};
use crate::model::{Lang, Level};
use crate::paths::Scope;
use crate::render;
use crate::report::Report;
use std::collections::HashMap;
use std::fmt::Write as _;
use std::path::{Path, PathBuf};

/// The hidden marker that finds our comment again among a pull request's comments.
pub const COMMENT_MARKER: &str = "<!-- os2gov-report -->";

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FailOn {
    BelowLevel,
    Regression,
    Never,
}

/// The action's inputs, validated.
#[derive(Debug, Clone)]
pub struct Inputs {
    pub path: PathBuf,
    pub level: Option<Level>,
    pub lang: Lang,
    pub config: Option<PathBuf>,
    pub token: Option<String>,
    pub fail_on: FailOn,
    pub comment: bool,
    pub sarif_file: PathBuf,
    pub json_file: PathBuf,
}

/// What the runner provides.
#[derive(Debug, Clone, Default)]
pub struct Runner {
    pub event_name: String,
    pub event_path: Option<PathBuf>,
    pub output: Option<PathBuf>,
    pub step_summary: Option<PathBuf>,
    pub workspace: PathBuf,
    pub api_url: String,
    pub repository: String,
    pub temp: PathBuf,
}

/// A failure that fails the step with one `::error` line.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct ActionError(pub String);

fn get(env: &HashMap<String, String>, key: &str) -> Option<String> {
    env.get(key)
        .map(|v| v.trim().to_string())
        .filter(|v| !v.is_empty())
}

impl Inputs {
    pub fn from_env(env: &HashMap<String, String>, runner: &Runner) -> Result<Inputs, ActionError> {
        let path = get(env, "INPUT_PATH").unwrap_or_else(|| ".".into());
        let path = runner.workspace.join(path);
        if !path.exists() {
            return Err(ActionError(format!(
                "input `path`: {} does not exist",
                path.display()
            )));
        }
        let level = match get(env, "INPUT_LEVEL") {
            None => None,
            Some(text) => Some(Level::parse(&text).ok_or_else(|| {
                ActionError(format!(
                    "input `level`: expected sandkasse, 1, 2 or 3, found {text:?}"
                ))
            })?),
        };
        let lang = match get(env, "INPUT_LANG") {
            None => Lang::Da,
            Some(text) => Lang::parse(&text).ok_or_else(|| {
                ActionError(format!("input `lang`: expected da or en, found {text:?}"))
            })?,
        };
        let fail_on = match get(env, "INPUT_FAIL_ON").as_deref() {
            None | Some("below-level") => FailOn::BelowLevel,
            Some("regression") => FailOn::Regression,
            Some("never") => FailOn::Never,
            Some(other) => {
                return Err(ActionError(format!(
                    "input `fail-on`: expected below-level, regression or never, found {other:?}"
                )))
            }
        };
        let comment = match get(env, "INPUT_COMMENT").as_deref() {
            None | Some("true") => true,
            Some("false") => false,
            Some(other) => {
                return Err(ActionError(format!(
                    "input `comment`: expected true or false, found {other:?}"
                )))
            }
        };
        // A relative input is resolved against the workspace and must stay in it (or in the
        // runner's temp folder); an absolute one is the workflow author's explicit choice.
        let workspace = absolute(&runner.workspace);
        let temp = absolute(&runner.temp);
        let scope = Scope::Output(vec![workspace.clone(), temp.clone()]);
        let file_input = |key: &str, default: &str| {
            let (base, requested) = match get(env, key) {
                Some(p) => (&workspace, PathBuf::from(p)),
                None => (&temp, PathBuf::from(default)),
            };
            write::resolve(&scope, base, &requested).map_err(|e| {
                let input = key
                    .trim_start_matches("INPUT_")
                    .to_ascii_lowercase()
                    .replace('_', "-");
                ActionError(format!("input `{input}`: {e}"))
            })
        };
        Ok(Inputs {
            path,
            level,
            lang,
            config: get(env, "INPUT_CONFIG").map(|p| runner.workspace.join(p)),
            token: get(env, "INPUT_TOKEN"),
            fail_on,
            comment,
            sarif_file: file_input("INPUT_SARIF_FILE", "os2gov.sarif")?,
            json_file: file_input("INPUT_JSON_FILE", "os2gov.json")?,
        })
    }
}

impl Runner {
    pub fn from_env(env: &HashMap<String, String>) -> Runner {
        let workspace = get(env, "GITHUB_WORKSPACE")
            .map(PathBuf::from)
            .unwrap_or_else(|| PathBuf::from("."));
        Runner {
            event_name: get(env, "GITHUB_EVENT_NAME").unwrap_or_default(),
            event_path: get(env, "GITHUB_EVENT_PATH").map(PathBuf::from),
            output: get(env, "GITHUB_OUTPUT").map(PathBuf::from),
            step_summary: get(env, "GITHUB_STEP_SUMMARY").map(PathBuf::from),
            temp: get(env, "RUNNER_TEMP")
                .map(PathBuf::from)
                .unwrap_or_else(|| workspace.clone()),
            workspace,
            api_url: get(env, "GITHUB_API_URL").unwrap_or_else(|| "https://api.github.com".into()),
            repository: get(env, "GITHUB_REPOSITORY").unwrap_or_default(),
        }
    }
}

/// The parts of a `pull_request` event payload the action reads.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PullRequest {
    pub number: u64,
    pub base_sha: String,
    pub head_sha: String,
    /// The head branch lives in another repository: the token can usually not write there.
    pub from_fork: bool,
}

pub fn read_pull_request(runner: &Runner) -> Result<Option<PullRequest>, ActionError> {
    if !matches!(
        runner.event_name.as_str(),
        "pull_request" | "pull_request_target"
    ) {
        return Ok(None);
    }
    let Some(path) = &runner.event_path else {
        return Err(ActionError(
            "GITHUB_EVENT_PATH is not set on a pull_request event".into(),
        ));
    };
    let text = std::fs::read_to_string(path).map_err(|e| {
        ActionError(format!(
            "cannot read the event payload {}: {e}",
            path.display()
        ))
    })?;
    let event: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        ActionError(format!(
            "the event payload {} is not JSON: {e}",
            path.display()
        ))
    })?;
    let pr = &event["pull_request"];
    let field = |v: &serde_json::Value, what: &str| {
        v.as_str()
            .map(str::to_string)
            .ok_or_else(|| ActionError(format!("the event payload has no {what}")))
    };
    let base_repo = pr["base"]["repo"]["full_name"].as_str().unwrap_or_default();
    let head_repo = pr["head"]["repo"]["full_name"].as_str().unwrap_or_default();
    Ok(Some(PullRequest {
        number: event["number"]
            .as_u64()
            .or_else(|| pr["number"].as_u64())
            .ok_or_else(|| ActionError("the event payload has no pull request number".into()))?,
        base_sha: field(&pr["base"]["sha"], "pull_request.base.sha")?,
        head_sha: field(&pr["head"]["sha"], "pull_request.head.sha")?,
        from_fork: !head_repo.is_empty() && !base_repo.eq_ignore_ascii_case(head_repo),
    }))
}

/// Posts or updates the sticky comment; implemented over the GitHub REST API.
pub trait CommentApi {
    /// Creates or updates the one comment carrying [`COMMENT_MARKER`] on pull request `number`.
    fn upsert(&self, number: u64, body: &str) -> Result<CommentResult, String>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentResult {
    Created,
    Updated,
}

/// What a run produced, for the caller to print and to decide the exit code.
pub struct Outcome {
    pub report: Report,
    pub delta: Option<Delta>,
    pub failed: bool,
    /// Workflow commands (`::error …`) and notices, to be printed on standard output.
    pub log: String,
}

fn write_output(path: &Path, values: &[(&str, String)]) -> Result<(), ActionError> {
    let mut text = String::new();
    for (name, value) in values {
        // One line per output; values here never contain newlines, but guard with the
        // heredoc form if one ever does.
        if value.contains('\n') {
            let _ = writeln!(text, "{name}<<OS2GOV_EOF\n{value}\nOS2GOV_EOF");
        } else {
            let _ = writeln!(text, "{name}={value}");
        }
    }
    append(path, &text)
}

fn append(path: &Path, text: &str) -> Result<(), ActionError> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| ActionError(format!("cannot write {}: {e}", path.display())))?;
    file.write_all(text.as_bytes())
        .map_err(|e| ActionError(format!("cannot write {}: {e}", path.display())))
}

/// `path` ([`Inputs`] resolved it) written atomically, with its missing folders.
fn write_file(path: &Path, text: &str) -> Result<(), ActionError> {
    write::write_all_or_nothing(&[(path.to_path_buf(), text.as_bytes())], true)
        .map_err(|e| ActionError(e.to_string()))
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}

/// GitHub and Jira metadata for the checkout when a token is set (the repository's `origin`
/// says where to ask); without a token, or when a lookup fails, the metadata checks report
/// `unknown` with the reason, and the step goes on.
#[cfg(feature = "remote")]
fn with_metadata(
    snapshot: crate::model::Snapshot,
    inputs: &Inputs,
    runner: &Runner,
    now: i64,
    options: &Options,
) -> (crate::model::Snapshot, Vec<crate::model::Msg>) {
    use crate::adapters::remote::{enrich_local, RemoteOptions, Secret};
    let Some(token) = inputs.token.as_deref().and_then(Secret::new) else {
        return (snapshot, Vec::new());
    };
    let remote = RemoteOptions {
        api_url: runner.api_url.clone(),
        token: Some(token),
        ..RemoteOptions::new(now)
    };
    match enrich_local(snapshot.clone(), &remote, options) {
        Ok(scan) => (scan.snapshot, scan.notes),
        Err(e) => (
            snapshot,
            vec![crate::model::Msg::new(
                format!("Metadata kunne ikke hentes: {e}"),
                format!("Metadata could not be fetched: {e}"),
            )],
        ),
    }
}

#[cfg(not(feature = "remote"))]
fn with_metadata(
    snapshot: crate::model::Snapshot,
    _: &Inputs,
    _: &Runner,
    _: i64,
    _: &Options,
) -> (crate::model::Snapshot, Vec<crate::model::Msg>) {
    (snapshot, Vec::new())
}

/// Runs the action: the checkout, and on a pull request its base revision too.
pub fn run(
    inputs: &Inputs,
    runner: &Runner,
    now: i64,
    comments: Option<&dyn CommentApi>,
) -> Result<Outcome, ActionError> {
    let mut log = String::new();
    let config = match &inputs.config {
        Some(path) => Some((
            path.display().to_string(),
            std::fs::read_to_string(path).map_err(|e| {
                ActionError(format!(
                    "input `config`: cannot read {}: {e}",
                    path.display()
                ))
            })?,
        )),
        None => None,
    };
    let options = Options {
        level: inputs.level,
        lang: Some(inputs.lang),
        config,
    };
    let head_snapshot = crate::adapters::git::open_snapshot(&inputs.path, None, now)
        .map_err(|e| ActionError(e.to_string()))?;
    let (head_snapshot, scan_notes) = with_metadata(head_snapshot, inputs, runner, now, &options);
    let mut report =
        engine::check(&head_snapshot, &options).map_err(|e| ActionError(e.to_string()))?;
    for note in &scan_notes {
        report.notes.push(note.get(report.lang).to_string());
    }
    let pull_request = read_pull_request(runner)?;

    let mut delta = None;
    if let Some(pr) = &pull_request {
        match crate::adapters::git::open_snapshot(&inputs.path, Some(&pr.base_sha), now) {
            // The same metadata for both sides, so that the delta shows only what the pull
            // request changed.
            Ok(mut base_snapshot) => {
                base_snapshot.github = head_snapshot.github.clone();
                base_snapshot.open_items = head_snapshot.open_items.clone();
                base_snapshot.jira = head_snapshot.jira.clone();
                match engine::check(&base_snapshot, &options) {
                    Ok(base) => delta = Some(delta::compare(&base, &report)),
                    Err(e) => {
                        let _ = writeln!(
                            log,
                            "::warning title=os2gov::The base revision could not be checked: {e}"
                        );
                    }
                }
            }
            Err(e) => {
                let _ = writeln!(
                    log,
                    "::warning title=os2gov::The base revision {} is not in this clone ({e}); use actions/checkout with fetch-depth: 0 to see the pull request's effect",
                    pr.base_sha
                );
            }
        }
    }

    let mut markdown = format!("{COMMENT_MARKER}\n");
    markdown.push_str(&render::markdown(&report));
    if let Some(d) = &delta {
        markdown.push('\n');
        markdown.push_str(&delta::markdown(d, inputs.lang));
    }
    if let Some(summary) = &runner.step_summary {
        append(summary, &markdown)?;
    }
    log.push_str(&render::workflow_commands(&report));

    let fallback = report
        .requirements
        .iter()
        .flat_map(|f| f.evidence.iter())
        .find_map(|e| e.path.clone())
        .or_else(|| {
            head_snapshot
                .files
                .keys()
                .find(|p| p.to_ascii_lowercase().starts_with("readme"))
                .cloned()
        });
    write_file(
        &inputs.sarif_file,
        &render::sarif(&report, fallback.as_deref()),
    )?;
    write_file(&inputs.json_file, &render::json(&report))?;

    if let Some(output) = &runner.output {
        write_output(
            output,
            &[
                ("score", report.score.to_string()),
                (
                    "required-level",
                    report.required_level.level.as_str().to_string(),
                ),
                (
                    "achieved-level",
                    report
                        .achieved_level
                        .map(|l| l.as_str().to_string())
                        .unwrap_or_default(),
                ),
                ("passed", report.passed.to_string()),
                ("report-json", inputs.json_file.display().to_string()),
                ("sarif", inputs.sarif_file.display().to_string()),
            ],
        )?;
    }

    if let (Some(pr), true) = (&pull_request, inputs.comment) {
        match comments {
            None => {
                let _ = writeln!(
                    log,
                    "::notice title=os2gov::No token: the report is in the step summary only"
                );
            }
            Some(api) => match api.upsert(pr.number, &markdown) {
                Ok(CommentResult::Created) => {
                    let _ = writeln!(log, "os2gov: comment created on #{}", pr.number);
                }
                Ok(CommentResult::Updated) => {
                    let _ = writeln!(log, "os2gov: comment updated on #{}", pr.number);
                }
                Err(reason) => {
                    let fork = if pr.from_fork {
                        " (a pull request from a fork gets a read-only token)"
                    } else {
                        ""
                    };
                    let _ = writeln!(log, "::notice title=os2gov::Could not comment on the pull request{fork}: {reason}. The report is in the step summary.");
                }
            },
        }
    }

    let failed = match inputs.fail_on {
        FailOn::BelowLevel => !report.passed,
        FailOn::Regression => delta.as_ref().is_some_and(Delta::is_regression),
        FailOn::Never => false,
    };
    if failed {
        let why = match inputs.fail_on {
            FailOn::Regression => "this pull request lowers governance compliance".to_string(),
            _ => format!(
                "achieved level {} is below the required level {}",
                report.achieved_level.map(|l| l.as_str()).unwrap_or("none"),
                report.required_level.level
            ),
        };
        let _ = writeln!(log, "::error title=os2gov::{why}");
    }
    Ok(Outcome {
        report,
        delta,
        failed,
        log,
    })
}

/// The sticky comment over GitHub's REST API (octocrab): finds the comment carrying
/// [`COMMENT_MARKER`] among the pull request's comments and updates it, or creates one.
#[cfg(feature = "remote")]
struct GitHubComments {
    runtime: tokio::runtime::Runtime,
    client: octocrab::Octocrab,
    owner: String,
    repo: String,
}

#[cfg(feature = "remote")]
impl CommentApi for GitHubComments {
    fn upsert(&self, number: u64, body: &str) -> Result<CommentResult, String> {
        use octocrab::models::issues::Comment;
        self.runtime.block_on(async {
            let issues = self.client.issues(&self.owner, &self.repo);
            let mut page = issues
                .list_comments(number)
                .per_page(100)
                .send()
                .await
                .map_err(describe)?;
            loop {
                if let Some(existing) = page.items.iter().find(|c: &&Comment| {
                    c.body
                        .as_deref()
                        .is_some_and(|b| b.contains(COMMENT_MARKER))
                }) {
                    issues
                        .update_comment(existing.id, body)
                        .await
                        .map_err(describe)?;
                    return Ok(CommentResult::Updated);
                }
                match self
                    .client
                    .get_page::<Comment>(&page.next)
                    .await
                    .map_err(describe)?
                {
                    Some(next) => page = next,
                    None => break,
                }
            }
            issues
                .create_comment(number, body)
                .await
                .map_err(describe)?;
            Ok(CommentResult::Created)
        })
    }
}

/// GitHub's answer in one line; octocrab's errors never contain the token.
#[cfg(feature = "remote")]
fn describe(error: octocrab::Error) -> String {
    match &error {
        octocrab::Error::GitHub { source, .. } => format!(
            "GitHub answered {}: {}",
            source.status_code.as_u16(),
            source.message
        ),
        _ => error
            .to_string()
            .lines()
            .next()
            .unwrap_or("request failed")
            .to_string(),
    }
}

/// A comment client when there is a token and a repository to comment in.
#[cfg(feature = "remote")]
pub fn comment_client(runner: &Runner, inputs: &Inputs) -> Option<Box<dyn CommentApi>> {
    let token = inputs.token.clone()?;
    let (owner, repo) = runner.repository.split_once('/')?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .ok()?;
    let client = runtime
        .block_on(async {
            octocrab::Octocrab::builder()
                .base_uri(runner.api_url.as_str())?
                .personal_token(token)
                .set_connect_timeout(Some(std::time::Duration::from_secs(10)))
                .set_read_timeout(Some(std::time::Duration::from_secs(30)))
                .build()
        })
        .ok()?;
    Some(Box::new(GitHubComments {
        runtime,
        client,
        owner: owner.to_string(),
        repo: repo.to_string(),
    }))
}

/// Without the network adapters there is no way to comment; the report stays in the summary.
#[cfg(not(feature = "remote"))]
pub fn comment_client(_: &Runner, _: &Inputs) -> Option<Box<dyn CommentApi>> {
    None
}
