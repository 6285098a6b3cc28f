//! `os2gov evaluate`: a product of one or more repositories — local clones, GitHub repositories
//! and whole organisations — read by the adapters, its governance report and self-assessment
//! shared by all of them, each checked by the engine, and the evaluation made from the reports.

use crate::adapters::remote::{
    self, RemoteError, RemoteOptions, RemoteScan, RemoteTarget, RequestStats,
};
use crate::base::model::{Fetched, Msg, RepoMeta, Snapshot};
use crate::engine;
use crate::evaluate::{self, Evaluation, Product, Repository};
use crate::msg;
use std::path::PathBuf;

/// One source of a product, as typed on the command line.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ProductSource {
    /// A folder or a local clone.
    Local(PathBuf),
    /// `github:OWNER/REPO` (or a GitHub URL).
    Repository(RemoteTarget),
    /// `github:OWNER`: its public, non-archived repositories.
    Organisation(String),
}

impl ProductSource {
    /// `github:OWNER/REPO` and GitHub URLs name a repository, `github:OWNER` an organisation,
    /// anything else a local path.
    pub fn parse(arg: &str) -> ProductSource {
        if let Some(target) = RemoteTarget::parse(arg) {
            return ProductSource::Repository(target);
        }
        if let Some(owner) = arg.trim().strip_prefix("github:") {
            return ProductSource::Organisation(owner.trim_matches('/').to_string());
        }
        ProductSource::Local(PathBuf::from(arg))
    }
}

#[derive(Debug, thiserror::Error)]
pub enum EvaluateError {
    #[error("{0}: a GitHub source cannot be read --offline")]
    RemoteOffline(String),
    #[error("{path}: {source}")]
    Local {
        path: String,
        source: crate::adapters::fs::AdapterError,
    },
    #[error("{name}: {source}")]
    Remote { name: String, source: RemoteError },
    #[error("{name}: {source}")]
    Engine {
        name: String,
        source: engine::EngineError,
    },
    #[error("no repositories to evaluate")]
    Empty,
}

/// What `os2gov evaluate` asks for.
#[derive(Debug, Clone)]
pub struct EvaluateRequest {
    pub sources: Vec<ProductSource>,
    /// `--name`; else the organisation's name, else the main repository's.
    pub name: Option<String>,
    /// `None` offline: local sources only, without GitHub metadata.
    pub remote: Option<RemoteOptions>,
    pub engine: engine::Options,
    pub now: i64,
}

/// The evaluation and what the run says on standard error.
#[derive(Debug, Clone)]
pub struct Evaluated {
    pub evaluation: Evaluation,
    pub stats: Option<RequestStats>,
    pub warnings: Vec<Msg>,
}

/// A repository read, before it is checked.
struct Read {
    /// `OWNER/REPO` when known, else the folder's name.
    name: String,
    /// What makes two sources the same repository.
    key: String,
    url: Option<String>,
    snapshot: Snapshot,
    notes: Vec<Msg>,
}

fn meta(snapshot: &Snapshot) -> Option<&RepoMeta> {
    match &snapshot.github {
        Fetched::Got { value } => Some(value),
        Fetched::Unknown { .. } => None,
    }
}

fn from_scan(scan: RemoteScan, fallback: &str) -> (Read, RequestStats, Vec<Msg>) {
    let meta = meta(&scan.snapshot).cloned();
    let name = meta
        .as_ref()
        .map(|m| format!("{}/{}", m.owner, m.name))
        .unwrap_or_else(|| fallback.to_string());
    let read = Read {
        key: name.to_ascii_lowercase(),
        url: meta.map(|m| m.html_url).or_else(|| {
            name.contains('/')
                .then(|| format!("https://github.com/{name}"))
        }),
        name,
        snapshot: scan.snapshot,
        notes: scan.notes,
    };
    (read, scan.stats, scan.warnings)
}

/// A repository of an organisation whose scan failed: everything unread, with the reason.
fn unreadable(slug: &str, error: &RemoteError, now: i64) -> Read {
    let why = msg!(
        "{slug} kunne ikke læses: {e}",
        "{slug} could not be read: {e}",
        e = error
    );
    Read {
        name: slug.to_string(),
        key: slug.to_ascii_lowercase(),
        url: Some(format!("https://github.com/{slug}")),
        snapshot: Snapshot {
            now,
            unread: crate::base::model::Unread {
                listing: Some(why.clone()),
                history: Some(why.clone()),
                metadata: Some(why.clone()),
                open_items: Some(why),
                ..Default::default()
            },
            ..Snapshot::default()
        },
        notes: Vec::new(),
    }
}

fn add(total: &mut RequestStats, more: &RequestStats) {
    total.rest += more.rest;
    total.items += more.items;
    total.graphql += more.graphql;
    total.raw += more.raw;
    total.not_modified += more.not_modified;
    total.cache_hits += more.cache_hits;
    total.jira += more.jira;
    total.failed += more.failed;
}

/// Every repository read, what the reads cost, the run's warnings and the organisation named.
type ReadAll = (Vec<Read>, RequestStats, Vec<Msg>, Option<String>);

/// Reads every source into snapshots: each repository once, whichever sources name it.
fn read_all(request: &EvaluateRequest) -> Result<ReadAll, EvaluateError> {
    let mut reads: Vec<Read> = Vec::new();
    let mut stats = RequestStats::default();
    let mut warnings = Vec::new();
    let mut organisation = None;
    let options = |name: &str| {
        request
            .remote
            .as_ref()
            .ok_or_else(|| EvaluateError::RemoteOffline(name.to_string()))
    };
    for source in &request.sources {
        match source {
            ProductSource::Local(path) => {
                let shown = path.display().to_string();
                let snapshot = crate::adapters::git::open_snapshot(path, None, request.now)
                    .map_err(|source| EvaluateError::Local {
                        path: shown.clone(),
                        source,
                    })?;
                let folder = std::fs::canonicalize(path)
                    .ok()
                    .and_then(|p| p.file_name().map(|n| n.to_string_lossy().into_owned()))
                    .unwrap_or_else(|| shown.clone());
                let read = match &request.remote {
                    None => Read {
                        key: std::fs::canonicalize(path)
                            .map(|p| p.display().to_string())
                            .unwrap_or(shown.clone()),
                        name: folder,
                        url: None,
                        snapshot,
                        notes: Vec::new(),
                    },
                    Some(options) => {
                        let scan = crate::app::enrich_local(snapshot, options, &request.engine)
                            .map_err(|source| EvaluateError::Remote {
                                name: shown.clone(),
                                source,
                            })?;
                        let (read, s, w) = from_scan(scan, &folder);
                        add(&mut stats, &s);
                        warnings.extend(w);
                        read
                    }
                };
                reads.push(read);
            }
            ProductSource::Repository(target) => {
                let slug = target.slug();
                let scan = remote::scan_remote(target, options(&slug)?, &|s| {
                    crate::app::jira_of(s, &request.engine)
                })
                .map_err(|source| EvaluateError::Remote {
                    name: slug.clone(),
                    source,
                })?;
                let (read, s, w) = from_scan(scan, &slug);
                add(&mut stats, &s);
                warnings.extend(w);
                reads.push(read);
            }
            ProductSource::Organisation(owner) => {
                let name = format!("github:{owner}");
                let org = remote::scan_organisation_with(
                    owner,
                    options(&name)?,
                    &|s| crate::app::jira_of(s, &request.engine),
                    |listed, scan| (listed.slug.clone(), scan),
                )
                .map_err(|source| EvaluateError::Remote {
                    name: name.clone(),
                    source,
                })?;
                add(&mut stats, &org.stats);
                warnings.extend(org.warnings);
                let mut repos = org.repos;
                repos.sort_by_key(|(slug, _)| slug.to_ascii_lowercase());
                for (slug, scan) in repos {
                    match scan {
                        Ok(scan) => {
                            let (read, _, w) = from_scan(scan, &slug);
                            warnings.extend(w);
                            reads.push(read);
                        }
                        // One repository that could not be read leaves the product incomplete,
                        // not smaller: its rows are unknown, never a gap of the product.
                        Err(e) => reads.push(unreadable(&slug, &e, request.now)),
                    }
                }
                organisation.get_or_insert_with(|| owner.clone());
            }
        }
    }
    let mut seen = std::collections::HashSet::new();
    reads.retain(|r| seen.insert(r.key.clone()));
    Ok((reads, stats, warnings, organisation))
}

/// The most recently pushed repository is the main one (its history and metadata answer for the
/// product); without metadata, the first source.
fn main_index(reads: &[Read]) -> usize {
    reads
        .iter()
        .enumerate()
        .max_by_key(|(i, r)| {
            (
                meta(&r.snapshot).and_then(|m| m.pushed_at),
                std::cmp::Reverse(*i),
            )
        })
        .map(|(i, _)| i)
        .unwrap_or(0)
}

/// `os2gov evaluate`: reads the sources, shares the product's governance report, checks each
/// repository and evaluates the product.
pub fn evaluate(request: &EvaluateRequest) -> Result<Evaluated, EvaluateError> {
    let (mut reads, stats, warnings, organisation) = read_all(request)?;
    if reads.is_empty() {
        return Err(EvaluateError::Empty);
    }
    let main = main_index(&reads);
    let mut snapshots: Vec<Snapshot> = reads
        .iter_mut()
        .map(|r| std::mem::take(&mut r.snapshot))
        .collect();
    let declarations = evaluate::share_declarations(&mut snapshots, main);
    let mut repositories = Vec::new();
    for (read, snapshot) in reads.iter().zip(&snapshots) {
        let mut report =
            engine::check(snapshot, &request.engine).map_err(|source| EvaluateError::Engine {
                name: read.name.clone(),
                source,
            })?;
        crate::app::add_notes(&mut report, &read.notes);
        repositories.push(Repository {
            name: read.name.clone(),
            url: read.url.clone(),
            report,
        });
    }
    let governance_report =
        declarations.map(|(repo, path)| format!("{}: {path}", reads[repo].name));
    let name = request
        .name
        .clone()
        .or_else(|| organisation.clone())
        .unwrap_or_else(|| {
            reads[main]
                .name
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_string()
        });
    let site = evaluate::product_page(&repositories);
    let product = Product {
        name,
        organisation: organisation.map(|o| format!("https://github.com/{o}")),
        site,
        main,
        repositories,
        governance_report,
        target: request.engine.level,
    };
    let evaluation = evaluate::evaluate(&product, &evaluate::template_date(request.now));
    let mut warnings = warnings;
    if product.repositories.len() > 1 {
        warnings.push(msg!(
            "Hovedrepository: {m} (det senest opdaterede).",
            "Main repository: {m} (the most recently pushed).",
            m = product.repositories[main].name
        ));
    }
    Ok(Evaluated {
        evaluation,
        stats: request.remote.as_ref().map(|_| stats),
        warnings,
    })
}

/// The outcome of `os2gov portfolio`.
#[derive(Debug, Clone)]
pub struct PortfolioRun {
    pub portfolio: crate::evaluate::portfolio::ProductPortfolio,
    pub stats: RequestStats,
    pub warnings: Vec<Msg>,
}

/// `os2gov portfolio`: every organisation one product, evaluated in turn. A product that could
/// not be read is a row with the reason, and the others are still evaluated.
pub fn portfolio(
    owners: &[String],
    remote: &RemoteOptions,
    engine: &engine::Options,
    now: i64,
) -> PortfolioRun {
    use crate::evaluate::portfolio::{ProductPortfolio, ProductRow};
    let mut rows = Vec::new();
    let mut stats = RequestStats::default();
    let mut warnings = Vec::new();
    let mut lang = engine.lang;
    for owner in owners {
        let request = EvaluateRequest {
            sources: vec![ProductSource::Organisation(owner.clone())],
            name: Some(owner.clone()),
            remote: Some(remote.clone()),
            engine: engine.clone(),
            now,
        };
        match evaluate(&request) {
            Ok(done) => {
                if let Some(s) = &done.stats {
                    add(&mut stats, s);
                }
                warnings.extend(done.warnings);
                lang.get_or_insert(done.evaluation.lang);
                rows.push(ProductRow::from_evaluation(&done.evaluation));
            }
            Err(e) => rows.push(ProductRow::failed(
                owner,
                Some(format!("https://github.com/{owner}")),
                &e.to_string(),
            )),
        }
    }
    PortfolioRun {
        portfolio: ProductPortfolio::new(
            lang.unwrap_or_default(),
            &crate::evaluate::template_date(now),
            rows,
        ),
        stats,
        warnings,
    }
}

/// What a portfolio scan of `owners` will cost against what is left of GitHub's rate limit,
/// asked before the scan so that the user sees it first.
pub fn portfolio_budget(
    owners: &[String],
    remote: &RemoteOptions,
) -> Result<remote::Budget, RemoteError> {
    remote::budget(owners, remote)
}

/// The budget in words, for standard error before a portfolio scan.
pub fn budget_line(budget: &remote::Budget, owners: usize) -> Msg {
    let mut line = msg!(
        "Portefølje: {owners} organisationer, {r} repositorier; op til ca. {n} forespørgsler, der tæller i GitHubs grænse.",
        "Portfolio: {owners} organisations, {r} repositories; up to about {n} requests that count against GitHub's rate limit.",
        r = budget.repositories,
        n = budget.needed
    );
    if let (Some(remaining), Some(limit)) = (budget.remaining, budget.limit) {
        let reset = budget
            .reset
            .map(|t| {
                format!(
                    "{:02}:{:02} UTC",
                    t.rem_euclid(86_400) / 3600,
                    t.rem_euclid(3600) / 60
                )
            })
            .unwrap_or_default();
        line = line.join(&msg!(
            "GitHub: {remaining} af {limit} tilbage (nulstilles {reset}).",
            "GitHub: {remaining} of {limit} left (resets {reset})."
        ));
        if (remaining as usize) < budget.needed {
            line = line.join(&msg!(
                "Det rækker måske ikke: produkter, der ikke kan læses færdigt, markeres som ufuldstændige. Sæt GITHUB_TOKEN for en højere grænse.",
                "That may not be enough: products that cannot be read completely are marked incomplete. Set GITHUB_TOKEN for a higher limit."
            ));
        }
    }
    line
}
