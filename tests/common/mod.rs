//! Fixture repositories built in the tests: small git repositories from a map of files, and
//! repositories rebuilt from the data extracts of real OS2 repositories in `../shared/corpus/`.
#![allow(dead_code)]

use git2::{Oid, Repository, Signature, Time};
use std::path::{Path, PathBuf};

/// 2026-11-27T00:00:00Z: "today" for every test, so reports are reproducible.
pub const NOW: i64 = 1_795_737_600;
pub const DAY: i64 = 86_400;

pub fn corpus_dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/corpus")
}

/// A file in a fixture: text, or a symlink to a target.
pub enum Entry<'a> {
    Text(&'a str),
    Bytes(Vec<u8>),
    Link(&'a str),
}

pub struct Fixture {
    pub dir: tempfile::TempDir,
    pub repo: Repository,
}

impl Fixture {
    pub fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Writes `files` into the work tree and commits them (adding to what is there).
    pub fn commit(&self, files: &[(&str, Entry)], message: &str, time: i64) -> Oid {
        for (path, entry) in files {
            let full = self.path().join(path);
            if let Some(parent) = full.parent() {
                std::fs::create_dir_all(parent).expect("mkdir");
            }
            let _ = std::fs::remove_file(&full);
            match entry {
                Entry::Text(text) => std::fs::write(&full, text).expect("write"),
                Entry::Bytes(bytes) => std::fs::write(&full, bytes).expect("write"),
                Entry::Link(target) => std::os::unix::fs::symlink(target, &full).expect("symlink"),
            }
        }
        let mut index = self.repo.index().expect("index");
        index
            .add_all(["*"].iter(), git2::IndexAddOption::DEFAULT, None)
            .expect("add");
        index.write().expect("write index");
        let tree_id = index.write_tree().expect("tree");
        self.commit_tree(tree_id, message, time)
    }

    /// A commit of the current index tree with only a message (for history).
    pub fn commit_tree(&self, tree_id: Oid, message: &str, time: i64) -> Oid {
        let tree = self.repo.find_tree(tree_id).expect("tree");
        let sig = Signature::new("Test", "test@example.org", &Time::new(time, 0)).expect("sig");
        let parent = self.repo.head().ok().and_then(|h| h.peel_to_commit().ok());
        let parents: Vec<&git2::Commit> = parent.iter().collect();
        self.repo
            .commit(Some("HEAD"), &sig, &sig, message, &tree, &parents)
            .expect("commit")
    }

    pub fn empty_commits(&self, messages: &[&str], start: i64) {
        let tree_id = self
            .repo
            .head()
            .expect("head")
            .peel_to_tree()
            .expect("tree")
            .id();
        for (i, m) in messages.iter().enumerate() {
            self.commit_tree(tree_id, m, start + i as i64 * 60);
        }
    }

    pub fn set_origin(&self, url: &str) {
        self.repo.remote("origin", url).expect("remote");
    }
}

pub fn new_repo() -> Fixture {
    let dir = tempfile::tempdir().expect("tempdir");
    let mut opts = git2::RepositoryInitOptions::new();
    opts.initial_head("main");
    let repo = Repository::init_opts(dir.path(), &opts).expect("init");
    Fixture { dir, repo }
}

/// A repository committed from `files`, dated `days_ago` days before [`NOW`].
pub fn repo_with(files: &[(&str, Entry)], days_ago: i64) -> Fixture {
    let fixture = new_repo();
    fixture.commit(files, "Initial import (#1)", NOW - days_ago * DAY);
    fixture
}

/// Rebuilds a corpus extract as a git repository: every path of TREE.txt (extracted files with
/// their content, symlinks as symlinks, other paths as one-line placeholders), then the
/// extract's commit subjects as history (merges left out, as the adapter skips them anyway),
/// and `origin` pointing at GitHub.
pub fn corpus_repo(owner: &str, name: &str) -> Fixture {
    let root = corpus_dir().join(owner).join(name);
    let fixture = new_repo();
    let tree = std::fs::read_to_string(root.join("TREE.txt")).expect("TREE.txt");
    for line in tree.lines() {
        let Some((mode, path)) = line.split_once(' ') else {
            continue;
        };
        let full = fixture.path().join(path);
        if let Some(parent) = full.parent() {
            std::fs::create_dir_all(parent).expect("mkdir");
        }
        let extracted = root.join("files").join(path);
        let link = root.join("files").join(format!("{path}.SYMLINK"));
        if mode == "120000" {
            let target = std::fs::read_to_string(&link)
                .ok()
                .and_then(|t| t.trim().strip_prefix("symlink -> ").map(str::to_string))
                .unwrap_or_else(|| "missing".to_string());
            std::os::unix::fs::symlink(target, &full).expect("symlink");
        } else if mode == "160000" {
            continue;
        } else if extracted.is_file() {
            std::fs::copy(&extracted, &full).expect("copy");
        } else {
            std::fs::write(&full, format!("placeholder for {path}\n")).expect("write");
        }
    }
    let commits = std::fs::read_to_string(root.join("COMMITS.txt")).expect("COMMITS.txt");
    let mut subjects: Vec<(i64, String)> = commits
        .lines()
        .filter_map(|line| {
            let mut parts = line.splitn(3, ' ');
            let _hash = parts.next()?;
            let date = parts.next()?;
            let subject = parts.next()?.split_once(" | ")?.1.to_string();
            Some((parse_rfc3339(date)?, subject))
        })
        .filter(|(_, s)| {
            !s.starts_with("Merge branch")
                && !s.starts_with("Merge pull request")
                && !s.starts_with("Merge remote")
        })
        .collect();
    subjects.reverse();
    let mut index = fixture.repo.index().expect("index");
    index
        .add_all(["*"].iter(), git2::IndexAddOption::FORCE, None)
        .expect("add");
    index.write().expect("write index");
    let tree_id = index.write_tree().expect("tree");
    for (time, subject) in &subjects {
        fixture.commit_tree(tree_id, subject, *time);
    }
    if subjects.is_empty() {
        fixture.commit_tree(tree_id, "import", NOW);
    }
    fixture.set_origin(&format!("https://github.com/{owner}/{name}.git"));
    fixture
}

/// `2026-08-21T18:05:42+02:00` → Unix seconds.
fn parse_rfc3339(text: &str) -> Option<i64> {
    let (date, rest) = text.split_once('T')?;
    let mut d = date.split('-').map(|p| p.parse::<i64>().ok());
    let (y, m, day) = (d.next()??, d.next()??, d.next()??);
    let time = &rest[..8.min(rest.len())];
    let mut t = time.split(':').map(|p| p.parse::<i64>().ok());
    let (hh, mm, ss) = (t.next()??, t.next()??, t.next()??);
    let offset = &rest[8.min(rest.len())..];
    let offset_secs = if offset.len() >= 6 {
        let sign = if offset.starts_with('-') { -1 } else { 1 };
        sign * (offset[1..3].parse::<i64>().ok()? * 3600 + offset[4..6].parse::<i64>().ok()? * 60)
    } else {
        0
    };
    // Days from civil (Howard Hinnant).
    let y2 = if m <= 2 { y - 1 } else { y };
    let era = y2.div_euclid(400);
    let yoe = y2 - era * 400;
    let mp = (m + 9) % 12;
    let doy = (153 * mp + 2) / 5 + day - 1;
    let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
    let days = era * 146_097 + doe - 719_468;
    Some(days * 86_400 + hh * 3600 + mm * 60 + ss - offset_secs)
}

pub fn os2gov() -> assert_cmd::Command {
    let mut cmd = assert_cmd::Command::cargo_bin("os2gov").expect("binary");
    // No test reaches the internet: fixtures with a GitHub origin or a Jira link stay offline
    // unless a test points the client at its own local server (and clears this).
    cmd.env("OS2GOV_NOW", NOW.to_string())
        .env("NO_COLOR", "1")
        .env("OS2GOV_OFFLINE", "1");
    cmd
}

/// `os2gov check PATH ARGS --format json`, which must give a report (exit 0 or 1), parsed.
pub fn json_report(path: &Path, args: &[&str]) -> serde_json::Value {
    let output = os2gov()
        .arg("check")
        .arg(path)
        .args(args)
        .args(["--format", "json"])
        .output()
        .expect("run");
    assert!(
        matches!(output.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&output.stderr)
    );
    serde_json::from_slice(&output.stdout).expect("JSON report")
}

/// Every path below `root` outside `.git`, folders too when `with_dirs`.
pub fn walk(root: &Path, with_dirs: bool) -> Vec<PathBuf> {
    let mut out = Vec::new();
    let mut stack = vec![root.to_path_buf()];
    while let Some(dir) = stack.pop() {
        for entry in std::fs::read_dir(&dir).expect("dir").flatten() {
            let path = entry.path();
            if path.file_name().is_some_and(|n| n == ".git") {
                continue;
            }
            let is_dir = path.is_dir();
            if is_dir {
                stack.push(path.clone());
            }
            if with_dirs || !is_dir {
                out.push(path);
            }
        }
    }
    out
}
