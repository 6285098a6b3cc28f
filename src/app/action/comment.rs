//! The sticky pull-request comment: one comment, found again by its marker, created or updated
//! over GitHub's REST API.

use super::{Inputs, Runner};
#[cfg(feature = "remote")]
use crate::adapters::remote::next_page;
use crate::base::model::Msg;
#[cfg(feature = "remote")]
use crate::msg;

/// The hidden marker that finds our comment again among a pull request's comments.
pub const COMMENT_MARKER: &str = "<!-- os2gov-report -->";

/// Posts or updates the sticky comment; implemented over the GitHub REST API.
pub trait CommentApi {
    /// Creates or updates the one comment carrying [`COMMENT_MARKER`] on pull request `number`.
    /// An error says why in both languages.
    fn upsert(&self, number: u64, body: &str) -> Result<Posted, Msg>;
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CommentResult {
    Created,
    Updated,
}

/// A comment GitHub accepted. The status decides that it was posted; the answer's body only
/// adds the link, when it can be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Posted {
    pub result: CommentResult,
    pub url: Option<String>,
}

/// Whether a comment's body is our sticky comment: every comment the Action writes starts with
/// the marker, so a person's comment that quotes a report further down is never overwritten.
pub fn is_sticky(body: &str) -> bool {
    body.trim_start().starts_with(COMMENT_MARKER)
}

/// The sticky comment over GitHub's REST API, with octocrab's raw requests: the status of each
/// answer is read first and decides, and a body is parsed only where its content is needed (the
/// list of comments; the link to ours, which is optional). octocrab's typed calls turn a `201`
/// whose body does not parse into an error that cannot be told from a refusal, and a comment
/// GitHub accepted would be reported as not posted.
#[cfg(feature = "remote")]
struct GitHubComments {
    runtime: tokio::runtime::Runtime,
    client: octocrab::Octocrab,
    /// `scheme://authority` of the API: the only host a `Link` header may send us to.
    origin: String,
    owner: String,
    repo: String,
}

/// A pull request with more comments than this is not paged through to its end; more than
/// enough for any real one, and a bound on a `Link` header that never ends.
#[cfg(feature = "remote")]
const MAX_COMMENT_PAGES: usize = 100;

#[cfg(feature = "remote")]
struct RawAnswer {
    status: u16,
    /// `None` when the body could not be read to its end.
    body: Option<Vec<u8>>,
    link: Option<String>,
}

#[cfg(feature = "remote")]
impl GitHubComments {
    async fn send(
        &self,
        method: http::Method,
        uri: &str,
        body: Option<&serde_json::Value>,
    ) -> Result<RawAnswer, Msg> {
        use http_body_util::BodyExt;
        let sent = match method {
            http::Method::POST => self.client._post(uri, body).await,
            http::Method::PATCH => self.client._patch(uri, body).await,
            _ => self.client._get(uri).await,
        };
        let (parts, answer) = sent.map_err(|e| transport(&e))?.into_parts();
        let body = answer.collect().await.ok().map(|b| b.to_bytes().to_vec());
        let link = parts
            .headers
            .get(http::header::LINK)
            .and_then(|v| v.to_str().ok())
            .map(str::to_string);
        Ok(RawAnswer {
            status: parts.status.as_u16(),
            body,
            link,
        })
    }

    /// The id of our comment on pull request `number`, searching every page of its comments.
    async fn find(&self, number: u64) -> Result<Option<u64>, Msg> {
        let mut uri = format!(
            "/repos/{}/{}/issues/{number}/comments?per_page=100",
            self.owner, self.repo
        );
        for _ in 0..MAX_COMMENT_PAGES {
            let answer = self.send(http::Method::GET, &uri, None).await?;
            if answer.status != 200 {
                return Err(refused(answer.status, answer.body.as_deref()));
            }
            let comments: Vec<serde_json::Value> = answer
                .body
                .as_deref()
                .and_then(|b| serde_json::from_slice(b).ok())
                .ok_or_else(|| {
                    msg!(
                        "GitHubs liste over kommentarer kunne ikke læses",
                        "GitHub's list of comments could not be read"
                    )
                })?;
            let ours = comments.iter().find_map(|c| {
                let body = c.get("body").and_then(serde_json::Value::as_str)?;
                is_sticky(body)
                    .then(|| c.get("id").and_then(serde_json::Value::as_u64))
                    .flatten()
            });
            if ours.is_some() {
                return Ok(ours);
            }
            match answer.link.as_deref().and_then(next_page) {
                None => return Ok(None),
                Some(next) => uri = on_api_host(&self.origin, &next)?,
            }
        }
        Err(msg!(
            "pull requesten har mere end {MAX_COMMENT_PAGES} sider kommentarer",
            "the pull request has more than {MAX_COMMENT_PAGES} pages of comments"
        ))
    }
}

/// The path and query of a `Link` URL on the API's own host (`origin`), so that the token goes
/// with it (octocrab attaches it only to relative requests) and the Action follows no link
/// elsewhere.
#[cfg(feature = "remote")]
fn on_api_host(origin: &str, url: &str) -> Result<String, Msg> {
    url.strip_prefix(origin)
        .filter(|rest| rest.starts_with('/'))
        .map(str::to_string)
        .ok_or_else(|| {
            msg!(
                "GitHub henviste til næste side på en anden vært ({url})",
                "GitHub pointed to the next page on another host ({url})"
            )
        })
}

#[cfg(feature = "remote")]
impl CommentApi for GitHubComments {
    fn upsert(&self, number: u64, body: &str) -> Result<Posted, Msg> {
        let payload = serde_json::json!({ "body": body });
        self.runtime.block_on(async {
            let (result, method, uri) = match self.find(number).await? {
                // PATCH, as GitHub documents the edit.
                Some(id) => (
                    CommentResult::Updated,
                    http::Method::PATCH,
                    format!("/repos/{}/{}/issues/comments/{id}", self.owner, self.repo),
                ),
                None => (
                    CommentResult::Created,
                    http::Method::POST,
                    format!(
                        "/repos/{}/{}/issues/{number}/comments",
                        self.owner, self.repo
                    ),
                ),
            };
            let answer = self.send(method, &uri, Some(&payload)).await?;
            // GitHub answers 201 to a new comment and 200 to an edit: any success status means
            // it was accepted, whatever the body holds.
            if !(200..300).contains(&answer.status) {
                return Err(refused(answer.status, answer.body.as_deref()));
            }
            let url = answer
                .body
                .as_deref()
                .and_then(|b| serde_json::from_slice::<serde_json::Value>(b).ok())
                .and_then(|v| v.get("html_url")?.as_str().map(str::to_string))
                .filter(|u| u.starts_with("https://") || u.starts_with("http://"));
            Ok(Posted { result, url })
        })
    }
}

/// GitHub's refusal in one line: the status and its own message (never the token, which is
/// only ever in the request).
#[cfg(feature = "remote")]
fn refused(status: u16, body: Option<&[u8]>) -> Msg {
    let message = body
        .and_then(|b| serde_json::from_slice::<serde_json::Value>(b).ok())
        .and_then(|v| v.get("message")?.as_str().map(str::to_string))
        .unwrap_or_default();
    let detail = if message.is_empty() {
        String::new()
    } else {
        format!(": {message}")
    };
    msg!(
        "GitHub svarede {status}{detail}",
        "GitHub answered {status}{detail}"
    )
}

/// A request that got no answer (connection, timeout). When it was the comment itself, GitHub
/// may still have posted it; the next run finds it by its marker and updates it.
#[cfg(feature = "remote")]
fn transport(error: &octocrab::Error) -> Msg {
    let text = error.to_string();
    let first = text.lines().next().unwrap_or("request failed");
    msg!(
        "intet svar fra GitHub ({first})",
        "no answer from GitHub ({first})"
    )
}

/// A comment client when there is a token and a repository to comment in.
#[cfg(feature = "remote")]
pub fn comment_client(runner: &Runner, inputs: &Inputs) -> Option<Box<dyn CommentApi>> {
    let token = inputs.token.clone()?;
    let (owner, repo) = runner.repository.split_once('/')?;
    let api_url = runner.api_url.trim().trim_end_matches('/');
    let (scheme, rest) = api_url.split_once("://")?;
    let authority = rest.split('/').next().unwrap_or(rest);
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .ok()?;
    let client = runtime
        .block_on(async {
            octocrab::Octocrab::builder()
                .base_uri(api_url)?
                .personal_token(token)
                .set_connect_timeout(Some(std::time::Duration::from_secs(10)))
                .set_read_timeout(Some(std::time::Duration::from_secs(30)))
                .build()
        })
        .ok()?;
    Some(Box::new(GitHubComments {
        runtime,
        client,
        origin: format!("{scheme}://{authority}"),
        owner: owner.to_string(),
        repo: repo.to_string(),
    }))
}

/// Without the network adapters there is no way to comment; the report stays in the summary.
#[cfg(not(feature = "remote"))]
pub fn comment_client(_: &Runner, _: &Inputs) -> Option<Box<dyn CommentApi>> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn next_pages_are_followed_only_on_the_api_host() {
        let link = "<https://api.github.com/repositories/1/issues/7/comments?page=3>; rel=\"next\", <https://api.github.com/repositories/1/issues/7/comments?page=9>; rel=\"last\"";
        let next = next_page(link).expect("next");
        assert_eq!(
            on_api_host("https://api.github.com", &next).expect("same host"),
            "/repositories/1/issues/7/comments?page=3"
        );
        assert_eq!(
            on_api_host(
                "https://ghe.example.org",
                "https://ghe.example.org/api/v3/x?page=2"
            )
            .expect("same host"),
            "/api/v3/x?page=2"
        );
        for elsewhere in [
            "https://evil.example.org/repos/x",
            "https://api.github.com.evil.example.org/repos/x",
            "https://api.github.com:8443/repos/x",
            "http://api.github.com/repos/x",
            "/repos/x",
        ] {
            assert!(
                on_api_host("https://api.github.com", elsewhere).is_err(),
                "{elsewhere}"
            );
        }
        assert_eq!(next_page("<https://x/1>; rel=\"last\""), None);
    }

    #[test]
    fn only_a_comment_that_starts_with_the_marker_is_ours() {
        assert!(is_sticky("<!-- os2gov-report -->\n## os2gov"));
        assert!(is_sticky("\n <!-- os2gov-report -->"));
        assert!(!is_sticky("I disagree:\n> <!-- os2gov-report -->"));
        assert!(!is_sticky(""));
    }
}
