//! GitHub: the repository's metadata, its history and branches, its tree and the files the
//! engine wants, the organisation's default community files, and the open issues and pull
//! requests with their first response. Every request goes through [`Http`], which counts it.
//!
//! Request budget for one repository (see the module docs of [`super`]):
//! REST `GET /repos/{o}/{r}`, then the history — REST `GET /repos/{o}/{r}/commits` without a
//! token, or one GraphQL query with history *and* branches with a token — then REST
//! `GET /repos/{o}/{r}/git/trees/{tree}?recursive=1`. File contents come from the raw content
//! host (no rate limit), or from GraphQL by blob id when asked. Trees and blobs are immutable by
//! id and cached as such; the GraphQL answer is cached under the repository's `pushed_at`.

use super::http::{encode_path, FetchError, Http};
use crate::base::model::RepoMeta;
use serde::{Deserialize, Serialize};

const HOST: &str = "GitHub";

/// P9: an open item older than this without a response is overdue.
const RESPONSE_DAYS: i64 = 30;
const DAY: i64 = 86_400;
/// Issue-list pages read at most (100 items each).
const MAX_ISSUE_PAGES: usize = 10;
/// Symlinks whose targets are read to resolve the wanted ones.
const MAX_SYMLINKS: usize = 1_000;
/// Blob ids per GraphQL query.
const GRAPHQL_BLOBS_PER_QUERY: usize = 100;

pub(crate) fn parse_time(text: &str) -> Option<i64> {
    chrono::DateTime::parse_from_rfc3339(text.trim())
        .ok()
        .map(|t| t.timestamp())
}

// ---------------------------------------------------------------------------------------------
// Shapes of GitHub's answers (only the fields we read).

#[derive(Debug, Clone, Deserialize, Serialize)]
pub(crate) struct ApiUser {
    pub login: String,
    #[serde(rename = "type", default)]
    pub kind: String,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub(crate) struct ApiLicense {
    pub spdx_id: Option<String>,
}

/// "Get a repository", and the items of "List organization repositories".
#[derive(Debug, Clone, Deserialize, Serialize)]
pub(crate) struct ApiRepo {
    pub name: String,
    pub owner: ApiUser,
    #[serde(default)]
    pub html_url: String,
    #[serde(default)]
    pub private: bool,
    #[serde(default)]
    pub visibility: Option<String>,
    #[serde(default)]
    pub archived: bool,
    #[serde(default)]
    pub disabled: bool,
    #[serde(default)]
    pub fork: bool,
    #[serde(default)]
    pub default_branch: Option<String>,
    #[serde(default = "yes")]
    pub has_issues: bool,
    #[serde(default)]
    pub license: Option<ApiLicense>,
    #[serde(default)]
    pub description: Option<String>,
    #[serde(default)]
    pub homepage: Option<String>,
    #[serde(default)]
    pub topics: Option<Vec<String>>,
    #[serde(default)]
    pub pushed_at: Option<String>,
}

fn yes() -> bool {
    true
}

impl ApiRepo {
    pub fn is_private(&self) -> bool {
        self.private || self.visibility.as_deref().is_some_and(|v| v != "public")
    }

    pub fn meta(&self) -> RepoMeta {
        RepoMeta {
            owner: self.owner.login.clone(),
            name: self.name.clone(),
            html_url: if self.html_url.is_empty() {
                format!("https://github.com/{}/{}", self.owner.login, self.name)
            } else {
                self.html_url.clone()
            },
            private: self.is_private(),
            archived: self.archived,
            fork: self.fork,
            default_branch: self.default_branch.clone().unwrap_or_default(),
            has_issues: self.has_issues,
            license_spdx: self
                .license
                .as_ref()
                .and_then(|l| l.spdx_id.clone())
                .filter(|s| !s.is_empty()),
            description: self.description.clone().filter(|d| !d.is_empty()),
            homepage: self.homepage.clone().filter(|h| !h.is_empty()),
            topics: self.topics.clone().unwrap_or_default(),
            pushed_at: self.pushed_at.as_deref().and_then(parse_time),
        }
    }
}

#[derive(Debug, Deserialize)]
struct ApiSha {
    sha: String,
}

#[derive(Debug, Deserialize)]
struct ApiSignature {
    date: Option<String>,
}

#[derive(Debug, Deserialize)]
struct ApiCommitInner {
    #[serde(default)]
    message: String,
    committer: Option<ApiSignature>,
    author: Option<ApiSignature>,
    tree: ApiSha,
}

#[derive(Debug, Deserialize)]
struct ApiCommit {
    sha: String,
    commit: ApiCommitInner,
    #[serde(default)]
    parents: Vec<ApiSha>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub(crate) struct ApiTreeEntry {
    pub path: String,
    pub mode: String,
    #[serde(rename = "type")]
    pub kind: String,
    pub sha: String,
    #[serde(default)]
    pub size: Option<u64>,
}

#[derive(Debug, Clone, Deserialize, Serialize)]
pub(crate) struct ApiTree {
    pub sha: String,
    pub tree: Vec<ApiTreeEntry>,
    #[serde(default)]
    pub truncated: bool,
}

fn malformed(what: &str, message: &str) -> FetchError {
    FetchError::Malformed {
        host: HOST,
        what: what.to_string(),
        message: message.to_string(),
    }
}

// ---------------------------------------------------------------------------------------------
// Repository metadata

pub(crate) async fn repository(
    http: &Http,
    owner: &str,
    repo: &str,
) -> Result<ApiRepo, FetchError> {
    let path = format!("/repos/{}/{}", encode_path(owner), encode_path(repo));
    http.rest(&path).await?.json(HOST, &path)
}

/// Every public repository of an organisation (or a user, when no organisation has the name).
pub(crate) async fn organisation_repositories(
    http: &Http,
    org: &str,
) -> Result<Vec<ApiRepo>, FetchError> {
    let first = format!("/orgs/{}/repos?type=public&per_page=100", encode_path(org));
    let mut answer = match http.rest(&first).await {
        Err(e) if e.status() == Some(404) => {
            http.rest(&format!(
                "/users/{}/repos?type=owner&per_page=100",
                encode_path(org)
            ))
            .await?
        }
        other => other?,
    };
    let mut repos: Vec<ApiRepo> = Vec::new();
    for _ in 0..50 {
        let page: Vec<ApiRepo> = answer.json(HOST, &first)?;
        repos.extend(page);
        match answer.next_page() {
            Some(next) => answer = http.rest(&next).await?,
            None => break,
        }
    }
    Ok(repos)
}

mod community;
mod files;
mod history;
mod items;

pub(crate) use community::organisation_defaults;
pub(crate) use files::{files, tree, BlobSource};
pub(crate) use history::{history_graphql, history_rest, Head, HistoryError};
pub(crate) use items::{open_items, OpenItems};

#[cfg(test)]
mod tests {
    use super::community::*;

    use super::items::*;
    use super::*;
    use crate::base::model::FileEntry;
    use std::collections::BTreeMap;

    #[test]
    fn repository_shape() {
        let repo: ApiRepo = serde_json::from_str(
            r#"{"id":1,"name":"os2mo","full_name":"OS2mo/os2mo","owner":{"login":"OS2mo","type":"Organization"},
            "private":false,"visibility":"public","html_url":"https://github.com/OS2mo/os2mo","description":"MO",
            "fork":false,"homepage":"","archived":false,"default_branch":"master","has_issues":true,
            "topics":["os2"],"license":{"key":"mpl-2.0","name":"Mozilla Public License 2.0","spdx_id":"MPL-2.0"},
            "pushed_at":"2026-11-20T10:00:00Z"}"#,
        )
        .expect("repo");
        let meta = repo.meta();
        assert_eq!(meta.owner, "OS2mo");
        assert_eq!(meta.license_spdx.as_deref(), Some("MPL-2.0"));
        assert_eq!(meta.homepage, None);
        assert_eq!(meta.pushed_at, Some(1_795_168_800));
        let internal: ApiRepo = serde_json::from_str(
            r#"{"name":"x","owner":{"login":"o"},"private":false,"visibility":"internal","license":null,"topics":null}"#,
        )
        .expect("repo");
        assert!(internal.meta().private);
        assert!(internal.meta().has_issues);
    }

    #[test]
    fn own_community_files() {
        let files: BTreeMap<String, FileEntry> = [
            ("docs/Contributing.rst", FileEntry::not_loaded()),
            ("src/security.md", FileEntry::not_loaded()),
        ]
        .into_iter()
        .map(|(p, f)| (p.to_string(), f))
        .collect();
        assert!(has_own(&files, "contributing"));
        assert!(!has_own(&files, "security"));
        assert!(!has_own_issue_templates(&files));
    }

    #[test]
    fn earliest_answer_from_comments_and_reviews() {
        let comments: Vec<ApiAnswer> = serde_json::from_value(serde_json::json!([
            {"user": {"login": "author", "type": "User"}, "created_at": "2026-01-01T00:00:00Z"},
            {"user": {"login": "dependabot[bot]", "type": "Bot"}, "created_at": "2026-01-02T00:00:00Z"},
            {"user": {"login": "mette", "type": "User"}, "created_at": "2026-01-05T00:00:00Z"},
            {"user": {"login": "jens", "type": "User"}, "created_at": "2026-01-04T00:00:00Z"}
        ]))
        .expect("comments");
        assert_eq!(
            earliest_answer(&comments, "author"),
            parse_time("2026-01-04T00:00:00Z")
        );
        let reviews: Vec<ApiAnswer> = serde_json::from_value(serde_json::json!([
            {"user": {"login": "author", "type": "User"}, "submitted_at": "2026-01-01T00:00:00Z", "state": "COMMENTED"},
            {"user": {"login": "mette", "type": "User"}, "submitted_at": "2026-01-03T00:00:00Z", "state": "APPROVED"}
        ]))
        .expect("reviews");
        assert_eq!(
            earliest_answer(&reviews, "author"),
            parse_time("2026-01-03T00:00:00Z")
        );
        assert_eq!(earliest_answer(&reviews[..1], "author"), None);
    }

    #[test]
    fn responders() {
        let user = |login: &str, kind: &str| {
            Some(ApiUser {
                login: login.into(),
                kind: kind.into(),
            })
        };
        assert!(responder(&user("maintainer", "User"), "author"));
        assert!(!responder(&user("author", "User"), "author"));
        assert!(!responder(&user("dependabot[bot]", "Bot"), "author"));
        assert!(!responder(&None, "author"));
    }
}
