//! The command line over the same servers.

use super::*;

// ---------------------------------------------------------------------------------------------
// The command line over the same servers

#[test]
fn cli_checks_a_remote_repository_without_cloning() {
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    let slug = format!("github:{}/{}", repo.owner, repo.name);
    let out = cli(
        &s,
        &[
            "check",
            &slug,
            "--format",
            "json",
            "--lang",
            "en",
            "--verbose",
            "--token-env",
            "TEST_TOKEN",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{stderr}");
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json report");
    let f6 = report["requirements"]
        .as_array()
        .expect("reqs")
        .iter()
        .find(|f| f["id"] == "F6")
        .expect("F6");
    assert_eq!(f6["verdict"], "met", "{f6}");
    assert!(
        stderr.contains("REST"),
        "--verbose prints the requests by kind: {stderr}"
    );
    assert!(!stderr.contains(TOKEN) && !String::from_utf8_lossy(&out.stdout).contains(TOKEN));

    let url = format!("https://github.com/{}/{}", repo.owner, repo.name);
    let out = cli(&s, &["check", &url, "--format", "json"]);
    assert!(
        matches!(out.status.code(), Some(0 | 1)),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );

    let out = cli(&s, &["check", "github:OS2mo/does-not-exist"]);
    assert_eq!(
        out.status.code(),
        Some(2),
        "a nonexistent repository is an input error"
    );
    assert_eq!(String::from_utf8_lossy(&out.stderr).lines().count(), 1);

    let mut offline = common::os2gov();
    offline.args(["check", &slug, "--offline"]).assert().code(2);
}

#[test]
fn cli_org_prints_a_portfolio() {
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path(format!("/orgs/{}/repos", repo.owner)))
            .respond_with(Etagged::json(&serde_json::json!([repo.json()]))),
    );
    let out = cli(
        &s,
        &[
            "org", repo.owner, "--format", "markdown", "--lang", "en", "--level", "1",
        ],
    );
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let table = String::from_utf8_lossy(&out.stdout);
    assert!(table.contains(repo.name), "{table}");
    assert!(table.contains('|'), "{table}");
    let out = cli(&s, &["org", "no-such-org-here", "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
}
