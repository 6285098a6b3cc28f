//! The on-disk cache shared by every remote request.
//!
//! Two kinds of entries live side by side under the cache folder:
//! - `http/`: answers that may change, stored with their `ETag`. The next request for the same
//!   URL sends `If-None-Match`; GitHub answers `304 Not Modified` without charging the rate
//!   limit, and the stored body is used.
//! - `objects/`: things that never change once they have a name — git trees and blobs by their
//!   object id, and answers derived from a repository state (keyed by its `pushed_at`). They are
//!   used without asking at all.
//!
//! File names are SHA-256 hashes of the request's method and URL (or of the object id): never
//! the token, which is not part of any key. A failed write is ignored — the cache is an
//! optimisation, never a source of errors.
//!
//! Nothing is trusted because it is on disk: every entry carries the SHA-256 of its body, and
//! one that does not match (empty, half-written, changed by hand, written by an older version)
//! is no entry at all — the caller asks the network. The folder is the user's alone (0700, files
//! 0600 on Unix): answers for a private repository are in it.

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

/// What is stored for a conditional request.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub(crate) struct Stored {
    pub etag: String,
    /// The `Link` header, so that pagination still works when the answer is a 304.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
    #[serde(skip)]
    pub body: Vec<u8>,
}

/// The meta file of a conditional request: [`Stored`] and the hash of its body.
#[derive(Serialize, Deserialize)]
struct Meta {
    etag: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    link: Option<String>,
    body_sha256: String,
}

/// The first line of an object file; the body follows.
const OBJECT_HEADER: &str = "os2gov-cache 1 sha256:";

#[derive(Debug)]
pub(crate) struct DiskCache {
    dir: PathBuf,
}

static TMP_COUNTER: AtomicU64 = AtomicU64::new(0);

fn hex_hash(text: &str) -> String {
    hex_digest(text.as_bytes())
}

fn private_dir(path: &Path) -> std::io::Result<()> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::DirBuilderExt;
        builder.mode(0o700);
    }
    builder.create(path)?;
    if !path.is_dir() {
        return Err(std::io::Error::other("not a folder"));
    }
    Ok(())
}

impl DiskCache {
    /// Opens (creating) the cache under `dir`; an error when it cannot be a folder of ours.
    pub fn open(dir: &Path) -> std::io::Result<DiskCache> {
        // Folders are made private; one that exists is left as it is (OS2GOV_CACHE_DIR may
        // name a folder that is not ours to change).
        private_dir(dir)?;
        private_dir(&dir.join("http"))?;
        private_dir(&dir.join("objects"))?;
        Ok(DiskCache {
            dir: dir.to_path_buf(),
        })
    }

    fn http_paths(&self, key: &str) -> (PathBuf, PathBuf) {
        let name = hex_hash(key);
        let base = self.dir.join("http");
        (
            base.join(format!("{name}.json")),
            base.join(format!("{name}.body")),
        )
    }

    fn object_path(&self, kind: &str, id: &str) -> PathBuf {
        self.dir
            .join("objects")
            .join(hex_hash(&format!("{kind}\n{id}")))
    }

    /// The stored answer for a conditional request, if there is a whole one.
    pub fn load(&self, key: &str) -> Option<Stored> {
        let (meta, body) = self.http_paths(key);
        let meta: Meta = serde_json::from_slice(&std::fs::read(meta).ok()?).ok()?;
        let body = std::fs::read(body).ok()?;
        (hex_digest(&body) == meta.body_sha256).then_some(Stored {
            etag: meta.etag,
            link: meta.link,
            body,
        })
    }

    pub fn store(&self, key: &str, stored: &Stored) {
        let (meta, body) = self.http_paths(key);
        let json = serde_json::to_vec(&Meta {
            etag: stored.etag.clone(),
            link: stored.link.clone(),
            body_sha256: hex_digest(&stored.body),
        });
        // Body first: a meta file always has its body, so a crash leaves no half entry behind.
        if write_atomically(&body, &stored.body).is_ok() {
            if let Ok(json) = json {
                let _ = write_atomically(&meta, &json);
            }
        }
    }

    /// An immutable object (a git tree or blob by id, a derived answer by its key), if there is
    /// a whole one.
    pub fn object(&self, kind: &str, id: &str) -> Option<Vec<u8>> {
        let bytes = std::fs::read(self.object_path(kind, id)).ok()?;
        let newline = bytes.iter().position(|&b| b == b'\n')?;
        let header = std::str::from_utf8(&bytes[..newline]).ok()?;
        let hash = header.strip_prefix(OBJECT_HEADER)?;
        let body = &bytes[newline + 1..];
        (hex_digest(body) == hash).then(|| body.to_vec())
    }

    pub fn store_object(&self, kind: &str, id: &str, bytes: &[u8]) {
        let mut file = format!("{OBJECT_HEADER}{}\n", hex_digest(bytes)).into_bytes();
        file.extend_from_slice(bytes);
        let _ = write_atomically(&self.object_path(kind, id), &file);
    }
}

fn hex_digest(bytes: &[u8]) -> String {
    Sha256::digest(bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect()
}

/// Writes through a temporary file and renames it, so that concurrent runs sharing the cache
/// (an organisation scan, two terminals) never read half a file.
fn write_atomically(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    let n = TMP_COUNTER.fetch_add(1, Ordering::Relaxed);
    let tmp = path.with_extension(format!("tmp{}-{n}", std::process::id()));
    let written = (|| {
        let mut options = std::fs::OpenOptions::new();
        options.write(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            options.mode(0o600);
        }
        let mut file = options.open(&tmp)?;
        std::io::Write::write_all(&mut file, bytes)?;
        std::fs::rename(&tmp, path)
    })();
    if written.is_err() {
        let _ = std::fs::remove_file(&tmp);
    }
    written
}

/// The platform's cache folder for os2gov: `$OS2GOV_CACHE_DIR`, else `$XDG_CACHE_HOME/os2gov`
/// or `~/.cache/os2gov` (Linux and other Unix), `~/Library/Caches/os2gov` (macOS),
/// `%LOCALAPPDATA%\os2gov` (Windows).
pub fn default_cache_dir() -> Option<PathBuf> {
    let env = |name: &str| {
        std::env::var_os(name)
            .filter(|v| !v.is_empty())
            .map(PathBuf::from)
    };
    if let Some(dir) = env("OS2GOV_CACHE_DIR") {
        // Fixed against the folder os2gov started in, so that a relative value means one place.
        return Some(std::path::absolute(&dir).unwrap_or(dir));
    }
    let base = if cfg!(target_os = "windows") {
        env("LOCALAPPDATA")
    } else if cfg!(target_os = "macos") {
        env("HOME").map(|h| h.join("Library").join("Caches"))
    } else {
        env("XDG_CACHE_HOME")
            .filter(|p| p.is_absolute())
            .or_else(|| env("HOME").map(|h| h.join(".cache")))
    };
    base.map(|b| b.join("os2gov"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stores_and_loads() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = DiskCache::open(dir.path()).expect("open");
        assert_eq!(cache.load("GET https://x/y"), None);
        let stored = Stored {
            etag: "\"abc\"".into(),
            link: Some("<https://x/y?page=2>; rel=\"next\"".into()),
            body: b"{\"a\":1}".to_vec(),
        };
        cache.store("GET https://x/y", &stored);
        assert_eq!(cache.load("GET https://x/y"), Some(stored));
        cache.store_object("blob", "0123abcd", b"text");
        assert_eq!(
            cache.object("blob", "0123abcd").as_deref(),
            Some(&b"text"[..])
        );
        assert_eq!(cache.object("tree", "0123abcd"), None);
        // Names are hashes: nothing of the key (a URL, never a token) shows in them.
        for entry in walk(dir.path()) {
            let name = entry.file_name().map(|n| n.to_string_lossy().into_owned());
            let name = name.unwrap_or_default();
            assert!(!name.contains("x"), "{name}");
            assert!(!name.contains("tmp"), "{name}");
        }
    }

    #[test]
    fn damaged_entries_are_no_entries() {
        let dir = tempfile::tempdir().expect("tempdir");
        let cache = DiskCache::open(dir.path()).expect("open");
        cache.store_object("tree", "abc", b"{\"sha\":\"abc\",\"tree\":[]}");
        let stored = Stored {
            etag: "\"e\"".into(),
            link: None,
            body: b"[1,2,3]".to_vec(),
        };
        cache.store("GET https://x/y", &stored);
        assert!(cache.object("tree", "abc").is_some());
        assert!(cache.load("GET https://x/y").is_some());
        for file in walk(dir.path()) {
            let bytes = std::fs::read(&file).expect("read");
            std::fs::write(&file, &bytes[..bytes.len() - 1]).expect("cut");
        }
        assert_eq!(cache.object("tree", "abc"), None);
        assert_eq!(cache.load("GET https://x/y"), None);
        // An entry of an older version, without a hash, is no entry either.
        let (meta, body) = cache.http_paths("GET https://x/z");
        std::fs::write(meta, b"{\"etag\":\"\\\"e\\\"\"}").expect("meta");
        std::fs::write(body, b"[]").expect("body");
        assert_eq!(cache.load("GET https://x/z"), None);
    }

    #[test]
    fn a_file_where_the_folder_should_be_is_an_error() {
        let dir = tempfile::tempdir().expect("tempdir");
        let file = dir.path().join("cache");
        std::fs::write(&file, "x").expect("file");
        assert!(DiskCache::open(&file).is_err());
    }

    fn walk(dir: &Path) -> Vec<PathBuf> {
        let mut out = Vec::new();
        for entry in std::fs::read_dir(dir).expect("read_dir").flatten() {
            let path = entry.path();
            if path.is_dir() {
                out.extend(walk(&path));
            } else {
                out.push(path);
            }
        }
        out
    }
}
