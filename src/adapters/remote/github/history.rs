//! The history: REST without a token, one GraphQL query (history and branches) with one.

use super::*;
use crate::adapters::remote::http::{encode_path, encode_query, FetchError, Http};
use crate::base::model::{
    history_cut_short, Branch, Commit, History, Msg, RepoMeta, MAX_COMMITS_WALKED, RECENT_COMMITS,
};
use crate::msg;
use serde::{Deserialize, Serialize};

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
pub(super) struct Listed {
    id: String,
    time: i64,
    message: String,
    merge: bool,
}

/// The last [`RECENT_COMMITS`] non-merge commits of `listed` (newest first), and how many
/// commits, merges included, come up to the last of them.
pub(super) fn take_recent(listed: &[Listed]) -> (Vec<Commit>, usize) {
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

pub(super) fn enough(listed: &[Listed]) -> bool {
    listed.iter().filter(|c| !c.merge).count() >= RECENT_COMMITS
}

pub(super) fn walk_limit() -> Msg {
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
    // A page of 100 holds merges too: page on by the Link header.
    let (listing, path) = (&listing, &path);
    let page = |next: String| async move {
        let page = http.rest(&next).await.map_err(|e| e.to_msg())?;
        let commits = page
            .json::<Vec<ApiCommit>>(HOST, path)
            .map_err(|e| e.to_msg())?;
        Ok((listing(commits), page.next_page()))
    };
    let next = answer.next_page();
    page_on(&mut head, listing(commits), next, page).await;
    Ok(head)
}

/// Pages on from `next` until [`RECENT_COMMITS`] non-merge commits are listed, as the git adapter
/// walks (a page holds merges too), at most [`MAX_COMMITS_WALKED`]; then keeps the recent ones
/// in `head`, with why the history was cut short if it was. `page` reads one page: its commits
/// and the next page's cursor, or why it could not.
async fn page_on<F, Fut>(
    head: &mut Head,
    mut listed: Vec<Listed>,
    mut next: Option<String>,
    page: F,
) where
    F: Fn(String) -> Fut,
    Fut: std::future::Future<Output = Result<(Vec<Listed>, Option<String>), Msg>>,
{
    while !enough(&listed) {
        let Some(cursor) = next.take() else {
            break;
        };
        if listed.len() >= MAX_COMMITS_WALKED {
            head.cut_short = Some(walk_limit());
            break;
        }
        match page(cursor).await {
            Ok((more, cursor)) => {
                listed.extend(more);
                next = cursor;
            }
            Err(why) => {
                head.cut_short = Some(why);
                break;
            }
        }
    }
    let (recent, walked) = take_recent(&listed);
    head.cut_short = head
        .cut_short
        .take()
        .map(|why| history_cut_short(recent.len(), &why));
    head.walked = walked;
    head.history.recent_commits = recent;
}

pub(super) fn empty_head(meta: &RepoMeta) -> Head {
    Head {
        history: History {
            default_branch: Some(meta.default_branch.clone()).filter(|b| !b.is_empty()),
            origin_url: Some(meta.html_url.clone()),
            ..History::default()
        },
        ..Head::default()
    }
}

pub(super) const HISTORY_QUERY: &str = r#"query($owner: String!, $name: String!, $expr: String!, $default: String!) {
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
pub(super) const HISTORY_PAGE_QUERY: &str = r#"query($owner: String!, $name: String!, $expr: String!, $after: String!) {
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
pub(super) fn graphql_page(history: Option<&serde_json::Value>) -> (Vec<Listed>, Option<String>) {
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
    let (listed, next) = graphql_page(object.get("history"));
    // The first 100 commits hold merges too: page on by the cursor, from the commit already
    // read, so that a push in between changes nothing.
    let start = head.commit.clone().unwrap_or_default();
    let (start, what_ref) = (&start, &what);
    let page = |after: String| async move {
        let data = http
            .graphql(
                HISTORY_PAGE_QUERY,
                serde_json::json!({
                    "owner": owner, "name": repo, "expr": start, "after": after,
                }),
                what_ref,
            )
            .await
            .map_err(|e| e.to_msg())?;
        let (more, cursor) = graphql_page(data.pointer("/repository/object/history"));
        if more.is_empty() {
            return Err(malformed(what_ref, "an empty page of history").to_msg());
        }
        Ok((more, cursor))
    };
    page_on(&mut head, listed, next, page).await;
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
