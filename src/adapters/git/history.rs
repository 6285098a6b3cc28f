//! The recent history, the branches with how far each is ahead, and the default branch.

use super::*;
use crate::adapters::fs::AdapterError;
use crate::base::model::{Branch, Commit as RecentCommit, History, SnapshotStats};
use git2::{BranchType, Commit, Oid, Repository};
use std::collections::{BinaryHeap, HashMap};

/// The history, and why it holds fewer than [`RECENT_COMMITS`] non-merge commits when more
/// exist (a shallow clone, the walk limit).
pub(super) fn history(
    repo: &Repository,
    start: Option<&Commit<'_>>,
    stats: &mut SnapshotStats,
) -> Result<(History, Option<crate::base::model::Msg>), AdapterError> {
    let mut history = History {
        newest_commit_time: start.map(|c| c.time().seconds()),
        ..History::default()
    };
    let mut cut_short = None;
    if let Some(start) = start {
        let (commits, why) = recent_commits(repo, start.id(), stats)?;
        cut_short = why.map(|why| crate::base::model::history_cut_short(commits.len(), &why));
        history.recent_commits = commits;
    }
    let (default_branch, default_tip) = default_branch(repo);
    history.default_branch = default_branch;
    let mut branches = branches(repo)?;
    if branches.len() <= MAX_BRANCHES_WITH_AHEAD {
        if let Some(default_tip) = default_tip {
            let tips: Vec<Oid> = branches.iter().map(|(_, tip)| *tip).collect();
            let counts = ahead_counts(repo, default_tip, &tips, AHEAD_WALK_BUDGET);
            for ((branch, _), ahead) in branches.iter_mut().zip(counts) {
                branch.ahead = ahead;
            }
        }
    }
    history.branches = branches.into_iter().map(|(branch, _)| branch).collect();
    history.origin_url = repo
        .find_remote("origin")
        .ok()
        .map(|remote| String::from_utf8_lossy(remote.url_bytes()).into_owned())
        .filter(|url| !url.is_empty());
    Ok((history, cut_short))
}

/// The newest non-merge commits reachable from `start`, newest first, and why there are fewer
/// than [`RECENT_COMMITS`] when the history may hold more. libgit2's unsorted walk is lazy and
/// already goes by commit date, as `git log` and GitHub's commit list do; asking it to sort
/// would make it walk everything first.
pub(super) fn recent_commits(
    repo: &Repository,
    start: Oid,
    stats: &mut SnapshotStats,
) -> Result<(Vec<RecentCommit>, Option<crate::base::model::Msg>), AdapterError> {
    let walk_error = |e: git2::Error| {
        git_error(
            msg!(
                "kan ikke gennemgå historikken fra {start}",
                "cannot walk the history from {start}"
            ),
            &e,
        )
    };
    let mut walk = repo.revwalk().map_err(walk_error)?;
    walk.push(start).map_err(walk_error)?;
    let mut commits = Vec::new();
    for id in walk {
        if commits.len() >= RECENT_COMMITS {
            return Ok((commits, None));
        }
        if stats.commits_walked >= MAX_COMMITS_WALKED {
            let why = crate::msg!(
                "der blev højst læst {MAX_COMMITS_WALKED} commits, og de fleste var merges",
                "at most {MAX_COMMITS_WALKED} commits were read, and most were merges"
            );
            return Ok((commits, Some(why)));
        }
        let id = id.map_err(walk_error)?;
        stats.commits_walked += 1;
        let commit = repo.find_commit(id).map_err(|e| {
            git_error(
                msg!("kan ikke læse commit {id}", "cannot read commit {id}"),
                &e,
            )
        })?;
        if commit.parent_count() > 1 {
            continue;
        }
        commits.push(RecentCommit {
            id: id.to_string(),
            time: commit.time().seconds(),
            message: String::from_utf8_lossy(commit.message_bytes())
                .trim_end()
                .to_string(),
        });
    }
    // The walk ended: at the root, or at the edge of a shallow clone, where the history goes
    // on without being here.
    let why = (commits.len() < RECENT_COMMITS && repo.is_shallow()).then(|| {
        crate::msg!(
            "klonen har kun en del af historikken (shallow clone); hent resten med git fetch --unshallow eller fetch-depth: 0 i actions/checkout",
            "the clone is shallow; fetch the whole history with git fetch --unshallow, or fetch-depth: 0 in actions/checkout"
        )
    });
    Ok((commits, why))
}

/// How many commits of each branch tip the default branch lacks, for all branches in one walk.
///
/// Counting per branch with `graph_ahead_behind` walks from each tip down to where it meets the
/// default branch: for a branch merged long ago that is the whole history in between, once per
/// branch (60 ms for one such branch 10,000 commits back). Here one walk, newest commit first
/// as in git's merge-base search, carries a bit per branch and one for the default branch; a
/// commit with a branch's bit and without the default's is ahead for that branch. The walk ends
/// when every queued commit has the default's bit, or after `budget` commits: a branch still
/// undecided then is `None`, and so is one whose count ran into a history cut short (shallow).
pub(super) fn ahead_counts(
    repo: &Repository,
    default_tip: Oid,
    tips: &[Oid],
    budget: usize,
) -> Vec<Option<usize>> {
    let tips = &tips[..tips.len().min(63)];
    let mut walk = AheadWalk {
        repo,
        commits: HashMap::new(),
        flags: HashMap::new(),
        queue: BinaryHeap::new(),
    };
    walk.mark(default_tip, AheadWalk::DEFAULT);
    for (i, tip) in tips.iter().enumerate() {
        walk.mark(*tip, 1 << i);
    }
    // Branches whose count met a commit that could not be read.
    let mut cut_short = 0u64;
    let mut walked = 0;
    while walk.queue.iter().any(|(_, id)| walk.undecided(id)) {
        if walked == budget {
            break;
        }
        let Some((_, id)) = walk.queue.pop() else {
            break;
        };
        walked += 1;
        let bits = walk.flags[&id];
        match walk.load(id) {
            Some((_, parents)) => {
                for parent in parents {
                    walk.mark(parent, bits);
                }
            }
            None if bits & AheadWalk::DEFAULT == 0 => cut_short |= bits,
            None => {}
        }
    }
    let open = walk
        .queue
        .iter()
        .filter(|(_, id)| walk.undecided(id))
        .fold(cut_short, |open, (_, id)| open | walk.flags[id]);
    (0..tips.len())
        .map(|i| {
            let bit = 1u64 << i;
            (open & bit == 0).then(|| {
                walk.flags
                    .values()
                    .filter(|&&f| f & bit != 0 && f & AheadWalk::DEFAULT == 0)
                    .count()
            })
        })
        .collect()
}

pub(super) struct AheadWalk<'r> {
    repo: &'r Repository,
    /// Commit → (time, parents), read once; `None` when it cannot be read.
    commits: HashMap<Oid, Option<(i64, Vec<Oid>)>>,
    /// Which tips reach the commit: bit i for branch i, [`AheadWalk::DEFAULT`] for the default.
    flags: HashMap<Oid, u64>,
    /// Newest first.
    queue: BinaryHeap<(i64, Oid)>,
}

impl AheadWalk<'_> {
    const DEFAULT: u64 = 1 << 63;

    fn load(&mut self, id: Oid) -> Option<(i64, Vec<Oid>)> {
        let repo = self.repo;
        self.commits
            .entry(id)
            .or_insert_with(|| {
                repo.find_commit(id)
                    .ok()
                    .map(|c| (c.time().seconds(), c.parent_ids().collect()))
            })
            .clone()
    }

    /// Adds `bits` to the commit and (re)queues it when that changed anything, so that bits
    /// reaching a commit late (clock skew) still flow on to its parents.
    fn mark(&mut self, id: Oid, bits: u64) {
        let old = self.flags.get(&id).copied().unwrap_or(0);
        if old | bits != old {
            self.flags.insert(id, old | bits);
            let time = self.load(id).map_or(i64::MIN, |(time, _)| time);
            self.queue.push((time, id));
        }
    }

    /// Reached from some branch but not (yet) from the default branch.
    fn undecided(&self, id: &Oid) -> bool {
        let bits = self.flags.get(id).copied().unwrap_or(0);
        bits != 0 && bits & Self::DEFAULT == 0
    }
}

/// Local branches and `origin/*` remote-tracking branches, local first, each by name. A branch
/// whose tip cannot be read is left out rather than failing the whole check.
pub(super) fn branches(repo: &Repository) -> Result<Vec<(Branch, Oid)>, AdapterError> {
    let iter = repo
        .branches(None)
        .map_err(|e| git_error(msg!("kan ikke liste grenene", "cannot list branches"), &e))?;
    let mut found = Vec::new();
    for item in iter {
        let Ok((branch, kind)) = item else { continue };
        let Ok(name) = branch.name_bytes() else {
            continue;
        };
        let name = String::from_utf8_lossy(name).into_owned();
        if kind == BranchType::Remote && (!name.starts_with("origin/") || name == "origin/HEAD") {
            continue;
        }
        let reference = branch.get();
        if reference.symbolic_target_bytes().is_some() {
            continue;
        }
        let Ok(commit) = reference.peel_to_commit() else {
            continue;
        };
        found.push((
            kind == BranchType::Remote,
            Branch {
                name,
                last_commit_time: commit.time().seconds(),
                ahead: None,
            },
            commit.id(),
        ));
    }
    found.sort_by(|a, b| (a.0, &a.1.name).cmp(&(b.0, &b.1.name)));
    Ok(found
        .into_iter()
        .map(|(_, branch, tip)| (branch, tip))
        .collect())
}

/// origin/HEAD's target, else the current branch, else `main` or `master` (local, then origin's):
/// the name without the remote, and its tip when it has one.
pub(super) fn default_branch(repo: &Repository) -> (Option<String>, Option<Oid>) {
    if let Ok(origin_head) = repo.find_reference("refs/remotes/origin/HEAD") {
        if let Some(target) = origin_head.symbolic_target() {
            if let Some(name) = target.strip_prefix("refs/remotes/origin/") {
                return (Some(name.to_string()), repo.refname_to_id(target).ok());
            }
        }
    }
    if let Ok(head) = repo.find_reference("HEAD") {
        if let Some(target) = head.symbolic_target() {
            if let Some(name) = target.strip_prefix("refs/heads/") {
                return (Some(name.to_string()), repo.refname_to_id(target).ok());
            }
        }
    }
    for name in ["main", "master"] {
        for refname in [
            format!("refs/heads/{name}"),
            format!("refs/remotes/origin/{name}"),
        ] {
            if let Ok(tip) = repo.refname_to_id(&refname) {
                return (Some(name.to_string()), Some(tip));
            }
        }
    }
    (None, None)
}
