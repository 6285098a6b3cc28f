//! Hostile and pathological input through the command line (issues 9 and 13): git directories
//! that are not what they seem, a folder deeper than a path can be, and an os2gov.toml with a
//! control character. Each is either read as git (or the system) reads it, or refused with exit 2
//! and one line naming the problem — never scanned as something else.

mod common;

use common::{json_report, os2gov, repo_with, Entry};
use std::path::Path;

/// Exit 2, nothing on stdout, one line on stderr holding every one of `words`.
fn assert_input_error(cmd: &mut assert_cmd::Command, words: &[&str]) -> String {
    let output = cmd.output().expect("run");
    let stderr = String::from_utf8(output.stderr).expect("UTF-8");
    assert_eq!(output.status.code(), Some(2), "stderr: {stderr}");
    assert!(output.stdout.is_empty(), "stdout must stay empty");
    assert_eq!(stderr.lines().count(), 1, "one line: {stderr:?}");
    for word in words {
        assert!(stderr.contains(word), "{word:?} not in {stderr:?}");
    }
    stderr
}

fn verdict<'a>(report: &'a serde_json::Value, id: &str) -> &'a str {
    report["requirements"]
        .as_array()
        .and_then(|rs| rs.iter().find(|r| r["id"] == id))
        .and_then(|r| r["verdict"].as_str())
        .unwrap_or_else(|| panic!("no finding {id}"))
}

fn git(dir: &Path, args: &[&str]) {
    let status = std::process::Command::new("git")
        .args(args)
        .current_dir(dir)
        .status()
        .expect("git");
    assert!(status.success(), "git {args:?}");
}

/// Issue 9, defect 3: a bare repository with HEAD, objects/, refs/ and packed-refs but no
/// `config` is read as git reads it, bare at HEAD. libgit2 took it for a repository whose work
/// tree is the folder around it, and that folder was checked instead.
#[test]
fn bare_repository_without_config_is_read_at_head() {
    let source = repo_with(
        &[
            ("README.md", Entry::Text("# Medusa\n\nBooking.\n")),
            (
                "LICENSE",
                Entry::Text("Mozilla Public License Version 2.0\n"),
            ),
        ],
        1,
    );
    let outer = tempfile::tempdir().expect("tempdir");
    // Something in the folder around it that is not the product.
    std::fs::write(outer.path().join("SECURITY.md"), "# Not this one\n").expect("write");
    let bare = outer.path().join("medusa.git");
    let status = std::process::Command::new("git")
        .arg("clone")
        .arg("--bare")
        .arg("--quiet")
        .arg(source.path())
        .arg(&bare)
        .status()
        .expect("git clone");
    assert!(status.success());
    git(&bare, &["pack-refs", "--all"]);
    std::fs::remove_file(bare.join("config")).expect("rm config");
    assert!(bare.join("packed-refs").is_file());

    let report = json_report(&bare, &[]);
    // The licence is the repository's; the folder around it has none.
    assert_eq!(verdict(&report, "F2"), "met", "{report:#}");
    let text = report.to_string();
    assert!(
        !text.contains("packed-refs"),
        "git's own files are not the product's"
    );
}

/// Something that looks like a git directory but cannot be opened is an input error naming it.
#[test]
fn unreadable_git_directory_is_an_input_error() {
    let dir = tempfile::tempdir().expect("tempdir");
    let broken = dir.path().join("broken.git");
    std::fs::create_dir_all(broken.join("objects")).expect("mkdir");
    std::fs::create_dir_all(broken.join("refs")).expect("mkdir");
    std::fs::write(broken.join("HEAD"), "not a ref\n").expect("write");
    std::fs::write(broken.join("README.md"), "# Not a product\n").expect("write");
    assert_input_error(os2gov().arg("check").arg(&broken), &["broken.git"]);

    // A `.git` that leads nowhere.
    let dangling = dir.path().join("dangling");
    std::fs::create_dir_all(&dangling).expect("mkdir");
    std::fs::write(dangling.join("README.md"), "# X\n").expect("write");
    std::os::unix::fs::symlink("/nonexistent/.git", dangling.join(".git")).expect("ln");
    assert_input_error(os2gov().arg("check").arg(&dangling), &["dangling", ".git"]);
}

/// A plain folder 5,000 deep (a path of 10,000 bytes) is checked, not refused with "File name
/// too long", and the governance report at its bottom is read.
#[cfg(target_os = "linux")]
#[test]
fn plain_folder_deeper_than_a_path() {
    use std::os::fd::AsRawFd;
    let dir = tempfile::tempdir().expect("tempdir");
    std::fs::write(dir.path().join("README.md"), "# Deep\n").expect("write");
    let mut open = Vec::new();
    let mut at = dir.path().to_path_buf();
    for level in 1..=5000 {
        at.push("d");
        std::fs::create_dir(&at).expect("mkdir");
        if level % 500 == 0 {
            let folder = std::fs::File::open(&at).expect("open");
            at = format!("/proc/self/fd/{}", folder.as_raw_fd()).into();
            open.push(folder);
        }
    }
    std::fs::write(at.join("notes.txt"), "x").expect("write");
    drop(open);
    let output = os2gov()
        .args(["check", "--verbose", "--format", "json"])
        .arg(dir.path())
        .output()
        .expect("run");
    let stderr = String::from_utf8_lossy(&output.stderr);
    assert!(matches!(output.status.code(), Some(0 | 1)), "{stderr}");
    assert!(!stderr.contains("too long"), "{stderr}");
}

/// os2gov.toml with a control character in a comment: exit 2 and a message that names it (the
/// TOML parser's own message for it is empty).
#[test]
fn control_character_in_the_config() {
    let fixture = repo_with(
        &[
            ("README.md", Entry::Text("# X\n")),
            ("os2gov.toml", Entry::Text("# niveau\u{1}\nlevel = \"1\"\n")),
        ],
        1,
    );
    assert_input_error(
        os2gov().arg("check").arg(fixture.path()),
        &["os2gov.toml:1", "control character U+0001"],
    );
}
