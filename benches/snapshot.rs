//! Times the git adapter alone on the repository `scripts/bench.sh` generates. Not a timed test:
//! it only prints, and only runs when asked:
//!
//! `OS2GOV_BENCH_REPO=target/bench-repo cargo test --release --bench snapshot -- --ignored --nocapture`
#![cfg(feature = "git")]

use os2gov::adapters::git::{snapshot_repo, Revision};
use std::path::PathBuf;
use std::time::{Duration, Instant};

const RUNS: usize = 10;

fn median(mut times: Vec<Duration>) -> Duration {
    times.sort();
    times[times.len() / 2]
}

#[test]
#[ignore = "needs the repository scripts/bench.sh generates"]
fn time_snapshot_repo() {
    let Some(repo) = std::env::var_os("OS2GOV_BENCH_REPO").map(PathBuf::from) else {
        eprintln!("set OS2GOV_BENCH_REPO to the repository scripts/bench.sh generates");
        return;
    };
    for (label, revision) in [
        ("work tree", Revision::WorkTree),
        ("--rev HEAD", Revision::Rev("HEAD")),
    ] {
        let mut times = Vec::with_capacity(RUNS);
        let mut stats = None;
        for _ in 0..RUNS {
            let start = Instant::now();
            let snapshot = snapshot_repo(&repo, revision, 0).expect("snapshot");
            times.push(start.elapsed());
            stats = Some(snapshot.stats);
        }
        let stats = stats.expect("at least one run");
        println!(
            "  {label:<11} median {:>6.1} ms  (min {:>6.1} ms)  paths {}  blobs read {}  commits walked {}",
            median(times.clone()).as_secs_f64() * 1e3,
            times.iter().min().expect("runs").as_secs_f64() * 1e3,
            stats.paths_listed,
            stats.blobs_read,
            stats.commits_walked,
        );
    }
}
