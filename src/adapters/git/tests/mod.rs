use super::history::*;
use super::worktree::*;
use super::*;
use crate::adapters::fs::tests::assert_bilingual;
use crate::adapters::fs::walk;
use crate::adapters::fs::{AdapterError, EntryKind, Listed, Visit};
use crate::base::model::Bilingual;
use crate::base::model::{Content, History, Snapshot};
use git2::{Commit, Oid, Repository};
use git2::{Index, IndexEntry, IndexTime, RepositoryInitOptions, Signature, Time};
use std::fs;
use std::path::Path;

mod history;
mod ignore;

/// One change a fixture commit makes.
#[derive(Clone, Copy)]
enum F<'a> {
    Text(&'a str),
    Bytes(&'a [u8]),
    Link(&'a str),
    Submodule,
    Gone,
}
use F::*;

fn init(path: &Path, bare: bool) -> Repository {
    let mut opts = RepositoryInitOptions::new();
    opts.initial_head("main").bare(bare);
    Repository::init_opts(path, &opts).expect("init")
}

fn index_entry(path: &str, mode: u32, id: Oid) -> IndexEntry {
    IndexEntry {
        ctime: IndexTime::new(0, 0),
        mtime: IndexTime::new(0, 0),
        dev: 0,
        ino: 0,
        mode,
        uid: 0,
        gid: 0,
        file_size: 0,
        id,
        flags: path.len().min(0xfff) as u16,
        flags_extended: 0,
        path: path.as_bytes().to_vec(),
    }
}

/// Commits `changes` on top of the first parent's tree and moves `refname` (if any) to it.
fn commit_on(
    repo: &Repository,
    refname: Option<&str>,
    parents: &[Oid],
    changes: &[(&str, F<'_>)],
    message: &str,
    time: i64,
) -> Oid {
    let mut index = Index::new().expect("index");
    if let Some(first) = parents.first() {
        let tree = repo
            .find_commit(*first)
            .expect("parent")
            .tree()
            .expect("tree");
        index.read_tree(&tree).expect("read tree");
    }
    for (path, change) in changes {
        let blob = |bytes: &[u8]| repo.blob(bytes).expect("blob");
        match change {
            Text(text) => index.add(&index_entry(path, 0o100_644, blob(text.as_bytes()))),
            Bytes(bytes) => index.add(&index_entry(path, 0o100_644, blob(bytes))),
            Link(target) => index.add(&index_entry(path, 0o120_000, blob(target.as_bytes()))),
            Submodule => {
                let id = Oid::from_str("1234567890123456789012345678901234567890").expect("oid");
                index.add(&index_entry(path, 0o160_000, id))
            }
            Gone => index.remove_path(Path::new(path)),
        }
        .expect("index change");
    }
    let tree = repo
        .find_tree(index.write_tree_to(repo).expect("write tree"))
        .expect("tree");
    let parents: Vec<Commit<'_>> = parents
        .iter()
        .map(|id| repo.find_commit(*id).expect("parent"))
        .collect();
    let parents: Vec<&Commit<'_>> = parents.iter().collect();
    let sig = Signature::new("Test", "test@example.org", &Time::new(time, 0)).expect("signature");
    repo.commit(refname, &sig, &sig, message, &tree, &parents)
        .expect("commit")
}

/// Commits on HEAD; for a repository with a work tree, the disk and the index follow.
fn commit(repo: &Repository, changes: &[(&str, F<'_>)], message: &str, time: i64) -> Oid {
    let parents: Vec<Oid> = repo
        .head()
        .ok()
        .and_then(|h| h.target())
        .into_iter()
        .collect();
    let id = commit_on(repo, Some("HEAD"), &parents, changes, message, time);
    if let Some(root) = repo.workdir() {
        for (path, change) in changes {
            let full = root.join(path);
            fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
            let _ = fs::remove_file(&full);
            match change {
                Text(text) => fs::write(&full, text).expect("write"),
                Bytes(bytes) => fs::write(&full, bytes).expect("write"),
                #[cfg(unix)]
                Link(target) => std::os::unix::fs::symlink(target, &full).expect("symlink"),
                #[cfg(not(unix))]
                Link(_) => panic!("symlink fixtures need a unix file system"),
                Submodule => fs::create_dir_all(&full).expect("mkdir"),
                Gone => {}
            }
        }
        let tree = repo.find_commit(id).expect("commit").tree().expect("tree");
        let mut index = repo.index().expect("index");
        index.read_tree(&tree).expect("read tree");
        index.write().expect("write index");
    }
    id
}

fn write(root: &Path, path: &str, bytes: &[u8]) {
    let full = root.join(path);
    fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
    fs::write(full, bytes).expect("write");
}

fn paths(snap: &Snapshot) -> Vec<&str> {
    snap.files.keys().map(String::as_str).collect()
}

fn history(snap: &Snapshot) -> &History {
    snap.history.as_ref().expect("history")
}

/// The index reader agrees with libgit2 on versions 2, 3 (extended flags) and 4 (prefix
/// compression), and never panics on a damaged file.
#[test]
fn index_reader_matches_libgit2() {
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = init(dir.path(), false);
    let blob = repo.blob(b"x").expect("blob");
    let long = format!("deep/{}/{}.md", "d".repeat(200), "n".repeat(250));
    let paths = [
        "README.md",
        "a",
        "ab/c.txt",
        "ab/cd/e.txt",
        "ab/cd/ef.txt",
        "unicode/æøå.md",
        long.as_str(),
        "z/sub",
    ];
    for version in [2, 3, 4] {
        let mut index = repo.index().expect("index");
        index.clear().expect("clear");
        for path in paths {
            let mode = if path == "z/sub" {
                0o160_000
            } else {
                0o100_644
            };
            let mut entry = index_entry(path, mode, blob);
            if version == 3 && path == "ab/cd/e.txt" {
                entry.flags |= 0x4000;
                entry.flags_extended = 1 << 14; // skip-worktree
            }
            index.add(&entry).expect("add");
        }
        if version == 4 {
            index.set_version(4).expect("version");
        }
        index.write().expect("write");
        let bytes = fs::read(repo.path().join("index")).expect("read");
        assert_eq!(
            u32::from_be_bytes(bytes[4..8].try_into().expect("4")),
            version
        );
        let ours = parse_index(&bytes).expect("parsed");
        let theirs: Vec<(String, u32)> = repo
            .index()
            .expect("index")
            .iter()
            .map(|e| (String::from_utf8(e.path).expect("utf-8"), e.mode))
            .collect();
        let ours: Vec<(String, u32)> = ours.iter().map(|(p, m)| (p.to_string(), m)).collect();
        assert_eq!(ours, theirs, "version {version}");
        for cut in 0..bytes.len() {
            let _ = parse_index(&bytes[..cut]);
        }
        let mut damaged = bytes.clone();
        for at in (12..damaged.len()).step_by(7) {
            damaged[at] ^= 0xa5;
            let _ = parse_index(&damaged);
        }
    }
    assert_eq!(parse_index(b"garbage"), None);
    // A split index keeps its entries elsewhere: left to libgit2.
    let mut split = b"DIRC\0\0\0\x02\0\0\0\0link\0\0\0\x14".to_vec();
    split.extend_from_slice(&[0; 40]);
    assert_eq!(parse_index(&split), None);
    let mut optional = b"DIRC\0\0\0\x02\0\0\0\0TREE\0\0\0\x02ab".to_vec();
    optional.extend_from_slice(&[0; 20]);
    assert_eq!(parse_index(&optional), Some(IndexPaths::default()));
}

#[test]
fn work_tree_is_tracked_plus_untracked_minus_ignored_and_deleted() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let repo = init(root, false);
    commit(
        &repo,
        &[
            ("README.md", Text("# Old\n")),
            ("LICENSE", Text("MPL-2.0\n")),
            ("src/lib.rs", Text("")),
            ("src/keep.rs", Text("")),
            ("build/kept.txt", Text("tracked inside an ignored folder\n")),
            (".gitignore", Text("build/\n*.log\n")),
        ],
        "first",
        1_000,
    );
    write(root, "README.md", b"# New\n");
    fs::remove_file(root.join("src/lib.rs")).expect("rm");
    write(root, "notes.txt", b"untracked\n");
    write(root, "docs/new.md", b"# Untracked doc\n");
    write(root, "debug.log", b"ignored\n");
    write(root, "src/trace.log", b"ignored\n");
    write(root, "build/out.bin", b"ignored\n");
    write(root, "build/deep/x.o", b"ignored\n");
    fs::create_dir_all(root.join("empty/inner")).expect("mkdir");

    let snap = snapshot_repo(root, Revision::WorkTree, 7).expect("snapshot");
    assert_eq!(
        paths(&snap),
        [
            ".gitignore",
            "LICENSE",
            "README.md",
            "build/kept.txt",
            "docs/new.md",
            "notes.txt",
            "src/keep.rs"
        ]
    );
    assert_eq!(snap.text("README.md"), Some("# New\n"));
    assert_eq!(snap.text("docs/new.md"), Some("# Untracked doc\n"));
    assert_eq!(snap.files["notes.txt"].content, Content::NotLoaded);
    assert_eq!(snap.stats.paths_listed, 7);
    assert_eq!(snap.stats.blobs_read, 3);
    assert_eq!(snap.now, 7);
    let history = history(&snap);
    assert_eq!(history.newest_commit_time, Some(1_000));
    assert_eq!(history.recent_commits.len(), 1);
    assert_eq!(history.recent_commits[0].message, "first");
    assert_eq!(history.default_branch.as_deref(), Some("main"));
}

#[test]
fn rev_reads_the_older_tree_from_git_objects() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let repo = init(root, false);
    let old = commit(
        &repo,
        &[("README.md", Text("old\n")), ("a.txt", Text("a"))],
        "one",
        100,
    );
    commit(
        &repo,
        &[
            ("README.md", Text("new\n")),
            ("CONTRIBUTING.md", Text("hi\n")),
            ("a.txt", Gone),
        ],
        "two",
        200,
    );
    write(root, "README.md", b"on disk\n");

    for rev in [
        old.to_string(),
        "HEAD~1".to_string(),
        old.to_string()[..8].to_string(),
    ] {
        let snap = snapshot_repo(root, Revision::Rev(&rev), 0).expect("snapshot");
        assert_eq!(paths(&snap), ["README.md", "a.txt"], "{rev}");
        assert_eq!(snap.text("README.md"), Some("old\n"));
        assert_eq!(history(&snap).newest_commit_time, Some(100));
        assert_eq!(history(&snap).recent_commits.len(), 1);
    }
    let snap = snapshot_repo(root, Revision::Rev("main"), 0).expect("snapshot");
    assert_eq!(paths(&snap), ["CONTRIBUTING.md", "README.md"]);
    assert_eq!(snap.text("README.md"), Some("new\n"));
    assert_eq!(snap.stats.blobs_read, 2);
    let snap = open_snapshot(root, None, 0).expect("snapshot");
    assert_eq!(snap.text("README.md"), Some("on disk\n"));
}

#[test]
fn bare_repository_reads_head() {
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = init(dir.path(), true);
    commit(
        &repo,
        &[("README.md", Text("# Bare\n")), ("src/x.rs", Text(""))],
        "one",
        100,
    );
    let snap = open_snapshot(dir.path(), None, 0).expect("snapshot");
    assert_eq!(paths(&snap), ["README.md", "src/x.rs"]);
    assert_eq!(snap.text("README.md"), Some("# Bare\n"));
    assert_eq!(history(&snap).newest_commit_time, Some(100));
    let snap = open_snapshot(dir.path(), Some("HEAD"), 0).expect("snapshot");
    assert_eq!(snap.text("README.md"), Some("# Bare\n"));

    let empty = tempfile::tempdir().expect("tempdir");
    init(empty.path(), true);
    let snap = open_snapshot(empty.path(), None, 0).expect("snapshot");
    assert!(snap.files.is_empty());
    assert!(history(&snap).recent_commits.is_empty());
}

/// HEAD, objects/, refs/ and packed-refs but no `config`: git reads it as a bare repository,
/// and so does os2gov (it scanned the git directory's own files as a plain folder).
#[test]
fn bare_repository_without_config() {
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = init(dir.path(), true);
    commit(&repo, &[("README.md", Text("# Bare\n"))], "one", 100);
    drop(repo);
    let status = std::process::Command::new("git")
        .args(["pack-refs", "--all"])
        .current_dir(dir.path())
        .status();
    assert!(status.is_ok_and(|s| s.success()));
    fs::remove_file(dir.path().join("config")).expect("rm config");
    assert!(dir.path().join("packed-refs").is_file());
    let snap = open_snapshot(dir.path(), None, 0).expect("snapshot");
    assert_eq!(paths(&snap), ["README.md"]);
    assert_eq!(snap.text("README.md"), Some("# Bare\n"));
    assert_eq!(history(&snap).newest_commit_time, Some(100));
    let snap = snapshot_repo(dir.path(), Revision::Rev("HEAD"), 0).expect("rev");
    assert_eq!(paths(&snap), ["README.md"]);
}

/// What looks like a repository and cannot be opened is an error naming it, never a plain
/// folder.
#[test]
fn a_git_directory_that_cannot_be_opened_is_an_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = dir.path().join("broken.git");
    write(&broken, "HEAD", b"not a ref\n");
    write(&broken, "README.md", b"# Not the product\n");
    fs::create_dir_all(broken.join("objects")).expect("mkdir");
    fs::create_dir_all(broken.join("refs")).expect("mkdir");
    let err = open_snapshot(&broken, None, 0).expect_err("broken git directory");
    assert!(matches!(err, AdapterError::Git { .. }), "{err}");
    let text = err.to_string();
    assert!(
        text.contains("broken.git") && !text.contains('\n'),
        "{text}"
    );

    // A `.git` symlink to nowhere is a repository that cannot be read.
    let dangling = dir.path().join("dangling");
    write(&dangling, "README.md", b"# X\n");
    #[cfg(unix)]
    {
        std::os::unix::fs::symlink("/nonexistent/.git", dangling.join(".git")).expect("ln");
        let err = open_snapshot(&dangling, None, 0).expect_err("dangling .git");
        assert!(matches!(err, AdapterError::Git { .. }), "{err}");
        assert!(err.to_string().contains("dangling"), "{err}");
    }

    // HEAD alone (or objects/ and refs/ without HEAD) is an ordinary folder.
    let plain = dir.path().join("plain");
    write(&plain, "HEAD", b"x");
    write(&plain, "refs/x", b"x");
    let snap = open_snapshot(&plain, None, 0).expect("plain folder");
    assert!(snap.history.is_none());
}

#[test]
fn unborn_head_still_lists_the_work_tree() {
    let dir = tempfile::tempdir().expect("tempdir");
    init(dir.path(), false);
    write(dir.path(), "README.md", b"# Fresh\n");
    let snap = open_snapshot(dir.path(), None, 0).expect("snapshot");
    assert_eq!(snap.text("README.md"), Some("# Fresh\n"));
    let history = history(&snap);
    assert_eq!(history.newest_commit_time, None);
    assert!(history.recent_commits.is_empty());
    assert!(history.branches.is_empty());
    assert_eq!(history.default_branch.as_deref(), Some("main"));
    let err = open_snapshot(dir.path(), Some("HEAD"), 0).expect_err("unborn HEAD");
    assert!(matches!(err, AdapterError::BadRevision { .. }), "{err}");
}

/// Both ways of reading must agree: symlinks resolved on disk and in the tree.
#[cfg(unix)]
#[test]
fn symlinks_inside_outside_dangling_loop_folder() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let repo = init(root, false);
    let absolute = format!("{}/LICENSES/MPL-2.0.txt", root.display());
    commit(
        &repo,
        &[
            (
                "LICENSES/MPL-2.0.txt",
                Text("Mozilla Public License Version 2.0\n"),
            ),
            ("docs/roadmap.md", Text("# Roadmap\n")),
            ("LICENSE", Link("LICENSES/MPL-2.0.txt")),
            ("COPYING", Link("/etc/passwd")),
            ("SECURITY.md", Link("../../x")),
            ("CONTRIBUTING.md", Link("docs/missing.md")),
            ("SUPPORT.md", Link("GOVERNANCE.md")),
            ("GOVERNANCE.md", Link("SUPPORT.md")),
            ("AUTHORS", Link("docs")),
            ("ROADMAP.md", Link("hop1")),
            ("hop1", Link("./hop2")),
            ("hop2", Link("docs/../docs/roadmap.md")),
            ("dirlink", Link("LICENSES")),
            ("MAINTAINERS", Link("dirlink/MPL-2.0.txt")),
            ("etc", Link("/etc")),
            ("publiccode.yml", Link("etc/passwd")),
            ("code_of_conduct.md", Link(".git/config")),
            ("VISION.md", Link(&absolute)),
            ("docs/guide.md", Link("../LICENSE")),
            ("libs/sub", Submodule),
        ],
        "links",
        100,
    );
    // A checked-out submodule's files are not the repository's own.
    write(root, "libs/sub/README.md", b"# Sub\n");
    for revision in [Revision::WorkTree, Revision::Rev("HEAD")] {
        let snap = snapshot_repo(root, revision, 0).expect("snapshot");
        let what = format!("{revision:?}");
        let license = &snap.files["LICENSE"];
        assert_eq!(
            license.as_text(),
            Some("Mozilla Public License Version 2.0\n"),
            "{what}"
        );
        assert_eq!(
            license.symlink_to.as_deref(),
            Some("LICENSES/MPL-2.0.txt"),
            "{what}"
        );
        for path in ["MAINTAINERS", "VISION.md", "docs/guide.md"] {
            assert_eq!(
                snap.files[path].symlink_to.as_deref(),
                Some("LICENSES/MPL-2.0.txt"),
                "{what} {path}"
            );
        }
        assert_eq!(snap.text("ROADMAP.md"), Some("# Roadmap\n"), "{what}");
        assert_eq!(
            snap.files["ROADMAP.md"].symlink_to.as_deref(),
            Some("docs/roadmap.md")
        );
        let outside = |path: &str| match &snap.files[path].content {
            Content::SymlinkOutside { target } => target.clone(),
            other => panic!("{what} {path}: {other:?}"),
        };
        assert_eq!(outside("COPYING"), "/etc/passwd");
        assert_eq!(outside("SECURITY.md"), "../../x");
        assert_eq!(outside("publiccode.yml"), "/etc");
        assert_eq!(outside("code_of_conduct.md"), ".git/config");
        for path in ["CONTRIBUTING.md", "SUPPORT.md", "GOVERNANCE.md", "AUTHORS"] {
            assert!(
                matches!(snap.files[path].content, Content::Broken { .. }),
                "{what} {path}"
            );
        }
        assert!(snap.files["CONTRIBUTING.md"].symlink_to.is_none());
        assert_eq!(snap.files["libs/sub"].content, Content::NotLoaded);
        assert!(!snap.files.contains_key("libs/sub/README.md"), "{what}");
        assert_eq!(snap.files["hop1"].content, Content::NotLoaded);
        // LICENSES/MPL-2.0.txt, docs/roadmap.md and the five links that reach them.
        assert_eq!(snap.stats.blobs_read, 7, "{what}");
    }
}

#[test]
fn large_files_are_not_read() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let repo = init(root, false);
    let big = "a".repeat(2 * 1024 * 1024);
    commit(
        &repo,
        &[("README.md", Text(&big)), ("LICENSE", Text("MPL\n"))],
        "big",
        1,
    );
    for revision in [Revision::WorkTree, Revision::Rev("HEAD")] {
        let snap = snapshot_repo(root, revision, 0).expect("snapshot");
        assert_eq!(
            snap.files["README.md"].content,
            Content::TooLarge {
                size: 2 * 1024 * 1024
            }
        );
        assert_eq!(snap.stats.blobs_read, 1, "{revision:?}");
    }
}

#[test]
fn invalid_utf8_and_binary() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let repo = init(root, false);
    commit(
        &repo,
        &[
            ("README.md", Bytes(b"K\xf8benhavn \xff")),
            ("LICENSE", Bytes(b"PK\x03\x04\0\0")),
        ],
        "bytes",
        1,
    );
    for revision in [Revision::WorkTree, Revision::Rev("HEAD")] {
        let snap = snapshot_repo(root, revision, 0).expect("snapshot");
        assert_eq!(
            snap.files["README.md"].content,
            Content::Text {
                // Not UTF-8: read as Windows-1252 (Latin-1), as a Danish editor wrote it.
                text: "København ÿ".into(),
                lossy: true
            }
        );
        assert_eq!(snap.files["LICENSE"].content, Content::Binary);
    }
}

#[test]
fn plain_folders() {
    let dir = tempfile::tempdir().expect("tempdir");
    write(dir.path(), "README.md", b"# Plain\n");
    let snap = open_snapshot(dir.path(), None, 0).expect("snapshot");
    assert_eq!(snap.text("README.md"), Some("# Plain\n"));
    assert!(snap.history.is_none());

    // A folder inside a repository is checked as it stands, not as the enclosing repository.
    let repo_dir = tempfile::tempdir().expect("tempdir");
    let repo = init(repo_dir.path(), false);
    commit(
        &repo,
        &[
            ("README.md", Text("# Outer\n")),
            ("product/README.md", Text("# Inner\n")),
        ],
        "one",
        1,
    );
    let snap = open_snapshot(&repo_dir.path().join("product"), None, 0).expect("snapshot");
    assert_eq!(paths(&snap), ["README.md"]);
    assert_eq!(snap.text("README.md"), Some("# Inner\n"));
    assert!(snap.history.is_none());
}

#[test]
fn errors_name_the_path_or_revision() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("missing");
    let one_line = |e: AdapterError| {
        let text = e.to_string();
        assert!(!text.contains('\n'), "{text}");
        text
    };
    let err = open_snapshot(&missing, None, 0).expect_err("missing");
    assert!(matches!(err, AdapterError::NotFound(_)));
    assert!(one_line(err).contains("missing"));

    write(dir.path(), "file.txt", b"x");
    let err = open_snapshot(&dir.path().join("file.txt"), None, 0).expect_err("file");
    assert!(matches!(err, AdapterError::NotADirectory(_)));

    let plain = dir.path().join("plain");
    fs::create_dir(&plain).expect("mkdir");
    let err = open_snapshot(&plain, Some("v1.0"), 0).expect_err("rev on plain folder");
    assert!(matches!(err, AdapterError::RevWithoutRepository { .. }));
    assert!(one_line(err).contains("v1.0"));
    let err = snapshot_repo(&plain, Revision::WorkTree, 0).expect_err("plain");
    assert!(matches!(err, AdapterError::NotARepository(_)));

    let repo_dir = dir.path().join("repo");
    let repo = init(&repo_dir, false);
    commit(&repo, &[("README.md", Text("x"))], "one", 1);
    for rev in ["no-such-branch", "HEAD~5", "HEAD:README.md", ""] {
        let err = open_snapshot(&repo_dir, Some(rev), 0).expect_err(rev);
        assert!(
            matches!(err, AdapterError::BadRevision { .. }),
            "{rev}: {err}"
        );
        assert!(one_line(err).contains(&format!("'{rev}'")));
    }

    let corrupt = dir.path().join("corrupt");
    write(&corrupt, ".git/HEAD", b"garbage");
    let err = open_snapshot(&corrupt, None, 0).expect_err("corrupt");
    assert!(matches!(err, AdapterError::Git { .. }), "{err}");
    assert!(one_line(err).contains("corrupt"));
}

#[test]
fn not_a_repository_and_rev_on_a_plain_folder_in_danish() {
    let dir = tempfile::tempdir().expect("tempdir");
    let plain = dir.path().join("plain");
    fs::create_dir(&plain).expect("mkdir");
    let err = snapshot_repo(&plain, Revision::WorkTree, 0).expect_err("plain");
    assert!(matches!(err, AdapterError::NotARepository(_)));
    assert_bilingual(&err, &["ikke et git-repository: ", "plain"]);
    let err = open_snapshot(&plain, Some("v1.0"), 0).expect_err("rev on plain folder");
    assert!(matches!(err, AdapterError::RevWithoutRepository { .. }));
    assert_bilingual(
        &err,
        &[
            "--rev v1.0 kræver et git-repository, men ",
            "plain er en almindelig mappe",
        ],
    );
}

#[test]
fn bad_revision_in_danish() {
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = init(dir.path(), false);
    commit(&repo, &[("README.md", Text("x"))], "one", 1);
    // libgit2's reason stays English behind the Danish.
    let err = open_snapshot(dir.path(), Some("no-such-branch"), 0).expect_err("unknown");
    assert!(matches!(err, AdapterError::BadRevision { .. }), "{err}");
    assert_bilingual(&err, &["ugyldig revision 'no-such-branch': "]);
    // Our own reason is Danish all through.
    let err = open_snapshot(dir.path(), Some("HEAD:README.md"), 0).expect_err("a file");
    assert_eq!(
        err.msg().da,
        "ugyldig revision 'HEAD:README.md': peger på en fil, ikke på en commit"
    );
    assert_bilingual(&err, &[]);
    let err = open_snapshot(dir.path(), Some("HEAD^{tree}"), 0).expect_err("a tree");
    assert!(
        err.msg().da.ends_with("peger på et træ, ikke på en commit"),
        "{err}"
    );
}

#[test]
fn broken_git_entries_in_danish() {
    let dir = tempfile::tempdir().expect("tempdir");
    let corrupt = dir.path().join("corrupt");
    write(&corrupt, ".git/HEAD", b"garbage");
    let err = open_snapshot(&corrupt, None, 0).expect_err("corrupt");
    assert!(matches!(err, AdapterError::Git { .. }), "{err}");
    assert_bilingual(
        &err,
        &[
            "git: ",
            "corrupt har en .git-post, men den er ikke et repository, der kan læses",
        ],
    );

    let broken = dir.path().join("broken.git");
    write(&broken, "HEAD", b"not a ref\n");
    fs::create_dir_all(broken.join("objects")).expect("mkdir");
    fs::create_dir_all(broken.join("refs")).expect("mkdir");
    let err = open_snapshot(&broken, None, 0).expect_err("broken git directory");
    assert!(matches!(err, AdapterError::Git { .. }), "{err}");
    assert_bilingual(&err, &["broken.git: kan ikke læse HEAD"]);
}

/// libgit2 does not say which repository lost its objects: the path goes in front, in both
/// languages.
#[test]
fn a_git_directory_without_objects_in_danish() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("emptied");
    let repo = init(&root, false);
    commit(&repo, &[("README.md", Text("x"))], "one", 1);
    drop(repo);
    fs::remove_dir_all(root.join(".git/objects")).expect("rm");
    fs::create_dir(root.join(".git/objects")).expect("mkdir");
    let err = open_snapshot(&root, None, 0).expect_err("no objects");
    let AdapterError::Git { context, detail } = &err else {
        panic!("{err:?}");
    };
    let shown = root.display();
    assert_eq!(
        context.da,
        format!("{shown}: kan ikke læse den commit, HEAD peger på")
    );
    assert_eq!(context.en, format!("{shown}: cannot read HEAD's commit"));
    assert!(!detail.is_empty());
    assert_bilingual(
        &err,
        &[
            "git: ",
            "emptied: kan ikke læse den commit, HEAD peger på: ",
        ],
    );
}
