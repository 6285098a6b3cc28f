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

use super::http::{encode_path, encode_query, Answer, FetchError, Http};
use super::ContentSource;
use crate::adapters::fs::{resolve_symlink, Node, Resolved};
use crate::base::model::{
    history_cut_short, Branch, Commit, Content, FileEntry, History, Msg, OpenItem, RepoMeta,
    MAX_COMMITS_WALKED, MAX_FILE_SIZE, RECENT_COMMITS,
};
use crate::evidence::{is_doc_format, wants_content};
use crate::msg;
use futures_util::stream::{self, StreamExt};
use serde::{Deserialize, Serialize};
use std::collections::{BTreeMap, HashMap, HashSet};

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

#[derive(Debug, Deserialize)]
struct ApiIssue {
    number: u64,
    #[serde(default)]
    html_url: String,
    created_at: String,
    user: Option<ApiUser>,
    #[serde(default)]
    comments: u64,
    #[serde(default)]
    pull_request: Option<serde_json::Value>,
}

/// An issue comment (`created_at`) or a pull-request review (`submitted_at`): someone's answer.
#[derive(Debug, Deserialize)]
struct ApiAnswer {
    user: Option<ApiUser>,
    created_at: Option<String>,
    submitted_at: Option<String>,
}

/// The time of the earliest answer at `path` (comments or reviews) by someone other than
/// `author`.
async fn first_answer(http: &Http, path: &str, author: &str) -> Result<Option<i64>, FetchError> {
    let answers: Vec<ApiAnswer> = http.rest_items(path).await?.json(HOST, path)?;
    Ok(earliest_answer(&answers, author))
}

fn earliest_answer(answers: &[ApiAnswer], author: &str) -> Option<i64> {
    answers
        .iter()
        .filter(|a| responder(&a.user, author))
        .filter_map(|a| a.created_at.as_deref().or(a.submitted_at.as_deref()))
        .filter_map(parse_time)
        .min()
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

// ---------------------------------------------------------------------------------------------
// History: REST without a token, one GraphQL query (history and branches) with one.

/// The commit to read and what is known of its history.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub(crate) struct Head {
    pub history: History,
    pub commit: Option<String>,
    pub tree: Option<String>,
    /// Commits read up to the last of `recent_commits`, merges included (as the git adapter
    /// counts its walk).
    pub walked: usize,
    /// Why fewer than [`RECENT_COMMITS`] non-merge commits were read although the history goes
    /// on (a page that failed, the walk limit).
    #[serde(default)]
    pub cut_short: Option<Msg>,
}

/// A commit as both history readers see it: id, committer time, message, merge or not.
struct Listed {
    id: String,
    time: i64,
    message: String,
    merge: bool,
}

/// The last [`RECENT_COMMITS`] non-merge commits of `listed` (newest first), and how many
/// commits, merges included, come up to the last of them.
fn take_recent(listed: &[Listed]) -> (Vec<Commit>, usize) {
    let mut recent = Vec::new();
    let mut walked = 0;
    for commit in listed {
        if recent.len() >= RECENT_COMMITS {
            break;
        }
        walked += 1;
        if !commit.merge {
            recent.push(Commit {
                id: commit.id.clone(),
                time: commit.time,
                message: commit.message.clone(),
            });
        }
    }
    (recent, walked)
}

fn enough(listed: &[Listed]) -> bool {
    listed.iter().filter(|c| !c.merge).count() >= RECENT_COMMITS
}

fn walk_limit() -> Msg {
    msg!(
        "der blev højst læst {MAX_COMMITS_WALKED} commits, og de fleste var merges",
        "at most {MAX_COMMITS_WALKED} commits were read, and most were merges"
    )
}

/// Why the history could not be read.
pub(crate) enum HistoryError {
    /// The revision does not exist (an input error).
    BadRevision(FetchError),
    Failed(FetchError),
}

pub(crate) async fn history_rest(
    http: &Http,
    owner: &str,
    repo: &str,
    rev: &str,
    meta: &RepoMeta,
) -> Result<Head, HistoryError> {
    let path = format!(
        "/repos/{}/{}/commits?sha={}&per_page=100",
        encode_path(owner),
        encode_path(repo),
        encode_query(rev)
    );
    let answer = match http.rest(&path).await {
        Ok(answer) => answer,
        // "Git Repository is empty."
        Err(e) if e.status() == Some(409) => return Ok(empty_head(meta)),
        Err(e) if matches!(e.status(), Some(404 | 422)) => {
            return Err(HistoryError::BadRevision(e))
        }
        Err(e) => return Err(HistoryError::Failed(e)),
    };
    let commits: Vec<ApiCommit> = answer.json(HOST, &path).map_err(HistoryError::Failed)?;
    let time = |c: &ApiCommit| {
        c.commit
            .committer
            .as_ref()
            .or(c.commit.author.as_ref())
            .and_then(|s| s.date.as_deref())
            .and_then(parse_time)
    };
    let mut head = empty_head(meta);
    head.history.newest_commit_time = commits.first().and_then(time);
    head.commit = commits.first().map(|c| c.sha.clone());
    head.tree = commits.first().map(|c| c.commit.tree.sha.clone());
    let listing = |commits: Vec<ApiCommit>| -> Vec<Listed> {
        commits
            .into_iter()
            .map(|c| Listed {
                time: time(&c).unwrap_or(0),
                merge: c.parents.len() > 1,
                message: c.commit.message.trim_end().to_string(),
                id: c.sha,
            })
            .collect()
    };
    let mut listed = listing(commits);
    // A page of 100 holds merges too: page on until 100 non-merge commits, as the git
    // adapter walks.
    let mut answer = answer;
    while !enough(&listed) {
        let Some(next) = answer.next_page() else {
            break;
        };
        if listed.len() >= MAX_COMMITS_WALKED {
            head.cut_short = Some(walk_limit());
            break;
        }
        let page = match http.rest(&next).await {
            Ok(page) => page,
            Err(e) => {
                head.cut_short = Some(e.to_msg());
                break;
            }
        };
        match page.json::<Vec<ApiCommit>>(HOST, &path) {
            Ok(commits) => listed.extend(listing(commits)),
            Err(e) => {
                head.cut_short = Some(e.to_msg());
                break;
            }
        }
        answer = page;
    }
    let (recent, walked) = take_recent(&listed);
    head.cut_short = head
        .cut_short
        .map(|why| history_cut_short(recent.len(), &why));
    head.walked = walked;
    head.history.recent_commits = recent;
    Ok(head)
}

fn empty_head(meta: &RepoMeta) -> Head {
    Head {
        history: History {
            default_branch: Some(meta.default_branch.clone()).filter(|b| !b.is_empty()),
            origin_url: Some(meta.html_url.clone()),
            ..History::default()
        },
        ..Head::default()
    }
}

const HISTORY_QUERY: &str = r#"query($owner: String!, $name: String!, $expr: String!, $default: String!) {
  repository(owner: $owner, name: $name) {
    object(expression: $expr) {
      ... on Commit {
        oid
        committedDate
        tree { oid }
        history(first: 100) {
          pageInfo { hasNextPage endCursor }
          nodes { oid committedDate message parents { totalCount } }
        }
      }
    }
    refs(refPrefix: "refs/heads/", first: 100) {
      totalCount
      nodes {
        name
        target { ... on Commit { committedDate } }
        compare(headRef: $default) { aheadBy behindBy }
      }
    }
  }
}"#;

/// The next 100 commits of the history after `$after`, from the commit read first.
const HISTORY_PAGE_QUERY: &str = r#"query($owner: String!, $name: String!, $expr: String!, $after: String!) {
  repository(owner: $owner, name: $name) {
    object(expression: $expr) {
      ... on Commit {
        history(first: 100, after: $after) {
          pageInfo { hasNextPage endCursor }
          nodes { oid committedDate message parents { totalCount } }
        }
      }
    }
  }
}"#;

/// A page of GraphQL history: its commits, and the cursor of the next page if there is one.
fn graphql_page(history: Option<&serde_json::Value>) -> (Vec<Listed>, Option<String>) {
    let text =
        |v: &serde_json::Value, key: &str| v.get(key).and_then(|x| x.as_str()).map(str::to_string);
    let Some(history) = history else {
        return (Vec::new(), None);
    };
    let listed = history
        .get("nodes")
        .and_then(|n| n.as_array())
        .map(|nodes| {
            nodes
                .iter()
                .map(|n| Listed {
                    id: text(n, "oid").unwrap_or_default(),
                    time: text(n, "committedDate")
                        .and_then(|d| parse_time(&d))
                        .unwrap_or(0),
                    message: text(n, "message")
                        .unwrap_or_default()
                        .trim_end()
                        .to_string(),
                    merge: n
                        .pointer("/parents/totalCount")
                        .and_then(|c| c.as_u64())
                        .unwrap_or(0)
                        > 1,
                })
                .collect()
        })
        .unwrap_or_default();
    let next = history
        .pointer("/pageInfo/hasNextPage")
        .and_then(|b| b.as_bool())
        .filter(|more| *more)
        .and_then(|_| history.pointer("/pageInfo/endCursor"))
        .and_then(|c| c.as_str())
        .map(str::to_string);
    (listed, next)
}

/// History and branches in one GraphQL query. The answer depends only on the repository's
/// refs, so it is cached under `pushed_at`: a warm run costs nothing until the next push.
pub(crate) async fn history_graphql(
    http: &Http,
    owner: &str,
    repo: &str,
    rev: &str,
    meta: &RepoMeta,
    pushed_at: Option<&str>,
) -> Result<Head, HistoryError> {
    // "v2": answers cached before the history was paged to 100 non-merge commits are not used.
    let key = pushed_at.map(|p| format!("v2\n{owner}/{repo}\n{rev}\n{}\n{p}", meta.default_branch));
    if let (Some(cache), Some(key)) = (&http.cache, &key) {
        if let Some(head) = cache
            .object("graphql-history", key)
            .and_then(|bytes| serde_json::from_slice::<Head>(&bytes).ok())
        {
            http.count(|s| s.cache_hits += 1);
            return Ok(head);
        }
    }
    let what = format!("history of {owner}/{repo}");
    let data = http
        .graphql(
            HISTORY_QUERY,
            serde_json::json!({
                "owner": owner, "name": repo, "expr": rev, "default": meta.default_branch,
            }),
            &what,
        )
        .await
        .map_err(HistoryError::Failed)?;
    let repository = data
        .get("repository")
        .filter(|r| !r.is_null())
        .ok_or_else(|| HistoryError::Failed(malformed(&what, "no repository in the answer")))?;
    let mut head = empty_head(meta);
    let object = repository.get("object").filter(|o| !o.is_null());
    let Some(object) = object else {
        if rev == meta.default_branch {
            // An empty repository has no commit on its default branch.
            return Ok(head);
        }
        return Err(HistoryError::BadRevision(FetchError::Status {
            host: HOST,
            status: 404,
            what: format!("revision {rev}"),
            message: "No commit found".into(),
        }));
    };
    let text =
        |v: &serde_json::Value, key: &str| v.get(key).and_then(|x| x.as_str()).map(str::to_string);
    head.commit = text(object, "oid");
    if head.commit.is_none() {
        // An annotated tag or a tree: the REST history peels it to its commit.
        return Err(HistoryError::Failed(malformed(
            &what,
            "the revision is not a commit",
        )));
    }
    head.tree = object.get("tree").and_then(|t| text(t, "oid"));
    head.history.newest_commit_time = text(object, "committedDate").and_then(|d| parse_time(&d));
    let (mut listed, mut next) = graphql_page(object.get("history"));
    // The first 100 commits hold merges too: page on until 100 non-merge commits, as the git
    // adapter walks; from the commit already read, so that a push in between changes nothing.
    let start = head.commit.clone().unwrap_or_default();
    while !enough(&listed) {
        let Some(after) = next.take() else {
            break;
        };
        if listed.len() >= MAX_COMMITS_WALKED {
            head.cut_short = Some(walk_limit());
            break;
        }
        let page = http
            .graphql(
                HISTORY_PAGE_QUERY,
                serde_json::json!({
                    "owner": owner, "name": repo, "expr": start, "after": after,
                }),
                &what,
            )
            .await;
        match page {
            Ok(data) => {
                let (more, cursor) = graphql_page(data.pointer("/repository/object/history"));
                if more.is_empty() {
                    head.cut_short = Some(malformed(&what, "an empty page of history").to_msg());
                    break;
                }
                listed.extend(more);
                next = cursor;
            }
            Err(e) => {
                head.cut_short = Some(e.to_msg());
                break;
            }
        }
    }
    let (recent, walked) = take_recent(&listed);
    head.cut_short = head
        .cut_short
        .map(|why| history_cut_short(recent.len(), &why));
    head.walked = walked;
    head.history.recent_commits = recent;
    let refs = repository
        .pointer("/refs/nodes")
        .and_then(|n| n.as_array())
        .cloned()
        .unwrap_or_default();
    let mut branches: Vec<Branch> = refs
        .iter()
        .filter_map(|r| {
            Some(Branch {
                name: text(r, "name")?,
                last_commit_time: r
                    .pointer("/target/committedDate")
                    .and_then(|d| d.as_str())
                    .and_then(parse_time)
                    .unwrap_or(0),
                // The ref is the base, the default branch the head: what the branch has that
                // the default branch lacks is how far the head is *behind*.
                ahead: r
                    .pointer("/compare/behindBy")
                    .and_then(|n| n.as_u64())
                    .map(|n| n as usize),
            })
        })
        .collect();
    branches.sort_by(|a, b| a.name.cmp(&b.name));
    head.history.branches = branches;
    // A history cut short by a failed page is not kept: the next run tries again.
    if let (Some(cache), Some(key), None) = (&http.cache, &key, &head.cut_short) {
        if let Ok(bytes) = serde_json::to_vec(&head) {
            cache.store_object("graphql-history", key, &bytes);
        }
    }
    Ok(head)
}

// ---------------------------------------------------------------------------------------------
// The tree and the files

/// The recursive tree: by id when known (immutable, cached without asking), else by ref name.
pub(crate) async fn tree(
    http: &Http,
    owner: &str,
    repo: &str,
    tree_or_ref: &str,
    immutable: bool,
) -> Result<ApiTree, FetchError> {
    if immutable {
        if let Some(tree) = http
            .cache
            .as_ref()
            .and_then(|c| c.object("tree", tree_or_ref))
            .and_then(|bytes| serde_json::from_slice::<ApiTree>(&bytes).ok())
        {
            http.count(|s| s.cache_hits += 1);
            return Ok(tree);
        }
    }
    let path = format!(
        "/repos/{}/{}/git/trees/{}?recursive=1",
        encode_path(owner),
        encode_path(repo),
        encode_path(tree_or_ref)
    );
    let answer = http.rest(&path).await?;
    let tree: ApiTree = answer.json(HOST, &path)?;
    if immutable {
        if let Some(cache) = &http.cache {
            cache.store_object("tree", tree_or_ref, &answer.body);
        }
    }
    Ok(tree)
}

/// What reading the files gave.
#[derive(Debug, Default)]
pub(crate) struct Files {
    pub files: BTreeMap<String, FileEntry>,
    pub blobs_read: usize,
    /// Wanted files that could not be read, with the reason.
    pub failed: Vec<(String, Msg)>,
}

/// Where blobs come from.
pub(crate) struct BlobSource<'a> {
    pub owner: &'a str,
    pub repo: &'a str,
    /// The commit the tree belongs to; raw URLs name it, so their content never changes.
    pub commit: Option<&'a str>,
    pub private: bool,
    pub source: ContentSource,
    pub concurrency: usize,
}

type BlobResult = Result<FileEntry, Msg>;

/// Lists every path of the tree and reads the files the engine wants, resolving symlinks inside
/// the repository the way the git adapter does.
pub(crate) async fn files(http: &Http, tree: &ApiTree, from: &BlobSource<'_>) -> Files {
    let index: HashMap<&str, &ApiTreeEntry> =
        tree.tree.iter().map(|e| (e.path.as_str(), e)).collect();
    let is_link = |e: &ApiTreeEntry| e.kind == "blob" && e.mode == "120000";
    let too_large = |e: &ApiTreeEntry| e.size.is_some_and(|s| s > MAX_FILE_SIZE);
    // Round 1: the wanted files and every symlink's target.
    let mut wanted: Vec<&ApiTreeEntry> = tree
        .tree
        .iter()
        .filter(|e| e.kind == "blob" && !is_link(e) && wants_content(&e.path) && !too_large(e))
        .collect();
    let links: Vec<&ApiTreeEntry> = tree
        .tree
        .iter()
        .filter(|e| is_link(e))
        .take(MAX_SYMLINKS)
        .collect();
    wanted.extend(links.iter().copied());
    let mut blobs = fetch_blobs(http, &wanted, from).await;
    let target_of =
        |blobs: &HashMap<String, BlobResult>, e: &ApiTreeEntry| -> Option<Result<String, Msg>> {
            blobs.get(&e.sha).map(|r| {
                r.clone().map(|entry| match entry.content {
                    Content::Text { text, .. } => text,
                    _ => String::new(),
                })
            })
        };
    // Resolve the wanted symlinks.
    let mut resolved: HashMap<String, Result<Resolved, Msg>> = HashMap::new();
    for link in tree
        .tree
        .iter()
        .filter(|e| is_link(e) && wants_content(&e.path))
    {
        let outcome = match target_of(&blobs, link) {
            None => Err(msg!(
                "for mange symlinks til at følge",
                "too many symlinks to follow"
            )),
            Some(Err(reason)) => Err(reason),
            Some(Ok(target)) => {
                let mut lookup =
                    |candidate: &str| -> Result<Node, crate::adapters::fs::AdapterError> {
                        Ok(match index.get(candidate) {
                            None => Node::Missing,
                            Some(e) if e.kind == "tree" => Node::Dir,
                            Some(e) if e.kind == "commit" => Node::Other,
                            Some(e) if is_link(e) => match target_of(&blobs, e) {
                                Some(Ok(t)) => Node::Symlink(t),
                                Some(Err(reason)) => Node::Unreadable(reason.en),
                                None => Node::Unreadable("not read".into()),
                            },
                            Some(_) => Node::File,
                        })
                    };
                resolve_symlink(&link.path, &target, &[], &mut lookup)
                    .map_err(|e| Msg::new(e.to_string(), e.to_string()))
            }
        };
        resolved.insert(link.path.clone(), outcome);
    }
    // Round 2: the files the symlinks lead to that were not read yet.
    let second: Vec<&ApiTreeEntry> = resolved
        .values()
        .filter_map(|r| match r {
            Ok(Resolved::File(path)) => index.get(path.as_str()).copied(),
            _ => None,
        })
        .filter(|e| !blobs.contains_key(&e.sha) && !too_large(e))
        .collect();
    if !second.is_empty() {
        blobs.extend(fetch_blobs(http, &second, from).await);
    }
    let mut out = Files::default();
    let mut entries: Vec<(String, FileEntry)> = Vec::with_capacity(tree.tree.len());
    for entry in &tree.tree {
        if entry.kind == "tree" {
            continue;
        }
        let file = if entry.kind != "blob" || !wants_content(&entry.path) {
            FileEntry::not_loaded()
        } else if is_link(entry) {
            match resolved.remove(&entry.path) {
                Some(Ok(Resolved::File(path))) => {
                    let target = index.get(path.as_str()).copied();
                    let mut file = match target {
                        Some(t) if too_large(t) => FileEntry::with_content(Content::TooLarge {
                            size: t.size.unwrap_or(0),
                        }),
                        Some(t) => match blobs.get(&t.sha) {
                            Some(Ok(file)) => {
                                out.blobs_read += 1;
                                file.clone()
                            }
                            Some(Err(reason)) => {
                                out.failed.push((entry.path.clone(), reason.clone()));
                                FileEntry::not_loaded()
                            }
                            None => FileEntry::not_loaded(),
                        },
                        None => FileEntry::not_loaded(),
                    };
                    file.symlink_to = Some(path);
                    file
                }
                Some(Ok(other)) => FileEntry::with_content(other.into_content()),
                Some(Err(reason)) => {
                    out.failed.push((entry.path.clone(), reason));
                    FileEntry::not_loaded()
                }
                None => FileEntry::not_loaded(),
            }
        } else if too_large(entry) {
            FileEntry::with_content(Content::TooLarge {
                size: entry.size.unwrap_or(0),
            })
        } else {
            match blobs.get(&entry.sha) {
                Some(Ok(file)) => {
                    out.blobs_read += 1;
                    file.clone()
                }
                Some(Err(reason)) => {
                    out.failed.push((entry.path.clone(), reason.clone()));
                    FileEntry::not_loaded()
                }
                None => FileEntry::not_loaded(),
            }
        };
        entries.push((entry.path.clone(), file));
    }
    out.files = entries.into_iter().collect();
    out
}

/// Git's id of a blob with these bytes: SHA-1 (SHA-256 in a SHA-256 repository) over
/// `blob LEN\0` and the bytes.
fn blob_id(bytes: &[u8], sha256: bool) -> String {
    use sha1::Digest as _;
    let header = format!("blob {}\0", bytes.len());
    let digest: Vec<u8> = if sha256 {
        let mut hasher = sha2::Sha256::new();
        hasher.update(header.as_bytes());
        hasher.update(bytes);
        hasher.finalize().to_vec()
    } else {
        let mut hasher = sha1::Sha1::new();
        hasher.update(header.as_bytes());
        hasher.update(bytes);
        hasher.finalize().to_vec()
    };
    digest.iter().map(|b| format!("{b:02x}")).collect()
}

/// Whether `bytes` are the blob the tree lists: its size and its id. A download cut short
/// (a proxy, a dropped connection that still ended in 200) or a damaged cache entry is not
/// the file, and must not be read as if it were.
fn verify_blob(entry: &ApiTreeEntry, bytes: &[u8]) -> Result<(), Msg> {
    let path = &entry.path;
    if let Some(size) = entry.size {
        if bytes.len() as u64 != size {
            return Err(msg!(
                "indholdet af {path} var {n} byte, men træet siger {size} (en afbrudt overførsel)",
                "the content of {path} was {n} bytes where the tree says {size} (a transfer cut short)",
                n = bytes.len()
            ));
        }
    }
    let id = entry.sha.to_ascii_lowercase();
    if blob_id(bytes, id.len() == 64) != id {
        return Err(msg!(
            "indholdet af {path} svarer ikke til dets blob-id {id}",
            "the content of {path} does not match its blob id {id}"
        ));
    }
    Ok(())
}

/// Reads blobs by id: from the cache, else from the raw host (concurrently) or GraphQL. Only
/// bytes that match the tree's size and blob id count, wherever they come from.
async fn fetch_blobs(
    http: &Http,
    entries: &[&ApiTreeEntry],
    from: &BlobSource<'_>,
) -> HashMap<String, BlobResult> {
    let mut out: HashMap<String, BlobResult> = HashMap::new();
    let mut missing: Vec<&ApiTreeEntry> = Vec::new();
    let mut seen = HashSet::new();
    for entry in entries {
        if !seen.insert(entry.sha.as_str()) {
            continue;
        }
        match http
            .cache
            .as_ref()
            .and_then(|c| c.object("blob", &entry.sha))
            .filter(|bytes| verify_blob(entry, bytes).is_ok())
        {
            Some(bytes) => {
                http.count(|s| s.cache_hits += 1);
                out.insert(entry.sha.clone(), Ok(FileEntry::from_bytes(&bytes)));
            }
            None => missing.push(entry),
        }
    }
    if missing.is_empty() {
        return out;
    }
    let use_graphql = match from.source {
        ContentSource::GraphQl => true,
        ContentSource::Raw => false,
        ContentSource::Auto => from.private && http.has_token(),
    };
    if use_graphql {
        out.extend(blobs_graphql(http, &missing, from).await);
    } else {
        let fetched: Vec<(String, BlobResult)> = stream::iter(missing)
            .map(|entry| async move { (entry.sha.clone(), blob_raw(http, entry, from).await) })
            .buffer_unordered(from.concurrency.max(1))
            .collect()
            .await;
        out.extend(fetched);
    }
    out
}

async fn blob_raw(http: &Http, entry: &ApiTreeEntry, from: &BlobSource<'_>) -> BlobResult {
    let (revision, immutable) = match from.commit {
        Some(commit) => (commit, true),
        None => ("HEAD", false),
    };
    let url = format!(
        "{}/{}/{}/{}/{}",
        http.raw_base,
        encode_path(from.owner),
        encode_path(from.repo),
        encode_path(revision),
        encode_path(&entry.path)
    );
    match http.raw(&url, &entry.path, from.private, !immutable).await {
        Ok(Answer { body, .. }) => {
            verify_blob(entry, &body)?;
            if immutable {
                if let Some(cache) = &http.cache {
                    cache.store_object("blob", &entry.sha, &body);
                }
            }
            Ok(FileEntry::from_bytes(&body))
        }
        Err(e) => Err(e.to_msg()),
    }
}

async fn blobs_graphql(
    http: &Http,
    entries: &[&ApiTreeEntry],
    from: &BlobSource<'_>,
) -> Vec<(String, BlobResult)> {
    let mut out = Vec::new();
    for chunk in entries.chunks(GRAPHQL_BLOBS_PER_QUERY) {
        let mut query = String::from("query($owner: String!, $name: String!) {\n  repository(owner: $owner, name: $name) {\n");
        for (i, entry) in chunk.iter().enumerate() {
            // Object ids are hex: safe to write into the query.
            let oid: String = entry.sha.chars().filter(char::is_ascii_hexdigit).collect();
            query.push_str(&format!(
                "    b{i}: object(oid: \"{oid}\") {{ ... on Blob {{ byteSize isBinary isTruncated text }} }}\n"
            ));
        }
        query.push_str("  }\n}");
        let what = format!("{} files of {}/{}", chunk.len(), from.owner, from.repo);
        let data = http
            .graphql(
                &query,
                serde_json::json!({ "owner": from.owner, "name": from.repo }),
                &what,
            )
            .await;
        for (i, entry) in chunk.iter().enumerate() {
            let result = match &data {
                Err(e) => Err(e.to_msg()),
                Ok(data) => match data.pointer(&format!("/repository/b{i}")) {
                    Some(blob) if !blob.is_null() => {
                        let size = blob.get("byteSize").and_then(|s| s.as_u64()).unwrap_or(0);
                        let binary = blob.get("isBinary").and_then(|b| b.as_bool()) == Some(true);
                        let truncated =
                            blob.get("isTruncated").and_then(|b| b.as_bool()) == Some(true);
                        let text = blob.get("text").and_then(|t| t.as_str());
                        if binary {
                            Ok(FileEntry::with_content(Content::Binary))
                        } else if truncated || size > MAX_FILE_SIZE {
                            Ok(FileEntry::with_content(Content::TooLarge { size }))
                        } else if let Some(text) = text {
                            // GraphQL's text of a file that is not UTF-8 is not its bytes: only
                            // what matches the blob id is kept.
                            if let (Some(cache), Ok(())) =
                                (&http.cache, verify_blob(entry, text.as_bytes()))
                            {
                                cache.store_object("blob", &entry.sha, text.as_bytes());
                            }
                            Ok(FileEntry::from_bytes(text.as_bytes()))
                        } else {
                            Err(malformed(&entry.path, "no text in the blob").to_msg())
                        }
                    }
                    _ => Err(msg!(
                        "GitHub GraphQL kendte ikke filen",
                        "GitHub GraphQL did not know the file"
                    )),
                },
            };
            out.push((entry.sha.clone(), result));
        }
    }
    out
}

// ---------------------------------------------------------------------------------------------
// The organisation's default community files

/// The community files GitHub takes from `OWNER/.github` when a repository has none of its
/// own: (the stem the engine matches, the file name, where in the snapshot it goes).
const COMMUNITY_FILES: [(&str, &str); 5] = [
    ("code_of_conduct", "CODE_OF_CONDUCT.md"),
    ("contributing", "CONTRIBUTING.md"),
    ("security", "SECURITY.md"),
    ("support", "SUPPORT.md"),
    ("governance", "GOVERNANCE.md"),
];

const ISSUE_TEMPLATES: [&str; 4] = [
    "bug_report.md",
    "bug_report.yml",
    "feature_request.md",
    "feature_request.yml",
];

fn stem_of(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    match lower.find('.') {
        Some(0) | None => lower,
        Some(dot) => lower[..dot].to_string(),
    }
}

/// Whether the repository has its own community file with this stem (root, .github, docs).
fn has_own(files: &BTreeMap<String, FileEntry>, stem: &str) -> bool {
    files.keys().any(|path| {
        let (dir, name) = match path.rfind('/') {
            Some(i) => (&path[..i], &path[i + 1..]),
            None => ("", path.as_str()),
        };
        ["", ".github", "docs"]
            .iter()
            .any(|d| d.eq_ignore_ascii_case(dir))
            && stem_of(name) == stem
            && (is_doc_format(name) || stem == "pull_request_template")
    })
}

fn has_own_issue_templates(files: &BTreeMap<String, FileEntry>) -> bool {
    files.keys().any(|path| {
        let lower = path.to_ascii_lowercase();
        lower.starts_with(".github/issue_template/")
            || [
                "issue_template.md",
                ".github/issue_template.md",
                "docs/issue_template.md",
            ]
            .contains(&lower.as_str())
    })
}

/// The organisation's defaults for the community files the repository lacks, read from the raw
/// host (no rate limit), each at the path it would have in the repository; and the paths for
/// which no default was found because a request failed (a 404 is an answer: no such default).
pub(crate) async fn organisation_defaults(
    http: &Http,
    owner: &str,
    files: &BTreeMap<String, FileEntry>,
    concurrency: usize,
) -> (Vec<(String, FileEntry)>, Vec<(String, Msg)>) {
    // (snapshot path, candidate paths in OWNER/.github in GitHub's order of precedence)
    let mut wanted: Vec<(String, Vec<String>)> = Vec::new();
    for (stem, name) in COMMUNITY_FILES {
        if !has_own(files, stem) {
            wanted.push((
                format!(".github/{name}"),
                vec![
                    format!(".github/{name}"),
                    name.to_string(),
                    format!("docs/{name}"),
                ],
            ));
        }
    }
    if !has_own(files, "pull_request_template") {
        let name = "PULL_REQUEST_TEMPLATE.md";
        wanted.push((
            format!(".github/{name}"),
            vec![
                format!(".github/{name}"),
                name.to_string(),
                format!("docs/{name}"),
            ],
        ));
    }
    if !has_own_issue_templates(files) {
        for name in ISSUE_TEMPLATES {
            let path = format!(".github/ISSUE_TEMPLATE/{name}");
            wanted.push((path.clone(), vec![path]));
        }
    }
    let requests: Vec<(usize, usize, String)> = wanted
        .iter()
        .enumerate()
        .flat_map(|(i, (_, candidates))| {
            candidates
                .iter()
                .enumerate()
                .map(move |(j, c)| (i, j, c.clone()))
        })
        .collect();
    let answers: Vec<(usize, usize, Result<Option<FileEntry>, Msg>)> = stream::iter(requests)
        .map(|(i, j, candidate)| async move {
            let url = format!(
                "{}/{}/.github/HEAD/{}",
                http.raw_base,
                encode_path(owner),
                encode_path(&candidate)
            );
            let what = format!("{owner}/.github/{candidate}");
            let file = match http.raw(&url, &what, false, true).await {
                Ok(answer) => Ok(Some(FileEntry::from_bytes(&answer.body))
                    .filter(|f| f.as_text().is_some_and(|t| !t.trim().is_empty()))),
                Err(e) if e.status() == Some(404) => Ok(None),
                Err(e) => Err(e.to_msg()),
            };
            (i, j, file)
        })
        .buffer_unordered(concurrency.max(1))
        .collect()
        .await;
    let mut best: BTreeMap<usize, (usize, FileEntry)> = BTreeMap::new();
    let mut failed: BTreeMap<usize, Msg> = BTreeMap::new();
    for (i, j, file) in answers {
        let file = match file {
            Ok(Some(file)) => file,
            Ok(None) => continue,
            Err(reason) => {
                failed.entry(i).or_insert(reason);
                continue;
            }
        };
        if best.get(&i).is_none_or(|(k, _)| j < *k) {
            best.insert(i, (j, file));
        }
    }
    // A default found is what GitHub shows; one that failed may be there or not.
    let failed = failed
        .into_iter()
        .filter(|(i, _)| !best.contains_key(i))
        .map(|(i, reason)| (wanted[i].0.clone(), reason))
        .collect();
    let found = best
        .into_iter()
        .map(|(i, (_, mut file))| {
            file.origin = Some(format!("{owner}/.github"));
            (wanted[i].0.clone(), file)
        })
        .collect();
    (found, failed)
}

// ---------------------------------------------------------------------------------------------
// P9: open issues and pull requests, and their first response

/// What reading the open items gave: the items, why they are unknown (too many to look into),
/// or the request that failed.
pub(crate) enum OpenItems {
    Got(Vec<OpenItem>),
    Unknown(Msg),
    Failed(Msg),
}

fn responder(user: &Option<ApiUser>, author: &str) -> bool {
    user.as_ref()
        .is_some_and(|u| u.login != author && u.kind != "Bot" && !u.login.ends_with("[bot]"))
}

/// Open issues and pull requests. Only items older than 30 days can be overdue, so only they
/// are looked into, oldest first: one with no comments (and, for a pull request, no review) is
/// unanswered without another request. At most `max_requests` such requests are made; when the
/// budget runs out before an overdue item is found, the answer is unknown rather than a guess.
pub(crate) async fn open_items(
    http: &Http,
    owner: &str,
    repo: &str,
    now: i64,
    max_requests: usize,
) -> OpenItems {
    let base = format!("/repos/{}/{}", encode_path(owner), encode_path(repo));
    let first = format!("{base}/issues?state=open&per_page=100");
    let mut issues: Vec<ApiIssue> = Vec::new();
    let mut answer = match http.rest_items(&first).await {
        Ok(a) => Some(a),
        // 410: issues are disabled; pull requests are still there.
        Err(e) if e.status() == Some(410) => None,
        Err(e) => return OpenItems::Failed(e.to_msg()),
    };
    let mut truncated = false;
    if answer.is_none() {
        match http
            .rest_items(&format!("{base}/pulls?state=open&per_page=100"))
            .await
        {
            Ok(a) => {
                // The pull-request list has no comment counts: every old one is looked into.
                let pulls: Result<Vec<serde_json::Value>, _> = a.json(HOST, &first);
                match pulls {
                    Ok(pulls) => {
                        for pull in pulls {
                            if let Ok(mut issue) = serde_json::from_value::<ApiIssue>(pull) {
                                issue.pull_request = Some(serde_json::Value::Bool(true));
                                issue.comments = 1;
                                issues.push(issue);
                            }
                        }
                    }
                    Err(e) => return OpenItems::Failed(e.to_msg()),
                }
            }
            Err(e) => return OpenItems::Failed(e.to_msg()),
        }
    }
    let mut pages = 0;
    while let Some(page) = answer.take() {
        pages += 1;
        match page.json::<Vec<ApiIssue>>(HOST, &first) {
            Ok(items) => issues.extend(items),
            Err(e) => return OpenItems::Failed(e.to_msg()),
        }
        match page.next_page() {
            Some(_) if pages >= MAX_ISSUE_PAGES => truncated = true,
            Some(next) => match http.rest_items(&next).await {
                Ok(a) => answer = Some(a),
                Err(e) => return OpenItems::Failed(e.to_msg()),
            },
            None => {}
        }
    }
    let mut items: Vec<(OpenItem, bool)> = Vec::new();
    let mut order: Vec<usize> = Vec::new();
    for issue in &issues {
        let Some(created_at) = parse_time(&issue.created_at) else {
            return OpenItems::Failed(malformed(&first, "created_at is not a date").to_msg());
        };
        items.push((
            OpenItem {
                number: issue.number,
                pull_request: issue.pull_request.is_some(),
                url: issue.html_url.clone(),
                created_at,
                first_response_at: None,
            },
            true,
        ));
        if now - created_at > RESPONSE_DAYS * DAY {
            order.push(items.len() - 1);
        }
    }
    order.sort_by_key(|&i| items[i].0.created_at);
    let mut requests = 0;
    let mut unchecked = 0;
    for i in order {
        let issue = &issues[i];
        let author = issue
            .user
            .as_ref()
            .map(|u| u.login.clone())
            .unwrap_or_default();
        let pull = issue.pull_request.is_some();
        let needed = usize::from(issue.comments > 0) + usize::from(pull);
        if needed == 0 {
            continue; // an issue nobody commented on: unanswered, no request needed
        }
        if requests + needed > max_requests {
            items[i].1 = false;
            unchecked += 1;
            continue;
        }
        let mut first_response: Option<i64> = None;
        if issue.comments > 0 {
            requests += 1;
            let path = format!("{base}/issues/{}/comments?per_page=100", issue.number);
            match first_answer(http, &path, &author).await {
                Ok(found) => first_response = found,
                Err(e) => return OpenItems::Failed(e.to_msg()),
            }
        }
        if pull && first_response.is_none() {
            requests += 1;
            let path = format!("{base}/pulls/{}/reviews?per_page=100", issue.number);
            match first_answer(http, &path, &author).await {
                Ok(found) => first_response = found,
                Err(e) => return OpenItems::Failed(e.to_msg()),
            }
        }
        items[i].0.first_response_at = first_response;
    }
    let checked: Vec<OpenItem> = items
        .into_iter()
        .filter(|(_, checked)| *checked)
        .map(|(item, _)| item)
        .collect();
    let overdue = checked
        .iter()
        .any(|i| i.first_response_at.is_none() && now - i.created_at > RESPONSE_DAYS * DAY);
    if (unchecked > 0 || truncated) && !overdue {
        return OpenItems::Unknown(msg!(
            "for mange åbne issues og pull requests til at gennemgå ({n} ikke undersøgt)",
            "too many open issues and pull requests to look into ({n} not examined)",
            n = unchecked.max(usize::from(truncated))
        ));
    }
    OpenItems::Got(checked)
}

#[cfg(test)]
mod tests {
    use super::*;

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
