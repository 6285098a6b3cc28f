//! The tree and the files the engine wants: from the raw content host or GraphQL, each
//! checked against the tree's size and blob id.

use super::*;
use crate::adapters::fs::{resolve_symlink, Node, Resolved};
use crate::adapters::remote::http::{encode_path, Answer, FetchError, Http};
use crate::adapters::remote::ContentSource;
use crate::base::model::{Content, FileEntry, Msg, MAX_FILE_SIZE};
use crate::evidence::wants_content;
use crate::msg;
use futures_util::stream::{self, StreamExt};
use std::collections::{BTreeMap, HashMap, HashSet};

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

/// The file `path` as its blob `sha` came down: counted when read, recorded as failed with the
/// reason when its download failed, not loaded when it was never asked for.
fn downloaded(
    blobs: &HashMap<String, BlobResult>,
    sha: &str,
    path: &str,
    out: &mut Files,
) -> FileEntry {
    match blobs.get(sha) {
        Some(Ok(file)) => {
            out.blobs_read += 1;
            file.clone()
        }
        Some(Err(reason)) => {
            out.failed.push((path.to_string(), reason.clone()));
            FileEntry::not_loaded()
        }
        None => FileEntry::not_loaded(),
    }
}

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
                        Some(t) => downloaded(&blobs, &t.sha, &entry.path, &mut out),
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
            downloaded(&blobs, &entry.sha, &entry.path, &mut out)
        };
        entries.push((entry.path.clone(), file));
    }
    out.files = entries.into_iter().collect();
    out
}

/// Git's id of a blob with these bytes: SHA-1 (SHA-256 in a SHA-256 repository) over
/// `blob LEN\0` and the bytes.
pub(super) fn blob_id(bytes: &[u8], sha256: bool) -> String {
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
pub(super) fn verify_blob(entry: &ApiTreeEntry, bytes: &[u8]) -> Result<(), Msg> {
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
pub(super) async fn fetch_blobs(
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

pub(super) async fn blob_raw(
    http: &Http,
    entry: &ApiTreeEntry,
    from: &BlobSource<'_>,
) -> BlobResult {
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

pub(super) async fn blobs_graphql(
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
