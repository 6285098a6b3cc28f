//! `os2gov evaluate`: a product of one or more repositories — local clones, GitHub repositories
//! and whole organisations — read by the adapters, its governance report and self-assessment
//! shared by all of them, each checked by the engine, and the evaluation made from the reports.

use crate::adapters::remote::{
    self, RemoteError, RemoteOptions, RemoteScan, RemoteTarget, RequestStats,
};
use crate::base::model::{Fetched, Msg, RepoMeta, Snapshot};
use crate::base::text::quoted;
use crate::engine;
use crate::engine::config::{ConfigError, ProductConfig, FILE_NAME};
use crate::evaluate::{self, Evaluation, MainChoice, Product, Repository};
use crate::msg;
use std::path::{Path, PathBuf};

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
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error(
        "{0}: no SOURCE given, and no repository here or above (a folder with .git) whose \
         os2gov.toml could describe the product (name the product's repositories: os2gov \
         evaluate github:OWNER …)"
    )]
    NoProduct(String),
    #[error("{path}: [product] main = {main:?} is none of the product's repositories ({known})")]
    UnknownMain {
        path: String,
        main: String,
        known: String,
    },
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

/// Whether `written` (as in `[product] main`: `OWNER/REPO`, `github:OWNER/REPO`, a GitHub URL, a
/// path, a folder's name) names the repository read.
fn names(written: &str, read: &Read, base: Option<&Path>) -> bool {
    let written = written.trim();
    let slug = match ProductSource::parse(written) {
        ProductSource::Repository(target) => target.slug(),
        _ => written.trim_matches('/').to_string(),
    };
    if slug.eq_ignore_ascii_case(&read.name) || slug.eq_ignore_ascii_case(&read.key) {
        return true;
    }
    // A local repository without a GitHub remote is named by its folder or its path.
    let path = match base {
        Some(base) if Path::new(written).is_relative() => base.join(written),
        _ => PathBuf::from(written),
    };
    std::fs::canonicalize(path).is_ok_and(|p| read.folder.as_ref() == Some(&p))
}

/// `[product] main` as written, in which config, and the folder its relative paths start from.
#[derive(Debug, Clone)]
struct Named {
    written: String,
    config: String,
    base: Option<PathBuf>,
}

impl Named {
    fn index(&self, reads: &[Read]) -> Option<usize> {
        reads
            .iter()
            .position(|r| names(&self.written, r, self.base.as_deref()))
    }
}

/// The main repository (its history and metadata answer for the product) and why: the one the
/// config names, else the most recently pushed; without metadata, the first source.
fn main_index(reads: &[Read], named: Option<&Named>) -> Result<(usize, MainChoice), EvaluateError> {
    if let Some(named) = named {
        return match named.index(reads) {
            Some(i) => Ok((i, MainChoice::Config)),
            None => Err(EvaluateError::UnknownMain {
                path: named.config.clone(),
                main: named.written.clone(),
                known: reads
                    .iter()
                    .map(|r| r.name.as_str())
                    .collect::<Vec<_>>()
                    .join(", "),
            }),
        };
    }
    let pushed = reads
        .iter()
        .enumerate()
        .filter_map(|(i, r)| Some((i, meta(&r.snapshot)?.pushed_at?)))
        .max_by_key(|(i, at)| (*at, std::cmp::Reverse(*i)));
    Ok(match pushed {
        Some((i, _)) => (i, MainChoice::Pushed),
        None => (0, MainChoice::First),
    })
}

/// `[product]` as one repository's os2gov.toml writes it, and where.
struct Described {
    /// The os2gov.toml, as shown in notes and errors.
    config: String,
    /// The repository's folder, where its relative paths start (local sources only).
    base: Option<PathBuf>,
    product: ProductConfig,
}

/// The `[product]` of a repository read, if its os2gov.toml has one. A config that does not
/// parse describes nothing here: the engine refuses it when the repository is checked.
fn described(read: &Read) -> Option<Described> {
    let text = read.snapshot.text(FILE_NAME)?;
    let config = match &read.folder {
        Some(folder) => folder.join(FILE_NAME).display().to_string(),
        None => format!("{}: {FILE_NAME}", read.name),
    };
    let product = crate::engine::config::parse(&config, text).ok()?.product?;
    Some(Described {
        config,
        base: read.folder.clone(),
        product,
    })
}

impl Described {
    /// The repositories it lists, as sources: a path is relative to the repository whose config
    /// it is, and means nothing in a repository read from GitHub (skipped, with a note).
    fn sources(&self, warnings: &mut Vec<Msg>) -> Vec<ProductSource> {
        let mut sources = Vec::new();
        for written in &self.product.repositories {
            match (ProductSource::parse(written), &self.base) {
                (ProductSource::Local(path), Some(base)) if path.is_relative() => {
                    sources.push(ProductSource::Local(base.join(path)));
                }
                (ProductSource::Local(_), None) => warnings.push(msg!(
                    "{c}: {written} i repositories er en sti, som ikke kan følges i et repository på GitHub; den springes over.",
                    "{c}: {written} in repositories is a path, which cannot be followed in a repository on GitHub; it is skipped.",
                    c = self.config
                )),
                (source, _) => sources.push(source),
            }
        }
        sources
    }

    fn main(&self) -> Option<Named> {
        Some(Named {
            written: self.product.main.clone()?,
            config: self.config.clone(),
            base: self.base.clone(),
        })
    }
}

/// Whether `source` is the repository read (an organisation is never known to be read whole).
fn is_read(source: &ProductSource, read: &Read) -> bool {
    match source {
        ProductSource::Repository(target) => target.slug().eq_ignore_ascii_case(&read.key),
        ProductSource::Local(path) => std::fs::canonicalize(path)
            .is_ok_and(|p| read.folder.as_ref() == Some(&p) || p.display().to_string() == read.key),
        ProductSource::Organisation(_) => false,
    }
}

/// What the sources' `[product]` tables decide together: the first one that gives a value wins.
#[derive(Default)]
struct Applied {
    name: Option<String>,
    site: Option<String>,
    main: Option<Named>,
}

/// Two configs that give different values for `key`: the first one's applies, and the run says
/// so, naming both.
fn disagree(key: &str, first: (&str, &str), other: (&str, &str)) -> Msg {
    let ((a, x), (b, y)) = (first, other);
    msg!(
        "{a} og {b} beskriver produktet forskelligt ([product] {key}: {x} og {y}); {a} gælder, da det er den første kilde.",
        "{a} and {b} describe the product differently ([product] {key}: {x} and {y}); {a} applies, as the first source's.",
        x = quoted(x),
        y = quoted(y)
    )
}

/// Applies the `[product]` of every repository read (in the order of the sources): the
/// repositories they list are read and join the product, each counted once; name, os2eu page and
/// main repository come from the first config that gives them, and a later one that disagrees
/// is named in a note.
fn apply_products(
    gathered: &mut Gathered,
    request: &EvaluateRequest,
) -> Result<Applied, EvaluateError> {
    let described: Vec<Described> = gathered.reads.iter().filter_map(described).collect();
    let mut listed = Vec::new();
    for d in &described {
        listed.extend(d.sources(&mut gathered.warnings));
    }
    // A repository already read (named as a source too, or taken by a portfolio's product) is
    // not read again.
    listed.retain(|source| !gathered.reads.iter().any(|read| is_read(source, read)));
    if !listed.is_empty() {
        let more = read_sources(&listed, request)?;
        gathered.join(more);
    }
    let mut applied = Applied::default();
    let mut notes = Vec::new();
    let mut first_of = |key: &str, value: fn(&ProductConfig) -> Option<&String>| {
        let mut first: Option<(&str, &str)> = None;
        for d in &described {
            let Some(v) = value(&d.product) else { continue };
            match first {
                None => first = Some((d.config.as_str(), v.as_str())),
                Some((config, known)) if known != v => {
                    notes.push(disagree(key, (config, known), (&d.config, v)));
                }
                Some(_) => {}
            }
        }
        first.map(|(_, v)| v.to_string())
    };
    applied.name = first_of("name", |p| p.name.as_ref());
    applied.site = first_of("os2eu", |p| p.os2eu.as_ref());
    let mut mains = described.iter().filter_map(Described::main);
    if let Some(first) = mains.next() {
        let at = first.index(&gathered.reads);
        for other in mains {
            if other.index(&gathered.reads) != at {
                notes.push(disagree(
                    "main",
                    (&first.config, &first.written),
                    (&other.config, &other.written),
                ));
            }
        }
        applied.main = Some(first);
    }
    gathered.warnings.extend(notes);
    Ok(applied)
}

/// The organisation's `.github` repository, read for the product's governance report and
/// self-assessment when none of its repositories holds them. `Ok(None)` when there is no such
/// repository; `Err` with the reason when it could not be read, since a report may be there.
fn organisation_declarations(
    owner: &str,
    options: &RemoteOptions,
    stats: &mut RequestStats,
) -> Result<Option<Snapshot>, Msg> {
    let Some(target) = RemoteTarget::parse(&format!("github:{owner}/.github")) else {
        return Ok(None);
    };
    // Only its files count: its issues and Jira are no part of the product.
    let options = RemoteOptions {
        open_items: false,
        ..options.clone()
    };
    match remote::scan_remote(&target, &options, &|_| None) {
        Ok(scan) => {
            add(stats, &scan.stats);
            // A declaration listed but not downloaded is as unread as a listing that failed.
            let unread = &scan.snapshot.unread;
            let failed = unread.listing.as_ref().or_else(|| {
                unread
                    .files
                    .iter()
                    .find(|(path, _)| {
                        crate::evidence::is_governance_report_path(path)
                            || path.to_ascii_lowercase().contains("self-assessment/")
                    })
                    .map(|(_, why)| why)
            });
            match failed {
                Some(why) => Err(why.clone()),
                None => Ok(Some(scan.snapshot)),
            }
        }
        Err(RemoteError::NotFound(_)) => Ok(None),
        Err(e) => Err(msg!("{e}", "{e}")),
    }
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

/// The outcome of `os2gov portfolio`.
#[derive(Debug, Clone)]
pub struct PortfolioRun {
    pub portfolio: crate::evaluate::portfolio::ProductPortfolio,
    pub stats: RequestStats,
    pub warnings: Vec<Msg>,
}

/// The owner a repository read belongs to on GitHub, if it is one.
fn owner_of(read: &Read) -> Option<String> {
    meta(&read.snapshot)
        .map(|m| m.owner.clone())
        .or_else(|| read.name.split_once('/').map(|(o, _)| o.to_string()))
}

/// Whether a listed source (`github:OWNER` too) takes the repository read.
fn takes(written: &str, read: &Read) -> bool {
    match ProductSource::parse(written) {
        ProductSource::Organisation(owner) => {
            owner_of(read).is_some_and(|o| o.eq_ignore_ascii_case(&owner))
        }
        _ => names(written, read, None),
    }
}

/// One product of the portfolio as it is put together.
struct Group {
    name: String,
    /// The repositories of the scanned organisations it takes (indices into the pool).
    taken: Vec<usize>,
    /// What a products file lists that no scanned organisation holds: read for the product.
    more: Vec<ProductSource>,
    site: Option<String>,
    /// `[[product]] main` with the products file.
    main: Option<(String, String)>,
    /// Defined by a products file: what it lists is the product, whatever the repositories'
    /// own `[product]` says.
    defined: bool,
}

/// The group named `name` (the same product whatever the case), made when new.
fn group<'g>(groups: &'g mut Vec<Group>, name: &str) -> &'g mut Group {
    let at = match groups
        .iter()
        .position(|g| g.name.eq_ignore_ascii_case(name))
    {
        Some(at) => at,
        None => {
            groups.push(Group {
                name: name.to_string(),
                taken: Vec::new(),
                more: Vec::new(),
                site: None,
                main: None,
                defined: false,
            });
            groups.len() - 1
        }
    };
    &mut groups[at]
}

/// The products a portfolio is asked for: the organisations to scan, and the products a products
/// file defines.
#[derive(Debug, Clone, Default)]
pub struct PortfolioRequest {
    pub owners: Vec<String>,
    /// `[[product]]` of `--products FILE`, with that file as shown in errors.
    pub products: Vec<ProductConfig>,
    pub products_file: Option<String>,
}

/// `os2gov portfolio`: one organisation is one product unless config says otherwise. A products
/// file's `[[product]]` takes the repositories it lists first; then the repositories whose
/// os2gov.toml has `[product]` form the products they name (and take the repositories they list,
/// of any organisation); every other repository is its organisation's product. A product that
/// could not be read is a row with the reason, and the others are still evaluated.
pub fn portfolio(
    asked: &PortfolioRequest,
    remote: &RemoteOptions,
    engine: &engine::Options,
    now: i64,
) -> PortfolioRun {
    use crate::evaluate::portfolio::{ProductPortfolio, ProductRow};
    let mut rows = Vec::new();
    let mut stats = RequestStats::default();
    let mut warnings = Vec::new();
    let mut lang = engine.lang;
    let request =
        |name: &str, site: Option<String>, main: Option<(String, String)>| EvaluateRequest {
            sources: Vec::new(),
            name: Some(name.to_string()),
            main,
            site,
            remote: Some(remote.clone()),
            engine: engine.clone(),
            now,
        };
    // Every organisation scanned first: a product may take repositories of several.
    let mut pool: Vec<Option<Read>> = Vec::new();
    let mut owners_of: Vec<String> = Vec::new();
    for owner in &asked.owners {
        match read_sources(
            &[ProductSource::Organisation(owner.clone())],
            &request(owner, None, None),
        ) {
            Ok(gathered) => {
                add(&mut stats, &gathered.stats);
                warnings.extend(gathered.warnings);
                for read in gathered.reads {
                    pool.push(Some(read));
                    owners_of.push(owner.clone());
                }
            }
            Err(e) => rows.push(ProductRow::failed(
                owner,
                Some(format!("https://github.com/{owner}")),
                &e.to_string(),
            )),
        }
    }
    let mut claimed = vec![false; pool.len()];
    let mut groups: Vec<Group> = Vec::new();
    let take = |claimed: &mut Vec<bool>, g: &mut Group, written: &str| {
        let mut found = false;
        for (i, read) in pool.iter().enumerate() {
            if let Some(read) = read {
                if takes(written, read) {
                    found = true;
                    if !claimed[i] {
                        claimed[i] = true;
                        g.taken.push(i);
                    }
                }
            }
        }
        found
    };
    for product in &asked.products {
        let name = product.name.clone().unwrap_or_default();
        let g = group(&mut groups, &name);
        g.defined = true;
        g.site = product.os2eu.clone();
        g.main = product.main.clone().zip(asked.products_file.clone());
        for written in &product.repositories {
            if !take(&mut claimed, g, written) {
                g.more.push(ProductSource::parse(written));
            }
        }
    }
    // The repositories' own `[product]`, in the order of the scan.
    let configs: Vec<Option<ProductConfig>> = pool
        .iter()
        .map(|r| r.as_ref().and_then(described).map(|d| d.product))
        .collect();
    for (i, config) in configs.iter().enumerate() {
        let Some(config) = config else { continue };
        if claimed[i] {
            continue;
        }
        let name = config.name.clone().unwrap_or_else(|| owners_of[i].clone());
        let g = group(&mut groups, &name);
        claimed[i] = true;
        g.taken.push(i);
        // What it lists and no scanned organisation holds is read when its `[product]` is
        // applied.
        for written in &config.repositories {
            take(&mut claimed, g, written);
        }
    }
    for i in 0..pool.len() {
        if !claimed[i] {
            group(&mut groups, &owners_of[i].clone()).taken.push(i);
        }
    }
    let mut dot_githubs = DotGithubs::new();
    for g in groups {
        let mut gathered = Gathered::default();
        for i in &g.taken {
            if let Some(read) = pool[*i].take() {
                gathered.reads.push(read);
            }
        }
        let request = request(&g.name, g.site.clone(), g.main.clone());
        let done = (|| {
            if !g.more.is_empty() {
                gathered.join(read_sources(&g.more, &request)?);
            }
            // A product within one organisation is that organisation's: its `.github` may
            // hold the governance report, and the document information names it. One of
            // several organisations looks in its main repository's.
            let owners: std::collections::BTreeSet<String> = gathered
                .reads
                .iter()
                .filter_map(owner_of)
                .map(|o| o.to_ascii_lowercase())
                .collect();
            gathered.organisation = match owners.len() {
                1 => gathered.reads.first().and_then(owner_of),
                _ => None,
            };
            let configs = if g.defined {
                Configs::Ignore
            } else {
                Configs::Apply
            };
            product_of(gathered, &request, configs, &mut dot_githubs)
        })();
        match done {
            Ok(done) => {
                if let Some(s) = &done.stats {
                    add(&mut stats, s);
                }
                warnings.extend(done.warnings);
                lang.get_or_insert(done.evaluation.lang);
                rows.push(ProductRow::from_evaluation(&done.evaluation));
            }
            Err(e) => rows.push(ProductRow::failed(&g.name, None, &e.to_string())),
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
/// Besides the organisations named, a products file's sources count: a whole organisation
/// (`github:OWNER`) is listed with them, a repository of another organisation is one more to
/// read; local paths cost no requests.
pub fn portfolio_budget(
    owners: &[String],
    products: &[crate::engine::config::ProductConfig],
    remote: &RemoteOptions,
) -> Result<remote::Budget, RemoteError> {
    let same = |a: &str, b: &str| a.eq_ignore_ascii_case(b);
    let mut listed: Vec<String> = owners.to_vec();
    let whole: Vec<&str> = products
        .iter()
        .flat_map(|p| p.repositories.iter())
        .filter_map(|s| s.strip_prefix("github:"))
        .filter(|rest| !rest.contains('/'))
        .collect();
    for owner in whole {
        if !listed.iter().any(|o| same(o, owner)) {
            listed.push(owner.to_string());
        }
    }
    let mut single: Vec<String> = Vec::new();
    for rest in products
        .iter()
        .flat_map(|p| p.repositories.iter())
        .filter_map(|s| s.strip_prefix("github:"))
    {
        if let Some((owner, _)) = rest.split_once('/') {
            let elsewhere = !listed.iter().any(|o| same(o, owner));
            if elsewhere && !single.iter().any(|s| same(s, rest)) {
                single.push(rest.to_string());
            }
        }
    }
    remote::budget(&listed, single.len(), remote)
}

/// The budget in words, for standard error before a portfolio scan.
pub fn budget_line(budget: &remote::Budget) -> Msg {
    let count =
        |n: usize, one: &str, many: &str| format!("{n} {}", if n == 1 { one } else { many });
    let mut line = Msg::new(
        format!(
            "Portefølje: {}, {}; op til ca. {} forespørgsler, der tæller i GitHubs grænse.",
            count(budget.organisations, "organisation", "organisationer"),
            count(budget.repositories, "repository", "repositorier"),
            budget.needed
        ),
        format!(
            "Portfolio: {}, {}; up to about {} requests that count against GitHub's rate limit.",
            count(budget.organisations, "organisation", "organisations"),
            count(budget.repositories, "repository", "repositories"),
            budget.needed
        ),
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
