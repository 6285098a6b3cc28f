//! The recent history, the branches and their ahead counts, the default branch.

use super::*;

#[test]
fn history_skips_merges() {
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = init(dir.path(), true);
    let c1 = commit_on(
        &repo,
        Some("refs/heads/main"),
        &[],
        &[("a", Text("1"))],
        "c1",
        100,
    );
    let c2 = commit_on(
        &repo,
        Some("refs/heads/main"),
        &[c1],
        &[("a", Text("2"))],
        "c2 (#12)\n\nbody\n",
        300,
    );
    let f1 = commit_on(
        &repo,
        Some("refs/heads/feature"),
        &[c1],
        &[("b", Text("f"))],
        "f1",
        200,
    );
    commit_on(
        &repo,
        Some("refs/heads/main"),
        &[c2, f1],
        &[("b", Text("f"))],
        "Merge feature",
        400,
    );
    let snap = open_snapshot(dir.path(), None, 0).expect("snapshot");
    let history = history(&snap);
    assert_eq!(history.newest_commit_time, Some(400));
    let messages: Vec<&str> = history
        .recent_commits
        .iter()
        .map(|c| c.message.as_str())
        .collect();
    assert_eq!(messages, ["c2 (#12)\n\nbody", "f1", "c1"]);
    assert_eq!(history.recent_commits[0].id, c2.to_string());
    assert_eq!(history.recent_commits[0].time, 300);
    assert_eq!(snap.stats.commits_walked, 4);
}

#[test]
fn history_stops_after_100_commits() {
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = init(dir.path(), true);
    let mut parent = Vec::new();
    for i in 0..150 {
        let id = commit_on(
            &repo,
            Some("refs/heads/main"),
            &parent,
            &[("n", Text(&i.to_string()))],
            &format!("commit {i}"),
            1_000 + i,
        );
        parent = vec![id];
    }
    let snap = open_snapshot(dir.path(), None, 0).expect("snapshot");
    let history = history(&snap);
    assert_eq!(history.recent_commits.len(), 100);
    assert_eq!(history.recent_commits[0].message, "commit 149");
    assert_eq!(history.recent_commits[99].message, "commit 50");
    assert_eq!(snap.stats.commits_walked, 100);
}

#[test]
fn branches_with_ahead_counts() {
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = init(dir.path(), true);
    let c1 = commit_on(
        &repo,
        Some("refs/heads/main"),
        &[],
        &[("a", Text("1"))],
        "c1",
        100,
    );
    let c2 = commit_on(
        &repo,
        Some("refs/heads/main"),
        &[c1],
        &[("a", Text("2"))],
        "c2",
        200,
    );
    let c3 = commit_on(
        &repo,
        Some("refs/heads/main"),
        &[c2],
        &[("a", Text("3"))],
        "c3",
        300,
    );
    repo.reference("refs/remotes/origin/main", c3, true, "test")
        .expect("ref");
    repo.reference_symbolic(
        "refs/remotes/origin/HEAD",
        "refs/remotes/origin/main",
        true,
        "test",
    )
    .expect("ref");
    let f1 = commit_on(
        &repo,
        Some("refs/heads/feature"),
        &[c3],
        &[("f", Text("1"))],
        "f1",
        400,
    );
    commit_on(
        &repo,
        Some("refs/heads/feature"),
        &[f1],
        &[("f", Text("2"))],
        "f2",
        500,
    );
    commit_on(
        &repo,
        Some("refs/remotes/origin/old"),
        &[c2],
        &[("o", Text("1"))],
        "o1",
        250,
    );
    repo.reference("refs/remotes/upstream/main", c1, true, "test")
        .expect("ref");
    repo.remote("origin", "https://github.com/OS2offdig/os2gov.git")
        .expect("remote");
    let snap = open_snapshot(dir.path(), None, 0).expect("snapshot");
    let history = history(&snap);
    let branches: Vec<(&str, i64, Option<usize>)> = history
        .branches
        .iter()
        .map(|b| (b.name.as_str(), b.last_commit_time, b.ahead))
        .collect();
    assert_eq!(
        branches,
        [
            ("feature", 500, Some(2)),
            ("main", 300, Some(0)),
            ("origin/main", 300, Some(0)),
            ("origin/old", 250, Some(1)),
        ]
    );
    assert_eq!(history.default_branch.as_deref(), Some("main"));
    assert_eq!(
        history.origin_url.as_deref(),
        Some("https://github.com/OS2offdig/os2gov.git")
    );
}

/// The shared walk counts what libgit2 counts branch by branch: merged, unmerged, forked
/// long ago, orphan, criss-crossed, and with a parent dated after its child.
#[test]
fn ahead_counts_match_graph_ahead_behind() {
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = init(dir.path(), true);
    let mut main = vec![commit_on(
        &repo,
        None,
        &[],
        &[("m", Text("0"))],
        "m0",
        1_000,
    )];
    for i in 1..40 {
        let time = if i == 20 { 500 } else { 1_000 + i * 10 }; // m20 is "older" than m19
        let parent = *main.last().expect("parent");
        main.push(commit_on(
            &repo,
            None,
            &[parent],
            &[("m", Text(&i.to_string()))],
            "m",
            time,
        ));
    }
    let side = |from: Oid, n: i64, start: i64, tag: &str| {
        let mut tip = from;
        for i in 0..n {
            let change = [(tag, Text(&i.to_string()))];
            tip = commit_on(&repo, None, &[tip], &change, tag, start + i * 10);
        }
        tip
    };
    let merged = side(main[5], 3, 1_055, "merged");
    let merge = commit_on(&repo, None, &[main[30], merged], &[], "merge", 1_305);
    let default_tip = side(merge, 4, 1_310, "after");
    let open = side(main[35], 2, 1_400, "open");
    let old_fork = side(main[1], 5, 1_900, "old");
    let orphan = {
        let root = commit_on(&repo, None, &[], &[("o", Text("0"))], "o0", 2_000);
        side(root, 3, 2_010, "orphan")
    };
    let criss = commit_on(&repo, None, &[open, old_fork], &[], "criss", 2_100);
    let skewed = side(main[20], 2, 400, "skew");
    let tips = [
        default_tip,
        merged,
        main[3],
        open,
        old_fork,
        orphan,
        criss,
        skewed,
        main[39],
    ];
    let ours = ahead_counts(&repo, default_tip, &tips, usize::MAX);
    let theirs: Vec<Option<usize>> = tips
        .iter()
        .map(|tip| Some(repo.graph_ahead_behind(*tip, default_tip).expect("ahead").0))
        .collect();
    assert_eq!(ours, theirs);
    assert_eq!(ours[5], Some(4), "orphan");

    // Over budget: undecided branches are unknown, decided ones are still counted.
    let ours = ahead_counts(&repo, default_tip, &[default_tip, main[3], orphan], 5);
    assert_eq!(ours[0], Some(0));
    assert_eq!(ours[1], None);
}

#[test]
fn default_branch_falls_back_to_the_current_branch() {
    let dir = tempfile::tempdir().expect("tempdir");
    let repo = init(dir.path(), true);
    let c1 = commit_on(
        &repo,
        Some("refs/heads/main"),
        &[],
        &[("a", Text("1"))],
        "c1",
        100,
    );
    commit_on(
        &repo,
        Some("refs/heads/develop"),
        &[c1],
        &[("a", Text("2"))],
        "c2",
        200,
    );
    repo.set_head("refs/heads/develop").expect("set head");
    let snap = open_snapshot(dir.path(), None, 0).expect("snapshot");
    let history = history(&snap);
    assert_eq!(history.default_branch.as_deref(), Some("develop"));
    assert_eq!(history.branches[1].name, "main");
    assert_eq!(history.branches[1].ahead, Some(0));
    assert_eq!(history.origin_url, None);
    // Detached: main is the fallback.
    repo.set_head_detached(c1).expect("detach");
    let snap = open_snapshot(dir.path(), None, 0).expect("snapshot");
    assert_eq!(
        snap.history.expect("history").default_branch.as_deref(),
        Some("main")
    );
}
