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
