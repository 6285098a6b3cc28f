//! The GitHub Action under an emulated runner: a real-shaped `pull_request` event, the runner's
//! files (GITHUB_OUTPUT, GITHUB_STEP_SUMMARY), a repository with a base and a head commit, and a
//! local server standing in for GitHub's REST API (comment created, then updated, then refused).

mod common;

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

#[tokio::test(flavor = "multi_thread")]
async fn pull_request_comment_created_then_updated_then_refused() {
    let (fixture, base, head) = pull_request_repo();
    let server = MockServer::start().await;
    let comments = format!("/repos/{REPO}/issues/7/comments");

    // 1. No comment yet: the action creates one, authenticated with the token.
    Mock::given(method("GET"))
        .and(path(comments.as_str()))
        .and(header("authorization", format!("Bearer {TOKEN}").as_str()))
        .respond_with(
            ResponseTemplate::new(200)
                .set_body_json(json!([comment_json(11, "an unrelated comment")])),
        )
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(comments.as_str()))
        .and(body_string_contains("os2gov-report"))
        .respond_with(
            ResponseTemplate::new(201).set_body_json(comment_json(42, "<!-- os2gov-report -->")),
        )
        .expect(1)
        .mount(&server)
        .await;
    let pr_event = event(7, &base, &head, REPO);
    let first = tokio::task::block_in_place(|| {
        run_action(fixture.path(), &server.uri(), Some(&pr_event), &[])
    });
    assert_eq!(
        first.output.status.code(),
        Some(1),
        "below level by default: {}",
        first.stdout
    );
    assert!(
        first.stdout.contains("comment created on #7"),
        "{}",
        first.stdout
    );

    // Outputs, summary with the delta, annotations, SARIF.
    for key in [
        "score",
        "required-level",
        "achieved-level",
        "passed",
        "report-json",
        "sarif",
    ] {
        assert!(
            first.outputs.contains_key(key),
            "output {key} missing: {:?}",
            first.outputs
        );
    }
    assert_eq!(first.outputs["passed"], "false");
    assert_eq!(first.outputs["required-level"], "sandkasse");
    assert!(first.summary.contains("<!-- os2gov-report -->"));
    assert!(
        first.summary.contains("No longer compliant") && first.summary.contains("**F4**"),
        "{}",
        first.summary
    );
    assert!(
        first.summary.contains("Now compliant") && first.summary.contains("**P1**"),
        "{}",
        first.summary
    );
    assert!(
        first
            .stdout
            .lines()
            .any(|l| l.starts_with("::error title=os2gov::")),
        "{}",
        first.stdout
    );
    assert!(
        first
            .stdout
            .lines()
            .any(|l| l.starts_with("::") && l.contains("file=README.md")),
        "annotation located in a file: {}",
        first.stdout
    );
    let sarif: Value = serde_json::from_str(
        &std::fs::read_to_string(&first.outputs["sarif"]).expect("sarif file"),
    )
    .expect("sarif json");
    let validator = sarif_validator();
    let errors: Vec<String> = validator
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF invalid: {errors:?}");
    let rules = &sarif["runs"][0]["tool"]["driver"]["rules"];
    assert_eq!(rules.as_array().map(Vec::len), Some(56));
    assert!(rules[0]["helpUri"]
        .as_str()
        .is_some_and(|u| u.ends_with("#r1")));
    assert!(rules[0]["help"]["text"]
        .as_str()
        .is_some_and(|t| !t.is_empty()));
    let report: Value = serde_json::from_str(
        &std::fs::read_to_string(&first.outputs["report-json"]).expect("json"),
    )
    .expect("json");
    assert_eq!(report["schema_version"], 1);
    assert!(!first.everything().contains(TOKEN), "the token leaked");
    server.verify().await;
    server.reset().await;

    // 2. Our comment exists (found by its hidden marker on page 2): it is updated in place.
    let next = format!("{}{comments}?page=2", server.uri());
    Mock::given(method("GET"))
        .and(path(comments.as_str()))
        .and(wiremock::matchers::query_param("page", "2"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(json!([comment_json(
                42,
                "<!-- os2gov-report -->\nold report"
            )])),
        )
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("GET"))
        .and(path(comments.as_str()))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("link", format!("<{next}>; rel=\"next\"").as_str())
                .set_body_json(json!([comment_json(11, "hello")])),
        )
        .expect(1)
        .mount(&server)
        .await;
    // GitHub documents PATCH and also accepts POST for it (octocrab sends POST).
    Mock::given(path(format!("/repos/{REPO}/issues/comments/42").as_str()))
        .and(body_string_contains("os2gov-report"))
        .respond_with(
            ResponseTemplate::new(200).set_body_json(comment_json(42, "<!-- os2gov-report -->")),
        )
        .expect(1)
        .mount(&server)
        .await;
    let second = tokio::task::block_in_place(|| {
        run_action(
            fixture.path(),
            &server.uri(),
            Some(&pr_event),
            &[("INPUT_FAIL_ON", "regression")],
        )
    });
    if !second.stdout.contains("comment updated on #7") {
        let received = server.received_requests().await.unwrap_or_default();
        let seen: Vec<String> = received
            .iter()
            .map(|r| format!("{} {}", r.method, r.url))
            .collect();
        panic!("{}\nrequests: {seen:?}", second.stdout);
    }
    assert_eq!(
        second.output.status.code(),
        Some(1),
        "the pull request lowers compliance (F4)"
    );
    server.verify().await;
    server.reset().await;

    // 3. A fork's pull request: the token may not write. The step degrades to the summary.
    Mock::given(method("GET"))
        .and(path(comments.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .mount(&server)
        .await;
    Mock::given(method("POST")).and(path(comments.as_str()))
        .respond_with(ResponseTemplate::new(403).set_body_json(json!({"message": "Resource not accessible by integration", "documentation_url": "https://docs.github.com/rest/issues/comments#create-an-issue-comment", "status": "403"})))
        .expect(1)
        .mount(&server)
        .await;
    let fork_event = event(7, &base, &head, "contributor/demo");
    let third = tokio::task::block_in_place(|| {
        run_action(
            fixture.path(),
            &server.uri(),
            Some(&fork_event),
            &[("INPUT_FAIL_ON", "never")],
        )
    });
    assert_eq!(
        third.output.status.code(),
        Some(0),
        "an API failure never fails the step: {}",
        third.stdout
    );
    let notice = third
        .stdout
        .lines()
        .find(|l| l.starts_with("::notice title=os2gov::"))
        .unwrap_or_default();
    assert!(
        notice.contains("from a fork") && notice.contains("403"),
        "{}",
        third.stdout
    );
    assert!(
        third.summary.contains("os2gov"),
        "the report is still in the summary"
    );
    assert!(!third.everything().contains(TOKEN));
    server.verify().await;
}

#[test]
fn push_event_checks_without_delta_and_without_comment() {
    let (fixture, _, _) = pull_request_repo();
    // No server: a push never calls the API.
    let run = run_action(
        fixture.path(),
        "http://127.0.0.1:9",
        None,
        &[("INPUT_FAIL_ON", "never"), ("INPUT_LEVEL", "1")],
    );
    assert_eq!(run.output.status.code(), Some(0), "{}", run.stdout);
    assert_eq!(run.outputs["required-level"], "1");
    assert!(!run.summary.contains("Change in this pull request"));
    assert!(!run.stdout.contains("comment"));
}

#[test]
fn bad_inputs_fail_with_one_error_line() {
    let (fixture, _, _) = pull_request_repo();
    for (key, value, expected) in [
        ("INPUT_LEVEL", "4", "input `level`"),
        ("INPUT_PATH", "does-not-exist", "input `path`"),
        ("INPUT_FAIL_ON", "sometimes", "input `fail-on`"),
        ("INPUT_CONFIG", "missing.toml", "input `config`"),
    ] {
        let run = run_action(fixture.path(), "http://127.0.0.1:9", None, &[(key, value)]);
        assert_eq!(run.output.status.code(), Some(2), "{key}");
        let errors: Vec<&str> = run
            .stdout
            .lines()
            .filter(|l| l.starts_with("::error"))
            .collect();
        assert_eq!(errors.len(), 1, "{key}: {}", run.stdout);
        assert!(errors[0].contains(expected), "{}", errors[0]);
    }
    std::fs::write(fixture.path().join("os2gov.toml"), "level = \"7\"\n").expect("write");
    let run = run_action(fixture.path(), "http://127.0.0.1:9", None, &[]);
    assert_eq!(run.output.status.code(), Some(2));
    assert!(
        run.stdout.contains("::error title=os2gov::os2gov.toml:1"),
        "{}",
        run.stdout
    );
}

#[test]
fn shallow_clone_without_the_base_says_how_to_fix_it() {
    let (fixture, _, head) = pull_request_repo();
    let event = event(7, "0123456789abcdef0123456789abcdef01234567", &head, REPO);
    let run = run_action(
        fixture.path(),
        "http://127.0.0.1:9",
        Some(&event),
        &[("INPUT_COMMENT", "false"), ("INPUT_FAIL_ON", "regression")],
    );
    assert_eq!(
        run.output.status.code(),
        Some(0),
        "no delta, no regression: {}",
        run.stdout
    );
    assert!(run.stdout.contains("fetch-depth: 0"), "{}", run.stdout);
}

/// action.yml: every input is documented and passed to the script, every output is set.
#[test]
fn action_yml_inputs_and_outputs_are_wired() {
    let text = std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("action.yml"))
        .expect("action.yml");
    let action: Value = serde_yaml_ng::from_str(&text).expect("yaml");
    let inputs = action["inputs"].as_object().expect("inputs");
    let steps = action["runs"]["steps"].as_array().expect("steps");
    let run_step = steps.iter().find(|s| s["id"] == "run").expect("run step");
    let env = run_step["env"].as_object().expect("env");
    for (name, input) in inputs {
        assert!(
            input["description"].as_str().is_some_and(|d| d.len() > 10),
            "input {name} undocumented"
        );
        let var = format!("INPUT_{}", name.to_uppercase().replace('-', "_"));
        assert_eq!(
            env.get(&var).and_then(Value::as_str),
            Some(format!("${{{{ inputs.{name} }}}}").as_str()),
            "input {name} not passed as {var}"
        );
    }
    let source =
        std::fs::read_to_string(Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app/action.rs"))
            .expect("src/app/action.rs");
    for var in env.keys() {
        assert!(
            source.contains(&format!("\"{var}\"")),
            "{var} is passed but never read"
        );
    }
    assert!(
        !run_step["run"].as_str().unwrap_or_default().contains("${{"),
        "no expression is interpolated into shell code"
    );
    let (fixture, _, _) = pull_request_repo();
    let run = run_action(
        fixture.path(),
        "http://127.0.0.1:9",
        None,
        &[("INPUT_FAIL_ON", "never")],
    );
    for (name, output) in action["outputs"].as_object().expect("outputs") {
        assert!(
            output["description"]
                .as_str()
                .is_some_and(|d| !d.is_empty()),
            "output {name} undocumented"
        );
        assert_eq!(
            output["value"].as_str(),
            Some(format!("${{{{ steps.run.outputs.{name} }}}}").as_str())
        );
        assert!(
            run.outputs.contains_key(name.as_str()),
            "output {name} is never set"
        );
    }
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

/// Issue 9, defect 7: GitHub answered 201 (the comment exists) with a body that does not parse.
/// The step says the comment was posted; the next run finds it by its marker on page 3 and
/// updates it instead of posting a second one, also when the edit's answer is unreadable.
#[tokio::test(flavor = "multi_thread")]
async fn comment_accepted_with_an_unreadable_answer_is_posted_and_updated_next_run() {
    let (fixture, base, head) = pull_request_repo();
    let server = MockServer::start().await;
    let comments = format!("/repos/{REPO}/issues/7/comments");
    let auth = format!("Bearer {TOKEN}");
    let pr_event = event(7, &base, &head, REPO);

    Mock::given(method("GET"))
        .and(path(comments.as_str()))
        .and(header("authorization", auth.as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
        .expect(1)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(comments.as_str()))
        .and(header("authorization", auth.as_str()))
        .and(body_string_contains("os2gov-report"))
        .respond_with(
            ResponseTemplate::new(201).set_body_string("{\"id\": 42, \"body\": \"<!-- os2"),
        )
        .expect(1)
        .mount(&server)
        .await;
    let first = tokio::task::block_in_place(|| {
        run_action(
            fixture.path(),
            &server.uri(),
            Some(&pr_event),
            &[("INPUT_FAIL_ON", "never")],
        )
    });
    assert!(
        first.stdout.contains("os2gov: comment created on #7"),
        "{}",
        first.stdout
    );
    assert!(
        !first.stdout.contains("Could not comment"),
        "{}",
        first.stdout
    );
    assert_eq!(first.output.status.code(), Some(0), "{}", first.stdout);
    assert_only_our_commands(&first.stdout);
    server.verify().await;
    server.reset().await;

    // The comment posted above, on the third page, after a person's comment that quotes a
    // report further down (never overwritten). Every page is asked with the token.
    let page = |n: u32| format!("{}{comments}?per_page=100&page={n}", server.uri());
    let quoting = "I disagree with this:\n> <!-- os2gov-report -->\n> F4 not met";
    for (n, items, next) in [
        (2, json!([comment_json(12, quoting)]), Some(page(3))),
        (
            3,
            json!([
                comment_json(13, "lgtm"),
                comment_json(42, "<!-- os2gov-report -->\nold")
            ]),
            None,
        ),
    ] {
        let mut answer = ResponseTemplate::new(200).set_body_json(items);
        if let Some(next) = next {
            answer = answer.insert_header("link", format!("<{next}>; rel=\"next\"").as_str());
        }
        Mock::given(method("GET"))
            .and(path(comments.as_str()))
            .and(wiremock::matchers::query_param(
                "page",
                n.to_string().as_str(),
            ))
            .and(header("authorization", auth.as_str()))
            .respond_with(answer)
            .expect(2)
            .mount(&server)
            .await;
    }
    Mock::given(method("GET"))
        .and(path(comments.as_str()))
        .and(header("authorization", auth.as_str()))
        .respond_with(
            ResponseTemplate::new(200)
                .insert_header("link", format!("<{}>; rel=\"next\"", page(2)).as_str())
                .set_body_json(json!([comment_json(11, "hello")])),
        )
        .expect(2)
        .mount(&server)
        .await;
    Mock::given(method("POST"))
        .and(path(comments.as_str()))
        .respond_with(ResponseTemplate::new(201))
        .expect(0)
        .mount(&server)
        .await;
    // First edit: the answer is not JSON. Second: JSON whose link tries to add commands.
    Mock::given(method("PATCH"))
        .and(path(format!("/repos/{REPO}/issues/comments/42").as_str()))
        .and(header("authorization", auth.as_str()))
        .and(body_string_contains("os2gov-report"))
        .respond_with(ResponseTemplate::new(200).set_body_string("<html>oops"))
        .up_to_n_times(1)
        .expect(1)
        .mount(&server)
        .await;
    let hostile_url = "https://github.com/OS2mo/demo/pull/7#issuecomment-42\n::error::injected ##[stop-commands]tok";
    let mut edited = comment_json(42, "<!-- os2gov-report -->");
    edited["html_url"] = json!(hostile_url);
    Mock::given(method("PATCH"))
        .and(path(format!("/repos/{REPO}/issues/comments/42").as_str()))
        .respond_with(ResponseTemplate::new(200).set_body_json(edited))
        .expect(1)
        .mount(&server)
        .await;
    for expected in [
        "os2gov: comment updated on #7\n".to_string(),
        "os2gov: comment updated on #7: https://github.com/OS2mo/demo/pull/7#issuecomment-42%0A::error::injected ##%5Bstop-commands]tok\n".to_string(),
    ] {
        let run = tokio::task::block_in_place(|| {
            run_action(
                fixture.path(),
                &server.uri(),
                Some(&pr_event),
                &[("INPUT_FAIL_ON", "never")],
            )
        });
        if !run.stdout.contains(&expected) {
            let received = server.received_requests().await.unwrap_or_default();
            let seen: Vec<String> = received
                .iter()
                .map(|r| format!("{} {}", r.method, r.url))
                .collect();
            panic!("{}\nrequests: {seen:?}", run.stdout);
        }
        assert_only_our_commands(&run.stdout);
    }
    server.verify().await;
}

/// A refusal (403 on a branch without write access, 422 on a body GitHub rejects) is a notice
/// naming GitHub's answer, in the report's language; the step goes on.
#[tokio::test(flavor = "multi_thread")]
async fn refused_comment_is_a_notice_with_githubs_answer() {
    let (fixture, base, head) = pull_request_repo();
    let pr_event = event(7, &base, &head, REPO);
    let comments = format!("/repos/{REPO}/issues/7/comments");
    for (status, message, lang, expected) in [
        (
            403,
            "Resource not accessible by integration",
            "en",
            "::notice title=os2gov::Could not comment on the pull request: GitHub answered 403: Resource not accessible by integration. The report is in the step summary.",
        ),
        (
            422,
            "Validation Failed",
            "en",
            "::notice title=os2gov::Could not comment on the pull request: GitHub answered 422: Validation Failed. The report is in the step summary.",
        ),
        (
            422,
            "Validation Failed",
            "da",
            "::notice title=os2gov::Kunne ikke kommentere pull requesten: GitHub svarede 422: Validation Failed. Rapporten står i trinnets opsummering.",
        ),
    ] {
        let server = MockServer::start().await;
        Mock::given(method("GET"))
            .and(path(comments.as_str()))
            .respond_with(ResponseTemplate::new(200).set_body_json(json!([])))
            .mount(&server)
            .await;
        Mock::given(method("POST"))
            .and(path(comments.as_str()))
            .respond_with(
                ResponseTemplate::new(status).set_body_json(json!({"message": message, "status": status.to_string()})),
            )
            .expect(1)
            .mount(&server)
            .await;
        let run = tokio::task::block_in_place(|| {
            run_action(
                fixture.path(),
                &server.uri(),
                Some(&pr_event),
                &[("INPUT_FAIL_ON", "never"), ("INPUT_LANG", lang)],
            )
        });
        assert_eq!(run.output.status.code(), Some(0), "{}", run.stdout);
        assert!(
            run.stdout.lines().any(|l| l == expected),
            "{status} {lang}: {}",
            run.stdout
        );
        assert!(!run.stdout.contains("comment created"), "{}", run.stdout);
        assert_only_our_commands(&run.stdout);
        server.verify().await;
    }
}

/// Issue 13: an os2gov.toml key with a line break, from the pull request's base revision,
/// reaches the step's log only escaped: it cannot start `::error::` (or any command) of its own.
#[test]
fn config_key_with_a_newline_in_the_base_revision_cannot_inject_a_command() {
    let fixture = new_repo();
    let readme =
        "# Demo\n\nDemo helps municipalities share data about their buildings and rooms.\n";
    let hostile = "[exceptions]\n\"F4\\n::error::injected\\r::stop-commands::tok ##[set-output name=passed;]true\" = \"because\"\n";
    let base = fixture.commit(
        &[
            ("README.md", Entry::Text(readme)),
            ("os2gov.toml", Entry::Text(hostile)),
        ],
        "Initial (#1)",
        NOW - 86_400,
    );
    let head = fixture.commit(
        &[("os2gov.toml", Entry::Text("level = \"sandkasse\"\n"))],
        "Fix the config (#2)",
        NOW - 3600,
    );
    let event = event(7, &base.to_string(), &head.to_string(), REPO);
    let run = run_action(
        fixture.path(),
        "http://127.0.0.1:9",
        Some(&event),
        &[("INPUT_COMMENT", "false"), ("INPUT_FAIL_ON", "never")],
    );
    assert_eq!(run.output.status.code(), Some(0), "{}", run.stdout);
    assert_only_our_commands(&run.stdout);
    let warning = run
        .stdout
        .lines()
        .find(|l| l.starts_with("::warning title=os2gov::The base revision could not be checked"))
        .unwrap_or_else(|| panic!("no warning about the base revision: {}", run.stdout));
    assert!(
        warning.contains("F4%0A::error::injected%0D::stop-commands::tok ##%5Bset-output"),
        "{warning}"
    );
    assert_eq!(
        run.stdout
            .lines()
            .filter(|l| l.contains("injected"))
            .count(),
        1,
        "{}",
        run.stdout
    );
}

/// A hostile key in the checked-out revision: the step fails with one escaped `::error` line
/// (src/main.rs), and nothing the key holds becomes a command (the TOML reader's message has
/// already turned `\n` into a space; `\r`, U+2028 and `##[` are left to the escaping).
#[test]
fn config_key_with_a_newline_in_the_checkout_is_one_escaped_error_line() {
    let fixture = new_repo();
    fixture.commit(
        &[
            ("README.md", Entry::Text("# Demo\n")),
            (
                "os2gov.toml",
                Entry::Text("\"x\\n::warning::injected\\r\\u2028##[add-mask]y\" = \"1\"\n"),
            ),
        ],
        "Initial",
        NOW - 3600,
    );
    let run = run_action(fixture.path(), "http://127.0.0.1:9", None, &[]);
    assert_eq!(run.output.status.code(), Some(2), "{}", run.stdout);
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 1, "{}", run.stdout);
    assert!(
        lines[0].starts_with("::error title=os2gov::"),
        "{}",
        lines[0]
    );
    assert!(
        lines[0].contains("x ::warning::injected%0D%E2%80%A8##%5Badd-mask]y"),
        "{}",
        lines[0]
    );
    assert_only_our_commands(&run.stdout);
}

/// Issue 13: SARIF's `artifactLocation.uri` is a relative URI reference (RFC 3986): a file name
/// with a space, `#` and `ø` is percent-encoded there, while the annotation names the file as
/// it is. The document still validates against the SARIF 2.1.0 schema.
#[test]
fn sarif_uri_of_a_file_name_with_space_hash_and_non_ascii_is_percent_encoded() {
    let fixture = new_repo();
    let name = "docs/Sikkerhed og drift #1 ø.md";
    fixture.commit(
        &[
            (
                "README.md",
                Entry::Text("# Demo\n\nDemo helps municipalities share data about their buildings and rooms.\n"),
            ),
            (
                name,
                Entry::Text("# Sikkerhed og drift\n\n## Sikkerhed\n\nVi tager sikkerhed alvorligt og opdaterer afhængigheder.\n"),
            ),
        ],
        "Initial",
        NOW - 3600,
    );
    let run = run_action(
        fixture.path(),
        "http://127.0.0.1:9",
        None,
        &[("INPUT_FAIL_ON", "never")],
    );
    assert_eq!(run.output.status.code(), Some(0), "{}", run.stdout);
    assert_only_our_commands(&run.stdout);
    assert!(
        run.stdout
            .lines()
            .any(|l| l.contains(&format!("file={name},")) && l.contains("title=os2gov F4%3A")),
        "{}",
        run.stdout
    );
    let sarif: Value =
        serde_json::from_str(&std::fs::read_to_string(&run.outputs["sarif"]).expect("sarif file"))
            .expect("sarif json");
    let errors: Vec<String> = sarif_validator()
        .iter_errors(&sarif)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF invalid: {errors:?}");
    let uris: Vec<&str> = sarif["runs"][0]["results"]
        .as_array()
        .expect("results")
        .iter()
        .filter_map(|r| r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].as_str())
        .collect();
    assert!(
        uris.contains(&"docs/Sikkerhed%20og%20drift%20%231%20%C3%B8.md"),
        "{uris:?}"
    );
    for uri in &uris {
        assert!(
            uri.bytes()
                .all(|b| b.is_ascii_alphanumeric() || b"-._~/%".contains(&b)),
            "not a percent-encoded relative reference: {uri}"
        );
    }
}
