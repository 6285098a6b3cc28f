//! The plain data that flows through the engine: levels, languages, bilingual text, the repository
//! snapshot that adapters fill, and the evidence that findings point at.

use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// OS2's product levels, ordered so that a level includes every level below it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
pub enum Level {
    #[serde(rename = "sandkasse")]
    Sandkasse,
    #[serde(rename = "1")]
    One,
    #[serde(rename = "2")]
    Two,
    #[serde(rename = "3")]
    Three,
}

impl Level {
    pub const ALL: [Level; 4] = [Level::Sandkasse, Level::One, Level::Two, Level::Three];

    pub fn as_str(self) -> &'static str {
        match self {
            Level::Sandkasse => "sandkasse",
            Level::One => "1",
            Level::Two => "2",
            Level::Three => "3",
        }
    }

    /// Accepts the spellings OS2's documents use: `sandkasse`/`sandbox`/`0`, `1`–`3`, `niveau 2`.
    pub fn parse(text: &str) -> Option<Level> {
        let t = text.trim().to_ascii_lowercase();
        let t = t
            .trim_start_matches("niveau")
            .trim_start_matches("level")
            .trim();
        match t {
            "sandkasse" | "sandbox" | "0" => Some(Level::Sandkasse),
            "1" => Some(Level::One),
            "2" => Some(Level::Two),
            "3" => Some(Level::Three),
            _ => None,
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Level::Sandkasse, Lang::Da) => "Sandkasse",
            (Level::Sandkasse, Lang::En) => "Sandbox",
            (Level::One, Lang::Da) => "Niveau 1",
            (Level::One, Lang::En) => "Level 1",
            (Level::Two, Lang::Da) => "Niveau 2",
            (Level::Two, Lang::En) => "Level 2",
            (Level::Three, Lang::Da) => "Niveau 3",
            (Level::Three, Lang::En) => "Level 3",
        }
    }
}

impl fmt::Display for Level {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

/// The language of every user-facing message.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Lang {
    #[default]
    Da,
    En,
}

impl Lang {
    pub fn parse(text: &str) -> Option<Lang> {
        match text.trim().to_ascii_lowercase().as_str() {
            "da" | "dansk" | "danish" | "da-dk" => Some(Lang::Da),
            "en" | "english" | "engelsk" | "en-gb" | "en-us" => Some(Lang::En),
            _ => None,
        }
    }
}

/// A message in both of the product's languages; renderers pick one.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Msg {
    pub da: String,
    pub en: String,
}

impl Msg {
    pub fn new(da: impl Into<String>, en: impl Into<String>) -> Msg {
        Msg {
            da: da.into(),
            en: en.into(),
        }
    }

    pub fn get(&self, lang: Lang) -> &str {
        match lang {
            Lang::Da => &self.da,
            Lang::En => &self.en,
        }
    }

    pub fn is_empty(&self) -> bool {
        self.da.is_empty() && self.en.is_empty()
    }

    /// Joins two messages sentence by sentence in both languages.
    pub fn join(mut self, other: &Msg) -> Msg {
        for (mine, theirs) in [(&mut self.da, &other.da), (&mut self.en, &other.en)] {
            if theirs.is_empty() {
                continue;
            }
            if !mine.is_empty() {
                mine.push(' ');
            }
            mine.push_str(theirs);
        }
        self
    }
}

/// An error that says what went wrong in both languages. Its `Display` stays the English, for
/// logs and for callers that do not ask; the command line asks, and shows the user's language
/// only (`os2gov::app::errors::in_lang` finds the implementation behind an error chain's
/// `dyn Error`).
pub trait Bilingual {
    fn msg(&self) -> Msg;
}

/// Builds a [`Msg`] from a Danish and an English format string with the same arguments.
#[macro_export]
macro_rules! msg {
    ($da:literal, $en:literal $(,)?) => {
        $crate::base::model::Msg::new(format!($da), format!($en))
    };
    ($da:literal, $en:literal, $($arg:tt)*) => {
        $crate::base::model::Msg::new(format!($da, $($arg)*), format!($en, $($arg)*))
    };
}

/// Where a finding was seen: a file and line in the repository, or a link.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct Evidence {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub path: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub line: Option<u32>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    /// The note in Danish, where it is prose rather than a key ("placeholder", not
    /// "maintenance.contacts"): the engine puts it in `note` for a Danish report.
    #[serde(skip)]
    pub note_da: Option<String>,
}

impl Evidence {
    pub fn file(path: &str) -> Evidence {
        Evidence {
            path: Some(path.to_string()),
            ..Evidence::default()
        }
    }

    pub fn at(path: &str, line: u32) -> Evidence {
        Evidence {
            path: Some(path.to_string()),
            line: Some(line),
            ..Evidence::default()
        }
    }

    pub fn link(path: &str, line: u32, url: &str) -> Evidence {
        Evidence {
            path: Some(path.to_string()),
            line: Some(line),
            url: Some(url.to_string()),
            ..Evidence::default()
        }
    }

    pub fn url(url: &str) -> Evidence {
        Evidence {
            url: Some(url.to_string()),
            ..Evidence::default()
        }
    }

    pub fn with_note(mut self, note: impl Into<String>) -> Evidence {
        self.note = Some(note.into());
        self
    }

    /// A note in words, in both languages (`note` holds the English until the report's language
    /// is known).
    pub fn with_note_msg(mut self, note: Msg) -> Evidence {
        self.note = Some(note.en);
        self.note_da = Some(note.da);
        self
    }

    /// This evidence as a report in `lang` shows it.
    pub fn in_lang(mut self, lang: Lang) -> Evidence {
        if let Some(da) = self.note_da.take() {
            if lang == Lang::Da {
                self.note = Some(da);
            }
        }
        self
    }
}

/// What an adapter could read of one file. Only files the engine asks for
/// ([`crate::wants_content`]) are loaded; every other path is `NotLoaded`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "kind", rename_all = "kebab-case")]
pub enum Content {
    Text {
        text: String,
        /// The bytes were not valid UTF-8 and were decoded as Windows-1252 (Latin-1).
        #[serde(default)]
        lossy: bool,
    },
    Binary,
    TooLarge {
        size: u64,
    },
    /// A symlink whose target lies outside the repository; never followed.
    SymlinkOutside {
        target: String,
    },
    /// A symlink that points at nothing (or at a folder, or loops).
    Broken {
        reason: String,
    },
    NotLoaded,
}

/// Files over this size are listed but never parsed.
pub const MAX_FILE_SIZE: u64 = 1024 * 1024;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct FileEntry {
    pub content: Content,
    /// Set when the path is a symlink that was resolved inside the repository.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub symlink_to: Option<String>,
    /// Where the file really comes from when it is not the repository's own, e.g. the community
    /// files of an organisation's `.github` repository.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin: Option<String>,
}

impl FileEntry {
    pub fn text(text: impl Into<String>) -> FileEntry {
        FileEntry {
            content: Content::Text {
                text: text.into(),
                lossy: false,
            },
            symlink_to: None,
            origin: None,
        }
    }

    pub fn not_loaded() -> FileEntry {
        FileEntry {
            content: Content::NotLoaded,
            symlink_to: None,
            origin: None,
        }
    }

    pub fn with_content(content: Content) -> FileEntry {
        FileEntry {
            content,
            symlink_to: None,
            origin: None,
        }
    }

    pub fn as_text(&self) -> Option<&str> {
        match &self.content {
            Content::Text { text, .. } => Some(text),
            _ => None,
        }
    }

    /// Decodes bytes the way every adapter must: binary detection, size limit, UTF-8, and text that
    /// is not UTF-8 as Windows-1252 (Latin-1 as Danish editors write it), marked `lossy`.
    pub fn from_bytes(bytes: &[u8]) -> FileEntry {
        if bytes.len() as u64 > MAX_FILE_SIZE {
            return FileEntry::with_content(Content::TooLarge {
                size: bytes.len() as u64,
            });
        }
        // Git's own heuristic: a NUL byte in the first 8000 bytes means binary.
        if bytes.iter().take(8000).any(|&b| b == 0) {
            return FileEntry::with_content(Content::Binary);
        }
        match std::str::from_utf8(bytes) {
            Ok(text) => FileEntry::text(text),
            Err(_) => FileEntry::with_content(Content::Text {
                text: crate::base::text::windows_1252(bytes),
                lossy: true,
            }),
        }
    }
}

/// One commit of the recent history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Commit {
    pub id: String,
    /// Seconds since the Unix epoch.
    pub time: i64,
    pub message: String,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Branch {
    pub name: String,
    /// Time of the branch's newest commit, seconds since the Unix epoch.
    pub last_commit_time: i64,
    /// Commits on the branch that the default branch does not have, where known.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub ahead: Option<usize>,
}

/// The history checks read the last this many non-merge commits of the revision checked (the
/// default branch unless another is asked for), locally and remotely alike.
pub const RECENT_COMMITS: usize = 100;
/// Commits read at most to find them: a history of nothing but merges is not read to its root.
pub const MAX_COMMITS_WALKED: usize = 2_000;

/// Why fewer than [`RECENT_COMMITS`] non-merge commits were read although the history goes on.
pub fn history_cut_short(found: usize, why: &Msg) -> Msg {
    Msg::new(
        format!(
            "Kun {found} af de seneste {RECENT_COMMITS} commits (uden merges) kunne læses: {}.",
            why.da
        ),
        format!(
            "Only {found} of the last {RECENT_COMMITS} non-merge commits could be read: {}.",
            why.en
        ),
    )
}

/// What the version history says. Absent for a plain folder.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct History {
    pub newest_commit_time: Option<i64>,
    /// Up to the last 100 non-merge commits, newest first.
    pub recent_commits: Vec<Commit>,
    pub branches: Vec<Branch>,
    pub default_branch: Option<String>,
    /// URL of the `origin` remote, if any.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub origin_url: Option<String>,
}

/// Metadata from a forge or tracker that may or may not have been fetched.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "status", rename_all = "kebab-case")]
pub enum Fetched<T> {
    Got { value: T },
    Unknown { reason: Msg },
}

impl<T> Fetched<T> {
    pub fn offline() -> Fetched<T> {
        Fetched::Unknown {
            reason: Fetched::<()>::offline_reason(),
        }
    }
}

impl<T> Fetched<T> {
    /// Not fetched because the run was offline (as opposed to a lookup that failed).
    pub fn is_offline(&self) -> bool {
        matches!(self, Fetched::Unknown { reason } if *reason == Fetched::<()>::offline_reason())
    }

    fn offline_reason() -> Msg {
        Msg::new("ikke hentet (offline)", "not fetched (offline)")
    }
}

impl<T> Default for Fetched<T> {
    fn default() -> Self {
        Fetched::offline()
    }
}

/// GitHub's description of the repository.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RepoMeta {
    pub owner: String,
    pub name: String,
    pub html_url: String,
    pub private: bool,
    pub archived: bool,
    pub fork: bool,
    pub default_branch: String,
    pub has_issues: bool,
    /// GitHub's own SPDX detection (`NOASSERTION` when it could not tell).
    pub license_spdx: Option<String>,
    pub description: Option<String>,
    pub homepage: Option<String>,
    pub topics: Vec<String>,
    /// Seconds since the Unix epoch.
    pub pushed_at: Option<i64>,
}

/// An open issue or pull request and when someone other than its author first answered.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OpenItem {
    pub number: u64,
    pub pull_request: bool,
    pub url: String,
    pub created_at: i64,
    pub first_response_at: Option<i64>,
}

/// A Jira project as its REST API describes it.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct JiraMeta {
    pub base_url: String,
    pub project: String,
    pub exists: bool,
    pub public: bool,
    pub last_issue_updated: Option<i64>,
}

/// Everything the engine reads: the repository's files plus what adapters learned about it.
#[derive(Debug, Clone, Default, Serialize, Deserialize)]
pub struct Snapshot {
    /// Every path of the tree (forward slashes, relative to the root), with content where loaded.
    pub files: BTreeMap<String, FileEntry>,
    #[serde(default)]
    pub history: Option<History>,
    #[serde(default)]
    pub github: Fetched<RepoMeta>,
    #[serde(default)]
    pub open_items: Fetched<Vec<OpenItem>>,
    #[serde(default)]
    pub jira: Fetched<JiraMeta>,
    /// "Now" in seconds since the Unix epoch; an input so that reports are reproducible.
    pub now: i64,
    /// How the adapter got here (for `--verbose` and benchmarks).
    #[serde(default)]
    pub stats: SnapshotStats,
    /// What the adapter could not read: the engine turns every verdict that may rest on it
    /// into `unknown` with the reason, never into a gap of the repository.
    #[serde(default, skip_serializing_if = "Unread::is_empty")]
    pub unread: Unread,
}

/// The inputs an adapter could not (fully) read, each with the reason (an HTTP error, a
/// truncated listing, a shallow clone). Empty for a complete read.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Unread {
    /// The list of paths is missing or incomplete (a failed or truncated tree): any file may
    /// exist without being in [`Snapshot::files`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub listing: Option<Msg>,
    /// Files the engine wanted whose content could not be read, by path.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub files: BTreeMap<String, Msg>,
    /// The history could not be read, or not as far as the history checks need (the last
    /// 100 non-merge commits): a shallow clone, a walk or request limit.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub history: Option<Msg>,
    /// The forge's metadata was asked for and the request failed (not: offline, no GitHub
    /// origin).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub metadata: Option<Msg>,
    /// The open issues and pull requests were asked for and a request failed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub open_items: Option<Msg>,
}

impl Unread {
    pub fn is_empty(&self) -> bool {
        self.listing.is_none()
            && self.files.is_empty()
            && self.history.is_none()
            && self.metadata.is_none()
            && self.open_items.is_none()
    }

    /// Why the files are incomplete, if they are: the listing's reason, then how many files
    /// could not be read and the first of them.
    pub fn files_reason(&self) -> Option<Msg> {
        let failed = self.files.iter().next().map(|(path, reason)| {
            Msg::new(
                format!(
                    "{} fil(er) kunne ikke læses, bl.a. {path}: {}.",
                    self.files.len(),
                    reason.da
                ),
                format!(
                    "{} file(s) could not be read, among them {path}: {}.",
                    self.files.len(),
                    reason.en
                ),
            )
        });
        match (&self.listing, failed) {
            (Some(listing), Some(failed)) => Some(listing.clone().join(&failed)),
            (Some(listing), None) => Some(listing.clone()),
            (None, failed) => failed,
        }
    }

    /// Every reason, in a fixed order, for a one-line summary; one failure behind several
    /// inputs (no network) is named once.
    pub fn reasons(&self) -> Vec<Msg> {
        let mut reasons: Vec<Msg> = Vec::new();
        for reason in self
            .files_reason()
            .into_iter()
            .chain(self.history.clone())
            .chain(self.metadata.clone())
            .chain(self.open_items.clone())
        {
            if !reasons.iter().any(|r| r.en.contains(reason.en.as_str())) {
                reasons.push(reason);
            }
        }
        reasons
    }

    /// [`Unread::reasons`] as one text, `None` when everything was read.
    pub fn summary(&self) -> Option<Msg> {
        self.reasons().into_iter().reduce(|a, b| a.join(&b))
    }
}

/// Counters an adapter keeps while reading a repository.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct SnapshotStats {
    pub paths_listed: usize,
    pub blobs_read: usize,
    pub commits_walked: usize,
}

impl Snapshot {
    pub fn text(&self, path: &str) -> Option<&str> {
        self.files.get(path).and_then(FileEntry::as_text)
    }
}

/// The UTC calendar date of a Unix time: (year, month 1–12, day 1–31).
/// Howard Hinnant's civil-from-days algorithm; no date crate needed for this one conversion.
pub fn civil_date(unix: i64) -> (i64, u32, u32) {
    let z = unix.div_euclid(86_400) + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z - era * 146_097;
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let day = u32::try_from(doy - (153 * mp + 2) / 5 + 1).unwrap_or(1);
    let month = u32::try_from(if mp < 10 { mp + 3 } else { mp - 9 }).unwrap_or(1);
    let year = yoe + era * 400 + i64::from(month <= 2);
    (year, month, day)
}

#[cfg(test)]
mod tests {
    #[test]
    fn civil_dates() {
        assert_eq!(super::civil_date(0), (1970, 1, 1));
        assert_eq!(super::civil_date(1_795_737_600), (2026, 11, 27));
        assert_eq!(super::civil_date(951_782_400), (2000, 2, 29));
    }
}
