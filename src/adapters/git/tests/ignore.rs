//! git's ignore rules: generated trees against libgit2, and each `.gitignore` read once.

use super::*;

/// A small deterministic generator, so that a failing tree can be made again from its seed.
struct Lcg(u64);

impl Lcg {
    fn below(&mut self, n: usize) -> usize {
        self.0 = self
            .0
            .wrapping_mul(6_364_136_223_846_793_005)
            .wrapping_add(1_442_695_040_888_963_407);
        ((self.0 >> 33) % n as u64) as usize
    }

    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len())]
    }
}

const NAMES: &[&str] = &[
    "a",
    "b",
    "build",
    "gen",
    "doc",
    "cache",
    "out",
    "anchored",
    "keep.log",
    "x.log",
    "important.md",
    "readme.md",
    "xyz",
    "tmp1",
    "a.txt",
    "c.txt",
    "deep",
    "f.o",
    "q.tmp",
    "root-only.log",
    "#hash",
    "Mixed.LOG",
    "sp ace",
];
const PATTERNS: &[&str] = &[
    "*.log",
    "!keep.log",
    "build/",
    "/anchored",
    "**/gen",
    "a/**/b",
    "doc/*.md",
    "!important.md",
    "tmp*",
    "*.o",
    "cache/",
    "!cache/",
    "/out/",
    "x?z",
    "[ab]*.txt",
    "# a comment",
    "",
    "\\#hash",
    "deep/**",
    "**/*.tmp",
    "!/root-only.log",
    "b",
    "!b/",
    "a/",
    "!*.md",
    "*",
    "!a",
    "sp\\ ace",
    "readme.md ",
    "/doc/",
    "**/deep/",
    "!x.log",
];

/// Up to four patterns. libgit2 drops a negation that no earlier pattern of the same file
/// matches, where git lets it re-include what another file ignored
/// (`negation_in_a_deeper_file_re_includes_as_git_does`); each negation here comes after its
/// positive, so that the two agree.
fn ignore_file(rng: &mut Lcg) -> String {
    let mut text = String::new();
    for _ in 0..1 + rng.below(4) {
        let pattern = rng.pick(PATTERNS);
        if let Some(positive) = pattern.strip_prefix('!') {
            if rng.below(2) == 0 {
                text.push_str(&format!("{positive}\n"));
            } else {
                let other = rng.pick(PATTERNS).trim_start_matches('!');
                text.push_str(&format!("{other}\n{positive}\n"));
            }
        }
        text.push_str(&format!("{pattern}\n"));
    }
    text
}

fn grow(rng: &mut Lcg, root: &Path, rel: &str, depth: usize) {
    let dir = root.join(rel);
    fs::create_dir_all(&dir).expect("mkdir");
    if rng.below(2) == 0 {
        fs::write(dir.join(".gitignore"), ignore_file(rng)).expect("write");
    }
    for _ in 0..1 + rng.below(4) {
        let name = rng.pick(NAMES);
        let child = if rel.is_empty() {
            name.to_string()
        } else {
            format!("{rel}/{name}")
        };
        if depth > 0 && rng.below(2) == 0 && !root.join(&child).is_file() {
            grow(rng, root, &child, depth - 1);
        } else if !root.join(&child).is_dir() {
            fs::write(root.join(&child), "x").expect("write");
        }
    }
}

/// Every path of the tree (folders included, and everything inside ignored folders) with
/// [`Ignores`]' answer for it.
fn answers(repo: &Repository, root: &Path) -> (Vec<(String, bool, bool)>, usize) {
    let mut ignores = Ignores::new(repo, root).expect("ignores");
    let mut out = Vec::new();
    walk(root, &mut |rel, kind, dir| {
        ignores.enter_parent_of(rel, dir);
        let is_dir = kind == EntryKind::Dir;
        if rel.rsplit('/').next() != Some(".gitignore") {
            out.push((rel.to_string(), is_dir, ignores.is_ignored(rel, is_dir)?));
        }
        Ok(Visit::Descend)
    })
    .expect("walk");
    (out, ignores.gitignores_read)
}

#[test]
fn ignore_rules_match_libgit2_on_generated_trees() {
    let mut compared = 0;
    let mut ignored = 0;
    for seed in 0..120 {
        let dir = tempfile::tempdir().expect("tempdir");
        let root = dir.path().join("repo");
        fs::create_dir_all(&root).expect("mkdir");
        let repo = init(&root, false);
        let mut rng = Lcg(seed);
        grow(&mut rng, &root, "", 3);
        let info = repo.path().join("info");
        fs::create_dir_all(&info).expect("mkdir");
        fs::write(info.join("exclude"), ignore_file(&mut rng)).expect("write");
        let excludes = dir.path().join("global-ignore");
        fs::write(&excludes, ignore_file(&mut rng)).expect("write");
        let excludes = excludes.to_str().expect("utf-8");
        repo.config()
            .expect("config")
            .set_str("core.excludesFile", excludes)
            .expect("set");

        for (rel, is_dir, ours) in answers(&repo, &root).0 {
            let asked = if is_dir {
                format!("{rel}/")
            } else {
                rel.clone()
            };
            let libgit2 = repo.is_path_ignored(&asked).expect("libgit2");
            if ours != libgit2 {
                // The ignore files that had a say, for the failure message.
                let mut files = vec![format!(
                    "exclude: {:?}",
                    fs::read_to_string(info.join("exclude"))
                )];
                files.push(format!("excludesFile: {:?}", fs::read_to_string(excludes)));
                let mut folder = String::new();
                for part in std::iter::once("").chain(rel.split('/')) {
                    if !part.is_empty() {
                        folder = if folder.is_empty() {
                            part.to_string()
                        } else {
                            format!("{folder}/{part}")
                        };
                    }
                    if let Ok(text) = fs::read_to_string(root.join(&folder).join(".gitignore")) {
                        files.push(format!("{folder}/.gitignore: {text:?}"));
                    }
                }
                panic!(
                    "seed {seed}: {asked}: ours {ours}, libgit2 {libgit2}\n{}",
                    files.join("\n")
                );
            }
            compared += 1;
            ignored += usize::from(ours);
        }
    }
    // The trees are varied enough to say something: many paths, both answers common.
    assert!(compared > 1_200, "{compared}");
    assert!(
        ignored > compared / 5 && ignored < compared * 4 / 5,
        "{ignored}/{compared}"
    );
}

fn listed(listing: &[Listed]) -> Vec<&str> {
    listing.iter().map(|item| item.rel.as_str()).collect()
}

/// Each `.gitignore` is read once, however deep its folder: libgit2's `is_path_ignored`,
/// asked about each untracked path, loaded every `.gitignore` above it each time (here
/// about 135,000 loads for 301 files, and the path built afresh for each: cubic in the depth).
#[test]
fn each_gitignore_is_read_once_however_deep() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let repo = init(root, false);
    commit(
        &repo,
        &[
            ("README.md", Text("# X\n")),
            (".gitignore", Text("*.tmp\n")),
        ],
        "first",
        1,
    );
    let mut folder = String::new();
    let mut expected = vec![".gitignore".to_string()];
    for _ in 0..300 {
        folder.push_str(if folder.is_empty() { "d" } else { "/d" });
        write(root, &format!("{folder}/.gitignore"), b"*.bak\n!keep.bak\n");
        write(root, &format!("{folder}/n.md"), b"x");
        write(root, &format!("{folder}/x.tmp"), b"ignored above");
        write(root, &format!("{folder}/x.bak"), b"ignored here");
        write(root, &format!("{folder}/keep.bak"), b"re-included");
        expected.extend(["/.gitignore", "/keep.bak", "/n.md"].map(|f| format!("{folder}{f}")));
    }
    expected.push("README.md".to_string());
    expected.sort();

    let (listing, reads) = list_work_tree_counted(&repo, root).expect("list");
    assert_eq!(listed(&listing), expected);
    assert_eq!(reads, 301);
}

/// Where every path is tracked, no ignore question is asked and no `.gitignore` is read.
#[test]
fn a_tracked_tree_reads_no_gitignore() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let repo = init(root, false);
    commit(
        &repo,
        &[
            (".gitignore", Text("*.log\n")),
            ("a/.gitignore", Text("*.md\n")),
            ("a/b/kept.md", Text("tracked though ignored\n")),
            ("a/b/c/x.rs", Text("")),
        ],
        "first",
        1,
    );
    let (listing, reads) = list_work_tree_counted(&repo, root).expect("list");
    assert_eq!(
        listed(&listing),
        [".gitignore", "a/.gitignore", "a/b/c/x.rs", "a/b/kept.md"]
    );
    assert_eq!(reads, 0);
}

/// A negation re-includes what a file of lower precedence ignored (a folder's `.gitignore`
/// against its parent's, `.gitignore` against `core.excludesFile`), and a symlinked
/// `.gitignore` is not followed: what `git status --ignored` says (git 2.47) for this tree.
/// libgit2 drops a negation that no earlier pattern of its own file matches, and follows the
/// symlink.
#[cfg(unix)]
#[test]
fn negation_in_a_deeper_file_re_includes_as_git_does() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path().join("repo");
    let repo = init(&root, false);
    let excludes = dir.path().join("global-ignore");
    fs::write(&excludes, "*.bak\n").expect("write");
    repo.config()
        .expect("config")
        .set_str("core.excludesFile", excludes.to_str().expect("utf-8"))
        .expect("set");
    write(&root, ".gitignore", b"*.log\n!keep.bak\n");
    write(&root, "sub/.gitignore", b"!keep.log\n");
    for file in [
        "sub/keep.log",
        "sub/other.log",
        "keep.bak",
        "other.bak",
        "ln/a.txt",
    ] {
        write(&root, file, b"x");
    }
    write(&root, "rules", b"a.txt\n");
    std::os::unix::fs::symlink("../rules", root.join("ln/.gitignore")).expect("symlink");

    let (listing, _) = list_work_tree_counted(&repo, &root).expect("list");
    assert_eq!(
        listed(&listing),
        [
            ".gitignore",
            "keep.bak",
            "ln/.gitignore",
            "ln/a.txt",
            "rules",
            "sub/.gitignore",
            "sub/keep.log"
        ]
    );
}

/// `core.ignorecase` makes patterns match whatever the case, as in git.
#[test]
fn ignorecase_makes_patterns_case_insensitive() {
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let repo = init(root, false);
    write(root, ".gitignore", b"*.log\n");
    write(root, "A.LOG", b"x");
    write(root, "b.txt", b"x");
    let (listing, _) = list_work_tree_counted(&repo, root).expect("list");
    assert_eq!(listed(&listing), [".gitignore", "A.LOG", "b.txt"]);
    repo.config()
        .expect("config")
        .set_bool("core.ignorecase", true)
        .expect("set");
    let (listing, _) = list_work_tree_counted(&repo, root).expect("list");
    assert_eq!(listed(&listing), [".gitignore", "b.txt"]);
}

/// A `.gitignore` in a folder whose path is longer than the system opens (2,200 deep, 4,400
/// bytes) is read through the walk's open folder, not left out.
#[cfg(target_os = "linux")]
#[test]
fn gitignore_deeper_than_a_path_is_read() {
    use std::os::fd::AsRawFd;
    let dir = tempfile::tempdir().expect("tempdir");
    let root = dir.path();
    let repo = init(root, false);
    let mut open = Vec::new();
    let mut at = root.to_path_buf();
    for level in 1..=2200 {
        at.push("d");
        fs::create_dir(&at).expect("mkdir");
        if level % 500 == 0 {
            let folder = fs::File::open(&at).expect("open");
            at = format!("/proc/self/fd/{}", folder.as_raw_fd()).into();
            open.push(folder);
        }
    }
    fs::write(at.join(".gitignore"), "*.log\n").expect("write");
    fs::write(at.join("notes.md"), "x").expect("write");
    fs::write(at.join("trace.log"), "x").expect("write");
    drop(open);

    let (listing, reads) = list_work_tree_counted(&repo, root).expect("list");
    let bottom = vec!["d"; 2200].join("/");
    assert_eq!(
        listed(&listing),
        [format!("{bottom}/.gitignore"), format!("{bottom}/notes.md")]
    );
    assert_eq!(reads, 1);
}
