//! P9: open issues and pull requests, and their first response.

use super::*;
use crate::adapters::remote::http::{encode_path, FetchError, Http};
use crate::base::model::{Msg, OpenItem};
use crate::msg;
use serde::Deserialize;

#[derive(Debug, Deserialize)]
pub(super) struct ApiIssue {
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
pub(super) struct ApiAnswer {
    user: Option<ApiUser>,
    created_at: Option<String>,
    submitted_at: Option<String>,
}

/// The time of the earliest answer at `path` (comments or reviews) by someone other than
/// `author`.
pub(super) async fn first_answer(
    http: &Http,
    path: &str,
    author: &str,
) -> Result<Option<i64>, FetchError> {
    let answers: Vec<ApiAnswer> = http.rest_items(path).await?.json(HOST, path)?;
    Ok(earliest_answer(&answers, author))
}

pub(super) fn earliest_answer(answers: &[ApiAnswer], author: &str) -> Option<i64> {
    answers
        .iter()
        .filter(|a| responder(&a.user, author))
        .filter_map(|a| a.created_at.as_deref().or(a.submitted_at.as_deref()))
        .filter_map(parse_time)
        .min()
}

/// What reading the open items gave: the items, why they are unknown (too many to look into),
/// or the request that failed.
pub(crate) enum OpenItems {
    Got(Vec<OpenItem>),
    Unknown(Msg),
    Failed(Msg),
}

pub(super) fn responder(user: &Option<ApiUser>, author: &str) -> bool {
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
