//! GraphQL with a token: history, branches and contents in few queries.

use super::*;

// ---------------------------------------------------------------------------------------------
// GraphQL with a token

#[test]
fn token_uses_graphql_for_history_and_branches_and_caches_it() {
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    let graphql = serde_json::json!({"data": {"repository": {
        "object": {
            "oid": repo.commit_sha(),
            "committedDate": iso(3),
            "tree": {"oid": repo.tree_sha()},
            "history": {"nodes": [
                {"oid": repo.commit_sha(), "committedDate": iso(3), "message": "Fix login (#12)", "parents": {"totalCount": 1}},
                {"oid": oid("m"), "committedDate": iso(4), "message": "Merge pull request #11", "parents": {"totalCount": 2}},
                {"oid": oid("o"), "committedDate": iso(5), "message": "OS2MO-7: add export", "parents": {"totalCount": 1}}
            ]}
        },
        "refs": {"totalCount": 2, "nodes": [
            {"name": "main", "target": {"committedDate": iso(3)}, "compare": {"aheadBy": 0, "behindBy": 0}},
            {"name": "old-feature", "target": {"committedDate": iso(400)}, "compare": {"aheadBy": 120, "behindBy": 7}}
        ]}
    }}});
    s.on(
        &s.api,
        Mock::given(method("POST"))
            .and(path("/graphql"))
            .respond_with(ResponseTemplate::new(200).set_body_json(graphql)),
    );
    let cache = tempfile::tempdir().expect("cache");
    let mut options = s.options(Some(cache.path()));
    options.token = Secret::new(TOKEN);
    let (report, scan) = check(&repo, &options);
    assert_eq!(scan.stats.graphql, 1);
    assert_eq!(
        scan.stats.snapshot_cost(),
        3,
        "repository, GraphQL, tree: {:?}",
        scan.stats
    );
    let history = scan.snapshot.history.as_ref().expect("history");
    assert_eq!(history.recent_commits.len(), 2);
    let old = history
        .branches
        .iter()
        .find(|b| b.name == "old-feature")
        .expect("branch");
    assert_eq!(old.ahead, Some(7));
    assert!(
        message(&report, "F12").contains("old-feature"),
        "{}",
        message(&report, "F12")
    );
    // The token went to the API host only.
    let auth = |server: &MockServer| {
        s.requests(server)
            .iter()
            .filter(|r| r.headers.contains_key("authorization"))
            .count()
    };
    assert!(auth(&s.api) >= 3);
    assert_eq!(
        auth(&s.raw),
        0,
        "public repository: no token to the raw host"
    );

    let (_, warm) = check(&repo, &options);
    assert_eq!(
        warm.stats.graphql, 0,
        "cached under pushed_at: {:?}",
        warm.stats
    );
    assert_eq!(warm.stats.rate_limited(), 0, "{:?}", warm.stats);
}

#[test]
fn graphql_contents_in_one_query() {
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    struct Blobs(Vec<(String, String)>);
    impl Respond for Blobs {
        fn respond(&self, request: &Request) -> ResponseTemplate {
            let body: serde_json::Value = serde_json::from_slice(&request.body).expect("json");
            let query = body["query"].as_str().unwrap_or("");
            if query.contains("history(") {
                return ResponseTemplate::new(502);
            }
            let mut repository = serde_json::Map::new();
            for line in query.lines() {
                let line = line.trim();
                let Some((alias, rest)) = line.split_once(": object(oid: \"") else {
                    continue;
                };
                let oid = rest.split('"').next().unwrap_or("");
                let text = self
                    .0
                    .iter()
                    .find(|(o, _)| o == oid)
                    .map(|(_, t)| t.clone());
                repository.insert(
                    alias.to_string(),
                    match text {
                        Some(text) => serde_json::json!({"byteSize": text.len(), "isBinary": false, "isTruncated": false, "text": text}),
                        None => serde_json::Value::Null,
                    },
                );
            }
            ResponseTemplate::new(200)
                .set_body_json(serde_json::json!({"data": {"repository": repository}}))
        }
    }
    let mut blobs: Vec<(String, String)> = repo
        .files
        .iter()
        .map(|(_, t)| (blob(t), t.clone()))
        .collect();
    blobs.extend(repo.links.iter().map(|(_, t)| (blob(t), t.clone())));
    s.on(
        &s.api,
        Mock::given(method("POST"))
            .and(path("/graphql"))
            .respond_with(Blobs(blobs)),
    );
    let mut options = s.options(None);
    options.token = Secret::new(TOKEN);
    options.contents = ContentSource::GraphQl;
    let (report, scan) = check(&repo, &options);
    assert_eq!(
        verdict(&report, "F2"),
        Verdict::Met,
        "{}",
        message(&report, "F2")
    );
    assert!(scan.snapshot.text("README.md").is_some());
    // History by GraphQL failed (502) → REST commits; files: one query, then one for the
    // symlink's target — no raw requests for the repository's own files.
    assert!(
        s.paths(&s.raw).iter().all(|p| p.contains("/.github/HEAD/")),
        "{:?}",
        s.paths(&s.raw)
    );
    assert_eq!(
        scan.stats.graphql, 2,
        "history (502), then the files: {:?}",
        scan.stats
    );
}
