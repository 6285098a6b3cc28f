//! Nothing is ever written outside the repository (issue 9, defect 1). Every subcommand runs the
//! way users run it — from inside a fixture repository with the default paths — and the folder
//! around the repository and the file-system root are listed before and after. Paths that leave
//! the allowed folder (`..`, a symlinked folder, a symlinked file) are refused with one line and
//! exit code 2, and nothing is written.

mod common;

use common::{new_repo, os2gov, walk, Entry, NOW};
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};

/// In every name this test makes, so that what it would have written to `/` can be told apart
/// from what other programs on the machine write there meanwhile.
const TOKEN: &str = "vagt7f3a";

/// A repository at `watched/<TOKEN>repo`, inside a folder that holds nothing else.
struct Watched {
    dir: tempfile::TempDir,
}

impl Watched {
    fn new() -> Watched {
        let watched = Watched {
            dir: tempfile::tempdir().expect("tempdir"),
        };
        let repo = watched.repo();
        std::fs::create_dir(&repo).expect("mkdir");
        let git = git2::Repository::init_opts(
            &repo,
            git2::RepositoryInitOptions::new().initial_head("main"),
        )
        .expect("init");
        std::fs::write(
            repo.join("README.md"),
            "# Vagt7f3a\n\nVagt7f3a helps municipalities keep track of their shared rooms every day.\n",
        )
        .expect("write");
        std::fs::write(repo.join("LICENSE"), include_str!("../LICENSE")).expect("write");
        let mut index = git.index().expect("index");
        index
            .add_all(["*"].iter(), git2::IndexAddOption::DEFAULT, None)
            .expect("add");
        index.write().expect("write index");
        let tree = git
            .find_tree(index.write_tree().expect("tree"))
            .expect("tree");
        let sig = git2::Signature::new("Test", "test@example.org", &git2::Time::new(NOW - 3600, 0))
            .expect("sig");
        git.commit(Some("HEAD"), &sig, &sig, "Import (#1)", &tree, &[])
            .expect("commit");
        watched
    }

    fn repo(&self) -> PathBuf {
        self.dir.path().join(format!("{TOKEN}repo"))
    }

    /// Everything in the watched folder outside the repository, recursively.
    fn around(&self) -> BTreeSet<PathBuf> {
        let mut out = BTreeSet::new();
        let mut stack = vec![self.dir.path().to_path_buf()];
        while let Some(dir) = stack.pop() {
            for entry in std::fs::read_dir(&dir).expect("dir").flatten() {
                let path = entry.path();
                if path == self.repo() {
                    continue;
                }
                if path.is_dir() {
                    stack.push(path.clone());
                }
                out.insert(path);
            }
        }
        out
    }

    fn cmd(&self) -> assert_cmd::Command {
        let mut cmd = os2gov();
        cmd.current_dir(self.repo());
        // Under CI the test itself may run inside a runner: only what a test sets counts.
        for (key, _) in std::env::vars() {
            if ["GITHUB_", "RUNNER_", "INPUT_"]
                .iter()
                .any(|p| key.starts_with(p))
            {
                cmd.env_remove(key);
            }
        }
        cmd
    }
}

fn root_listing() -> BTreeSet<String> {
    std::fs::read_dir("/")
        .expect("list /")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .collect()
}

/// What appeared in `/` that this test could have made.
fn new_in_root(before: &BTreeSet<String>) -> Vec<String> {
    root_listing()
        .difference(before)
        .filter(|name| name.to_ascii_lowercase().contains(TOKEN))
        .cloned()
        .collect()
}

fn run(cmd: &mut assert_cmd::Command) -> (Option<i32>, String, String) {
    let out = cmd.output().expect("run");
    (
        out.status.code(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Exit code 2, one line on standard error naming the refusal, in English (no `--lang`).
fn assert_refused(result: (Option<i32>, String, String), what: &str) {
    let (code, _, stderr) = result;
    assert_eq!(code, Some(2), "{what}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{what}: one line: {stderr}");
    assert!(stderr.contains("nothing was written"), "{what}: {stderr}");
    assert!(!stderr.contains("intet blev skrevet"), "{what}: {stderr}");
}

/// As [`assert_refused`], for a run with `--lang da`: Danish only.
fn assert_refused_da(result: (Option<i32>, String, String), what: &str) {
    let (code, _, stderr) = result;
    assert_eq!(code, Some(2), "{what}: {stderr}");
    assert_eq!(stderr.lines().count(), 1, "{what}: one line: {stderr}");
    assert!(stderr.starts_with("os2gov: fejl: "), "{what}: {stderr}");
    assert!(stderr.contains("intet blev skrevet"), "{what}: {stderr}");
    for english in ["nothing was written", "outside", "symlink", "error"] {
        assert!(!stderr.contains(english), "{what}: {english:?} in {stderr}");
    }
}

#[test]
fn no_subcommand_writes_outside_the_repository() {
    let w = Watched::new();
    let around = w.around();
    assert!(around.is_empty(), "{around:?}");
    let root = root_listing();

    // check, with and without a relative --output.
    let (code, _, stderr) = run(w.cmd().arg("check"));
    assert_eq!(code, Some(1), "{stderr}");
    let (code, _, stderr) = run(w
        .cmd()
        .args(["check", "--format", "json", "--output"])
        .arg(format!("{TOKEN}-check.json")));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(w.repo().join(format!("{TOKEN}-check.json")).is_file());

    // fix with the default path: the scaffold lands in the repository.
    let (code, stdout, stderr) = run(w.cmd().args(["fix", "--allow-dirty", "--lang", "en"]));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.contains("SECURITY.md"), "{stdout}");
    assert!(w.repo().join("SECURITY.md").is_file());

    // report with the default path and a relative self-assessment (defect 1 wrote to `/`).
    let (code, stdout, stderr) = run(w.cmd().args([
        "report",
        "--allow-dirty",
        "--lang",
        "en",
        "--self-assessment",
        "docs/self-assessment/vagt.json",
    ]));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.starts_with("created Vagt7f3a_governance_report.md\n"),
        "{stdout}"
    );
    assert!(w.repo().join("Vagt7f3a_governance_report.md").is_file());
    assert!(w.repo().join("docs/self-assessment/vagt.json").is_file());
    // Run again: the existing report is updated in place.
    let (code, stdout, stderr) = run(w.cmd().args(["report", "--allow-dirty", "--lang", "en"]));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.starts_with("updated Vagt7f3a_governance_report.md\n"),
        "{stdout}"
    );

    // badge, rules, explain.
    let (code, _, stderr) = run(w
        .cmd()
        .args(["badge", "--output"])
        .arg(format!("{TOKEN}.svg")));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(w.repo().join(format!("{TOKEN}.svg")).is_file());
    assert_eq!(run(w.cmd().arg("rules")).0, Some(0));
    assert_eq!(run(w.cmd().args(["explain", "F7"])).0, Some(0));

    // The Action under an emulated runner whose workspace is the repository, and with none of
    // the runner's variables at all (the workspace is then the current folder).
    let runner = tempfile::tempdir().expect("runner");
    let (code, _, stderr) = run(w
        .cmd()
        .arg("action")
        .env("GITHUB_WORKSPACE", w.repo())
        .env("RUNNER_TEMP", runner.path())
        .env("GITHUB_OUTPUT", runner.path().join("output"))
        .env("GITHUB_STEP_SUMMARY", runner.path().join("summary"))
        .env("GITHUB_EVENT_NAME", "push")
        .env("INPUT_FAIL_ON", "never")
        .env("INPUT_SARIF_FILE", format!("{TOKEN}.sarif")));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(w.repo().join(format!("{TOKEN}.sarif")).is_file());
    assert!(runner.path().join("os2gov.json").is_file());
    let (code, _, stderr) = run(w
        .cmd()
        .arg("action")
        .env("GITHUB_EVENT_NAME", "push")
        .env("INPUT_FAIL_ON", "never"));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(w.repo().join("os2gov.sarif").is_file());

    // org against a local server standing in for GitHub, with a relative cache folder.
    org_writes_only_where_asked(&w);

    assert_eq!(w.around(), around, "nothing new beside the repository");
    assert_eq!(new_in_root(&root), Vec::<String>::new(), "nothing new in /");
    let leftovers: Vec<_> = walk(&w.repo(), true)
        .into_iter()
        .filter(|p| p.to_string_lossy().contains("os2gov-tmp"))
        .collect();
    assert!(leftovers.is_empty(), "{leftovers:?}");
}

fn org_writes_only_where_asked(w: &Watched) {
    use wiremock::matchers::{method, path};
    use wiremock::{Mock, MockServer, ResponseTemplate};
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(1)
        .enable_all()
        .build()
        .expect("runtime");
    let server = rt.block_on(async {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path("/orgs/Vagt7f3a/repos"))
            .respond_with(ResponseTemplate::new(200).set_body_json(serde_json::json!([])))
            .mount(&server)
            .await;
        server
    });
    let (code, _, stderr) = run(w
        .cmd()
        .env_remove("OS2GOV_OFFLINE")
        .env_remove("GITHUB_TOKEN")
        .env("OS2GOV_CACHE_DIR", format!("{TOKEN}-cache"))
        .args(["org", "Vagt7f3a", "--format", "json", "--github-api-url"])
        .arg(server.uri())
        .arg("--output")
        .arg(format!("{TOKEN}-org.json")));
    assert_eq!(code, Some(0), "{stderr}");
    assert!(w.repo().join(format!("{TOKEN}-org.json")).is_file());
    let (code, _, stderr) = run(w
        .cmd()
        .env_remove("OS2GOV_OFFLINE")
        .args(["org", "Vagt7f3a", "--no-cache", "--github-api-url"])
        .arg(server.uri())
        .arg("--output")
        .arg(format!("../{TOKEN}-org.json")));
    assert_refused((code, String::new(), stderr), "org --output ../");
}

#[test]
fn paths_that_leave_the_allowed_folder_are_refused() {
    let w = Watched::new();
    let around = w.around();
    let outside = tempfile::tempdir().expect("outside");
    std::os::unix::fs::symlink(outside.path(), w.repo().join("out")).expect("link");
    std::os::unix::fs::symlink(
        outside.path().join(format!("{TOKEN}-victim.md")),
        w.repo().join(format!("{TOKEN}-link.md")),
    )
    .expect("link");
    let escapes = [
        format!("../{TOKEN}.txt"),
        format!("../../{TOKEN}.txt"),
        format!("out/{TOKEN}.txt"),
        format!("sub/../../{TOKEN}.txt"),
    ];
    for rel in &escapes {
        assert_refused(
            run(w.cmd().args(["check", "--output", rel])),
            &format!("check --output {rel}"),
        );
        assert_refused_da(
            run(w.cmd().args(["check", "--lang", "da", "--output", rel])),
            &format!("check --lang da --output {rel}"),
        );
        assert_refused(
            run(w.cmd().args(["badge", "--output", rel])),
            &format!("badge --output {rel}"),
        );
        assert_refused(
            run(w.cmd().args(["report", "--allow-dirty", "--out", rel])),
            &format!("report --out {rel}"),
        );
        assert_refused(
            run(w
                .cmd()
                .args(["report", "--allow-dirty", "--self-assessment", rel])),
            &format!("report --self-assessment {rel}"),
        );
    }
    // A symlinked file that points out of the repository is not written through.
    assert_refused(
        run(w.cmd().args([
            "report",
            "--allow-dirty",
            "--out",
            &format!("{TOKEN}-link.md"),
        ])),
        "report --out symlink",
    );
    assert_refused_da(
        run(w.cmd().args([
            "report",
            "--lang",
            "da",
            "--allow-dirty",
            "--out",
            &format!("{TOKEN}-link.md"),
        ])),
        "report --lang da --out symlink",
    );
    // For the repository's own files an absolute path outside is refused too …
    let abs = outside.path().join(format!("{TOKEN}-abs.md"));
    assert_refused(
        run(w.cmd().args(["report", "--allow-dirty", "--out"]).arg(&abs)),
        "report --out /abs",
    );
    // … while an absolute --output is the user's explicit choice.
    let (code, _, stderr) = run(w.cmd().args(["check", "--output"]).arg(&abs));
    assert_eq!(code, Some(1), "{stderr}");
    assert!(abs.is_file());
    std::fs::remove_file(&abs).expect("rm");

    // The Action: a relative input that leaves the workspace, said in the Action's language
    // (Danish unless the `lang` input says otherwise).
    let runner = tempfile::tempdir().expect("runner");
    for (lang, refused, other) in [
        (None, "ligger uden for", "is outside"),
        (Some("en"), "is outside", "ligger uden for"),
    ] {
        let mut cmd = w.cmd();
        cmd.arg("action")
            .env("GITHUB_WORKSPACE", w.repo())
            .env("RUNNER_TEMP", runner.path())
            .env("GITHUB_EVENT_NAME", "push")
            .env("INPUT_SARIF_FILE", format!("../{TOKEN}.sarif"));
        if let Some(lang) = lang {
            cmd.env("INPUT_LANG", lang);
        }
        let out = cmd.output().expect("run");
        assert_eq!(out.status.code(), Some(2));
        let stdout = String::from_utf8_lossy(&out.stdout);
        assert!(
            stdout.starts_with("::error title=os2gov::input `sarif-file`: ")
                && stdout.contains(refused)
                && !stdout.contains(other),
            "{lang:?}: {stdout}"
        );
    }

    assert_eq!(w.around(), around, "nothing new beside the repository");
    assert_eq!(
        std::fs::read_dir(outside.path()).expect("dir").count(),
        0,
        "nothing through the symlinks"
    );
    assert!(!w.repo().join("sub").exists());
}

/// Defect 1 as the issue describes it: `cd repo && os2gov report`, and a relative `--out`.
#[test]
fn report_inside_the_repository_writes_into_it() {
    let fixture = new_repo();
    fixture.commit(
        &[(
            "README.md",
            Entry::Text("# Rodløs\n\nRodløs helps municipalities book their shared rooms.\n"),
        )],
        "Import (#1)",
        NOW - 3600,
    );
    let mut cmd = os2gov();
    cmd.current_dir(fixture.path())
        .args(["report", "--lang", "da"]);
    let (code, stdout, stderr) = run(&mut cmd);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(stdout.starts_with("oprettet Rodl"), "{stdout}");
    let written: Vec<_> = std::fs::read_dir(fixture.path())
        .expect("dir")
        .flatten()
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|n| n.ends_with("_governance_report.md"))
        .collect();
    assert_eq!(written.len(), 1, "{written:?}");
    assert!(!Path::new("/").join(&written[0]).exists());

    std::fs::create_dir(fixture.path().join("docs")).expect("mkdir");
    let mut cmd = os2gov();
    cmd.current_dir(fixture.path().join("docs")).args([
        "report",
        "..",
        "--allow-dirty",
        "--out",
        "ny_governance_report.md",
        "--lang",
        "en",
    ]);
    let (code, stdout, stderr) = run(&mut cmd);
    assert_eq!(code, Some(0), "{stderr}");
    assert!(
        stdout.starts_with("updated docs/ny_governance_report.md")
            || stdout.starts_with("created docs/ny_governance_report.md"),
        "a typed path is relative to the current folder: {stdout}"
    );
    assert!(fixture
        .path()
        .join("docs/ny_governance_report.md")
        .is_file());
}
