//! What a large scan will cost against GitHub's rate limit, asked before it starts: the
//! repositories the organisations list and what GitHub says is left (`GET /rate_limit`, which
//! itself costs nothing).

use super::http::Http;
use super::{client, github, is_scanned, runtime, valid_name, RemoteError, RemoteOptions};
use serde::Deserialize;

/// Rate-limited requests a cold read of one repository costs at most: metadata, tree, history
/// and branches (three or four, `tests/remote` measures them) and a page or two of open items.
pub const REQUESTS_PER_REPOSITORY: usize = 6;

/// The same for an organisation's `.github`, read for the product's governance report when none
/// of its repositories holds one: the files and metadata, never the open items.
pub const REQUESTS_PER_DOT_GITHUB: usize = 4;

/// The cost of a scan against what is left of the rate limit.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Budget {
    /// The organisations listed.
    pub organisations: usize,
    /// Public, non-archived repositories the organisations list (not `.github`).
    pub repositories: usize,
    /// About how many rate-limited requests the scan needs.
    pub needed: usize,
    /// What GitHub says is left of the core limit, and the limit; `None` when it did not say.
    pub remaining: Option<u64>,
    pub limit: Option<u64>,
    /// When the limit resets, seconds since the Unix epoch.
    pub reset: Option<i64>,
}

#[derive(Deserialize)]
struct RateLimit {
    rate: Rate,
}

#[derive(Deserialize)]
struct Rate {
    limit: u64,
    remaining: u64,
    reset: i64,
}

async fn rate(http: &Http) -> Option<Rate> {
    let answer = http.rest("/rate_limit").await.ok()?;
    // `/rate_limit` is free: not counted as a rate-limited request.
    http.count(|s| s.rest = s.rest.saturating_sub(1));
    answer
        .json::<RateLimit>("api.github.com", "/rate_limit")
        .ok()
        .map(|r| r.rate)
}

/// Lists the organisations' repositories (a request per hundred, cached like every listing) and
/// asks GitHub what is left of the rate limit; `single` more repositories are read one by one
/// (named outside those organisations).
pub fn budget(
    owners: &[String],
    single: usize,
    options: &RemoteOptions,
) -> Result<Budget, RemoteError> {
    runtime()?.block_on(async {
        let http = client(options)?;
        let mut repositories = single;
        let mut dot_github = 0;
        for owner in owners.iter().filter(|o| valid_name(o)) {
            if let Ok(repos) = github::organisation_repositories(&http, owner).await {
                repositories += repos.iter().filter(|r| is_scanned(r)).count();
                dot_github += repos
                    .iter()
                    .filter(|r| r.name.eq_ignore_ascii_case(".github") && !r.is_private())
                    .count();
            }
        }
        let rate = rate(&http).await;
        Ok(Budget {
            organisations: owners.iter().filter(|o| valid_name(o)).count(),
            repositories,
            // An upper bound: `.github` is read only when no repository has a governance report.
            needed: repositories * REQUESTS_PER_REPOSITORY
                + dot_github * REQUESTS_PER_DOT_GITHUB
                + owners.len(),
            remaining: rate.as_ref().map(|r| r.remaining),
            limit: rate.as_ref().map(|r| r.limit),
            reset: rate.map(|r| r.reset),
        })
    })
}
