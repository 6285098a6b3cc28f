//! os2gov's engine for the browser: a thin wasm-bindgen layer over [`os2gov::engine::check`].
//!
//! Everything crosses the boundary as JSON text, so the module needs no JavaScript binding crates:
//! the widget passes a [`Snapshot`] it built from GitHub's API and gets back the same JSON report
//! (`schema_version` 1) the CLI prints with `--format json`. No I/O happens here.
//!
//! The snapshot is read through [`serde_json::Value`] by [`snapshot_from_json`] rather than with
//! the model's derived `Deserialize`: the derived code for the snapshot's tagged enums weighs
//! ~40 KB gzipped in WebAssembly, the hand-written reader a few. A test checks that both read
//! every field the same way.

use os2gov::base::model::{
    Branch, Commit, Content, Fetched, FileEntry, History, JiraMeta, Lang, Level, Msg, OpenItem,
    RepoMeta, Snapshot, SnapshotStats,
};
use os2gov::base::text::quoted;
use os2gov::engine::{self, Options};
use serde_json::{Map, Value};
use wasm_bindgen::prelude::*;

/// Checks a snapshot (JSON, the `Snapshot` serde shape) and returns the report as JSON.
///
/// `options` is JSON too: `{"level": "2", "lang": "da", "config": ["os2gov.toml", "…text…"]}`,
/// every key optional; `""`, `null` and `{}` mean no options. Bad input is an error, never a
/// report, so that a caller can never show a level the engine did not compute.
#[wasm_bindgen]
pub fn check(snapshot: &str, options: &str) -> Result<String, JsError> {
    check_json(snapshot, options).map_err(|e| JsError::new(&e))
}

/// Whether the engine needs the content of `path` (else the path alone is enough).
#[wasm_bindgen]
pub fn wants_content(path: &str) -> bool {
    os2gov::evidence::wants_content(path)
}

/// Files over this many bytes are listed but not parsed (`{"kind": "too-large", "size": N}`).
#[wasm_bindgen]
pub fn max_file_size() -> f64 {
    os2gov::base::model::MAX_FILE_SIZE as f64
}

/// A shields-style SVG badge for a report (the JSON [`check`] returned).
#[wasm_bindgen]
pub fn badge(report: &str) -> Result<String, JsError> {
    badge_json(report).map_err(|e| JsError::new(&e))
}

/// The engine's version, as the report's `tool.version` states it.
#[wasm_bindgen]
pub fn version() -> String {
    // The wasm crate keeps the engine's version; a test checks they agree.
    env!("CARGO_PKG_VERSION").to_string()
}

/// [`check`] without the JavaScript error type, for native tests.
pub fn check_json(snapshot: &str, options: &str) -> Result<String, String> {
    let snapshot = snapshot_from_json(snapshot)?;
    let options = parse_options(options)?;
    // In the card's language (the report's: Danish unless asked otherwise), as the CLI says it.
    let lang = options.lang.unwrap_or_default();
    let report = engine::check(&snapshot, &options)
        .map_err(|e| os2gov::Bilingual::msg(&e).get(lang).to_string())?;
    // The CLI's own writer: the browser's report is `--format json` by construction.
    serde_json::to_string(&report).map_err(|e| e.to_string())
}

/// [`badge`] without the JavaScript error type, for native tests. Reads only what the badge
/// shows (language, required level, passed, score), again to keep derived code out.
pub fn badge_json(report: &str) -> Result<String, String> {
    let value: Value = serde_json::from_str(report).map_err(|e| format!("report: {e}"))?;
    let read = || {
        let lang = Lang::parse(value.get("lang")?.as_str()?)?;
        let level = Level::parse(value.get("required_level")?.get("level")?.as_str()?)?;
        let passed = value.get("passed")?.as_bool()?;
        let score = u32::try_from(value.get("score")?.as_u64()?).ok()?;
        Some(os2gov::render::badge::badge_for(lang, level, passed, score))
    };
    read().ok_or_else(|| {
        "report: expected the JSON that check returns (lang, required_level.level, passed, score)"
            .to_string()
    })
}

fn level(text: &str) -> Result<Level, String> {
    Level::parse(text).ok_or_else(|| format!("unknown level {}", quoted(text)))
}

fn parse_options(text: &str) -> Result<Options, String> {
    let mut options = Options::default();
    if text.trim().is_empty() {
        return Ok(options);
    }
    let value: Value = serde_json::from_str(text).map_err(|e| format!("options: {e}"))?;
    let object = match &value {
        Value::Null => return Ok(options),
        Value::Object(object) => object,
        _ => return Err("options: expected a JSON object".to_string()),
    };
    for (key, value) in object {
        match (key.as_str(), value) {
            (_, Value::Null) => {}
            ("level", Value::String(s)) => options.level = Some(level(s)?),
            ("level", Value::Number(n)) => {
                let whole = n
                    .as_u64()
                    .ok_or("options.level: expected sandkasse, 1, 2 or 3")?;
                options.level = Some(level(&whole.to_string())?);
            }
            ("lang", Value::String(s)) => {
                options.lang = Some(
                    Lang::parse(s)
                        .ok_or_else(|| format!("options.lang: unknown language {}", quoted(s)))?,
                );
            }
            ("config", Value::Array(pair)) => match pair.as_slice() {
                [Value::String(name), Value::String(text)] => {
                    options.config = Some((name.clone(), text.clone()));
                }
                _ => return Err("options.config: expected [name, text]".to_string()),
            },
            _ => return Err(format!("options.{key}: unexpected value")),
        }
    }
    Ok(options)
}

// ---------------------------------------------------------------------------------------------
// The snapshot, read by hand in the model's serde shape (see `os2gov::base::model`).

/// Where in the input a value sits, for error messages.
#[derive(Clone, Copy)]
struct Path<'a>(&'a str);

impl Path<'_> {
    fn join(self, key: &str) -> String {
        format!("{}.{key}", self.0)
    }
}

type Res<T> = Result<T, String>;

fn object(value: &Value, at: impl AsRef<str>) -> Res<&Map<String, Value>> {
    value
        .as_object()
        .ok_or_else(|| format!("{}: expected an object", at.as_ref()))
}

fn field<'v>(value: &'v Value, key: &str, at: Path) -> Res<&'v Value> {
    value
        .get(key)
        .ok_or_else(|| format!("{}: missing field", at.join(key)))
}

/// A field that may be absent or null.
fn optional<'v>(value: &'v Value, key: &str) -> Option<&'v Value> {
    value.get(key).filter(|v| !v.is_null())
}

// The readers return borrowed values: a struct is built only once every field has been read,
// so that an error leaves nothing owned to drop on the way out (which keeps the module small).

fn string<'v>(value: &'v Value, key: &str, at: Path) -> Res<&'v str> {
    field(value, key, at)?
        .as_str()
        .ok_or_else(|| format!("{}: expected a string", at.join(key)))
}

fn opt_string<'v>(value: &'v Value, key: &str, at: Path) -> Res<Option<&'v str>> {
    optional(value, key)
        .map(|v| {
            v.as_str()
                .ok_or_else(|| format!("{}: expected a string", at.join(key)))
        })
        .transpose()
}

fn owned(text: Option<&str>) -> Option<String> {
    text.map(str::to_string)
}

fn int(value: &Value, key: &str, at: Path) -> Res<i64> {
    field(value, key, at)?
        .as_i64()
        .ok_or_else(|| format!("{}: expected an integer", at.join(key)))
}

fn opt_int(value: &Value, key: &str, at: Path) -> Res<Option<i64>> {
    optional(value, key)
        .map(|v| {
            v.as_i64()
                .ok_or_else(|| format!("{}: expected an integer", at.join(key)))
        })
        .transpose()
}

fn unsigned(value: &Value, key: &str, at: Path) -> Res<u64> {
    field(value, key, at)?
        .as_u64()
        .ok_or_else(|| format!("{}: expected a non-negative integer", at.join(key)))
}

fn count(value: &Value, key: &str, at: Path) -> Res<usize> {
    usize::try_from(unsigned(value, key, at)?).map_err(|_| format!("{}: too large", at.join(key)))
}

fn boolean(value: &Value, key: &str, at: Path) -> Res<bool> {
    field(value, key, at)?
        .as_bool()
        .ok_or_else(|| format!("{}: expected true or false", at.join(key)))
}

fn array<'v>(value: &'v Value, key: &str, at: Path) -> Res<&'v Vec<Value>> {
    field(value, key, at)?
        .as_array()
        .ok_or_else(|| format!("{}: expected an array", at.join(key)))
}

fn strings(value: &Value, key: &str, at: Path) -> Res<Vec<String>> {
    array(value, key, at)?
        .iter()
        .map(|v| {
            v.as_str()
                .map(str::to_string)
                .ok_or_else(|| format!("{}: expected strings", at.join(key)))
        })
        .collect()
}

/// Reads a snapshot from JSON in the shape `Snapshot`'s serde derive writes.
pub fn snapshot_from_json(text: &str) -> Res<Snapshot> {
    let value: Value = serde_json::from_str(text).map_err(|e| format!("snapshot: {e}"))?;
    let mut snapshot = Snapshot::default();
    read_snapshot(&value, &mut snapshot)?;
    Ok(snapshot)
}

/// Fills `snapshot` field by field: an error leaves the partly filled snapshot to the caller to
/// drop once, rather than a drop for every field read so far at every `?` (module size).
fn read_snapshot(value: &Value, snapshot: &mut Snapshot) -> Res<()> {
    let at = Path("snapshot");
    snapshot.now = int(value, "now", at)?;
    for (path, entry) in object(field(value, "files", at)?, at.join("files"))? {
        let entry = file_entry(entry, &format!("files[{}]", quoted(path)))?;
        snapshot.files.insert(path.clone(), entry);
    }
    if let Some(h) = optional(value, "history") {
        snapshot.history = Some(history(h)?);
    }
    if let Some(s) = optional(value, "stats") {
        let at = Path("snapshot.stats");
        snapshot.stats = SnapshotStats {
            paths_listed: count(s, "paths_listed", at)?,
            blobs_read: count(s, "blobs_read", at)?,
            commits_walked: count(s, "commits_walked", at)?,
        };
    }
    snapshot.github = fetched(value.get("github"), "github", repo_meta)?;
    snapshot.open_items = fetched(value.get("open_items"), "open_items", |v| {
        v.as_array()
            .ok_or_else(|| "open_items.value: expected an array".to_string())?
            .iter()
            .map(open_item)
            .collect()
    })?;
    snapshot.jira = fetched(value.get("jira"), "jira", jira_meta)?;
    Ok(())
}

fn file_entry(value: &Value, at: &str) -> Res<FileEntry> {
    let at = Path(at);
    let content = field(value, "content", at)?;
    let cat = at.join("content");
    let cat = Path(&cat);
    let symlink_to = opt_string(value, "symlink_to", at)?;
    let origin = opt_string(value, "origin", at)?;
    let content = match string(content, "kind", cat)? {
        "text" => {
            let lossy = match optional(content, "lossy") {
                None => false,
                Some(_) => boolean(content, "lossy", cat)?,
            };
            Content::Text {
                text: string(content, "text", cat)?.to_string(),
                lossy,
            }
        }
        "binary" => Content::Binary,
        "too-large" => Content::TooLarge {
            size: unsigned(content, "size", cat)?,
        },
        "symlink-outside" => Content::SymlinkOutside {
            target: string(content, "target", cat)?.to_string(),
        },
        "broken" => Content::Broken {
            reason: string(content, "reason", cat)?.to_string(),
        },
        "not-loaded" => Content::NotLoaded,
        other => return Err(format!("{}: unknown kind {}", cat.0, quoted(other))),
    };
    Ok(FileEntry {
        content,
        symlink_to: owned(symlink_to),
        origin: owned(origin),
    })
}

fn history(value: &Value) -> Res<History> {
    let at = Path("history");
    let newest_commit_time = opt_int(value, "newest_commit_time", at)?;
    let default_branch = opt_string(value, "default_branch", at)?;
    let origin_url = opt_string(value, "origin_url", at)?;
    let commits = array(value, "recent_commits", at)?
        .iter()
        .map(|c| {
            let at = Path("history.recent_commits[]");
            let (id, time, message) = (
                string(c, "id", at)?,
                int(c, "time", at)?,
                string(c, "message", at)?,
            );
            Ok(Commit {
                id: id.to_string(),
                time,
                message: message.to_string(),
            })
        })
        .collect::<Res<Vec<_>>>()?;
    let branches = array(value, "branches", at)?
        .iter()
        .map(|b| {
            let at = Path("history.branches[]");
            let (name, last_commit_time) =
                (string(b, "name", at)?, int(b, "last_commit_time", at)?);
            let ahead = optional(b, "ahead")
                .map(|_| count(b, "ahead", at))
                .transpose()?;
            Ok(Branch {
                name: name.to_string(),
                last_commit_time,
                ahead,
            })
        })
        .collect::<Res<Vec<_>>>()?;
    Ok(History {
        newest_commit_time,
        recent_commits: commits,
        branches,
        default_branch: owned(default_branch),
        origin_url: owned(origin_url),
    })
}

/// `Fetched<T>`: `{"status": "got", "value": …}` or `{"status": "unknown", "reason": {da, en}}`;
/// absent means not fetched (offline), as the model's default says.
fn fetched<T>(
    value: Option<&Value>,
    name: &str,
    read: impl Fn(&Value) -> Res<T>,
) -> Res<Fetched<T>> {
    let Some(value) = value.filter(|v| !v.is_null()) else {
        return Ok(Fetched::offline());
    };
    let at = Path(name);
    match string(value, "status", at)? {
        "got" => Ok(Fetched::Got {
            value: read(field(value, "value", at)?)?,
        }),
        "unknown" => {
            let reason = field(value, "reason", at)?;
            let rat = at.join("reason");
            let (da, en) = (
                string(reason, "da", Path(&rat))?,
                string(reason, "en", Path(&rat))?,
            );
            Ok(Fetched::Unknown {
                reason: Msg::new(da, en),
            })
        }
        other => Err(format!("{name}.status: unknown status {}", quoted(other))),
    }
}

fn repo_meta(value: &Value) -> Res<RepoMeta> {
    let at = Path("github.value");
    let owner = string(value, "owner", at)?;
    let name = string(value, "name", at)?;
    let html_url = string(value, "html_url", at)?;
    let private = boolean(value, "private", at)?;
    let archived = boolean(value, "archived", at)?;
    let fork = boolean(value, "fork", at)?;
    let default_branch = string(value, "default_branch", at)?;
    let has_issues = boolean(value, "has_issues", at)?;
    let license_spdx = opt_string(value, "license_spdx", at)?;
    let description = opt_string(value, "description", at)?;
    let homepage = opt_string(value, "homepage", at)?;
    let pushed_at = opt_int(value, "pushed_at", at)?;
    let topics = strings(value, "topics", at)?;
    Ok(RepoMeta {
        owner: owner.to_string(),
        name: name.to_string(),
        html_url: html_url.to_string(),
        private,
        archived,
        fork,
        default_branch: default_branch.to_string(),
        has_issues,
        license_spdx: owned(license_spdx),
        description: owned(description),
        homepage: owned(homepage),
        topics,
        pushed_at,
    })
}

fn open_item(value: &Value) -> Res<OpenItem> {
    let at = Path("open_items.value[]");
    let (number, pull_request, url) = (
        unsigned(value, "number", at)?,
        boolean(value, "pull_request", at)?,
        string(value, "url", at)?,
    );
    let (created_at, first_response_at) = (
        int(value, "created_at", at)?,
        opt_int(value, "first_response_at", at)?,
    );
    Ok(OpenItem {
        number,
        pull_request,
        url: url.to_string(),
        created_at,
        first_response_at,
    })
}

fn jira_meta(value: &Value) -> Res<JiraMeta> {
    let at = Path("jira.value");
    let (base_url, project) = (
        string(value, "base_url", at)?,
        string(value, "project", at)?,
    );
    let (exists, public) = (boolean(value, "exists", at)?, boolean(value, "public", at)?);
    let last_issue_updated = opt_int(value, "last_issue_updated", at)?;
    Ok(JiraMeta {
        base_url: base_url.to_string(),
        project: project.to_string(),
        exists,
        public,
        last_issue_updated,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    const SNAPSHOT: &str = r##"{"files": {"README.md": {"content": {"kind": "text", "text": "# Hello"}}}, "now": 1750000000}"##;

    fn rich_snapshot() -> Snapshot {
        let mut s = Snapshot {
            now: 1_750_000_000,
            ..Snapshot::default()
        };
        let mut link = FileEntry::text("MPL");
        link.symlink_to = Some("LICENSES/MPL-2.0.txt".into());
        let mut org = FileEntry::text("# Security");
        org.origin = Some("OS2web/.github".into());
        for (path, entry) in [
            ("README.md", FileEntry::text("# Hello")),
            ("LICENSE", link),
            ("SECURITY.md", org),
            (
                "bad.md",
                FileEntry::with_content(Content::Text {
                    text: "\u{fffd}".into(),
                    lossy: true,
                }),
            ),
            ("logo.png", FileEntry::with_content(Content::Binary)),
            (
                "big.md",
                FileEntry::with_content(Content::TooLarge { size: 2_000_000 }),
            ),
            (
                "out",
                FileEntry::with_content(Content::SymlinkOutside {
                    target: "/etc/passwd".into(),
                }),
            ),
            (
                "loop",
                FileEntry::with_content(Content::Broken {
                    reason: "loop".into(),
                }),
            ),
            ("src/main.rs", FileEntry::not_loaded()),
        ] {
            s.files.insert(path.to_string(), entry);
        }
        s.history = Some(History {
            newest_commit_time: Some(1_749_000_000),
            recent_commits: vec![Commit {
                id: "abc".into(),
                time: 1_749_000_000,
                message: "Fix #1".into(),
            }],
            branches: vec![
                Branch {
                    name: "main".into(),
                    last_commit_time: 1_749_000_000,
                    ahead: None,
                },
                Branch {
                    name: "old".into(),
                    last_commit_time: 1_600_000_000,
                    ahead: Some(3),
                },
            ],
            default_branch: Some("main".into()),
            origin_url: Some("https://github.com/OS2web/x.git".into()),
        });
        s.github = Fetched::Got {
            value: RepoMeta {
                owner: "OS2web".into(),
                name: "x".into(),
                html_url: "https://github.com/OS2web/x".into(),
                private: false,
                archived: false,
                fork: false,
                default_branch: "main".into(),
                has_issues: true,
                license_spdx: Some("MPL-2.0".into()),
                description: None,
                homepage: Some("https://os2.eu/produkt/x".into()),
                topics: vec!["os2".into()],
                pushed_at: Some(1_749_000_000),
            },
        };
        s.open_items = Fetched::Got {
            value: vec![OpenItem {
                number: 7,
                pull_request: true,
                url: "https://github.com/OS2web/x/pull/7".into(),
                created_at: 1_748_000_000,
                first_response_at: None,
            }],
        };
        s.jira = Fetched::Got {
            value: JiraMeta {
                base_url: "https://os2web.atlassian.net".into(),
                project: "X".into(),
                exists: true,
                public: true,
                last_issue_updated: Some(1_749_000_000),
            },
        };
        s.stats = SnapshotStats {
            paths_listed: 9,
            blobs_read: 5,
            commits_walked: 1,
        };
        s
    }

    fn as_value(s: &Snapshot) -> Value {
        serde_json::to_value(s).expect("serialisable")
    }

    #[test]
    fn hand_reader_agrees_with_serde_on_every_field() {
        let rich = rich_snapshot();
        let json = serde_json::to_string(&rich).expect("json");
        let by_hand = snapshot_from_json(&json).expect("reads");
        let by_serde: Snapshot = serde_json::from_str(&json).expect("serde reads");
        assert_eq!(as_value(&by_hand), as_value(&rich));
        assert_eq!(as_value(&by_hand), as_value(&by_serde));
        // Defaults: no history, metadata not fetched, stats zero.
        let minimal = snapshot_from_json(SNAPSHOT).expect("minimal");
        let serde_minimal: Snapshot = serde_json::from_str(SNAPSHOT).expect("serde minimal");
        assert_eq!(as_value(&minimal), as_value(&serde_minimal));
        // The unknown variant of Fetched.
        let offline = r#"{"files": {}, "now": 1, "github": {"status": "unknown", "reason": {"da": "a", "en": "b"}}}"#;
        let by_hand = snapshot_from_json(offline).expect("unknown");
        let by_serde: Snapshot = serde_json::from_str(offline).expect("serde unknown");
        assert_eq!(as_value(&by_hand), as_value(&by_serde));
    }

    #[test]
    fn malformed_snapshots_are_errors() {
        for bad in [
            "{",
            "[]",
            r#"{"files": {}}"#,
            r#"{"files": [], "now": 1}"#,
            r#"{"files": {"a": {}}, "now": 1}"#,
            r#"{"files": {"a": {"content": {"kind": "weird"}}}, "now": 1}"#,
            r#"{"files": {"a": {"content": {"kind": "text"}}}, "now": 1}"#,
            r#"{"files": {}, "now": "soon"}"#,
            r#"{"files": {}, "now": 1, "github": {"status": "got", "value": {"owner": 1}}}"#,
            r#"{"files": {}, "now": 1, "github": {"status": "maybe"}}"#,
        ] {
            assert!(snapshot_from_json(bad).is_err(), "{bad}");
            assert!(
                serde_json::from_str::<Snapshot>(bad).is_err(),
                "serde accepts {bad}"
            );
        }
    }

    #[test]
    fn checks_a_snapshot() {
        let report: Value = serde_json::from_str(
            &check_json(SNAPSHOT, r#"{"lang":"en","level":2}"#).expect("test input"),
        )
        .expect("test input");
        assert_eq!(report["schema_version"], 1);
        assert_eq!(report["lang"], "en");
        assert_eq!(report["required_level"]["level"], "2");
        assert_eq!(report["required_level"]["source"], "flag");
        assert_eq!(report["passed"], false);
        assert_eq!(report["tool"]["version"], version());
    }

    #[test]
    fn bad_options_are_errors_not_reports() {
        assert!(check_json(SNAPSHOT, r#"{"level":"7"}"#).is_err());
        assert!(check_json(SNAPSHOT, r#"{"lang":"fr"}"#).is_err());
        assert!(check_json(SNAPSHOT, r#"[1]"#).is_err());
        assert!(check_json(SNAPSHOT, r#"{"colour":"red"}"#).is_err());
        assert!(check_json(SNAPSHOT, "null").is_ok());
        assert!(check_json(SNAPSHOT, "").is_ok());
    }

    #[test]
    fn badge_from_report_json() {
        let report = check_json(SNAPSHOT, r#"{"lang":"da","level":"1"}"#).expect("test input");
        let svg = badge_json(&report).expect("test input");
        assert!(svg.starts_with("<svg"));
        assert!(svg.contains("niveau 1 ✗"));
        let full: os2gov::engine::report::Report =
            serde_json::from_str(&report).expect("test input");
        assert_eq!(svg, os2gov::render::badge::badge_svg(&full));
        assert!(badge_json("{}").is_err());
    }
}
