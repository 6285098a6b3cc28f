//! Links by destination, as OS2's documentation-placement checklist sorts them, and GitHub
//! URLs.

/// Where a link points, as OS2's documentation-placement checklist distinguishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkKind {
    /// `os2.eu/produkt/…`
    Os2ProductPage,
    /// Any other page on os2.eu.
    Os2Site,
    /// faq.os2.eu, the "Loop".
    Loop,
    /// A Jira project or issue at an Atlassian site; carries the project key when the URL names one.
    Jira {
        base: String,
        project: Option<String>,
    },
    Confluence,
    GitHub,
    Other,
}

/// Sorts a URL by destination without a URL parser: scheme and `www.` dropped, host lower-cased.
pub fn classify_link(url: &str) -> LinkKind {
    let rest = url
        .trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let host = host.to_ascii_lowercase();
    let host = host.trim_start_matches("www.");
    let path_lower = path.to_ascii_lowercase();
    if host == "faq.os2.eu" {
        return LinkKind::Loop;
    }
    if host == "os2.eu" {
        if path_lower.starts_with("/produkt/") && path_lower.len() > "/produkt/".len() {
            return LinkKind::Os2ProductPage;
        }
        return LinkKind::Os2Site;
    }
    if host.ends_with(".atlassian.net") || host.starts_with("jira.") {
        if path_lower.starts_with("/wiki") || host.starts_with("confluence.") {
            return LinkKind::Confluence;
        }
        let base = format!("https://{host}");
        let project = jira_project_key(path);
        return LinkKind::Jira { base, project };
    }
    if host.starts_with("confluence.") {
        return LinkKind::Confluence;
    }
    if host == "github.com" || host.ends_with(".github.io") {
        return LinkKind::GitHub;
    }
    LinkKind::Other
}

/// `/projects/OS2MO`, `/browse/OS2MO-123`, `/jira/software/c/projects/OS2IOT/boards/1`.
pub(super) fn jira_project_key(path: &str) -> Option<String> {
    let segments: Vec<&str> = path.split(['/', '?', '#', '&', '=']).collect();
    for pair in segments.windows(2) {
        if pair[0] == "projects" || pair[0] == "browse" || pair[0] == "project" {
            let key: String = pair[1].split('-').next().unwrap_or("").to_string();
            if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Some(key.to_ascii_uppercase());
            }
        }
    }
    None
}

/// `OWNER` and `REPO` from a GitHub remote URL (https, ssh or scp-like form).
pub fn github_owner_repo(url: &str) -> Option<(String, String)> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://github.com/")
        .or_else(|| url.strip_prefix("http://github.com/"))
        .or_else(|| url.strip_prefix("ssh://git@github.com/"))
        .or_else(|| url.strip_prefix("git@github.com:"))
        .or_else(|| url.strip_prefix("git://github.com/"))?;
    let mut parts = rest.trim_end_matches('/').splitn(3, '/');
    let owner = parts.next()?.to_string();
    let repo = parts.next()?.trim_end_matches(".git").to_string();
    (!owner.is_empty() && !repo.is_empty()).then_some((owner, repo))
}
