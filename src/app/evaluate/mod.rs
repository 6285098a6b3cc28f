//! `os2gov evaluate`: a product of one or more repositories — local clones, GitHub repositories
//! and whole organisations — read by the adapters, its governance report and self-assessment
//! shared by all of them, each checked by the engine, and the evaluation made from the reports.

use crate::adapters::remote::{
    self, RemoteError, RemoteOptions, RemoteScan, RemoteTarget, RequestStats,
};
use crate::base::model::{Bilingual, Fetched, Msg, RepoMeta, Snapshot};
use crate::base::text::quoted;
use crate::engine;
use crate::engine::config::{ConfigError, ProductConfig, FILE_NAME};
use crate::evaluate::{self, Evaluation, MainChoice, Product, Repository};
use crate::msg;
use std::path::{Path, PathBuf};

mod portfolio;
mod product;

pub use portfolio::{budget_line, portfolio, portfolio_budget, PortfolioRequest, PortfolioRun};
use product::*;

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
    #[error("{}", self.msg().en)]
    RemoteOffline(String),
    #[error("{}", self.msg().en)]
    Local {
        path: String,
        source: crate::adapters::fs::AdapterError,
    },
    #[error("{}", self.msg().en)]
    Remote { name: String, source: RemoteError },
    #[error("{}", self.msg().en)]
    Engine {
        name: String,
        source: engine::EngineError,
    },
    #[error("{}", self.msg().en)]
    Empty,
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("{}", self.msg().en)]
    NoProduct(String),
    #[error("{}", self.msg().en)]
    UnknownMain {
        path: String,
        main: String,
        known: String,
    },
}

impl Bilingual for EvaluateError {
    fn msg(&self) -> Msg {
        // "{what}: {source}" in both languages.
        let about = |what: &str, source: Msg| {
            let (da, en) = (&source.da, &source.en);
            msg!("{what}: {da}", "{what}: {en}")
        };
        match self {
            EvaluateError::RemoteOffline(name) => msg!(
                "{name}: en GitHub-kilde kan ikke læses --offline",
                "{name}: a GitHub source cannot be read --offline"
            ),
            EvaluateError::Local { path, source } => about(path, source.msg()),
            EvaluateError::Remote { name, source } => about(name, source.msg()),
            EvaluateError::Engine { name, source } => about(name, source.msg()),
            EvaluateError::Empty => msg!(
                "ingen repositories at evaluere",
                "no repositories to evaluate"
            ),
            EvaluateError::Config(e) => e.msg(),
            EvaluateError::NoProduct(here) => msg!(
                "{here}: ingen KILDE angivet, og intet repository her eller ovenover (en mappe med \
                 .git), hvis os2gov.toml kunne beskrive produktet (angiv produktets repositories: \
                 os2gov evaluate github:EJER …)",
                "{here}: no SOURCE given, and no repository here or above (a folder with .git) \
                 whose os2gov.toml could describe the product (name the product's repositories: \
                 os2gov evaluate github:OWNER …)"
            ),
            EvaluateError::UnknownMain { path, main, known } => msg!(
                "{path}: [product] main = {main:?} er ikke et af produktets repositories ({known})",
                "{path}: [product] main = {main:?} is none of the product's repositories ({known})"
            ),
        }
    }
}

/// The repository `os2gov evaluate` without a SOURCE evaluates: the one holding the current
/// folder, with the product its os2gov.toml describes (its `[product]` is applied when the
/// repository is read, as for any source).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ConfiguredProduct {
    /// The root of the repository holding the folder.
    pub root: PathBuf,
    /// Its os2gov.toml, as shown in errors.
    pub config_path: String,
    /// `None`: no os2gov.toml, or one without `[product]` — a product of this one repository.
    pub product: Option<ProductConfig>,
}

impl ConfiguredProduct {
    /// The product's first source, the repository itself: the repositories its `[product]` lists
    /// join when it is read.
    pub fn sources(&self) -> Vec<ProductSource> {
        vec![ProductSource::Local(self.root.clone())]
    }

    /// What the run says when the repository describes no product: it is evaluated alone.
    pub fn alone(&self) -> Option<Msg> {
        let root = self.root.display();
        self.product.is_none().then(|| {
            msg!(
                "{root}: ingen [product] i os2gov.toml; repositoriet vurderes som et produkt med ét repository.",
                "{root}: no [product] in os2gov.toml; the repository is evaluated as a product of one repository."
            )
        })
    }
}

/// The repository holding `start` and the product its os2gov.toml describes: the nearest folder
/// at or above `start` with `.git` is the repository. A config that does not parse is an error,
/// refused before anything is read; outside any repository, [`EvaluateError::NoProduct`].
pub fn configured_product(start: &Path) -> Result<ConfiguredProduct, EvaluateError> {
    let start = std::fs::canonicalize(start).unwrap_or_else(|_| start.to_path_buf());
    let shown = start.display().to_string();
    let Some(root) = start.ancestors().find(|dir| dir.join(".git").exists()) else {
        return Err(EvaluateError::NoProduct(shown));
    };
    let file = root.join(FILE_NAME);
    let config_path = file.display().to_string();
    let product = match std::fs::read_to_string(&file) {
        Ok(text) => crate::engine::config::parse(&config_path, &text)?.product,
        Err(_) => None,
    };
    Ok(ConfiguredProduct {
        root: root.to_path_buf(),
        config_path,
        product,
    })
}

/// What `os2gov evaluate` asks for.
#[derive(Debug, Clone)]
pub struct EvaluateRequest {
    pub sources: Vec<ProductSource>,
    /// `--name`; else `[product] name` in a source's os2gov.toml, else the organisation's name,
    /// else the main repository's.
    pub name: Option<String>,
    /// The main repository as a products file names it, with that file: before `[product] main`
    /// in a source's os2gov.toml; otherwise the most recently pushed is the main one.
    pub main: Option<(String, String)>,
    /// The product's page on os2.eu as a products file gives it, before `[product] os2eu` in a
    /// source's os2gov.toml and any page found in a repository.
    pub site: Option<String>,
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
    /// The folder of a local source, for `[product] main` written as a path.
    folder: Option<PathBuf>,
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
        folder: None,
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
        folder: None,
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
#[derive(Default)]
struct Gathered {
    reads: Vec<Read>,
    stats: RequestStats,
    warnings: Vec<Msg>,
    organisation: Option<String>,
}

impl Gathered {
    /// `more` joins: each repository once, whichever sources name it.
    fn join(&mut self, more: Gathered) {
        add(&mut self.stats, &more.stats);
        self.warnings.extend(more.warnings);
        if self.organisation.is_none() {
            self.organisation = more.organisation;
        }
        self.reads.extend(more.reads);
        let mut seen = std::collections::HashSet::new();
        self.reads.retain(|r| seen.insert(r.key.clone()));
    }
}

/// Reads every source into snapshots: each repository once, whichever sources name it.
fn read_sources(
    sources: &[ProductSource],
    request: &EvaluateRequest,
) -> Result<Gathered, EvaluateError> {
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
    for source in sources {
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
                        folder: None,
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
                reads.push(Read {
                    folder: std::fs::canonicalize(path).ok(),
                    ..read
                });
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
    let mut gathered = Gathered {
        stats,
        warnings,
        organisation,
        ..Gathered::default()
    };
    gathered.join(Gathered {
        reads,
        ..Gathered::default()
    });
    Ok(gathered)
}

/// `os2gov evaluate`: reads the sources, shares the product's governance report, checks each
/// repository and evaluates the product.
pub fn evaluate(request: &EvaluateRequest) -> Result<Evaluated, EvaluateError> {
    let gathered = read_sources(&request.sources, request)?;
    product_of(gathered, request, Configs::Apply, &mut DotGithubs::new())
}

/// Whether the repositories' own `[product]` tables shape the product: not when a products
/// file defines it, which says what belongs to it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Configs {
    Apply,
    Ignore,
}

/// Each organisation's `.github` as read for a product's declarations, by lower-case owner: a
/// portfolio of several products in one organisation reads it once.
type DotGithubs = std::collections::HashMap<String, Result<Option<Snapshot>, Msg>>;

/// The product of the repositories gathered, with what their `[product]` tables add: each
/// checked, the declarations shared, the evaluation made.
fn product_of(
    mut gathered: Gathered,
    request: &EvaluateRequest,
    configs: Configs,
    dot_githubs: &mut DotGithubs,
) -> Result<Evaluated, EvaluateError> {
    if gathered.reads.is_empty() {
        return Err(EvaluateError::Empty);
    }
    let applied = match configs {
        Configs::Apply => apply_products(&mut gathered, request)?,
        Configs::Ignore => Applied::default(),
    };
    let Gathered {
        mut reads,
        mut stats,
        warnings,
        organisation,
    } = gathered;
    // A main repository the request names (a products file) comes before the sources' configs;
    // relative paths in that file are relative to the file.
    let named = request
        .main
        .as_ref()
        .map(|(written, path)| Named {
            written: written.clone(),
            config: path.clone(),
            base: Path::new(path)
                .parent()
                .filter(|p| !p.as_os_str().is_empty())
                .map(Path::to_path_buf),
        })
        .or(applied.main);
    let (main, main_chosen) = main_index(&reads, named.as_ref())?;
    let mut snapshots: Vec<Snapshot> = reads
        .iter_mut()
        .map(|r| std::mem::take(&mut r.snapshot))
        .collect();
    // The organisation whose `.github` may hold the product's governance report: the one named,
    // else the main repository's owner on GitHub.
    let owner = organisation.clone().or_else(|| {
        let meta = meta(&snapshots[main])?;
        Some(meta.owner.clone())
    });
    let mut org_unread = None;
    let org_snapshot = match (&request.remote, &owner) {
        (Some(options), Some(owner)) if !snapshots.iter().any(evaluate::has_declarations) => {
            let read = dot_githubs
                .entry(owner.to_ascii_lowercase())
                .or_insert_with(|| organisation_declarations(owner, options, &mut stats))
                .clone();
            match read {
                Ok(snapshot) => snapshot,
                Err(why) => {
                    org_unread = Some(format!("{owner}/.github: {}", why.get(lang_of(request))));
                    None
                }
            }
        }
        _ => None,
    };
    let declarations =
        evaluate::share_declarations_from(&mut snapshots, main, org_snapshot.as_ref());
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
    let governance_report = declarations.map(|(from, path)| match from {
        evaluate::DeclaredIn::Repository(repo) => format!("{}: {path}", reads[repo].name),
        evaluate::DeclaredIn::Organisation => {
            format!("{}/.github: {path}", owner.as_deref().unwrap_or_default())
        }
    });
    let name = request
        .name
        .clone()
        .or(applied.name)
        .or_else(|| organisation.clone())
        .unwrap_or_else(|| {
            reads[main]
                .name
                .rsplit('/')
                .next()
                .unwrap_or("")
                .to_string()
        });
    let site = request
        .site
        .clone()
        .or(applied.site)
        .or_else(|| evaluate::product_page(&repositories));
    let product = Product {
        name,
        organisation: organisation.map(|o| format!("https://github.com/{o}")),
        site,
        main,
        main_chosen,
        repositories,
        governance_report,
        target: request.engine.level,
    };
    let mut evaluation = evaluate::evaluate(&product, &evaluate::template_date(request.now));
    // No repository holds a governance report, and the one place left could not be read: the
    // declared rows may be what it would have declared, so the product is not read completely.
    evaluation.incomplete.extend(org_unread);
    let mut warnings = warnings;
    if product.repositories.len() > 1 {
        let why = main_chosen.reason();
        warnings.push(Msg::new(
            format!(
                "Hovedrepository: {} ({}).",
                product.repositories[main].name, why.da
            ),
            format!(
                "Main repository: {} ({}).",
                product.repositories[main].name, why.en
            ),
        ));
    }
    Ok(Evaluated {
        evaluation,
        stats: request.remote.as_ref().map(|_| stats),
        warnings,
    })
}

/// The language the run reports in (the reports' own default when none is asked).
fn lang_of(request: &EvaluateRequest) -> crate::base::model::Lang {
    request.engine.lang.unwrap_or_default()
}
