//! The published JSON Schemas in `schema/` against what the tool really writes and reads:
//! reports of small fixtures and of the corpus repositories must validate against
//! `schema/report.schema.json`, a broken report must not, and `schema/config.schema.json` must
//! accept what `os2gov.toml` accepts and reject what it rejects.

mod common;
#[path = "snapshots/fixtures.rs"]
mod fixtures;

use common::{corpus_repo, Fixture, NOW};
use os2gov::adapters::git::open_snapshot;
use os2gov::engine::report::{LevelSource, Verdict};
use os2gov::engine::{check, Options};
use os2gov::{render, Lang, Level};
use serde_json::{json, Value};
use std::collections::BTreeSet;
use std::path::Path;

fn load(name: &str) -> Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("schema")
        .join(name);
    let text = std::fs::read_to_string(&path).expect("schema file");
    let schema: Value = serde_json::from_str(&text).expect("schema is JSON");
    jsonschema::meta::validate(&schema).expect("a valid draft 2020-12 schema");
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    schema
}

fn validator(name: &str) -> jsonschema::Validator {
    jsonschema::validator_for(&load(name)).expect("schema compiles")
}

fn errors(validator: &jsonschema::Validator, instance: &Value) -> Vec<String> {
    validator
        .iter_errors(instance)
        .map(|e| format!("{}: {e}", e.instance_path()))
        .collect()
}

/// The report as `--format json` writes it, parsed back.
fn report_json(fixture: &Fixture, options: &Options) -> Value {
    let snapshot = open_snapshot(fixture.path(), None, NOW).expect("snapshot");
    let report = check(&snapshot, options).expect("check");
    serde_json::from_str(&render::json(&report)).expect("JSON")
}

fn assert_valid(validator: &jsonschema::Validator, name: &str, report: &Value) {
    let errors = errors(validator, report);
    assert!(errors.is_empty(), "{name}: {errors:#?}");
}

#[test]
fn reports_of_small_repositories_validate() {
    let validator = validator("report.schema.json");
    let plain = tempfile::tempdir().expect("tempdir");
    std::fs::write(plain.path().join("README.md"), "# Plain folder\n").expect("write");
    let fixtures = [
        ("nearly empty", fixtures::nearly_empty()),
        ("good", fixtures::good()),
        ("contradicting", fixtures::contradicting()),
    ];
    for (name, fixture) in &fixtures {
        for lang in [Lang::Da, Lang::En] {
            for level in [None, Some(Level::Three)] {
                let options = Options {
                    lang: Some(lang),
                    level,
                    ..Options::default()
                };
                assert_valid(&validator, name, &report_json(fixture, &options));
            }
        }
    }
    let snapshot = open_snapshot(plain.path(), None, NOW).expect("plain folder");
    let report = check(&snapshot, &Options::default()).expect("check");
    let value: Value = serde_json::from_str(&render::json(&report)).expect("JSON");
    assert_valid(&validator, "plain folder", &value);
    // A report of a read that did not complete carries why, and still validates.
    let mut snapshot = snapshot;
    snapshot.unread.listing = Some(os2gov::Msg::new(
        "træet kunne ikke læses (502)",
        "the tree could not be read (502)",
    ));
    let report = check(&snapshot, &Options::default()).expect("check");
    let value: Value = serde_json::from_str(&render::json(&report)).expect("JSON");
    assert!(value["incomplete"].is_string(), "{value}");
    assert_valid(&validator, "incomplete read", &value);
}

/// The strings of a schema's `enum`.
fn listed(schema: &Value, def: &str) -> BTreeSet<String> {
    schema["$defs"][def]["enum"]
        .as_array()
        .expect("enum")
        .iter()
        .map(|v| v.as_str().expect("string").to_string())
        .collect()
}

/// What the tool writes for each of `values`.
fn serialised<T: serde::Serialize>(values: impl IntoIterator<Item = T>) -> BTreeSet<String> {
    values
        .into_iter()
        .map(|v| {
            serde_json::to_value(v)
                .expect("serialise")
                .as_str()
                .expect("a string")
                .to_string()
        })
        .collect()
}

#[test]
fn the_schema_enums_match_the_types() {
    let schema = load("report.schema.json");
    let verdicts = [
        Verdict::Met,
        Verdict::Declared,
        Verdict::Explained,
        Verdict::NotMet,
        Verdict::Unknown,
    ];
    assert_eq!(listed(&schema, "verdict"), serialised(verdicts));
    assert_eq!(listed(&schema, "level"), serialised(Level::ALL));
    assert_eq!(
        listed(&schema, "theme"),
        serialised(os2gov::rules::all().map(|r| r.theme))
    );
    assert_eq!(
        listed(&schema, "method"),
        serialised(os2gov::rules::all().map(|r| r.method()))
    );
    let sources = [
        LevelSource::Flag,
        LevelSource::Config,
        LevelSource::Report,
        LevelSource::Default,
    ];
    let listed_sources: BTreeSet<String> = schema["properties"]["required_level"]["properties"]
        ["source"]["enum"]
        .as_array()
        .expect("enum")
        .iter()
        .map(|v| v.as_str().expect("string").to_string())
        .collect();
    assert_eq!(listed_sources, serialised(sources));

    // Between them, the good and the contradicting fixture produce every verdict.
    let mut seen = BTreeSet::new();
    for fixture in [fixtures::good(), fixtures::contradicting()] {
        let report = report_json(&fixture, &Options::default());
        for finding in report["requirements"].as_array().expect("array") {
            seen.insert(finding["verdict"].as_str().expect("verdict").to_string());
        }
    }
    assert_eq!(seen, listed(&schema, "verdict"));
}

#[test]
fn reports_of_the_corpus_repositories_validate() {
    let validator = validator("report.schema.json");
    for (owner, name) in [
        ("OS2mo", "os2mo"),
        ("OS2iot", "OS2iot-docs"),
        ("OS2compliance", "OS2compliance"),
        ("os2kitos", "kitos"),
    ] {
        let fixture = corpus_repo(owner, name);
        for lang in [Lang::Da, Lang::En] {
            let options = Options {
                lang: Some(lang),
                ..Options::default()
            };
            assert_valid(&validator, name, &report_json(&fixture, &options));
        }
    }
}

#[test]
fn broken_reports_fail_validation() {
    let validator = validator("report.schema.json");
    let good = report_json(&fixtures::good(), &Options::default());
    assert_valid(&validator, "good", &good);

    let mut bad_verdict = good.clone();
    bad_verdict["requirements"][0]["verdict"] = json!("passed");
    let errors = errors(&validator, &bad_verdict);
    assert!(
        errors
            .iter()
            .any(|e| e.starts_with("/requirements/0/verdict")),
        "{errors:?}"
    );

    let mut cases = Vec::new();
    let mut extra = good.clone();
    extra["timestamp"] = json!("2026-11-27T00:00:00Z");
    cases.push(("an unknown field", extra));
    let mut score = good.clone();
    score["score"] = json!(101);
    cases.push(("score above 100", score));
    let mut fraction = good.clone();
    fraction["score"] = json!(88.5);
    cases.push(("a fractional score", fraction));
    let mut share = good.clone();
    share["verified_share"] = json!(1.5);
    cases.push(("verified share above 1", share));
    let mut level = good.clone();
    level["achieved_level"] = json!("4");
    cases.push(("level 4", level));
    let mut source = good.clone();
    source["required_level"]["source"] = json!("guess");
    cases.push(("an unknown level source", source));
    let mut version = good.clone();
    version["schema_version"] = json!(2);
    cases.push(("schema version 2", version));
    let mut missing = good.clone();
    missing.as_object_mut().expect("object").remove("passed");
    cases.push(("no passed", missing));
    let mut evidence = good.clone();
    evidence["requirements"][0]["evidence"] = json!([{}]);
    cases.push(("empty evidence", evidence));
    let mut line = good.clone();
    line["requirements"][0]["evidence"] = json!([{"path": "README.md", "line": 0}]);
    cases.push(("line 0", line));
    for (what, instance) in cases {
        assert!(!validator.is_valid(&instance), "{what} should not validate");
    }
}

/// TOML → JSON, as an editor applying the schema to `os2gov.toml` sees it.
fn toml_to_json(text: &str) -> Value {
    let value: toml::Value = toml::from_str(text).expect("TOML");
    serde_json::to_value(value).expect("JSON")
}

const FULL_CONFIG: &str = r#"# os2gov.toml
level = "2"
language = "en"
organisations = ["MyMunicipality", "os2-kommune"]

[exceptions]
F19 = "We ship Debian packages; a container image is planned for 2027."
g9 = "Reviewed by the municipality's own security team."

[jira]
url = "https://os2web.atlassian.net/"
project = "os2mo"
"#;

#[test]
fn the_config_schema_accepts_what_os2gov_accepts() {
    let validator = validator("config.schema.json");
    let mut configs = vec![FULL_CONFIG, "", "level = \"sandkasse\"\n"];
    configs.push("[jira]\nurl = \"http://jira.example.org\"\n");
    configs.push(
        "[product]\nname = \"OS2faktor\"\nrepositories = [\"github:OS2faktor/os2faktor-mfa\", \"../docs\"]\nos2eu = \"https://www.os2.eu/os2faktor\"\nmain = \"OS2faktor/os2faktor-login\"\n",
    );
    configs.push("[product]\n");
    for text in configs {
        os2gov::engine::config::parse("os2gov.toml", text).expect("os2gov accepts it");
        let instance = toml_to_json(text);
        let errors = errors(&validator, &instance);
        assert!(errors.is_empty(), "{text}\n{errors:#?}");
    }
    let schema = load("config.schema.json");
    let keys: Vec<&String> = schema["properties"]
        .as_object()
        .expect("properties")
        .keys()
        .collect();
    assert_eq!(
        keys,
        [
            "exceptions",
            "jira",
            "language",
            "level",
            "organisations",
            "product"
        ]
    );
}

#[test]
fn the_config_schema_rejects_what_os2gov_rejects() {
    let validator = validator("config.schema.json");
    for text in [
        "level = \"5\"\n",
        "levle = \"2\"\n",
        "language = \"de\"\n",
        "level = 2\n",
        "organisations = [\"OS2/os2mo\"]\n",
        "[exceptions]\nF19 = \"  \"\n",
        "[exceptions]\nX99 = \"why\"\n",
        "[jira]\nurl = \"ftp://jira.example.org\"\n",
        "[jira]\nproject = \"OS2MO\"\n",
        "[jira]\nurl = \"https://jira.example.org\"\nboard = 1\n",
        "[product]\nos2eu = \"www.os2.eu/os2faktor\"\n",
        "[product]\nos2eu = \"https://\"\n",
        "[product]\nname = \" \"\n",
        "[product]\nmain = \"\"\n",
        "[product]\nrepositories = [\"github:\"]\n",
        "[product]\nrepositories = [\"\"]\n",
        "[product]\nrepositories = \"github:OS2faktor\"\n",
        "[product]\nsite = \"https://www.os2.eu/os2faktor\"\n",
    ] {
        assert!(
            os2gov::engine::config::parse("os2gov.toml", text).is_err(),
            "os2gov should reject {text:?}"
        );
        let instance = toml_to_json(text);
        assert!(
            !validator.is_valid(&instance),
            "the schema should reject {text:?}"
        );
    }
}
