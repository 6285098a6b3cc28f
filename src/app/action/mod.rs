//! The GitHub Action's work (`os2gov action`, run by `action/run.sh`): check the checked-out
//! repository, and on a pull request its base revision too; write the step summary, annotations,
//! SARIF, JSON and step outputs; post or update one sticky PR comment; decide the step's status.
//!
//! Inputs arrive as `INPUT_*` environment variables (never interpolated into shell code) and the
//! runner's own variables (`GITHUB_EVENT_PATH`, `GITHUB_OUTPUT`, …), so the whole flow can be
//! tested under an emulated runner.

mod comment;
mod inputs;
mod outputs;

pub use comment::{comment_client, is_sticky, CommentApi, CommentResult, Posted, COMMENT_MARKER};
pub use inputs::{read_pull_request, ActionError, FailOn, Inputs, PullRequest, Runner};

use crate::base::model::{Lang, Msg};
use crate::engine::report::Report;
use crate::engine::{self, Options};
use crate::msg;
use crate::render;
use crate::render::annotations::{command, log_line, Command};
use crate::render::delta::{self, Delta};
use outputs::{append, write_file, write_output};

/// What a run produced, for the caller to print and to decide the exit code.
pub struct Outcome {
    pub report: Report,
    pub delta: Option<Delta>,
    pub failed: bool,
    /// Workflow commands (`::error …`) and notices, to be printed on standard output.
    pub log: String,
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
                ActionError::new(
                    format!("input `config`: kan ikke læse {}: {e}", path.display()),
                    format!("input `config`: cannot read {}: {e}", path.display()),
                )
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
        .map_err(|e| ActionError::of(&e))?;
    let (head_snapshot, scan_notes) = with_metadata(head_snapshot, inputs, runner, now, &options);
    let mut report = engine::check(&head_snapshot, &options).map_err(|e| ActionError::of(&e))?;
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
