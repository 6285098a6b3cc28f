//! The organisation's default community files (`OWNER/.github`), as GitHub shows them for a
//! repository that has none of its own.

use crate::adapters::remote::http::{encode_path, Http};
use crate::base::model::{FileEntry, Msg};
use crate::evidence::is_doc_format;
use futures_util::stream::{self, StreamExt};
use std::collections::BTreeMap;

/// The community files GitHub takes from `OWNER/.github` when a repository has none of its
/// own: (the stem the engine matches, the file name, where in the snapshot it goes).
pub(super) const COMMUNITY_FILES: [(&str, &str); 5] = [
    ("code_of_conduct", "CODE_OF_CONDUCT.md"),
    ("contributing", "CONTRIBUTING.md"),
    ("security", "SECURITY.md"),
    ("support", "SUPPORT.md"),
    ("governance", "GOVERNANCE.md"),
];

pub(super) const ISSUE_TEMPLATES: [&str; 4] = [
    "bug_report.md",
    "bug_report.yml",
    "feature_request.md",
    "feature_request.yml",
];

pub(super) fn stem_of(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    match lower.find('.') {
        Some(0) | None => lower,
        Some(dot) => lower[..dot].to_string(),
    }
}

/// Whether the repository has its own community file with this stem (root, .github, docs).
pub(super) fn has_own(files: &BTreeMap<String, FileEntry>, stem: &str) -> bool {
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

pub(super) fn has_own_issue_templates(files: &BTreeMap<String, FileEntry>) -> bool {
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
/// Where the snapshot holds an organisation default `name`, and where GitHub looks for it in
/// `OWNER/.github`, in its order of precedence.
fn org_default(name: &str) -> (String, Vec<String>) {
    (
        format!(".github/{name}"),
        vec![
            format!(".github/{name}"),
            name.to_string(),
            format!("docs/{name}"),
        ],
    )
}

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
            wanted.push(org_default(name));
        }
    }
    if !has_own(files, "pull_request_template") {
        wanted.push(org_default("PULL_REQUEST_TEMPLATE.md"));
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
