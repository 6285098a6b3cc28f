//! GitHub and Jira: metadata for local repositories, remote scans without a clone, and scans of
//! a whole organisation.
//!
//! Everything here is synchronous from the outside: each entry point creates one current-thread
//! tokio runtime ([`runtime`]), runs its requests on it and returns plain data — a [`Snapshot`]
//! for the engine, the [`RequestStats`] for `--verbose`, and notes for the report.
//!
//! **Requests for one remote repository**, cold (nothing cached):
//! 1. REST `GET /repos/{o}/{r}` — metadata (F1, F2, F6, F11, F12).
//! 2. History: REST `GET /repos/{o}/{r}/commits?per_page=100` without a token; with a token one
//!    GraphQL query that also brings the branches with their dates and how far each is ahead
//!    of the default branch (F12). Both page on (one more request per 100 commits, at most
//!    2,000 commits) only while merges keep the non-merge commits under the 100 that the git
//!    adapter reads too, so that local and remote scans judge F11 on the same commits.
//! 3. REST `GET /repos/{o}/{r}/git/trees/{tree}?recursive=1` — every path, by the tree's id.
//!
//! Then only the files the requirements read, from the raw content host by commit id (no rate
//! limit; each download checked against the tree's size and blob id) — or in one GraphQL query
//! by blob id ([`ContentSource::GraphQl`], or automatically for
//! a private repository when a token is set); the organisation's default community files from
//! the raw host; open issues and pull requests for P9 (their pages are not part of the budget);
//! Jira.
//!
//! Warm (cached): (1) and, without a token, (2) are conditional requests answered `304 Not
//! Modified` at no rate-limit cost; the tree and the blobs are immutable by id and read from the
//! cache without asking; the GraphQL answer is cached under the repository's `pushed_at`.
//!
//! Failures never make a requirement met: what could not be read goes into the snapshot's
//! [`Unread`] with the reason (a failed or truncated tree, a download that failed or came
//! short of its blob id, history or metadata that failed), and the engine turns every verdict
//! that may rest on it into `unknown` with that reason. A rate limit stops all further
//! requests of its kind; the reset time is in the message.

mod budget;
mod cache;
mod github;
mod http;
mod jira;

pub use cache::default_cache_dir;
pub use http::next_page;

use crate::base::model::{Bilingual, Fetched, Msg, Snapshot, Unread};
use crate::evidence::github_owner_repo;
use crate::msg;
pub use budget::{budget, Budget, REQUESTS_PER_DOT_GITHUB, REQUESTS_PER_REPOSITORY};
use futures_util::stream::{self, StreamExt};
use github::{ApiRepo, HistoryError, OpenItems};
use http::Http;
use serde::Serialize;
use std::fmt;
use std::path::PathBuf;
use std::time::Duration;

/// A token read from the environment. It is handed to the HTTP client and nowhere else: its
/// `Debug` form is `Secret(***)`, and it is never part of a message, a cache key or a file name.
#[derive(Clone)]
pub struct Secret(String);

impl Secret {
    pub fn new(value: impl Into<String>) -> Option<Secret> {
        let value = value.into().trim().to_string();
        (!value.is_empty()).then_some(Secret(value))
    }

    /// The variable's value, if set and not empty.
    pub fn from_env(name: &str) -> Option<Secret> {
        std::env::var(name).ok().and_then(Secret::new)
    }

    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for Secret {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Secret(***)")
    }
}

/// Where file contents come from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum ContentSource {
    /// The raw content host for public repositories (no rate limit); GraphQL for a private
    /// repository when a token is set.
    #[default]
    Auto,
    /// Always the raw content host (with the token for a private repository).
    Raw,
    /// One GraphQL query per 100 files (needs a token; costs GraphQL points).
    GraphQl,
}

#[derive(Debug, Clone)]
pub struct RemoteOptions {
    /// GitHub's REST API: `https://api.github.com`, or `https://HOST/api/v3` for GitHub
    /// Enterprise Server (`--github-api-url`).
    pub api_url: String,
    /// The raw content host: `https://raw.githubusercontent.com` (`--github-raw-url`).
    pub raw_url: String,
    /// `GITHUB_TOKEN`, or the variable `--token-env` names.
    pub token: Option<Secret>,
    /// `JIRA_TOKEN`: a personal access token, sent as `Authorization: Bearer`.
    pub jira_token: Option<Secret>,
    /// Ask this Jira instead of the one the config or README names (a proxy, a test server).
    pub jira_url: Option<String>,
    /// The on-disk cache; `None` with `--no-cache`.
    pub cache_dir: Option<PathBuf>,
    pub connect_timeout: Duration,
    pub read_timeout: Duration,
    /// Concurrent requests for files, and concurrent repositories in an organisation scan.
    pub concurrency: usize,
    pub contents: ContentSource,
    /// Read open issues and pull requests for P9.
    pub open_items: bool,
    /// At most this many comment/review requests for P9 per repository.
    pub max_item_requests: usize,
    /// "Now", Unix seconds (reports are reproducible).
    pub now: i64,
}

impl RemoteOptions {
    /// github.com, no token, the platform cache, 10 s to connect and 30 s to read.
    pub fn new(now: i64) -> RemoteOptions {
        RemoteOptions {
            api_url: "https://api.github.com".to_string(),
            raw_url: "https://raw.githubusercontent.com".to_string(),
            token: None,
            jira_token: None,
            jira_url: None,
            cache_dir: default_cache_dir(),
            connect_timeout: Duration::from_secs(10),
            read_timeout: Duration::from_secs(30),
            concurrency: 8,
            contents: ContentSource::Auto,
            open_items: true,
            max_item_requests: 60,
            now,
        }
    }

    /// [`RemoteOptions::new`] with the tokens from the environment: `token_env` (default
    /// `GITHUB_TOKEN`) and `JIRA_TOKEN`.
    pub fn from_env(now: i64, token_env: Option<&str>) -> RemoteOptions {
        RemoteOptions {
            token: Secret::from_env(token_env.unwrap_or("GITHUB_TOKEN")),
            jira_token: Secret::from_env("JIRA_TOKEN"),
            ..RemoteOptions::new(now)
        }
    }
}

/// How many requests of each kind a run made (`--verbose`, the benchmark).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct RequestStats {
    /// GitHub REST requests that cost the core rate limit (every answer but a 304).
    pub rest: usize,
    /// Of `rest`: the pages of open issues and pull requests and their comments and reviews
    /// (P9), which are not part of the budget for the snapshot and metadata.
    pub items: usize,
    /// GitHub GraphQL queries (each costs at least one point of the GraphQL rate limit).
    pub graphql: usize,
    /// Requests to the raw content host (no rate limit).
    pub raw: usize,
    /// `304 Not Modified` answers to conditional requests (no rate-limit cost).
    pub not_modified: usize,
    /// Trees, blobs and GraphQL answers read from the cache without any request.
    pub cache_hits: usize,
    pub jira: usize,
    /// Requests that failed (error status, timeout, network), included in the counts above.
    pub failed: usize,
}

impl RequestStats {
    /// Requests that cost GitHub rate limit: REST answers other than 304, plus GraphQL queries.
    pub fn rate_limited(&self) -> usize {
        self.rest + self.graphql
    }

    /// Rate-limited requests for the snapshot and metadata: all of them but P9's.
    pub fn snapshot_cost(&self) -> usize {
        self.rest - self.items + self.graphql
    }
}

impl RequestStats {
    /// The counts, one per line, for `--verbose`.
    pub fn describe(&self) -> Msg {
        let RequestStats {
            rest,
            items,
            graphql,
            raw,
            not_modified,
            cache_hits,
            jira,
            failed,
            ..
        } = self;
        msg!(
            "GitHub REST-forespørgsler (med rate limit): {rest} ({items} til åbne issues og pull requests)\n\
             GitHub GraphQL-forespørgsler (med rate limit): {graphql}\n\
             forespørgsler på råt filindhold (uden rate limit): {raw}\n\
             304 Not Modified-svar (gratis): {not_modified}\n\
             besvaret fra mellemlageret uden forespørgsel: {cache_hits}\n\
             Jira-forespørgsler: {jira}\n\
             mislykkede forespørgsler: {failed}",
            "GitHub REST requests (rate-limited): {rest} ({items} for open issues and pull requests)\n\
             GitHub GraphQL queries (rate-limited): {graphql}\n\
             raw content requests (no rate limit): {raw}\n\
             304 Not Modified answers (no cost): {not_modified}\n\
             answered from the cache without a request: {cache_hits}\n\
             Jira requests: {jira}\n\
             failed requests: {failed}"
        )
    }
}

impl fmt::Display for RequestStats {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.describe().en)
    }
}

/// A repository on GitHub: `github:OWNER/REPO`, `https://github.com/OWNER/REPO[.git]`,
/// `https://github.com/OWNER/REPO/tree/REV` or `git@github.com:OWNER/REPO.git`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RemoteTarget {
    pub owner: String,
    pub repo: String,
    /// Branch, tag or commit; `None` = the default branch.
    pub rev: Option<String>,
}

fn valid_name(name: &str) -> bool {
    !name.is_empty()
        && name != "."
        && name != ".."
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || "-_.".contains(c))
}

impl RemoteTarget {
    /// `None` when `arg` does not name a GitHub repository (it is then a local path).
    pub fn parse(arg: &str) -> Option<RemoteTarget> {
        let arg = arg.trim();
        let (owner, repo, rev) = if let Some(rest) = arg.strip_prefix("github:") {
            let mut parts = rest.trim_matches('/').splitn(2, '/');
            let owner = parts.next()?.to_string();
            let repo = parts.next()?.trim_end_matches(".git").to_string();
            (owner, repo, None)
        } else {
            let tree_rev = ["https://github.com/", "http://github.com/"]
                .iter()
                .find_map(|p| arg.strip_prefix(p))
                .and_then(|rest| rest.split_once("/tree/"))
                .map(|(_, rev)| rev.trim_end_matches('/').to_string())
                .filter(|r| !r.is_empty());
            let (owner, repo) = github_owner_repo(arg)?;
            (owner, repo, tree_rev)
        };
        (valid_name(&owner) && valid_name(&repo)).then_some(RemoteTarget { owner, repo, rev })
    }

    pub fn slug(&self) -> String {
        format!("{}/{}", self.owner, self.repo)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum RemoteError {
    /// The repository or organisation does not exist (or is not visible without a token).
    #[error("{}", self.msg().en)]
    NotFound(String),
    #[error("{}", self.msg().en)]
    BadRevision {
        repo: String,
        rev: String,
        // Boxed: the errors that carry a RemoteError stay small (clippy's result_large_err).
        message: Box<Msg>,
    },
    /// Nothing could be read at all (an organisation's repository list).
    #[error("{}", .0.en)]
    Unavailable(Msg),
    /// The runtime, the HTTP client or the cache could not be set up.
    #[error("{}", .0.en)]
    Setup(Msg),
}

impl Bilingual for RemoteError {
    fn msg(&self) -> Msg {
        match self {
            RemoteError::NotFound(name) => msg!(
                "{name} findes ikke på GitHub (er det privat, så sæt GITHUB_TOKEN)",
                "{name} was not found on GitHub (if it is private, set GITHUB_TOKEN)"
            ),
            RemoteError::BadRevision { repo, rev, message } => {
                let (da, en) = (&message.da, &message.en);
                msg!(
                    "ugyldig revision '{rev}' for {repo}: {da}",
                    "bad revision '{rev}' for {repo}: {en}"
                )
            }
            RemoteError::Unavailable(m) | RemoteError::Setup(m) => m.clone(),
        }
    }
}

/// What a remote read produced: the snapshot for the engine, and what the report must say.
#[derive(Debug, Clone)]
pub struct RemoteScan {
    pub snapshot: Snapshot,
    pub stats: RequestStats,
    /// Notes for the report (organisation defaults used, Jira's answer, problems met).
    pub notes: Vec<Msg>,
    /// Set when the repository's files could not all be read (what `snapshot.unread` says of
    /// the files, in one message).
    pub incomplete: Option<Msg>,
    /// Problems of the run itself rather than of the repository (a cache that cannot be used),
    /// for standard error.
    pub warnings: Vec<Msg>,
}

impl RemoteScan {
    /// Whether anything could not be read.
    pub fn is_incomplete(&self) -> bool {
        !self.snapshot.unread.is_empty()
    }
}

/// The one place a runtime is made: current-thread, with I/O and timers.
fn runtime() -> Result<tokio::runtime::Runtime, RemoteError> {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| {
            let why = crate::base::text::io_error_msg(&e);
            let (da, en) = (&why.da, &why.en);
            RemoteError::Setup(msg!(
                "kan ikke starte den asynkrone kørsel: {da}",
                "cannot start the async runtime: {en}"
            ))
        })
}

fn client(options: &RemoteOptions) -> Result<Http, RemoteError> {
    Http::new(options).map_err(RemoteError::Setup)
}

// ---------------------------------------------------------------------------------------------
// Entry points

/// Reads a GitHub repository through the API, without cloning, plus its metadata and Jira.
/// A repository that does not exist, or a revision that does not, is an error (exit 2); every
/// other failure is in the scan as unknown metadata or [`RemoteScan::incomplete`].
pub fn scan_remote(
    target: &RemoteTarget,
    options: &RemoteOptions,
    find_jira: FindJira<'_>,
) -> Result<RemoteScan, RemoteError> {
    runtime()?.block_on(async {
        let http = client(options)?;
        let mut scan = scan_repository(&http, target, None, options, find_jira).await?;
        scan.stats = http.stats();
        scan.warnings.extend(http.warnings());
        Ok(scan)
    })
}

/// Adds GitHub metadata (when `origin` is on GitHub), the organisation's default community
/// files, the open items and Jira to the snapshot of a local repository. Never fails for a
/// network reason: what could not be fetched is `Fetched::Unknown` with the reason.
pub fn enrich_local(
    snapshot: Snapshot,
    options: &RemoteOptions,
    find_jira: FindJira<'_>,
) -> Result<RemoteScan, RemoteError> {
    runtime()?.block_on(async {
        let http = client(options)?;
        let mut scan = enrich(&http, snapshot, options, find_jira).await;
        scan.stats = http.stats();
        scan.warnings.extend(http.warnings());
        Ok(scan)
    })
}

/// One repository of an organisation, as the listing names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct OrgRepo {
    /// `OWNER/REPO`.
    pub slug: String,
    pub url: String,
}

/// What `each` made of every repository of an organisation, and what the run cost.
#[derive(Debug, Clone)]
pub struct OrgRead<T> {
    /// In no particular order (the repositories are read concurrently).
    pub repos: Vec<T>,
    pub stats: RequestStats,
    /// Problems of the run itself (a cache that cannot be used), for standard error.
    pub warnings: Vec<Msg>,
}

/// The repositories of an organisation a scan reads: public, not archived or disabled, and not
/// `.github` (whose community files count as the organisation's defaults instead).
fn is_scanned(repo: &ApiRepo) -> bool {
    !repo.archived
        && !repo.disabled
        && !repo.is_private()
        && !repo.name.eq_ignore_ascii_case(".github")
}

/// Reads every public, non-archived repository of an organisation (or user), at most
/// `options.concurrency` at a time, sharing one client and cache, and hands each scan to
/// `each` as soon as it is read, so that no more than `concurrency` snapshots are held at once.
/// `OWNER/.github` is no product: it is left out, and its community files count for the others
/// as GitHub shows them.
pub fn scan_organisation_with<T, F>(
    org: &str,
    options: &RemoteOptions,
    find_jira: FindJira<'_>,
    each: F,
) -> Result<OrgRead<T>, RemoteError>
where
    F: Fn(&OrgRepo, Result<RemoteScan, RemoteError>) -> T,
{
    if !valid_name(org) {
        return Err(RemoteError::NotFound(org.to_string()));
    }
    runtime()?.block_on(async {
        let http = client(options)?;
        let repos = match github::organisation_repositories(&http, org).await {
            Ok(repos) => repos,
            Err(e) if e.status() == Some(404) => return Err(RemoteError::NotFound(org.into())),
            Err(e) => {
                let why = e.to_msg();
                let (da, en) = (&why.da, &why.en);
                return Err(RemoteError::Unavailable(msg!(
                    "kan ikke liste repositories i {org}: {da}",
                    "cannot list the repositories of {org}: {en}"
                )));
            }
        };
        let mut repos: Vec<ApiRepo> = repos.into_iter().filter(is_scanned).collect();
        repos.sort_by_key(|r| r.name.to_ascii_lowercase());
        let http = &http;
        let each = &each;
        let read: Vec<T> = stream::iter(repos)
            .map(|repo| async move {
                let target = RemoteTarget {
                    owner: repo.owner.login.clone(),
                    repo: repo.name.clone(),
                    rev: None,
                };
                let listed = OrgRepo {
                    slug: target.slug(),
                    url: repo.meta().html_url,
                };
                let scan = scan_repository(http, &target, Some(repo), options, find_jira).await;
                each(&listed, scan)
            })
            .buffer_unordered(options.concurrency.max(1))
            .collect()
            .await;
        Ok(OrgRead {
            repos: read,
            stats: http.stats(),
            warnings: http.warnings(),
        })
    })
}

// ---------------------------------------------------------------------------------------------
// The flows

fn unknown<T>(reason: &Msg) -> Fetched<T> {
    Fetched::Unknown {
        reason: reason.clone(),
    }
}

/// One remote repository. `listed` is its metadata when an organisation listing already had it.
async fn scan_repository(
    http: &Http,
    target: &RemoteTarget,
    listed: Option<ApiRepo>,
    options: &RemoteOptions,
    find_jira: FindJira<'_>,
) -> Result<RemoteScan, RemoteError> {
    let mut notes: Vec<Msg> = Vec::new();
    let mut snapshot = Snapshot {
        now: options.now,
        ..Snapshot::default()
    };
    let api_repo = match listed {
        Some(repo) => repo,
        None => match github::repository(http, &target.owner, &target.repo).await {
            Ok(repo) => repo,
            Err(e) if e.status() == Some(404) => {
                return Err(RemoteError::NotFound(format!("github:{}", target.slug())))
            }
            Err(e) => {
                // Nothing about the repository is known: no tree, no history.
                let reason = e.to_msg();
                snapshot.github = unknown(&reason);
                snapshot.open_items = unknown(&reason);
                snapshot.jira = unknown(&reason);
                let files = files_unreadable(&reason);
                snapshot.unread = Unread {
                    listing: Some(files.clone()),
                    history: Some(history_unreadable(&reason)),
                    metadata: Some(reason.clone()),
                    open_items: Some(reason),
                    ..Unread::default()
                };
                return Ok(RemoteScan {
                    snapshot,
                    stats: http.stats(),
                    notes,
                    incomplete: Some(files),
                    warnings: Vec::new(),
                });
            }
        },
    };
    let meta = api_repo.meta();
    // The API's spelling (case, renames followed by redirects) from here on.
    let (owner, repo) = (meta.owner.clone(), meta.name.clone());
    let rev = target
        .rev
        .clone()
        .unwrap_or_else(|| meta.default_branch.clone());

    let head = if rev.is_empty() {
        Ok(github::Head::default())
    } else if http.has_token() {
        match github::history_graphql(
            http,
            &owner,
            &repo,
            &rev,
            &meta,
            api_repo.pushed_at.as_deref(),
        )
        .await
        {
            Ok(head) => Ok(head),
            Err(HistoryError::BadRevision(e)) => Err(HistoryError::BadRevision(e)),
            // GraphQL unavailable (limit, outage): the REST history still answers.
            Err(HistoryError::Failed(_)) => {
                github::history_rest(http, &owner, &repo, &rev, &meta).await
            }
        }
    } else {
        github::history_rest(http, &owner, &repo, &rev, &meta).await
    };
    let head = match head {
        Ok(head) => Some(head),
        Err(HistoryError::BadRevision(e)) => {
            return Err(RemoteError::BadRevision {
                repo: format!("github:{owner}/{repo}"),
                rev,
                message: Box::new(e.to_msg()),
            })
        }
        Err(HistoryError::Failed(e)) => {
            snapshot.unread.history = Some(history_unreadable(&e.to_msg()));
            None
        }
    };
    let tree = match head.as_ref() {
        // An empty repository: nothing to list.
        Some(h) if h.commit.is_none() => None,
        Some(h) => match &h.tree {
            Some(tree) => Some(github::tree(http, &owner, &repo, tree, true).await),
            None => Some(github::tree(http, &owner, &repo, &rev, false).await),
        },
        None if rev.is_empty() => None,
        None => Some(github::tree(http, &owner, &repo, &rev, false).await),
    };
    let commit = head.as_ref().and_then(|h| h.commit.clone());
    match tree {
        None => {}
        Some(Err(e)) => snapshot.unread.listing = Some(files_unreadable(&e.to_msg())),
        Some(Ok(tree)) => {
            if tree.truncated {
                snapshot.unread.listing = Some(msg!(
                    "GitHub afkortede listen over filer (over 100.000 stier eller 7 MB), så resultatet er ufuldstændigt; klon repositoriet og kør os2gov check på klonen for en fuld kontrol.",
                    "GitHub truncated the list of files (over 100,000 paths or 7 MB), so the result is incomplete; clone the repository and run os2gov check on the clone for a full check."
                ));
            }
            let from = github::BlobSource {
                owner: &owner,
                repo: &repo,
                commit: commit.as_deref(),
                private: meta.private,
                source: options.contents,
                concurrency: options.concurrency,
            };
            let files = github::files(http, &tree, &from).await;
            snapshot.unread.files.extend(files.failed);
            snapshot.stats.blobs_read = files.blobs_read;
            snapshot.files = files.files;
        }
    }
    snapshot.stats.paths_listed = snapshot.files.len();
    if let Some(head) = head {
        snapshot.stats.commits_walked = head.walked;
        if let Some(reason) = head.cut_short {
            snapshot.unread.history = Some(reason);
        }
        snapshot.history = Some(head.history);
    }
    snapshot.github = Fetched::Got { value: meta };
    after_files(
        http,
        &mut snapshot,
        &api_repo,
        options,
        find_jira,
        &mut notes,
    )
    .await;
    let incomplete = snapshot.unread.files_reason();
    Ok(RemoteScan {
        snapshot,
        stats: http.stats(),
        notes,
        incomplete,
        warnings: Vec::new(),
    })
}

fn files_unreadable(reason: &Msg) -> Msg {
    Msg::new(
        format!("Repositoriets filer kunne ikke læses ({}).", reason.da),
        format!("The repository's files could not be read ({}).", reason.en),
    )
}

fn history_unreadable(reason: &Msg) -> Msg {
    Msg::new(
        format!("Historikken kunne ikke læses: {}.", reason.da),
        format!("The history could not be read: {}.", reason.en),
    )
}

/// A local repository: metadata from GitHub when `origin` is there.
async fn enrich(
    http: &Http,
    mut snapshot: Snapshot,
    options: &RemoteOptions,
    find_jira: FindJira<'_>,
) -> RemoteScan {
    let mut notes = Vec::new();
    let slug = snapshot
        .history
        .as_ref()
        .and_then(|h| h.origin_url.as_deref())
        .and_then(github_owner_repo);
    match slug {
        None => {
            let reason = msg!(
                "origin-remoten peger ikke på GitHub",
                "the origin remote is not on GitHub"
            );
            snapshot.github = unknown(&reason);
            snapshot.open_items = unknown(&reason);
            snapshot.jira = fetch_jira(http, &snapshot, options, find_jira, &mut notes).await;
        }
        Some((owner, repo)) => match github::repository(http, &owner, &repo).await {
            Ok(api_repo) => {
                snapshot.github = Fetched::Got {
                    value: api_repo.meta(),
                };
                after_files(
                    http,
                    &mut snapshot,
                    &api_repo,
                    options,
                    find_jira,
                    &mut notes,
                )
                .await;
            }
            Err(e) => {
                let reason = if e.status() == Some(404) {
                    msg!(
                        "github.com/{owner}/{repo} findes ikke eller er privat (sæt GITHUB_TOKEN)",
                        "github.com/{owner}/{repo} does not exist or is private (set GITHUB_TOKEN)",
                    )
                } else {
                    // A failed request, not an answer: the metadata may well be there.
                    let reason = e.to_msg();
                    snapshot.unread.metadata = Some(reason.clone());
                    snapshot.unread.open_items = Some(reason.clone());
                    reason
                };
                snapshot.github = unknown(&reason);
                snapshot.open_items = unknown(&reason);
                snapshot.jira = fetch_jira(http, &snapshot, options, find_jira, &mut notes).await;
            }
        },
    }
    RemoteScan {
        snapshot,
        stats: http.stats(),
        notes,
        incomplete: None,
        warnings: Vec::new(),
    }
}

/// What both flows do once the files are known: the organisation's defaults, P9, Jira.
async fn after_files(
    http: &Http,
    snapshot: &mut Snapshot,
    api_repo: &ApiRepo,
    options: &RemoteOptions,
    find_jira: FindJira<'_>,
    notes: &mut Vec<Msg>,
) {
    let owner = api_repo.owner.login.clone();
    if api_repo.name != ".github" {
        let (defaults, failed) =
            github::organisation_defaults(http, &owner, &snapshot.files, options.concurrency).await;
        snapshot.unread.files.extend(failed);
        for (path, file) in defaults {
            if snapshot.files.contains_key(&path) {
                continue;
            }
            notes.push(msg!(
                "{path} kommer fra organisationens standardfiler ({owner}/.github), som GitHub viser for repositoriet.",
                "{path} comes from the organisation's default files ({owner}/.github), which GitHub shows for the repository.",
            ));
            snapshot.files.insert(path, file);
        }
    }
    snapshot.open_items = if !options.open_items {
        unknown(&msg!(
            "åbne issues og pull requests blev ikke hentet",
            "open issues and pull requests were not fetched"
        ))
    } else {
        match github::open_items(
            http,
            &owner,
            &api_repo.name,
            options.now,
            options.max_item_requests,
        )
        .await
        {
            OpenItems::Got(items) => Fetched::Got { value: items },
            OpenItems::Unknown(reason) => unknown(&reason),
            OpenItems::Failed(reason) => {
                snapshot.unread.open_items = Some(reason.clone());
                unknown(&reason)
            }
        }
    };
    snapshot.jira = fetch_jira(http, snapshot, options, find_jira, notes).await;
}

/// Where a repository's Jira project is: its base URL and, when known, the project key.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JiraRef {
    pub base: String,
    pub project: Option<String>,
}

/// Which Jira project a snapshot names. Asked once the files are in (the config and the README
/// are among them), so that Jira is still the last request; the application layer answers it
/// (from the config the engine reads, else a README link), because the adapter only fetches.
pub type FindJira<'a> = &'a dyn Fn(&Snapshot) -> Option<JiraRef>;

/// Jira's project as `find_jira` finds it in the snapshot, asked at `options.jira_url` when set.
async fn fetch_jira(
    http: &Http,
    snapshot: &Snapshot,
    options: &RemoteOptions,
    find_jira: FindJira<'_>,
    notes: &mut Vec<Msg>,
) -> Fetched<crate::base::model::JiraMeta> {
    let Some(JiraRef { base, project }) = find_jira(snapshot) else {
        return unknown(&msg!(
            "intet Jira-projekt i os2gov.toml eller README",
            "no Jira project in os2gov.toml or the README"
        ));
    };
    let base = options.jira_url.clone().unwrap_or(base);
    let outcome = jira::project(http, &base, project.as_deref()).await;
    notes.extend(outcome.notes);
    outcome.meta
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn targets() {
        let t = RemoteTarget::parse("github:OS2mo/os2mo").expect("github:");
        assert_eq!(
            (t.owner.as_str(), t.repo.as_str(), t.rev),
            ("OS2mo", "os2mo", None)
        );
        let t = RemoteTarget::parse("https://github.com/OS2offdig/os2gov.git").expect("url");
        assert_eq!(t.slug(), "OS2offdig/os2gov");
        let t = RemoteTarget::parse("https://github.com/OS2offdig/os2gov/tree/release/1.0")
            .expect("tree url");
        assert_eq!(t.rev.as_deref(), Some("release/1.0"));
        assert!(RemoteTarget::parse("git@github.com:os2iot/os2iot-backend.git").is_some());
        for not in [
            "./repo",
            "/home/x/repo",
            "github:onlyowner",
            "github:a/../b",
            "https://gitlab.com/a/b",
        ] {
            assert_eq!(RemoteTarget::parse(not), None, "{not}");
        }
    }

    #[test]
    fn secrets_do_not_print() {
        let secret = Secret::new("ghp_supersecret").expect("secret");
        assert_eq!(format!("{secret:?}"), "Secret(***)");
        let mut options = RemoteOptions::new(0);
        options.token = Some(secret);
        assert!(!format!("{options:?}").contains("supersecret"));
        assert!(Secret::new("  ").is_none());
    }
}
