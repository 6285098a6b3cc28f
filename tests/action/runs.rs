//! Runs without a comment server: events, inputs, action.yml's wiring, escaping, SARIF.

use super::*;

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
    let folder = Path::new(env!("CARGO_MANIFEST_DIR")).join("src/app/action");
    let source: String = common::walk(&folder, false)
        .iter()
        .filter(|p| p.extension().is_some_and(|e| e == "rs"))
        .map(|p| std::fs::read_to_string(p).expect("src/app/action/*.rs"))
        .collect();
    assert!(
        source.contains("INPUT_PATH"),
        "src/app/action/ was not read"
    );
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
/// (src/bin/os2gov/action.rs), and nothing the key holds becomes a command (the TOML reader's message has
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

/// The annotations on files speak the report's language, fix label too.
#[test]
fn annotations_follow_the_lang_input() {
    let (fixture, _, _) = pull_request_repo();
    for (lang, label, other) in [
        ("da", "Sådan retter du det: ", " Fix: "),
        ("en", " Fix: ", "Sådan retter du det"),
    ] {
        let run = run_action(
            fixture.path(),
            "http://127.0.0.1:9",
            None,
            &[
                ("INPUT_FAIL_ON", "never"),
                ("INPUT_LEVEL", "2"),
                ("INPUT_LANG", lang),
            ],
        );
        let annotations: Vec<&str> = run
            .stdout
            .lines()
            .filter(|l| {
                (l.starts_with("::error ")
                    || l.starts_with("::warning ")
                    || l.starts_with("::notice "))
                    && l.contains("file=")
            })
            .collect();
        assert!(!annotations.is_empty(), "{lang}: {}", run.stdout);
        for line in annotations {
            assert!(line.contains(label), "{lang}: {line}");
            assert!(!line.contains(other), "{lang}: {line}");
        }
    }
}

/// A bad input fails the step with one error line in the Action's language: Danish unless
/// the `lang` input asks for English.
#[test]
fn a_bad_input_is_told_in_the_actions_language() {
    let (fixture, _, _) = pull_request_repo();
    for (lang, expected) in [
        // The harness sets `lang: en`; an empty input is the Action's default.
        (
            Some(""),
            "input `level`: forventede sandkasse, 1, 2 eller 3, fandt \"4\"",
        ),
        (
            Some("da"),
            "input `level`: forventede sandkasse, 1, 2 eller 3",
        ),
        (
            Some("en"),
            "input `level`: expected sandkasse, 1, 2 or 3, found \"4\"",
        ),
    ] {
        let mut inputs = vec![("INPUT_LEVEL", "4")];
        inputs.extend(lang.map(|l| ("INPUT_LANG", l)));
        let run = run_action(fixture.path(), "http://127.0.0.1:9", None, &inputs);
        assert_eq!(run.output.status.code(), Some(2), "{lang:?}");
        let errors: Vec<&str> = run
            .stdout
            .lines()
            .filter(|l| l.starts_with("::error"))
            .collect();
        assert_eq!(errors.len(), 1, "{lang:?}: {}", run.stdout);
        assert!(errors[0].contains(expected), "{lang:?}: {}", errors[0]);
    }
}
