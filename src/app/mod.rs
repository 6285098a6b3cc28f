//! The application layer: what a face (the CLI, the GitHub Action) asks for, put together from
//! the adapters and the engine. Adapters only fill a [`Snapshot`]; the engine alone turns it into
//! verdicts; this module decides which adapter reads what and hands the snapshot on:
//!
//! adapter → snapshot → engine (evidence → verdicts → score) → report → renderers.
//!
//! Nothing here constructs or changes a verdict: it adds the adapters' notes to the report and
//! builds the organisation's portfolio from the engine's reports.

#[cfg(feature = "cli")]
pub mod action;
pub mod errors;
pub mod evaluate;
pub mod fix;
pub mod report;

use crate::adapters::remote::{
    self, JiraRef, OrgRepo, RemoteError, RemoteOptions, RemoteScan, RemoteTarget, RequestStats,
};
use crate::base::model::{Bilingual, Msg, Snapshot};
use crate::engine::report::Report;
use crate::engine::{self, EngineError};
use crate::evidence::{classify_link, Ctx, LinkKind};
use crate::msg;
use crate::render::portfolio::{Portfolio, PortfolioRow};
use std::path::PathBuf;

/// Adds an adapter's notes (organisation defaults used, Jira's answer) to the report, in the
/// report's language. What could not be read is the engine's to decide on, from
/// `snapshot.unread`, and is already in the report.
pub fn add_notes(report: &mut Report, notes: &[Msg]) {
    let lang = report.lang;
    report
        .notes
        .extend(notes.iter().map(|note| note.get(lang).to_string()));
}

/// Jira from the config (`[jira] url, project`), else the first Jira link in the README/docs.
/// A config that cannot be read names no project here: the check reports why it could not.
pub(crate) fn jira_of(snapshot: &Snapshot, engine: &engine::Options) -> Option<JiraRef> {
    let configured = engine::load_config(snapshot, engine)
        .ok()
        .and_then(|c| c.jira)
        .map(|j| JiraRef {
            base: j.url,
            project: j.project,
        });
    configured.or_else(|| {
        let ctx = Ctx::new(snapshot, Vec::new(), None);
        let found = ctx
            .links()
            .find_map(|(_, link)| match classify_link(&link.url) {
                LinkKind::Jira { base, project } => Some(JiraRef { base, project }),
                _ => None,
            });
        found
    })
}

/// Reads a GitHub repository through the API, without cloning ([`remote::scan_remote`]), then
/// checks it: the report with the scan's notes.
pub fn check_remote(
    target: &RemoteTarget,
    options: &RemoteOptions,
    engine: &engine::Options,
) -> Result<(Report, RemoteScan), AppError> {
    let scan = remote::scan_remote(target, options, &|s| jira_of(s, engine))?;
    let mut report = engine::check(&scan.snapshot, engine)?;
    add_notes(&mut report, &scan.notes);
    Ok((report, scan))
}

/// Adds GitHub and Jira metadata to a local snapshot ([`remote::enrich_local`]), then checks it.
pub fn check_local(
    snapshot: Snapshot,
    options: &RemoteOptions,
    engine: &engine::Options,
) -> Result<(Report, RemoteScan), AppError> {
    let scan = enrich_local(snapshot, options, engine)?;
    let mut report = engine::check(&scan.snapshot, engine)?;
    add_notes(&mut report, &scan.notes);
    Ok((report, scan))
}

/// Adds GitHub metadata, the organisation's default community files, the open items and Jira to
/// a local snapshot ([`remote::enrich_local`]), with the Jira project the config or README names.
pub fn enrich_local(
    snapshot: Snapshot,
    options: &RemoteOptions,
    engine: &engine::Options,
) -> Result<RemoteScan, RemoteError> {
    remote::enrich_local(snapshot, options, &|s| jira_of(s, engine))
}

/// What `os2gov check` checks.
#[derive(Debug, Clone)]
pub enum Source {
    /// A repository on GitHub, read through its API.
    Remote(RemoteTarget),
    /// A folder or a local clone, at `rev` (a clone's checked-out tree without one).
    Local { path: PathBuf, rev: Option<String> },
}

/// A checked repository: the report, the snapshot it was made from (what could not be read, the
/// README for SARIF, the `--verbose` figures) and what the run says on standard error.
#[derive(Debug, Clone)]
pub struct Checked {
    pub report: Report,
    pub snapshot: Snapshot,
    /// The requests made; `None` offline.
    pub requests: Option<RequestStats>,
    /// Problems of the run itself (a cache that cannot be used).
    pub warnings: Vec<Msg>,
}

#[derive(Debug, thiserror::Error)]
pub enum AppError {
    #[error("{}", self.msg().en)]
    RemoteOffline(String),
    #[error(transparent)]
    Local(#[from] crate::adapters::fs::AdapterError),
    #[error(transparent)]
    Remote(#[from] RemoteError),
    #[error(transparent)]
    Engine(#[from] EngineError),
}

impl Bilingual for AppError {
    fn msg(&self) -> Msg {
        match self {
            AppError::RemoteOffline(name) => msg!(
                "{name} er et fjernrepository: det kan ikke tjekkes --offline",
                "{name} is a remote repository: it cannot be checked --offline"
            ),
            AppError::Local(e) => e.msg(),
            AppError::Remote(e) => e.msg(),
            AppError::Engine(e) => e.msg(),
        }
    }
}

impl AppError {
    /// The config could not be downloaded: an incomplete read (exit 3), not bad input.
    pub fn config_not_read(&self) -> Option<&EngineError> {
        match self {
            AppError::Engine(e @ EngineError::ConfigNotRead { .. }) => Some(e),
            _ => None,
        }
    }
}

/// `os2gov check`: a remote repository through GitHub's API, a local one from disk at `now`
/// and, unless `remote` is `None` (offline), with its GitHub and Jira metadata.
pub fn check(
    source: &Source,
    remote: Option<&RemoteOptions>,
    engine: &engine::Options,
    now: i64,
) -> Result<Checked, AppError> {
    match source {
        Source::Remote(target) => {
            let Some(options) = remote else {
                return Err(AppError::RemoteOffline(target.slug()));
            };
            let (report, scan) = check_remote(target, options, engine)?;
            Ok(Checked {
                report,
                snapshot: scan.snapshot,
                requests: Some(scan.stats),
                warnings: scan.warnings,
            })
        }
        Source::Local { path, rev } => {
            let snapshot = crate::adapters::git::open_snapshot(path, rev.as_deref(), now)?;
            match remote {
                None => Ok(Checked {
                    report: engine::check(&snapshot, engine)?,
                    snapshot,
                    requests: None,
                    warnings: Vec::new(),
                }),
                Some(options) => {
                    let (report, scan) = check_local(snapshot, options, engine)?;
                    Ok(Checked {
                        report,
                        snapshot: scan.snapshot,
                        requests: Some(scan.stats),
                        warnings: scan.warnings,
                    })
                }
            }
        }
    }
}

/// The outcome of `os2gov org OWNER`.
#[derive(Debug, Clone)]
pub struct OrgScan {
    pub portfolio: Portfolio,
    pub stats: RequestStats,
    /// Problems of the run itself (a cache that cannot be used), for standard error.
    pub warnings: Vec<Msg>,
}

/// Checks every public, non-archived repository of an organisation (or user) into a portfolio
/// table with up to `top_gaps` gaps per repository ([`remote::scan_organisation_with`] reads
/// them). The level from `engine.level` applies to all; each repository's own config and
/// governance report are read as in a single check. A row whose inputs could not all be read
/// (a rate limit that ran out mid-scan, a failed request) is marked incomplete with the reason.
pub fn scan_organisation(
    org: &str,
    options: &RemoteOptions,
    engine: &engine::Options,
    top_gaps: usize,
) -> Result<OrgScan, RemoteError> {
    let row = |listed: &OrgRepo, scan: Result<RemoteScan, RemoteError>| {
        let (slug, url) = (listed.slug.as_str(), listed.url.as_str());
        let scan = match scan {
            Ok(scan) => scan,
            Err(e) => return PortfolioRow::failed(slug, url, &e.to_string()),
        };
        let mut report = match engine::check(&scan.snapshot, engine) {
            Ok(report) => report,
            Err(e) => return PortfolioRow::failed(slug, url, &e.to_string()),
        };
        add_notes(&mut report, &scan.notes);
        let mut row = PortfolioRow::from_report(slug, url, &report, top_gaps);
        let reasons = scan.snapshot.unread.reasons();
        if let Some(reason) = reasons.into_iter().reduce(|a, b| a.join(&b)) {
            row.incomplete = Some(reason.get(report.lang).to_string());
        }
        row
    };
    let read = remote::scan_organisation_with(org, options, &|s| jira_of(s, engine), row)?;
    let mut rows = read.repos;
    rows.sort_by_key(|r| r.repository.to_ascii_lowercase());
    Ok(OrgScan {
        portfolio: Portfolio {
            organisation: org.to_string(),
            rows,
        },
        stats: read.stats,
        warnings: read.warnings,
    })
}
