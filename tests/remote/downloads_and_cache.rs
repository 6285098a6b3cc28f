//! Downloads cut short, the cache (damaged entries, permissions, unusable folder), the config
//! download and failed organisation defaults.

use super::*;

#[test]
fn a_download_cut_short_is_a_failed_download_not_the_file() {
    let s = servers();
    let full = "# Produkt\n\nProduktet hjælper kommunerne med at registrere organisationen ét sted.\n\n## Installation\n\nKør `make install`.\n";
    let repo = Repo {
        name: "cut-short",
        files: vec![("README.md".into(), full.into())],
        links: vec![],
        ..good_repo()
    };
    mount_repo(&s, &repo);
    // 200, and half the body.
    let half = &full.as_bytes()[..full.len() / 2];
    s.on(
        &s.raw,
        Mock::given(method("GET"))
            .and(path(format!(
                "/OS2mo/cut-short/{}/README.md",
                repo.commit_sha()
            )))
            .respond_with(ResponseTemplate::new(200).set_body_raw(half.to_vec(), "text/plain"))
            .with_priority(1),
    );
    let cache = tempfile::tempdir().expect("cache");
    let (report, scan) = check(&repo, &s.options(Some(cache.path())));
    assert_eq!(
        scan.snapshot.text("README.md"),
        None,
        "half a file is not the file"
    );
    let reason = scan
        .snapshot
        .unread
        .files
        .get("README.md")
        .expect("unread")
        .en
        .clone();
    assert!(reason.contains("cut short"), "{reason}");
    for id in ["F5", "F7"] {
        assert_eq!(
            verdict(&report, id),
            Verdict::Unknown,
            "{id}: {}",
            message(&report, id)
        );
        assert!(
            message(&report, id).contains("README.md"),
            "{}",
            message(&report, id)
        );
    }
    // Nor is it kept: the next run asks again and, answered in full, reads it.
    s.reset();
    mount_repo(&s, &repo);
    let (report, scan) = check(&repo, &s.options(Some(cache.path())));
    assert_eq!(scan.snapshot.text("README.md"), Some(full));
    assert!(
        scan.snapshot.unread.is_empty(),
        "{:?}",
        scan.snapshot.unread
    );
    assert_ne!(verdict(&report, "F5"), Verdict::Unknown);

    // Same size, other bytes: the blob id decides.
    let other = full.replace("make", "fake");
    s.on(
        &s.raw,
        Mock::given(method("GET"))
            .and(path(format!(
                "/OS2mo/cut-short/{}/README.md",
                repo.commit_sha()
            )))
            .respond_with(ResponseTemplate::new(200).set_body_string(other))
            .with_priority(1),
    );
    let (_, scan) = check(&repo, &s.options(None));
    let reason = scan
        .snapshot
        .unread
        .files
        .get("README.md")
        .expect("unread")
        .en
        .clone();
    assert!(reason.contains("does not match its blob id"), "{reason}");
}

#[test]
fn damaged_cache_entries_are_not_trusted() {
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    let cache = tempfile::tempdir().expect("cache");
    let options = s.options(Some(cache.path()));
    let (cold, _) = check(&repo, &options);
    for damage in ["empty", "half"] {
        for file in common::walk(cache.path(), false) {
            let bytes = std::fs::read(&file).expect("read");
            let damaged = match damage {
                "empty" => Vec::new(),
                _ => bytes[..bytes.len() / 2].to_vec(),
            };
            std::fs::write(&file, damaged).expect("damage");
        }
        let (warm, scan) = check(&repo, &options);
        assert_eq!(cold.requirements, warm.requirements, "{damage}");
        assert!(
            scan.snapshot.unread.is_empty(),
            "{damage}: {:?}",
            scan.snapshot.unread
        );
        assert_eq!(scan.stats.cache_hits, 0, "{damage}: {:?}", scan.stats);
        assert_eq!(
            scan.stats.not_modified, 0,
            "{damage}: nothing sent back from a bad entry"
        );
    }
}

#[cfg(unix)]
#[test]
fn cache_files_are_the_users_alone() {
    use std::os::unix::fs::PermissionsExt;
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    let parent = tempfile::tempdir().expect("parent");
    let cache = parent.path().join("os2gov");
    check(&repo, &s.options(Some(&cache)));
    let mode = |p: &Path| std::fs::metadata(p).expect("meta").permissions().mode() & 0o777;
    for dir in [cache.clone(), cache.join("http"), cache.join("objects")] {
        assert_eq!(mode(&dir), 0o700, "{}", dir.display());
    }
    let files = common::walk(&cache, false);
    assert!(files.len() >= 4, "{files:?}");
    for file in files {
        assert_eq!(mode(&file), 0o600, "{}", file.display());
    }
}

#[test]
fn an_unusable_cache_folder_means_running_without_a_cache() {
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    // A file where the folder should be: no one can make it a folder, not even root.
    let parent = tempfile::tempdir().expect("parent");
    let blocked = parent.path().join("cache");
    std::fs::write(&blocked, "not a folder").expect("file");
    let (report, scan) = check(&repo, &s.options(Some(&blocked)));
    assert_eq!(verdict(&report, "F2"), Verdict::Met);
    assert!(
        scan.warnings
            .iter()
            .any(|w| w.en.contains("running without a cache")),
        "{:?}",
        scan.warnings
    );
    // The command line: a note on stderr, the usual exit code, never 2.
    let mut cmd = common::os2gov();
    cmd.env_remove("OS2GOV_OFFLINE")
        .env_remove("GITHUB_TOKEN")
        .env("OS2GOV_CACHE_DIR", &blocked)
        .args([
            "check",
            "github:OS2mo/os2mo",
            "--lang",
            "en",
            "--github-api-url",
            &s.api.uri(),
            "--github-raw-url",
            &s.raw.uri(),
            "--jira-url",
            &s.jira.uri(),
        ]);
    let out = cmd.output().expect("run");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(matches!(out.status.code(), Some(0 | 1)), "{stderr}");
    assert!(stderr.contains("os2gov: note: the cache"), "{stderr}");
    assert!(!out.stdout.is_empty());
}

#[test]
fn a_failed_config_download_names_the_http_error() {
    let s = servers();
    let repo = with_config(
        Repo {
            name: "config-502",
            ..good_repo()
        },
        &s,
    );
    mount_repo(&s, &repo);
    s.on(
        &s.raw,
        Mock::given(method("GET"))
            .and(path(format!(
                "/OS2mo/config-502/{}/os2gov.toml",
                repo.commit_sha()
            )))
            .respond_with(ResponseTemplate::new(502))
            .with_priority(1),
    );
    let err = app::check_remote(&target(&repo), &s.options(None), &english())
        .expect_err("the config decides the level and the exceptions");
    assert!(
        err.to_string().contains("os2gov.toml could not be read")
            && err.to_string().contains("502 Bad Gateway"),
        "{err}"
    );
    let out = cli(&s, &["check", "github:OS2mo/config-502"]);
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    assert!(stderr.contains("502 Bad Gateway"), "{stderr}");
}

#[test]
fn failed_organisation_defaults_and_open_items_are_unknown_not_missing() {
    let s = servers();
    let repo = good_repo();
    mount_repo(&s, &repo);
    s.on(
        &s.raw,
        Mock::given(method("GET"))
            .and(path("/OS2mo/.github/HEAD/.github/SECURITY.md"))
            .respond_with(ResponseTemplate::new(502))
            .with_priority(1),
    );
    s.on(
        &s.api,
        Mock::given(method("GET"))
            .and(path("/repos/OS2mo/os2mo/issues"))
            .respond_with(ResponseTemplate::new(500))
            .with_priority(1),
    );
    let (report, scan) = check(&repo, &s.options(None));
    assert!(scan
        .snapshot
        .unread
        .files
        .contains_key(".github/SECURITY.md"));
    let f4 = report.finding("F4").expect("F4");
    assert_eq!(f4.verdict, Verdict::Unknown, "{}", f4.message);
    assert!(f4.message.contains("502"), "{}", f4.message);
    let p9 = report.finding("P9").expect("P9");
    assert_eq!(p9.verdict, Verdict::Unknown, "{}", p9.message);
    assert!(p9.fix.starts_with("Run the check again"), "{}", p9.fix);
}
