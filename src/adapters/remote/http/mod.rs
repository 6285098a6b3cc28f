//! Every remote request goes through [`Http`]: octocrab underneath (auth, base URI, timeouts,
//! redirects), plus what octocrab leaves to us — conditional requests against the disk cache,
//! counting each kind of request, honouring rate limits by stopping, and turning every failure
//! into one bilingual, token-free message.

use super::cache::{DiskCache, Stored};
use super::{RemoteOptions, RequestStats, Secret};
use crate::base::model::Msg;
use crate::msg;
use http::header::{
    HeaderMap, HeaderName, HeaderValue, ACCEPT, AUTHORIZATION, ETAG, IF_NONE_MATCH,
};
use http::StatusCode;
use http_body_util::BodyExt;
use octocrab::Octocrab;
use std::sync::Mutex;
use std::time::Duration;

/// Which host a request goes to: it decides the client, the counter and the rate-limit bucket.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Host {
    /// GitHub's REST API (the core rate limit).
    Rest,
    /// The raw content host: no rate limit.
    Raw,
    Jira,
}

/// Why a request gave no usable answer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum FetchError {
    /// GitHub's rate limit is used up; nothing more is asked until `reset` (Unix seconds).
    RateLimited {
        graphql: bool,
        reset: Option<i64>,
        limit: Option<u64>,
    },
    /// An HTTP error status, with the server's own message when it gave one.
    Status {
        host: &'static str,
        status: u16,
        what: String,
        message: String,
    },
    Timeout {
        host: &'static str,
        what: String,
        seconds: u64,
    },
    /// DNS, connection refused or reset, TLS.
    Network {
        host: &'static str,
        what: String,
        message: String,
    },
    /// The answer arrived but is not what the API documents (bad JSON, a missing field).
    Malformed {
        host: &'static str,
        what: String,
        message: String,
    },
}

impl FetchError {
    pub fn status(&self) -> Option<u16> {
        match self {
            FetchError::Status { status, .. } => Some(*status),
            _ => None,
        }
    }

    /// The message for the report, in both languages.
    pub fn to_msg(&self) -> Msg {
        match self {
            FetchError::RateLimited {
                graphql,
                reset,
                limit,
            } => {
                let api = if *graphql { "GraphQL" } else { "REST" };
                let when = reset.map(format_time).unwrap_or_else(|| "?".to_string());
                let mut m = msg!(
                    "GitHubs grænse for {api}-forespørgsler er opbrugt (nulstilles {when}); der blev ikke spurgt om mere",
                    "GitHub's {api} rate limit is used up (it resets at {when}); nothing more was asked",
                );
                if *limit == Some(60) {
                    m = m.join(&msg!(
                        "(uden token: 60 i timen; sæt GITHUB_TOKEN for 5.000)",
                        "(without a token: 60 an hour; set GITHUB_TOKEN for 5,000)"
                    ));
                }
                m
            }
            FetchError::Status {
                host,
                status,
                what,
                message,
            } => {
                let reason = StatusCode::from_u16(*status)
                    .ok()
                    .and_then(|s| s.canonical_reason())
                    .unwrap_or("");
                let detail = if message.is_empty() {
                    String::new()
                } else {
                    format!(": {message}")
                };
                msg!(
                    "{host} svarede {status} {reason} på {what}{detail}",
                    "{host} answered {status} {reason} for {what}{detail}",
                )
            }
            FetchError::Timeout {
                host,
                what,
                seconds,
            } => msg!(
                "{host} svarede ikke inden for {seconds} s på {what}",
                "{host} did not answer {what} within {seconds} s",
            ),
            FetchError::Network {
                host,
                what,
                message,
            } => msg!(
                "kunne ikke nå {host} ({what}): {message}",
                "could not reach {host} ({what}): {message}",
            ),
            FetchError::Malformed {
                host,
                what,
                message,
            } => msg!(
                "{host} gav et uventet svar på {what}: {message}",
                "{host} gave an unexpected answer for {what}: {message}",
            ),
        }
    }
}

/// `2026-11-27 14:05 UTC`.
pub(crate) fn format_time(unix: i64) -> String {
    chrono::DateTime::from_timestamp(unix, 0)
        .map(|t| t.format("%Y-%m-%d %H:%M UTC").to_string())
        .unwrap_or_else(|| unix.to_string())
}

/// A usable answer: status 200 (or a 304 answered from the cache), its body and the headers
/// that matter afterwards.
#[derive(Debug, Clone)]
pub(crate) struct Answer {
    pub body: Vec<u8>,
    pub link: Option<String>,
}

impl Answer {
    pub fn json<T: serde::de::DeserializeOwned>(
        &self,
        host: &'static str,
        what: &str,
    ) -> Result<T, FetchError> {
        serde_json::from_slice(&self.body).map_err(|e| FetchError::Malformed {
            host,
            what: what.to_string(),
            message: e.to_string(),
        })
    }

    /// The `rel="next"` URL of GitHub's `Link` header.
    pub fn next_page(&self) -> Option<String> {
        next_page(self.link.as_deref()?)
    }
}

/// The `rel="next"` URL of a `Link` header (RFC 8288), as GitHub pages its lists.
pub fn next_page(link: &str) -> Option<String> {
    link.split(',').find_map(|part| {
        let (url, params) = part.split_once(';')?;
        params
            .split(';')
            .any(|p| p.trim() == "rel=\"next\"")
            .then(|| {
                url.trim()
                    .trim_start_matches('<')
                    .trim_end_matches('>')
                    .to_string()
            })
    })
}

#[derive(Debug, Default)]
struct Limits {
    rest: Option<FetchError>,
    graphql: Option<FetchError>,
}

/// The shared client of one run: both octocrab instances, the cache, the counters and the
/// rate-limit state. Cheap to share by reference across concurrent requests.
pub(crate) struct Http {
    /// Authenticated (when a token is set) for the API host only.
    api: Octocrab,
    /// No credentials: the raw content host and Jira.
    plain: Octocrab,
    pub api_base: String,
    pub raw_base: String,
    pub graphql_url: String,
    token: Option<Secret>,
    jira_token: Option<Secret>,
    pub cache: Option<DiskCache>,
    stats: Mutex<RequestStats>,
    limits: Mutex<Limits>,
    deadline: Duration,
    /// Problems of the run itself (a cache that cannot be used), for standard error.
    warnings: Vec<Msg>,
}

fn trim_base(url: &str) -> String {
    url.trim().trim_end_matches('/').to_string()
}

/// GitHub.com's GraphQL endpoint is `api.github.com/graphql`; GitHub Enterprise Server's
/// REST API is `HOST/api/v3` and its GraphQL `HOST/api/graphql`.
fn graphql_url(api_base: &str) -> String {
    match api_base.strip_suffix("/api/v3") {
        Some(host) => format!("{host}/api/graphql"),
        None => format!("{api_base}/graphql"),
    }
}

/// `scheme://authority` of a URL: octocrab's base URI, so that absolute URLs pass unchanged
/// and the token is attached only to requests for the API host.
fn origin_of(url: &str) -> String {
    let (scheme, rest) = url.split_once("://").unwrap_or(("https", url));
    let authority = rest.split('/').next().unwrap_or(rest);
    format!("{scheme}://{authority}")
}

impl Http {
    /// Builds the clients. Must run inside the tokio runtime (octocrab spawns a worker).
    pub fn new(options: &RemoteOptions) -> Result<Http, Msg> {
        let api_base = trim_base(&options.api_url);
        let raw_base = trim_base(&options.raw_url);
        let build = |base: &str, token: Option<&Secret>| -> Result<Octocrab, Msg> {
            let mut builder = Octocrab::builder()
                .base_uri(origin_of(base))
                .map_err(|e| msg!("ugyldig URL {base}: {e}", "bad URL {base}: {e}"))?
                .set_connect_timeout(Some(options.connect_timeout))
                .set_read_timeout(Some(options.read_timeout))
                .set_write_timeout(Some(options.read_timeout));
            if let Some(token) = token {
                builder = builder.personal_token(token.expose().to_string());
            }
            builder.build().map_err(|e| {
                msg!(
                    "GitHub-klienten kan ikke oprettes: {e}",
                    "the GitHub client cannot be set up: {e}"
                )
            })
        };
        // The cache only saves requests: one that cannot be used (read-only, not a folder)
        // means a run without it, not a failed run.
        let mut warnings = Vec::new();
        let cache = match &options.cache_dir {
            Some(dir) => match DiskCache::open(dir) {
                Ok(cache) => Some(cache),
                Err(e) => {
                    let dir = dir.display();
                    warnings.push(msg!(
                        "mellemlageret {dir} kan ikke bruges ({e}); kører uden mellemlager",
                        "the cache {dir} cannot be used ({e}); running without a cache"
                    ));
                    None
                }
            },
            None => None,
        };
        Ok(Http {
            api: build(&api_base, options.token.as_ref())?,
            plain: build(&raw_base, None)?,
            graphql_url: graphql_url(&api_base),
            api_base,
            raw_base,
            token: options.token.clone(),
            jira_token: options.jira_token.clone(),
            cache,
            stats: Mutex::new(RequestStats::default()),
            limits: Mutex::new(Limits::default()),
            // The per-read timeout catches a silent server; this one a server that trickles.
            deadline: options.connect_timeout + 2 * options.read_timeout,
            warnings,
        })
    }

    pub fn warnings(&self) -> Vec<Msg> {
        self.warnings.clone()
    }

    pub fn has_token(&self) -> bool {
        self.token.is_some()
    }

    pub fn has_jira_token(&self) -> bool {
        self.jira_token.is_some()
    }

    pub fn stats(&self) -> RequestStats {
        self.stats.lock().map(|s| s.clone()).unwrap_or_default()
    }

    pub fn count(&self, update: impl FnOnce(&mut RequestStats)) {
        if let Ok(mut stats) = self.stats.lock() {
            update(&mut stats);
        }
    }

    /// The rate-limit error that stopped this kind of request, if one did.
    pub fn limited(&self, graphql: bool) -> Option<FetchError> {
        let limits = self.limits.lock().ok()?;
        if graphql {
            limits.graphql.clone()
        } else {
            limits.rest.clone()
        }
    }

    fn trip(&self, error: &FetchError, graphql: bool) {
        if let Ok(mut limits) = self.limits.lock() {
            let slot = if graphql {
                &mut limits.graphql
            } else {
                &mut limits.rest
            };
            if slot.is_none() {
                *slot = Some(error.clone());
            }
        }
    }

    /// Never lets a secret reach a message, even if a server echoes it back.
    fn redact(&self, text: &str) -> String {
        let mut text = text.replace(['\n', '\r'], " ");
        for secret in [&self.token, &self.jira_token].into_iter().flatten() {
            if !secret.expose().is_empty() {
                text = text.replace(secret.expose(), "***");
            }
        }
        text.chars().take(300).collect()
    }

    /// GET `path` (starting with `/`) on the REST API, conditionally when the cache has it.
    pub async fn rest(&self, path: &str) -> Result<Answer, FetchError> {
        let url = if path.starts_with("http://") || path.starts_with("https://") {
            path.to_string()
        } else {
            format!("{}{}", self.api_base, path)
        };
        self.get(Host::Rest, &url, path, true, false, false).await
    }

    /// [`Http::rest`] for P9's issue and pull-request pages, counted apart as well.
    pub async fn rest_items(&self, path: &str) -> Result<Answer, FetchError> {
        let url = if path.starts_with("http://") || path.starts_with("https://") {
            path.to_string()
        } else {
            format!("{}{}", self.api_base, path)
        };
        self.get(Host::Rest, &url, path, true, false, true).await
    }

    /// GET a file from the raw content host; `private` sends the token (GitHub's own host).
    /// `conditional` for URLs that name a branch rather than a commit.
    pub async fn raw(
        &self,
        url: &str,
        what: &str,
        private: bool,
        conditional: bool,
    ) -> Result<Answer, FetchError> {
        self.get(Host::Raw, url, what, conditional, private, false)
            .await
    }

    /// GET a Jira REST URL, anonymously or with `JIRA_TOKEN`.
    pub async fn jira(&self, url: &str, what: &str, auth: bool) -> Result<Answer, FetchError> {
        self.get(Host::Jira, url, what, true, auth, false).await
    }

    async fn get(
        &self,
        host: Host,
        url: &str,
        what: &str,
        conditional: bool,
        auth: bool,
        items: bool,
    ) -> Result<Answer, FetchError> {
        let host_name = match host {
            Host::Rest => "GitHub",
            Host::Raw => "GitHub (raw)",
            Host::Jira => "Jira",
        };
        if host == Host::Rest {
            if let Some(limited) = self.limited(false) {
                return Err(limited);
            }
        }
        let key = format!("GET {url}");
        let stored = if conditional {
            self.cache.as_ref().and_then(|c| c.load(&key))
        } else {
            None
        };
        let mut headers = HeaderMap::new();
        let accept = match host {
            Host::Rest => "application/vnd.github+json",
            Host::Raw => "*/*",
            Host::Jira => "application/json",
        };
        headers.insert(ACCEPT, HeaderValue::from_static(accept));
        if let Some(stored) = &stored {
            if let Ok(value) = HeaderValue::from_str(&stored.etag) {
                headers.insert(IF_NONE_MATCH, value);
            }
        }
        if auth {
            let secret = match host {
                Host::Jira => self.jira_token.as_ref(),
                _ => self.token.as_ref(),
            };
            if let Some(secret) = secret {
                if let Ok(mut value) = HeaderValue::from_str(&format!("Bearer {}", secret.expose()))
                {
                    value.set_sensitive(true);
                    headers.insert(AUTHORIZATION, value);
                }
            }
        }
        let client = match host {
            Host::Rest => &self.api,
            Host::Raw | Host::Jira => &self.plain,
        };
        let sent = tokio::time::timeout(self.deadline, async {
            let response = client._get_with_headers(url, Some(headers)).await?;
            let (parts, body) = response.into_parts();
            let bytes = body.collect().await?.to_bytes();
            Ok::<_, octocrab::Error>((parts, bytes))
        })
        .await;
        self.count(|s| {
            match host {
                Host::Rest => s.rest += 1,
                Host::Raw => s.raw += 1,
                Host::Jira => s.jira += 1,
            }
            if items {
                s.items += 1;
            }
        });
        let (parts, bytes) = match sent {
            Err(_) => {
                self.count(|s| s.failed += 1);
                return Err(FetchError::Timeout {
                    host: host_name,
                    what: what.to_string(),
                    seconds: self.deadline.as_secs(),
                });
            }
            Ok(Err(e)) => {
                self.count(|s| s.failed += 1);
                return Err(self.transport_error(host_name, what, &e));
            }
            Ok(Ok(answer)) => answer,
        };
        let header = |name: &str| header_text(&parts.headers, name);
        let status = parts.status.as_u16();
        if status == 304 {
            if let Some(stored) = stored {
                self.count(|s| {
                    // A 304 costs nothing: it moves from the paid counter to the free one.
                    match host {
                        Host::Rest => s.rest -= 1,
                        Host::Raw => s.raw -= 1,
                        Host::Jira => s.jira -= 1,
                    }
                    if items {
                        s.items -= 1;
                    }
                    s.not_modified += 1;
                });
                return Ok(Answer {
                    body: stored.body,
                    link: stored.link.or_else(|| header("link")),
                });
            }
        }
        if host == Host::Rest {
            if let Some(limited) = rate_limit(status, &header, false) {
                self.count(|s| s.failed += 1);
                self.trip(&limited, false);
                return Err(limited);
            }
        }
        if !(200..300).contains(&status) {
            self.count(|s| s.failed += 1);
            return Err(FetchError::Status {
                host: host_name,
                status,
                what: what.to_string(),
                message: self.redact(&error_message(&bytes)),
            });
        }
        let link = header("link");
        if conditional {
            if let (Some(cache), Some(etag)) = (&self.cache, parts.headers.get(ETAG)) {
                if let Ok(etag) = etag.to_str() {
                    cache.store(
                        &key,
                        &Stored {
                            etag: etag.to_string(),
                            link: link.clone(),
                            body: bytes.to_vec(),
                        },
                    );
                }
            }
        }
        Ok(Answer {
            body: bytes.to_vec(),
            link,
        })
    }

    /// One GraphQL query (one request, at least one point of the GraphQL rate limit).
    pub async fn graphql(
        &self,
        query: &str,
        variables: serde_json::Value,
        what: &str,
    ) -> Result<serde_json::Value, FetchError> {
        if let Some(limited) = self.limited(true) {
            return Err(limited);
        }
        let body = serde_json::json!({ "query": query, "variables": variables });
        let sent = tokio::time::timeout(self.deadline, async {
            let response = self
                .api
                ._post(self.graphql_url.as_str(), Some(&body))
                .await?;
            let (parts, body) = response.into_parts();
            let bytes = body.collect().await?.to_bytes();
            Ok::<_, octocrab::Error>((parts, bytes))
        })
        .await;
        self.count(|s| s.graphql += 1);
        let (parts, bytes) = match sent {
            Err(_) => {
                self.count(|s| s.failed += 1);
                return Err(FetchError::Timeout {
                    host: "GitHub GraphQL",
                    what: what.to_string(),
                    seconds: self.deadline.as_secs(),
                });
            }
            Ok(Err(e)) => {
                self.count(|s| s.failed += 1);
                return Err(self.transport_error("GitHub GraphQL", what, &e));
            }
            Ok(Ok(answer)) => answer,
        };
        let header = |name: &str| header_text(&parts.headers, name);
        let status = parts.status.as_u16();
        if let Some(limited) = rate_limit(status, &header, true) {
            self.count(|s| s.failed += 1);
            self.trip(&limited, true);
            return Err(limited);
        }
        if !(200..300).contains(&status) {
            self.count(|s| s.failed += 1);
            return Err(FetchError::Status {
                host: "GitHub GraphQL",
                status,
                what: what.to_string(),
                message: self.redact(&error_message(&bytes)),
            });
        }
        let value: serde_json::Value =
            serde_json::from_slice(&bytes).map_err(|e| FetchError::Malformed {
                host: "GitHub GraphQL",
                what: what.to_string(),
                message: e.to_string(),
            })?;
        let errors = value.get("errors").and_then(|e| e.as_array());
        if let Some(errors) = errors.filter(|e| !e.is_empty()) {
            let rate_limited = errors
                .iter()
                .any(|e| e.get("type").and_then(|t| t.as_str()) == Some("RATE_LIMITED"));
            if rate_limited {
                let limited = FetchError::RateLimited {
                    graphql: true,
                    reset: header("x-ratelimit-reset").and_then(|r| r.parse().ok()),
                    limit: header("x-ratelimit-limit").and_then(|r| r.parse().ok()),
                };
                self.count(|s| s.failed += 1);
                self.trip(&limited, true);
                return Err(limited);
            }
            // Partial data (e.g. one object not found) is still data; no data at all is an error.
            if value.get("data").is_none_or(|d| d.is_null()) {
                let message = errors
                    .iter()
                    .filter_map(|e| e.get("message").and_then(|m| m.as_str()))
                    .collect::<Vec<_>>()
                    .join("; ");
                self.count(|s| s.failed += 1);
                return Err(FetchError::Malformed {
                    host: "GitHub GraphQL",
                    what: what.to_string(),
                    message: self.redact(&message),
                });
            }
        }
        Ok(value.get("data").cloned().unwrap_or_default())
    }

    fn transport_error(
        &self,
        host: &'static str,
        what: &str,
        error: &octocrab::Error,
    ) -> FetchError {
        // Walk the source chain: hyper-timeout reports its read/connect timeouts as io TimedOut.
        let mut source: Option<&(dyn std::error::Error + 'static)> = Some(error);
        let mut deepest = error.to_string();
        while let Some(e) = source {
            if let Some(io) = e.downcast_ref::<std::io::Error>() {
                if io.kind() == std::io::ErrorKind::TimedOut {
                    return FetchError::Timeout {
                        host,
                        what: what.to_string(),
                        seconds: self.deadline.as_secs(),
                    };
                }
            }
            let text = e.to_string();
            if !text.is_empty() {
                deepest = text;
            }
            source = e.source();
        }
        if deepest.to_ascii_lowercase().contains("timed out")
            || deepest.to_ascii_lowercase().contains("deadline")
        {
            return FetchError::Timeout {
                host,
                what: what.to_string(),
                seconds: self.deadline.as_secs(),
            };
        }
        FetchError::Network {
            host,
            what: what.to_string(),
            message: self.redact(&deepest),
        }
    }
}

/// SPEC: 403/429 with `x-ratelimit-remaining: 0` or `retry-after` means "stop asking".
/// A response header's value as text; `None` when absent or not visible ASCII.
fn header_text(headers: &http::HeaderMap, name: &str) -> Option<String> {
    headers
        .get(HeaderName::from_bytes(name.as_bytes()).ok()?)
        .and_then(|v| v.to_str().ok())
        .map(str::to_string)
}

fn rate_limit(
    status: u16,
    header: &dyn Fn(&str) -> Option<String>,
    graphql: bool,
) -> Option<FetchError> {
    if status != 403 && status != 429 {
        return None;
    }
    let exhausted = header("x-ratelimit-remaining").as_deref() == Some("0");
    let retry_after = header("retry-after");
    if !exhausted && retry_after.is_none() {
        return None;
    }
    let reset = header("x-ratelimit-reset")
        .and_then(|r| r.trim().parse::<i64>().ok())
        .filter(|_| exhausted)
        .or_else(|| {
            let value = retry_after?;
            let now = chrono::Utc::now().timestamp();
            match value.trim().parse::<i64>() {
                Ok(seconds) => Some(now + seconds),
                Err(_) => chrono::DateTime::parse_from_rfc2822(value.trim())
                    .ok()
                    .map(|t| t.timestamp()),
            }
        });
    Some(FetchError::RateLimited {
        graphql,
        reset,
        limit: header("x-ratelimit-limit").and_then(|l| l.trim().parse().ok()),
    })
}

/// GitHub's `{"message": …}`, Jira's `{"errorMessages": […]}`, else nothing (HTML error pages
/// are not worth quoting).
fn error_message(body: &[u8]) -> String {
    let Ok(value) = serde_json::from_slice::<serde_json::Value>(body) else {
        return String::new();
    };
    if let Some(message) = value.get("message").and_then(|m| m.as_str()) {
        return message.to_string();
    }
    if let Some(messages) = value.get("errorMessages").and_then(|m| m.as_array()) {
        return messages
            .iter()
            .filter_map(|m| m.as_str())
            .collect::<Vec<_>>()
            .join("; ");
    }
    String::new()
}

/// Percent-encodes a repository path for a URL, keeping the `/` between segments.
pub(crate) fn encode_path(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for byte in path.bytes() {
        if byte.is_ascii_alphanumeric() || b"-._~/".contains(&byte) {
            out.push(byte as char);
        } else {
            out.push_str(&format!("%{byte:02X}"));
        }
    }
    out
}

/// Percent-encodes a query parameter value.
pub(crate) fn encode_query(value: &str) -> String {
    encode_path(value).replace('/', "%2F")
}

#[cfg(test)]
mod tests;
