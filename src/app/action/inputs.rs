//! The action's inputs (`INPUT_*`, validated) and the runner's own variables (`GITHUB_*`,
//! `RUNNER_TEMP`), and the pull request the event payload names.

use crate::adapters::write;
use crate::base::model::{Bilingual, Lang, Level, Msg};
use crate::base::paths::Scope;
use std::collections::HashMap;
use std::path::{Path, PathBuf};

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

/// A failure that fails the step with one `::error` line, in both languages: it may come
/// before the `lang` input is read.
#[derive(Debug, thiserror::Error)]
#[error("{}", .0.en)]
pub struct ActionError(pub Msg);

impl Bilingual for ActionError {
    fn msg(&self) -> Msg {
        self.0.clone()
    }
}

impl ActionError {
    pub(crate) fn new(da: impl Into<String>, en: impl Into<String>) -> ActionError {
        ActionError(Msg::new(da, en))
    }

    /// The library's own error, in both languages.
    pub(crate) fn of(error: &impl Bilingual) -> ActionError {
        ActionError(error.msg())
    }
}

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
            return Err(ActionError::new(
                format!("input `path`: {} findes ikke", path.display()),
                format!("input `path`: {} does not exist", path.display()),
            ));
        }
        let level = match get(env, "INPUT_LEVEL") {
            None => None,
            Some(text) => Some(Level::parse(&text).ok_or_else(|| {
                ActionError::new(
                    format!("input `level`: forventede sandkasse, 1, 2 eller 3, fandt {text:?}"),
                    format!("input `level`: expected sandkasse, 1, 2 or 3, found {text:?}"),
                )
            })?),
        };
        let lang = match get(env, "INPUT_LANG") {
            None => Lang::Da,
            Some(text) => Lang::parse(&text).ok_or_else(|| {
                ActionError::new(
                    format!("input `lang`: forventede da eller en, fandt {text:?}"),
                    format!("input `lang`: expected da or en, found {text:?}"),
                )
            })?,
        };
        let fail_on = match get(env, "INPUT_FAIL_ON").as_deref() {
            None | Some("below-level") => FailOn::BelowLevel,
            Some("regression") => FailOn::Regression,
            Some("never") => FailOn::Never,
            Some(other) => {
                return Err(ActionError::new(
                    format!("input `fail-on`: forventede below-level, regression eller never, fandt {other:?}"),
                    format!("input `fail-on`: expected below-level, regression or never, found {other:?}"),
                ))
            }
        };
        let comment = match get(env, "INPUT_COMMENT").as_deref() {
            None | Some("true") => true,
            Some("false") => false,
            Some(other) => {
                return Err(ActionError::new(
                    format!("input `comment`: forventede true eller false, fandt {other:?}"),
                    format!("input `comment`: expected true or false, found {other:?}"),
                ))
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
                let why = e.msg();
                let (da, en) = (&why.da, &why.en);
                ActionError(crate::msg!(
                    "input `{input}`: {da}",
                    "input `{input}`: {en}"
                ))
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
        return Err(ActionError::new(
            "GITHUB_EVENT_PATH er ikke sat ved en pull_request-hændelse",
            "GITHUB_EVENT_PATH is not set on a pull_request event",
        ));
    };
    let text = std::fs::read_to_string(path).map_err(|e| {
        ActionError::new(
            format!("kan ikke læse hændelsens data {}: {e}", path.display()),
            format!("cannot read the event payload {}: {e}", path.display()),
        )
    })?;
    let event: serde_json::Value = serde_json::from_str(&text).map_err(|e| {
        ActionError::new(
            format!("hændelsens data {} er ikke JSON: {e}", path.display()),
            format!("the event payload {} is not JSON: {e}", path.display()),
        )
    })?;
    let pr = &event["pull_request"];
    let field = |v: &serde_json::Value, what: &str| {
        v.as_str().map(str::to_string).ok_or_else(|| {
            ActionError::new(
                format!("hændelsens data har intet {what}"),
                format!("the event payload has no {what}"),
            )
        })
    };
    let base_repo = pr["base"]["repo"]["full_name"].as_str().unwrap_or_default();
    let head_repo = pr["head"]["repo"]["full_name"].as_str().unwrap_or_default();
    Ok(Some(PullRequest {
        number: event["number"]
            .as_u64()
            .or_else(|| pr["number"].as_u64())
            .ok_or_else(|| {
                ActionError::new(
                    "hændelsens data har intet nummer på pull requesten",
                    "the event payload has no pull request number",
                )
            })?,
        base_sha: field(&pr["base"]["sha"], "pull_request.base.sha")?,
        head_sha: field(&pr["head"]["sha"], "pull_request.head.sha")?,
        from_fork: !head_repo.is_empty() && !base_repo.eq_ignore_ascii_case(head_repo),
    }))
}

fn absolute(path: &Path) -> PathBuf {
    std::path::absolute(path).unwrap_or_else(|_| path.to_path_buf())
}
