//! The GitHub Action's work (`os2gov action`, run by `action/run.sh`): check the checked-out
//! repository, and on a pull request its base revision too; write the step summary, annotations,
//! SARIF, JSON and step outputs; post or update one sticky PR comment; decide the step's status.
//!
//! Inputs arrive as `INPUT_*` environment variables (never interpolated into shell code) and the
//! runner's own variables (`GITHUB_EVENT_PATH`, `GITHUB_OUTPUT`, …), so the whole flow can be
//! tested under an emulated runner.

#[cfg(feature = "remote")]
use crate::adapters::remote::next_page;
use crate::adapters::write;
use crate::base::model::{Lang, Level, Msg};
use crate::base::paths::Scope;
use crate::engine::report::Report;
use crate::engine::{self, Options};
use crate::msg;
use crate::render;
use crate::render::annotations::{command, log_line, Command};
use crate::render::delta::{self, Delta};
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
    /// An error says why in both languages.
    fn upsert(&self, number: u64, body: &str) -> Result<Posted, Msg>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentResult {
    Created,
    Updated,
}

/// A comment GitHub accepted. The status decides that it was posted; the answer's body only
/// adds the link, when it can be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posted {
    pub result: CommentResult,
    pub url: Option<String>,
}

/// Whether a comment's body is our sticky comment: every comment the Action writes starts with
/// the marker, so a person's comment that quotes a report further down is never overwritten.
pub fn is_sticky(body: &str) -> bool {
    body.trim_start().starts_with(COMMENT_MARKER)
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
        // One line per output; a value with a line break (a path can hold one) takes the
        // heredoc form, with a delimiter the value does not contain, so that no line of the
        // value can end it early and set outputs of its own.
        if value.contains(['\n', '\r']) {
            let delimiter = (0u32..)
                .map(|n| format!("OS2GOV_EOF_{n}"))
                .find(|d| !value.contains(d.as_str()))
                .unwrap_or_default();
            let _ = writeln!(text, "{name}<<{delimiter}\n{value}\n{delimiter}");
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
    snapshot: crate::base::model::Snapshot,
    inputs: &Inputs,
    runner: &Runner,
    now: i64,
    options: &Options,
) -> (crate::base::model::Snapshot, Vec<crate::base::model::Msg>) {
    use crate::adapters::remote::{RemoteOptions, Secret};
    use crate::app::enrich_local;
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
            vec![crate::base::model::Msg::new(
                format!("Metadata kunne ikke hentes: {e}"),
                format!("Metadata could not be fetched: {e}"),
            )],
        ),
    }
}

#[cfg(not(feature = "remote"))]
fn with_metadata(
    snapshot: crate::base::model::Snapshot,
    _: &Inputs,
    _: &Runner,
    _: i64,
    _: &Options,
) -> (crate::base::model::Snapshot, Vec<crate::base::model::Msg>) {
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
    crate::app::add_notes(&mut report, &scan_notes);
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
                    // The base revision's files come from the pull request's target branch,
                    // and its error quotes them (an os2gov.toml key): escaped like all data.
                    Err(e) => log.push_str(&titled(
                        Command::Warning,
                        &msg!(
                            "Basisrevisionen kunne ikke tjekkes: {e}",
                            "The base revision could not be checked: {e}"
                        ),
                        inputs.lang,
                    )),
                }
            }
            Err(e) => {
                let sha = &pr.base_sha;
                log.push_str(&titled(
                    Command::Warning,
                    &msg!(
                        "Basisrevisionen {sha} findes ikke i denne klon ({e}); brug actions/checkout med fetch-depth: 0 for at se pull requestens virkning",
                        "The base revision {sha} is not in this clone ({e}); use actions/checkout with fetch-depth: 0 to see the pull request's effect"
                    ),
                    inputs.lang,
                ));
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
        let lang = inputs.lang;
        let number = pr.number;
        match comments {
            None => log.push_str(&titled(
                Command::Notice,
                &msg!(
                    "Intet token: rapporten står kun i trinnets opsummering",
                    "No token: the report is in the step summary only"
                ),
                lang,
            )),
            Some(api) => match api.upsert(number, &markdown) {
                Ok(posted) => {
                    let done = match posted.result {
                        CommentResult::Created => {
                            msg!(
                                "kommentar oprettet på #{number}",
                                "comment created on #{number}"
                            )
                        }
                        CommentResult::Updated => msg!(
                            "kommentar opdateret på #{number}",
                            "comment updated on #{number}"
                        ),
                    };
                    let line = match &posted.url {
                        Some(url) => format!("{}: {url}", done.get(lang)),
                        None => done.get(lang).to_string(),
                    };
                    log.push_str(&log_line(&line));
                }
                Err(reason) => {
                    let fork = if pr.from_fork {
                        msg!(
                            " (en pull request fra en fork får et skrivebeskyttet token)",
                            " (a pull request from a fork gets a read-only token)"
                        )
                    } else {
                        Msg::default()
                    };
                    let (fork, reason) = (fork.get(lang), reason.get(lang));
                    log.push_str(&titled(
                        Command::Notice,
                        &msg!(
                            "Kunne ikke kommentere pull requesten{fork}: {reason}. Rapporten står i trinnets opsummering.",
                            "Could not comment on the pull request{fork}: {reason}. The report is in the step summary."
                        ),
                        lang,
                    ));
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
            FailOn::Regression => msg!(
                "denne pull request sænker opfyldelsen af governance-kravene",
                "this pull request lowers governance compliance"
            ),
            _ => {
                let required = report.required_level.level;
                let (da, en) = match report.achieved_level {
                    Some(level) => (level.as_str(), level.as_str()),
                    None => ("intet", "none"),
                };
                msg!(
                    "opnået niveau {da} er under det krævede niveau {required}",
                    "achieved level {en} is below the required level {required}"
                )
            }
        };
        log.push_str(&titled(Command::Error, &why, inputs.lang));
    }
    Ok(Outcome {
        report,
        delta,
        failed,
        log,
    })
}

/// One workflow command titled `os2gov`, in the report's language.
fn titled(kind: Command, text: &Msg, lang: Lang) -> String {
    command(kind, &[("title", "os2gov")], text.get(lang))
}

/// The sticky comment over GitHub's REST API, with octocrab's raw requests: the status of each
/// answer is read first and decides, and a body is parsed only where its content is needed (the
/// list of comments; the link to ours, which is optional). octocrab's typed calls turn a `201`
/// whose body does not parse into an error that cannot be told from a refusal, and a comment
/// GitHub accepted would be reported as not posted.
#[cfg(feature = "remote")]
struct GitHubComments {
    runtime: tokio::runtime::Runtime,
    client: octocrab::Octocrab,
    /// `scheme://authority` of the API: the only host a `Link` header may send us to.
    origin: String,
    owner: String,
    repo: String,
}

/// A pull request with more comments than this is not paged through to its end; more than
/// enough for any real one, and a bound on a `Link` header that never ends.
#[cfg(feature = "remote")]
const MAX_COMMENT_PAGES: usize = 100;

#[cfg(feature = "remote")]
struct RawAnswer {
    status: u16,
    /// `None` when the body could not be read to its end.
    body: Option<Vec<u8>>,
    link: Option<String>,
}

#[cfg(feature = "remote")]
impl GitHubComments {
    async fn send(
        &self,
        method: http::Method,
        uri: &str,
        body: Option<&serde_json::Value>,
    ) -> Result<RawAnswer, Msg> {
        use http_body_util::BodyExt;
        let sent = match method {
            http::Method::POST => self.client._post(uri, body).await,
            http::Method::PATCH => self.client._patch(uri, body).await,
            _ => self.client._get(uri).await,
        };
        let (parts, answer) = sent.map_err(|e| transport(&e))?.into_parts();
        let body = answer.collect().await.ok().map(|b| b.to_bytes().to_vec());
        let link = parts
            .headers
            .get(http::header::LINK)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        Ok(RawAnswer {
            status: parts.status.as_u16(),
            body,
            link,
        })
    }

    /// The id of our comment on pull request `number`, searching every page of its comments.
    async fn find(&self, number: u64) -> Result<Option<u64>, Msg> {
        let mut uri = format!(
            "/repos/{}/{}/issues/{number}/comments?per_page=100",
            self.owner, self.repo
        );
        for _ in 0..MAX_COMMENT_PAGES {
            let answer = self.send(http::Method::GET, &uri, None).await?;
            if answer.status != 200 {
                return Err(refused(answer.status, answer.body.as_deref()));
            }
            let comments: Vec<serde_json::Value> = answer
                .body
                .as_deref()
                .and_then(|b| serde_json::from_slice(b).ok())
                .ok_or_else(|| {
                    msg!(
                        "GitHubs liste over kommentarer kunne ikke læses",
                        "GitHub's list of comments could not be read"
                    )
                })?;
            let ours = comments.iter().find_map(|c| {
                let body = c.get("body").and_then(serde_json::Value::as_str)?;
                is_sticky(body)
                    .then(|| c.get("id").and_then(serde_json::Value::as_u64))
                    .flatten()
            });
            if ours.is_some() {
                return Ok(ours);
            }
            match answer.link.as_deref().and_then(next_page) {
                None => return Ok(None),
                Some(next) => uri = on_api_host(&self.origin, &next)?,
            }
        }
        Err(msg!(
            "pull requesten har mere end {MAX_COMMENT_PAGES} sider kommentarer",
            "the pull request has more than {MAX_COMMENT_PAGES} pages of comments"
        ))
    }
}

/// The path and query of a `Link` URL on the API's own host (`origin`), so that the token goes
/// with it (octocrab attaches it only to relative requests) and the Action follows no link
/// elsewhere.
#[cfg(feature = "remote")]
fn on_api_host(origin: &str, url: &str) -> Result<String, Msg> {
    url.strip_prefix(origin)
        .filter(|rest| rest.starts_with('/'))
        .map(str::to_string)
        .ok_or_else(|| {
            msg!(
                "GitHub henviste til næste side på en anden vært ({url})",
                "GitHub pointed to the next page on another host ({url})"
            )
        })
}

#[cfg(feature = "remote")]
impl CommentApi for GitHubComments {
    fn upsert(&self, number: u64, body: &str) -> Result<Posted, Msg> {
        let payload = serde_json::json!({ "body": body });
        self.runtime.block_on(async {
            let (result, method, uri) = match self.find(number).await? {
                // PATCH, as GitHub documents the edit.
                Some(id) => (
                    CommentResult::Updated,
                    http::Method::PATCH,
                    format!("/repos/{}/{}/issues/comments/{id}", self.owner, self.repo),
                ),
                None => (
                    CommentResult::Created,
                    http::Method::POST,
                    format!(
                        "/repos/{}/{}/issues/{number}/comments",
                        self.owner, self.repo
                    ),
                ),
            };
            let answer = self.send(method, &uri, Some(&payload)).await?;
            // GitHub answers 201 to a new comment and 200 to an edit: any success status means
            // it was accepted, whatever the body holds.
            if !(200..300).contains(&answer.status) {
                return Err(refused(answer.status, answer.body.as_deref()));
            }
            let url = answer
                .body
                .as_deref()
                .and_then(|b| serde_json::from_slice::<serde_json::Value>(b).ok())
                .and_then(|v| v.get("html_url")?.as_str().map(str::to_string))
                .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
            Ok(Posted { result, url })
        })
    }
}

/// GitHub's refusal in one line: the status and its own message (never the token, which is
/// only ever in the request).
#[cfg(feature = "remote")]
fn refused(status: u16, body: Option<&[u8]>) -> Msg {
    let message = body
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(b).ok())
        .and_then(|v| v.get("message")?.as_str().map(str::to_string))
        .unwrap_or_default();
    let detail = if message.is_empty() {
        String::new()
    } else {
        format!(": {message}")
    };
    msg!(
        "GitHub svarede {status}{detail}",
        "GitHub answered {status}{detail}"
    )
}

/// A request that got no answer (connection, timeout). When it was the comment itself, GitHub
/// may still have posted it; the next run finds it by its marker and updates it.
#[cfg(feature = "remote")]
fn transport(error: &octocrab::Error) -> Msg {
    let text = error.to_string();
    let first = text.lines().next().unwrap_or("request failed");
    msg!(
        "intet svar fra GitHub ({first})",
        "no answer from GitHub ({first})"
    )
}

/// A comment client when there is a token and a repository to comment in.
#[cfg(feature = "remote")]
pub fn comment_client(runner: &Runner, inputs: &Inputs) -> Option<Box<dyn CommentApi>> {
    let token = inputs.token.clone()?;
    let (owner, repo) = runner.repository.split_once('/')?;
    let api_url = runner.api_url.trim().trim_end_matches('/');
    let (scheme, rest) = api_url.split_once("://")?;
    let authority = rest.split('/').next().unwrap_or(rest);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .ok()?;
    let client = runtime
        .block_on(async {
            octocrab::Octocrab::builder()
                .base_uri(api_url)?
                .personal_token(token)
                .set_connect_timeout(Some(std::time::Duration::from_secs(10)))
                .set_read_timeout(Some(std::time::Duration::from_secs(30)))
                .build()
        })
        .ok()?;
    Some(Box::new(GitHubComments {
        runtime,
        client,
        origin: format!("{scheme}://{authority}"),
        owner: owner.to_string(),
        repo: repo.to_string(),
    }))
}

/// Without the network adapters there is no way to comment; the report stays in the summary.
#[cfg(not(feature = "remote"))]
pub fn comment_client(_: &Runner, _: &Inputs) -> Option<Box<dyn CommentApi>> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_pages_are_followed_only_on_the_api_host() {
        let link = "<https://api.github.com/repositories/1/issues/7/comments?page=3>; rel=\"next\", <https://api.github.com/repositories/1/issues/7/comments?page=9>; rel=\"last\"";
        let next = next_page(link).expect("next");
        assert_eq!(
            on_api_host("https://api.github.com", &next).expect("same host"),
            "/repositories/1/issues/7/comments?page=3"
        );
        assert_eq!(
            on_api_host(
                "https://ghe.example.org",
                "https://ghe.example.org/api/v3/x?page=2"
            )
            .expect("same host"),
            "/api/v3/x?page=2"
        );
        for elsewhere in [
            "https://evil.example.org/repos/x",
            "https://api.github.com.evil.example.org/repos/x",
            "https://api.github.com:8443/repos/x",
            "http://api.github.com/repos/x",
            "/repos/x",
        ] {
            assert!(
                on_api_host("https://api.github.com", elsewhere).is_err(),
                "{elsewhere}"
            );
        }
        assert_eq!(next_page("<https://x/1>; rel=\"last\""), None);
    }

    #[test]
    fn only_a_comment_that_starts_with_the_marker_is_ours() {
        assert!(is_sticky("<!-- os2gov-report -->\n## os2gov"));
        assert!(is_sticky("\n <!-- os2gov-report -->"));
        assert!(!is_sticky("I disagree:\n> <!-- os2gov-report -->"));
        assert!(!is_sticky(""));
    }

    /// Reads GITHUB_OUTPUT as the runner does: `name=value`, or `name<<DELIMITER` and the lines
    /// up to the first one that is exactly the delimiter.
    fn runner_reads(text: &str) -> Vec<(String, String)> {
        let mut outputs = Vec::new();
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if let Some((name, delimiter)) = line.split_once("<<") {
                let value: Vec<&str> = lines.by_ref().take_while(|l| *l != delimiter).collect();
                outputs.push((name.to_string(), value.join("\n")));
            } else if let Some((name, value)) = line.split_once('=') {
                outputs.push((name.to_string(), value.to_string()));
            }
        }
        outputs
    }

    #[test]
    fn an_output_value_cannot_end_its_heredoc() {
        let dir = tempfile::tempdir().expect("tmp");
        let file = dir.path().join("output");
        let value = "out/a\nOS2GOV_EOF\npassed=true\nOS2GOV_EOF_0\nscore=100".to_string();
        write_output(
            &file,
            &[("sarif", value.clone()), ("passed", "false".into())],
        )
        .expect("write");
        let text = std::fs::read_to_string(&file).expect("read");
        assert_eq!(
            runner_reads(&text),
            vec![
                ("sarif".to_string(), value),
                ("passed".to_string(), "false".to_string())
            ],
            "{text}"
        );
    }
}
