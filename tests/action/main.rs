//! The GitHub Action under an emulated runner: a real-shaped `pull_request` event, the runner's
//! files (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), a repository with a base and a head commit, and a
//! local server standing in for GitHub's REST API (comment created, then updated, then refused).

mod comments;
#[path = "../common/mod.rs"]
mod common;
mod runs;

use common::{new_repo, Entry, Fixture, NOW};
use serde_json::{json, Value};
use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::process::Output;
use wiremock::matchers::{body_string_contains, header, method, path};
use wiremock::{Mock, MockServer, ResponseTemplate};

const TOKEN: &str = "ghs_TestTokenThatMustNeverAppear42";
const REPO: &str = "OS2mo/demo";

struct Run {
    output: Output,
    outputs: HashMap<String, String>,
    summary: String,
    stdout: String,
    dir: tempfile::TempDir,
}

impl Run {
    fn everything(&self) -> String {
        let mut all = String::from_utf8_lossy(&self.output.stdout).into_owned();
        all.push_str(&String::from_utf8_lossy(&self.output.stderr));
        all.push_str(&self.summary);
        for v in self.outputs.values() {
            all.push_str(v);
        }
        for entry in std::fs::read_dir(self.dir.path()).expect("dir").flatten() {
            all.push_str(&std::fs::read_to_string(entry.path()).unwrap_or_default());
        }
        all
    }
}

/// base: README + SECURITY.md; head: SECURITY.md removed (F4 regresses), CODE_OF_CONDUCT added.
fn pull_request_repo() -> (Fixture, String, String) {
    let fixture = new_repo();
    let readme =
        "# Demo\n\nDemo helps municipalities share data about their buildings and rooms.\n";
    let base = fixture.commit(
        &[
            ("README.md", Entry::Text(readme)),
            (
                "SECURITY.md",
                Entry::Text("Report vulnerabilities to security@aarhus.dk.\n"),
            ),
        ],
        "Initial (#1)",
        NOW - 86_400,
    );
    std::fs::remove_file(fixture.path().join("SECURITY.md")).expect("rm");
    let mut index = fixture.repo.index().expect("index");
    index
        .remove_path(Path::new("SECURITY.md"))
        .expect("unstage");
    index.write().expect("write");
    let head = fixture.commit(
        &[(
            "CODE_OF_CONDUCT.md",
            Entry::Text("We follow https://os2.eu/side/code-conduct\n"),
        )],
        "Drop security policy (#2)",
        NOW - 3600,
    );
    (fixture, base.to_string(), head.to_string())
}

fn event(number: u64, base: &str, head: &str, head_repo: &str) -> Value {
    json!({
        "action": "synchronize",
        "number": number,
        "pull_request": {
            "url": format!("https://api.github.com/repos/{REPO}/pulls/{number}"),
            "number": number,
            "state": "open",
            "title": "Drop security policy",
            "user": {"login": "contributor", "id": 1},
            "head": {"label": "contributor:feature", "ref": "feature", "sha": head, "repo": {"full_name": head_repo, "fork": head_repo != REPO}},
            "base": {"label": "OS2mo:main", "ref": "main", "sha": base, "repo": {"full_name": REPO, "fork": false}},
        },
        "repository": {"full_name": REPO, "name": "demo", "owner": {"login": "OS2mo"}},
        "sender": {"login": "contributor"},
    })
}

fn run_action(workspace: &Path, api: &str, event: Option<&Value>, inputs: &[(&str, &str)]) -> Run {
    let dir = tempfile::tempdir().expect("tmp");
    let output_file = dir.path().join("output");
    let summary_file = dir.path().join("summary");
    let mut cmd = std::process::Command::new("bash");
    cmd.arg(Path::new(env!("CARGO_MANIFEST_DIR")).join("action/run.sh"));
    cmd.env_clear()
        .env("PATH", std::env::var("PATH").unwrap_or_default())
        .env("OS2GOV_BIN", assert_cmd::cargo::cargo_bin("os2gov"))
        .env("OS2GOV_NOW", NOW.to_string())
        .env("GITHUB_WORKSPACE", workspace)
        .env("GITHUB_OUTPUT", &output_file)
        .env("GITHUB_STEP_SUMMARY", &summary_file)
        .env("GITHUB_API_URL", api)
        .env("GITHUB_REPOSITORY", REPO)
        .env("RUNNER_TEMP", dir.path())
        .env("INPUT_TOKEN", TOKEN)
        .env("INPUT_LANG", "en");
    match event {
        Some(event) => {
            let event_file = dir.path().join("event.json");
            std::fs::write(&event_file, serde_json::to_string(event).expect("json"))
                .expect("write");
            cmd.env("GITHUB_EVENT_NAME", "pull_request")
                .env("GITHUB_EVENT_PATH", event_file);
        }
        None => {
            cmd.env("GITHUB_EVENT_NAME", "push");
        }
    }
    for (key, value) in inputs {
        cmd.env(key, value);
    }
    let output = cmd.output().expect("run action");
    let outputs = std::fs::read_to_string(&output_file)
        .unwrap_or_default()
        .lines()
        .filter_map(|l| {
            l.split_once('=')
                .map(|(k, v)| (k.to_string(), v.to_string()))
        })
        .collect();
    let summary = std::fs::read_to_string(&summary_file).unwrap_or_default();
    let stdout = String::from_utf8_lossy(&output.stdout).into_owned();
    Run {
        output,
        outputs,
        summary,
        stdout,
        dir,
    }
}

fn comment_json(id: u64, body: &str) -> Value {
    json!({
        "id": id,
        "node_id": "IC_kwDOAAABc84AAAAB",
        "url": format!("https://api.github.com/repos/{REPO}/issues/comments/{id}"),
        "html_url": format!("https://github.com/{REPO}/pull/7#issuecomment-{id}"),
        "issue_url": format!("https://api.github.com/repos/{REPO}/issues/7"),
        "body": body,
        "user": {"login": "github-actions[bot]", "id": 41898282, "node_id": "MDM6Qm90NDE4OTgyODI=", "avatar_url": "https://avatars.githubusercontent.com/in/15368?v=4", "gravatar_id": "", "url": "https://api.github.com/users/github-actions%5Bbot%5D", "html_url": "https://github.com/apps/github-actions", "followers_url": "https://api.github.com/users/x/followers", "following_url": "https://api.github.com/users/x/following{/other_user}", "gists_url": "https://api.github.com/users/x/gists{/gist_id}", "starred_url": "https://api.github.com/users/x/starred{/owner}{/repo}", "subscriptions_url": "https://api.github.com/users/x/subscriptions", "organizations_url": "https://api.github.com/users/x/orgs", "repos_url": "https://api.github.com/users/x/repos", "events_url": "https://api.github.com/users/x/events{/privacy}", "received_events_url": "https://api.github.com/users/x/received_events", "type": "Bot", "site_admin": false},
        "created_at": "2026-11-26T10:00:00Z",
        "updated_at": "2026-11-26T10:00:00Z",
        "author_association": "NONE",
    })
}

fn sarif_validator() -> jsonschema::Validator {
    let schema_path: PathBuf =
        Path::new(env!("CARGO_MANIFEST_DIR")).join(".tools/sarif/sarif-2.1.0-rtm.5.json");
    let text = std::fs::read_to_string(&schema_path).unwrap_or_else(|e| {
        panic!(
            "{}: {e}; run scripts/setup.sh, which fetches the SARIF 2.1.0 schema",
            schema_path.display()
        )
    });
    // The published schema has one pattern (`run.language`) with a stray `]`, which ECMAScript
    // accepts and the meta-schema's regex check rejects; its evident meaning is used instead.
    let text = text.replace(
        r#"^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$"#,
        r#"^[a-zA-Z]{2}(-[a-zA-Z]{2})?$"#,
    );
    let schema: Value = serde_json::from_str(&text).expect("schema json");
    jsonschema::validator_for(&schema).expect("schema compiles")
}

/// Every line the Action prints is a workflow command it built (`::error`, `::warning`,
/// `::notice` with escaped values) or a plain `os2gov:` line; nothing else can start a command,
/// neither at the start of a line nor in the runner's old form (`##[…`) anywhere in one.
fn assert_only_our_commands(stdout: &str) {
    for line in stdout.lines() {
        let ours = ["::error ", "::warning ", "::notice ", "os2gov: "]
            .iter()
            .any(|p| line.starts_with(p));
        assert!(ours, "a line the Action did not build: {line:?}\n{stdout}");
        assert!(!line.contains("##["), "old command form in {line:?}");
        assert!(
            !line.chars().any(|c| c.is_control() && c != '\t'),
            "control character in {line:?}"
        );
    }
}
