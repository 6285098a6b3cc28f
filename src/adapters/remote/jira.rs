//! Jira: does the project exist, can anyone read it, and when was an issue last updated.
//!
//! Jira Cloud removed `GET /rest/api/2/search` in 2025 (it answers `410 Gone`); its replacement
//! is `GET /rest/api/3/search/jql`. Jira Data Center and Server only have REST API 2. Which one
//! a site is comes from `GET /rest/api/2/serverInfo` (`deploymentType`, served on both and
//! readable anonymously), else from the host name; the old endpoint is used only for Data
//! Center, or when the new one does not exist on the site.

use super::http::{encode_path, encode_query, FetchError, Http};
use crate::base::model::{Fetched, JiraMeta, Msg};
use crate::msg;
use serde::Deserialize;

pub(crate) fn parse_jira_time(text: &str) -> Option<i64> {
    let text = text.trim();
    chrono::DateTime::parse_from_rfc3339(text)
        .or_else(|_| chrono::DateTime::parse_from_str(text, "%Y-%m-%dT%H:%M:%S%.f%z"))
        .ok()
        .map(|t| t.timestamp())
}

#[derive(Debug, Deserialize)]
struct ServerInfo {
    #[serde(rename = "deploymentType", default)]
    deployment_type: Option<String>,
}

#[derive(Debug, Deserialize)]
struct Project {
    key: String,
}

#[derive(Debug, Deserialize)]
struct SearchIssueFields {
    updated: Option<String>,
}

#[derive(Debug, Deserialize)]
struct SearchIssue {
    fields: Option<SearchIssueFields>,
}

/// Both `search/jql` (Cloud) and `search` (Data Center) answer with an `issues` array.
#[derive(Debug, Deserialize)]
struct SearchAnswer {
    #[serde(default)]
    issues: Vec<SearchIssue>,
}

pub(crate) struct JiraOutcome {
    pub meta: Fetched<JiraMeta>,
    pub notes: Vec<Msg>,
}

fn unknown(reason: Msg) -> JiraOutcome {
    JiraOutcome {
        meta: Fetched::Unknown { reason },
        notes: Vec::new(),
    }
}

/// Asks the Jira at `base` about `project` (anonymously; with `JIRA_TOKEN` where anonymity is
/// not enough to tell whether the project exists).
pub(crate) async fn project(http: &Http, base: &str, project: Option<&str>) -> JiraOutcome {
    let base = base.trim().trim_end_matches('/');
    let Some(key) = project.map(str::trim).filter(|k| !k.is_empty()) else {
        return unknown(msg!(
            "Jira-linket nævner intet projekt; angiv [jira] project i os2gov.toml",
            "the Jira link names no project; set [jira] project in os2gov.toml"
        ));
    };
    let key = key.to_ascii_uppercase();
    let mut notes = Vec::new();

    let cloud = match http
        .jira(
            &format!("{base}/rest/api/2/serverInfo"),
            "serverInfo",
            false,
        )
        .await
    {
        Ok(answer) => match answer.json::<ServerInfo>("Jira", "serverInfo") {
            Ok(info) => info
                .deployment_type
                .map(|d| d.eq_ignore_ascii_case("cloud"))
                .unwrap_or_else(|| base.contains(".atlassian.net")),
            Err(_) => base.contains(".atlassian.net"),
        },
        // Nothing answers at all: asking more would only repeat the failure.
        Err(e @ (FetchError::Network { .. } | FetchError::Timeout { .. })) => {
            return unknown(e.to_msg())
        }
        Err(_) => base.contains(".atlassian.net"),
    };
    let version = if cloud { 3 } else { 2 };
    let project_url = format!("{base}/rest/api/{version}/project/{}", encode_path(&key));
    let what = format!("project {key}");
    let (exists, public) = match http.jira(&project_url, &what, false).await {
        Ok(answer) => match answer.json::<Project>("Jira", &what) {
            Ok(p) if p.key.eq_ignore_ascii_case(&key) => (true, true),
            Ok(p) => {
                notes.push(msg!(
                    "Jira svarede med projektet {p} for {key}.",
                    "Jira answered with project {p} for {key}.",
                    p = p.key
                ));
                (true, true)
            }
            Err(e) => return unknown(e.to_msg()),
        },
        Err(e) if matches!(e.status(), Some(401 | 403 | 404)) => {
            if http.has_jira_token() {
                match http.jira(&project_url, &what, true).await {
                    Ok(_) => (true, false),
                    Err(e2) if e2.status() == Some(404) => (false, false),
                    Err(e2) => return unknown(e2.to_msg()),
                }
            } else {
                notes.push(msg!(
                    "Jira-projektet {key} på {base} findes ikke eller kan ikke læses uden login ({s}).",
                    "The Jira project {key} at {base} does not exist or cannot be read without logging in ({s}).",
                    s = e.status().unwrap_or(0)
                ));
                (false, false)
            }
        }
        Err(e) => return unknown(e.to_msg()),
    };
    let mut meta = JiraMeta {
        base_url: base.to_string(),
        project: key.clone(),
        exists,
        public,
        last_issue_updated: None,
    };
    if exists {
        let auth = !public && http.has_jira_token();
        let jql = encode_query(&format!("project = \"{key}\" ORDER BY updated DESC"));
        let new = format!("{base}/rest/api/3/search/jql?jql={jql}&maxResults=1&fields=updated");
        let old = format!("{base}/rest/api/2/search?jql={jql}&maxResults=1&fields=updated");
        let order = if cloud { [new, old] } else { [old, new] };
        let mut last_error: Option<FetchError> = None;
        for url in &order {
            match http.jira(url, "search", auth).await {
                Ok(answer) => {
                    match answer.json::<SearchAnswer>("Jira", "search") {
                        Ok(found) => {
                            meta.last_issue_updated = found
                                .issues
                                .first()
                                .and_then(|i| i.fields.as_ref())
                                .and_then(|f| f.updated.as_deref())
                                .and_then(parse_jira_time);
                            last_error = None;
                        }
                        Err(e) => last_error = Some(e),
                    }
                    break;
                }
                // 404: this search endpoint does not exist here; 410: Cloud removed it.
                Err(e) if matches!(e.status(), Some(404 | 410)) => last_error = Some(e),
                Err(e) => {
                    last_error = Some(e);
                    break;
                }
            }
        }
        if let Some(e) = last_error {
            let reason = e.to_msg();
            notes.push(Msg::new(
                format!("Seneste aktivitet i Jira kunne ikke hentes: {}.", reason.da),
                format!("The latest Jira activity could not be read: {}.", reason.en),
            ));
        }
    }
    notes.push(summary(&meta));
    JiraOutcome {
        meta: Fetched::Got { value: meta },
        notes,
    }
}

fn summary(meta: &JiraMeta) -> Msg {
    let state = match (meta.exists, meta.public) {
        (true, true) => Msg::new("offentligt", "public"),
        (true, false) => Msg::new("findes, men er ikke offentligt", "exists but is not public"),
        (false, _) => Msg::new(
            "ikke fundet eller ikke offentligt",
            "not found or not public",
        ),
    };
    let mut m = Msg::new(
        format!(
            "Jira: projektet {} på {} er {}.",
            meta.project, meta.base_url, state.da
        ),
        format!(
            "Jira: the project {} at {} is {}.",
            meta.project, meta.base_url, state.en
        ),
    );
    if let Some(t) = meta.last_issue_updated {
        let day = chrono::DateTime::from_timestamp(t, 0)
            .map(|d| d.format("%Y-%m-%d").to_string())
            .unwrap_or_default();
        m = m.join(&msg!(
            "Seneste opdaterede issue: {day}.",
            "Last issue updated: {day}."
        ));
    }
    m
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn jira_times() {
        assert_eq!(
            parse_jira_time("2026-11-20T10:00:00.000+0100"),
            Some(1_795_165_200)
        );
        assert_eq!(parse_jira_time("2026-11-20T09:00:00Z"), Some(1_795_165_200));
        assert_eq!(parse_jira_time("yesterday"), None);
    }
}
