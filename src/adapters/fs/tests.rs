use super::*;
use std::fs;

fn write(root: &Path, path: &str, bytes: &[u8]) {
    let full = root.join(path);
    fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
    fs::write(full, bytes).expect("write");
}

#[cfg(unix)]
fn link(root: &Path, path: &str, target: &str) {
    let full = root.join(path);
    fs::create_dir_all(full.parent().expect("parent")).expect("mkdir");
    std::os::unix::fs::symlink(target, full).expect("symlink");
}

#[test]
fn plain_folder_lists_everything_and_reads_wanted_files() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "README.md", b"# Hej\n");
    write(root, "src/main.rs", b"fn main() {}\n");
    write(root, "docs/guide/install.md", b"Installation\n");
    write(root, "LICENSE", b"MPL\0binary");
    write(root, ".git/config", b"[core]\n");
    write(root, "node_modules/x/README.md", b"vendored\n");
    let snap = snapshot_folder(root, 42).expect("snapshot");
    let paths: Vec<&str> = snap.files.keys().map(String::as_str).collect();
    assert_eq!(
        paths,
        [
            "LICENSE",
            "README.md",
            "docs/guide/install.md",
            "node_modules/x/README.md",
            "src/main.rs"
        ]
    );
    assert_eq!(snap.text("README.md"), Some("# Hej\n"));
    assert_eq!(snap.text("docs/guide/install.md"), Some("Installation\n"));
    assert_eq!(snap.files["LICENSE"].content, Content::Binary);
    assert_eq!(snap.files["src/main.rs"].content, Content::NotLoaded);
    assert_eq!(
        snap.files["node_modules/x/README.md"].content,
        Content::NotLoaded
    );
    assert!(snap.history.is_none());
    assert_eq!(snap.now, 42);
    assert_eq!(snap.stats.paths_listed, 5);
    assert_eq!(snap.stats.blobs_read, 3);
    assert_eq!(snap.stats.commits_walked, 0);
}

#[test]
fn plain_folder_large_and_invalid_utf8() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "README.md", &vec![b'a'; 2 * 1024 * 1024]);
    write(root, "CONTRIBUTING.md", b"hej \xff\xfe verden");
    let snap = snapshot_folder(root, 0).expect("snapshot");
    assert_eq!(
        snap.files["README.md"].content,
        Content::TooLarge {
            size: 2 * 1024 * 1024
        }
    );
    match &snap.files["CONTRIBUTING.md"].content {
        Content::Text { text, lossy } => {
            assert!(*lossy);
            assert!(text.starts_with("hej ") && text.ends_with(" verden"));
        }
        other => panic!("{other:?}"),
    }
    assert_eq!(snap.stats.blobs_read, 1);
}

#[cfg(unix)]
#[test]
fn plain_folder_symlinks() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(
        root,
        "LICENSES/MPL-2.0.txt",
        b"Mozilla Public License 2.0\n",
    );
    link(root, "LICENSE", "LICENSES/MPL-2.0.txt");
    link(root, "COPYING", "/etc/passwd");
    link(root, "SECURITY.md", "../../x");
    link(root, "SUPPORT.md", "GOVERNANCE.md");
    link(root, "GOVERNANCE.md", "SUPPORT.md");
    link(root, "AUTHORS", "docs");
    fs::create_dir_all(root.join("docs")).expect("mkdir");
    let abs = std::path::absolute(root.join("LICENSES/MPL-2.0.txt")).expect("abs");
    link(root, "VISION.md", &abs.to_string_lossy());
    let snap = snapshot_folder(root, 0).expect("snapshot");
    let license = &snap.files["LICENSE"];
    assert_eq!(license.as_text(), Some("Mozilla Public License 2.0\n"));
    assert_eq!(license.symlink_to.as_deref(), Some("LICENSES/MPL-2.0.txt"));
    assert_eq!(
        snap.files["VISION.md"].symlink_to.as_deref(),
        Some("LICENSES/MPL-2.0.txt")
    );
    assert_eq!(
        snap.files["COPYING"].content,
        Content::SymlinkOutside {
            target: "/etc/passwd".into()
        }
    );
    assert_eq!(
        snap.files["SECURITY.md"].content,
        Content::SymlinkOutside {
            target: "../../x".into()
        }
    );
    assert!(matches!(
        snap.files["SUPPORT.md"].content,
        Content::Broken { .. }
    ));
    assert!(matches!(
        snap.files["AUTHORS"].content,
        Content::Broken { .. }
    ));
    // LICENSE, VISION.md and LICENSES/MPL-2.0.txt itself.
    assert_eq!(snap.stats.blobs_read, 3);
}

/// Makes `depth` nested folders `d` under `root` with `file` at the bottom, each folder made
/// from an open one near it (the whole path is longer than the system opens).
#[cfg(target_os = "linux")]
pub(crate) fn deep_chain(root: &Path, depth: usize, file: &str, bytes: &[u8]) -> String {
    use std::os::fd::AsRawFd;
    let mut open = Vec::new();
    let mut at = root.to_path_buf();
    for level in 1..=depth {
        at.push("d");
        fs::create_dir(&at).expect("mkdir");
        if level % 500 == 0 {
            let dir = File::open(&at).expect("open");
            at = PathBuf::from(format!("/proc/self/fd/{}", dir.as_raw_fd()));
            open.push(dir);
        }
    }
    fs::write(at.join(file), bytes).expect("write");
    format!("{}{file}", "d/".repeat(depth))
}

#[cfg(target_os = "linux")]
#[test]
fn plain_folder_deeper_than_a_path_can_be() {
    // 5,000 folders: a path of 10,000 bytes, which the system refuses to open ("File name
    // too long" ended the scan). The deep file is still listed and read.
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    write(root, "README.md", b"# Hej\n");
    let deep = deep_chain(root, 5000, "governance_report.md", b"# Governance\n");
    let snap = snapshot_folder(root, 0).expect("snapshot");
    assert_eq!(snap.files.len(), 2);
    assert_eq!(snap.text(&deep), Some("# Governance\n"));
    assert_eq!(snap.stats.blobs_read, 2);
    // The folders opened on the way are closed again.
    let inside = fs::read_dir("/proc/self/fd")
        .expect("fds")
        .filter_map(|fd| fs::read_link(fd.ok()?.path()).ok())
        .filter(|target| target.starts_with(root))
        .count();
    assert_eq!(inside, 0);
}

#[test]
fn plain_folder_errors() {
    let dir = tempfile::tempdir().expect("tempdir");
    let missing = dir.path().join("nope");
    let err = snapshot_folder(&missing, 0).expect_err("missing");
    assert!(matches!(err, AdapterError::NotFound(_)));
    assert!(err.to_string().contains("nope"));
    write(dir.path(), "file.txt", b"x");
    let err = snapshot_folder(&dir.path().join("file.txt"), 0).expect_err("file");
    assert!(matches!(err, AdapterError::NotADirectory(_)));
    assert!(err.to_string().contains("file.txt"));
    assert!(!err.to_string().contains('\n'));
}

/// The resolver over an in-memory tree: exact normalisation and hop counting.
#[test]
fn resolver_rules() {
    let tree: BTreeMap<&str, Node> = [
        ("a", Node::Dir),
        ("a/b", Node::Dir),
        ("a/b/f.txt", Node::File),
        ("top.txt", Node::File),
        ("a/up", Node::Symlink("../top.txt".into())),
        ("a/b/dirlink", Node::Symlink("..".into())),
        ("loop1", Node::Symlink("loop2".into())),
        ("loop2", Node::Symlink("loop1".into())),
        ("sub", Node::Other),
    ]
    .into_iter()
    .collect();
    let roots = vec![PathBuf::from("/repo")];
    let mut lookup = |p: &str| Ok(tree.get(p).cloned().unwrap_or(Node::Missing));
    let mut resolve = |link: &str, target: &str| {
        resolve_symlink(link, target, &roots, &mut lookup).expect("resolve")
    };
    assert_eq!(
        resolve("x", "a/b/f.txt"),
        Resolved::File("a/b/f.txt".into())
    );
    assert_eq!(
        resolve("a/b/x", "./f.txt"),
        Resolved::File("a/b/f.txt".into())
    );
    assert_eq!(
        resolve("a/b/x", "../../top.txt"),
        Resolved::File("top.txt".into())
    );
    assert_eq!(resolve("x", "a/up"), Resolved::File("top.txt".into()));
    assert_eq!(
        resolve("x", "a/b/dirlink/b/f.txt"),
        Resolved::File("a/b/f.txt".into())
    );
    assert_eq!(
        resolve("x", "/repo/a/b/f.txt"),
        Resolved::File("a/b/f.txt".into())
    );
    assert_eq!(
        resolve("x", "/repo/../etc"),
        Resolved::Outside("/repo/../etc".into())
    );
    assert_eq!(
        resolve("x", "/etc/passwd"),
        Resolved::Outside("/etc/passwd".into())
    );
    assert_eq!(
        resolve("a/x", "../../x"),
        Resolved::Outside("../../x".into())
    );
    assert_eq!(
        resolve("x", ".git/config"),
        Resolved::Outside(".git/config".into())
    );
    assert!(matches!(resolve("x", "loop1"), Resolved::Broken(_)));
    assert!(matches!(resolve("x", "a/b"), Resolved::Broken(_)));
    assert!(matches!(resolve("x", "."), Resolved::Broken(_)));
    assert!(matches!(resolve("x", "top.txt/x"), Resolved::Broken(_)));
    assert!(matches!(resolve("x", "nope"), Resolved::Broken(_)));
    assert!(matches!(resolve("x", ""), Resolved::Broken(_)));
    assert!(matches!(resolve("x", "sub"), Resolved::Broken(_)));
}

/// English words that must not show in a Danish message (outside libgit2's own text).
const ENGLISH: [&str; 5] = ["cannot", "not found", "not a", "bad revision", "needs"];

/// Checks an error in both languages: the English is exactly what `Display` says, and the
/// Danish holds `danish` and none of [`ENGLISH`]. libgit2's message has no Danish, so it is
/// cut out of the Danish before looking; it must still be there, after our Danish context.
pub(crate) fn assert_bilingual(err: &AdapterError, danish: &[&str]) {
    let msg = err.msg();
    assert_eq!(msg.en, err.to_string());
    assert!(!msg.da.contains('\n') && !msg.en.contains('\n'), "{msg:?}");
    let foreign = match err {
        AdapterError::Git { detail, .. } => Some(detail.as_str()),
        AdapterError::BadRevision { message, .. } if message.da == message.en => {
            Some(message.en.as_str())
        }
        _ => None,
    };
    let mut da = msg.da.clone();
    if let Some(foreign) = foreign {
        assert!(da.ends_with(&format!(": {foreign}")), "{da}");
        da.truncate(da.len() - foreign.len());
    }
    for word in danish {
        assert!(da.contains(word), "{word:?} missing in {da}");
    }
    for word in ENGLISH {
        assert!(
            !da.to_lowercase().contains(word),
            "English {word:?} in {da}"
        );
    }
}

#[test]
fn path_not_found_and_not_a_directory_in_danish() {
    let dir = tempfile::tempdir().expect("tempdir");
    let err = snapshot_folder(&dir.path().join("nope"), 0).expect_err("missing");
    assert!(matches!(err, AdapterError::NotFound(_)));
    assert_bilingual(&err, &["stien findes ikke: ", "nope"]);
    write(dir.path(), "file.txt", b"x");
    let err = snapshot_folder(&dir.path().join("file.txt"), 0).expect_err("file");
    assert!(matches!(err, AdapterError::NotADirectory(_)));
    assert_bilingual(&err, &["ikke en mappe: ", "file.txt"]);
}

/// Root reads a file without read permission, so a folder stands in for the unreadable file:
/// opening it works and reading it fails, as a file the system refuses does.
#[cfg(target_os = "linux")]
#[test]
fn unreadable_file_in_danish() {
    let dir = tempfile::tempdir().expect("tempdir");
    let folder = dir.path().join("README.md");
    fs::create_dir(&folder).expect("mkdir");
    let err = read_disk_file(&folder, &mut SnapshotStats::default()).expect_err("a folder");
    assert!(matches!(err, AdapterError::Io { .. }), "{err}");
    assert_bilingual(
        &err,
        &["kan ikke læse ", "README.md: er en mappe (OS-fejl 21)"],
    );
    assert!(err
        .to_string()
        .ends_with("README.md: Is a directory (os error 21)"));
}

#[test]
fn io_errors_in_danish() {
    #[cfg(target_os = "linux")]
    {
        use io::ErrorKind as K;
        let os = |code, kind| {
            let e = io::Error::from_raw_os_error(code);
            assert_eq!(e.kind(), kind);
            io_error_msg(&e).da
        };
        assert_eq!(os(2, K::NotFound), "findes ikke (OS-fejl 2)");
        assert_eq!(os(13, K::PermissionDenied), "adgang nægtet (OS-fejl 13)");
        assert_eq!(os(20, K::NotADirectory), "er ikke en mappe (OS-fejl 20)");
        assert_eq!(os(21, K::IsADirectory), "er en mappe (OS-fejl 21)");
        assert_eq!(
            os(28, K::StorageFull),
            "der er ikke mere plads på disken (OS-fejl 28)"
        );
    }
    // A custom error keeps its own text after the kind's Danish.
    let e = io::Error::new(
        io::ErrorKind::InvalidData,
        "stream did not contain valid UTF-8",
    );
    assert_eq!(
        io_error_msg(&e).da,
        "ugyldige data: stream did not contain valid UTF-8"
    );
    assert_eq!(
        io_error_msg(&io::ErrorKind::InvalidData.into()).da,
        "ugyldige data"
    );
    // Without a translation the system's own text beats a vague Danish one.
    let e = io::Error::other("something odd");
    assert_eq!(io_error_msg(&e).da, "something odd");
}

/// The English of every variant, word for word as before the messages became bilingual.
#[test]
fn adapter_error_english_is_unchanged() {
    let path = || PathBuf::from("/srv/x");
    let libgit2 = "revspec 'nope' not found";
    let cases = [
        (AdapterError::NotFound(path()), "path not found: /srv/x"),
        (
            AdapterError::NotADirectory(path()),
            "not a directory: /srv/x",
        ),
        (
            AdapterError::io(&path(), io::Error::other("boom")),
            "cannot read /srv/x: boom",
        ),
        (
            AdapterError::NotARepository(path()),
            "not a git repository: /srv/x",
        ),
        (
            AdapterError::RevWithoutRepository {
                path: path(),
                rev: "v1.0".into(),
            },
            "--rev v1.0 needs a git repository, but /srv/x is a plain folder",
        ),
        (
            AdapterError::BadRevision {
                rev: "nope".into(),
                message: Msg::new(libgit2, libgit2),
            },
            "bad revision 'nope': revspec 'nope' not found",
        ),
        (
            AdapterError::Git {
                context: Msg::new("kan ikke læse indekset", "cannot read the index"),
                detail: "failed to read index".into(),
            },
            "git: cannot read the index: failed to read index",
        ),
    ];
    for (err, english) in cases {
        assert_eq!(err.to_string(), english);
        assert_eq!(err.msg().en, english);
        assert_ne!(err.msg().da, english);
    }
    let err = AdapterError::io(&path(), io::Error::other("boom"));
    assert!(std::error::Error::source(&err).is_some());
}
