//! What a product's configuration says: which repository is its main one, what its os2gov.toml
//! `[product]` tables add and where they disagree, the governance report in the organisation's
//! `.github`.

use super::*;

/// Whether `written` (as in `[product] main`: `OWNER/REPO`, `github:OWNER/REPO`, a GitHub URL, a
/// path, a folder's name) names the repository read.
pub(super) fn names(written: &str, read: &Read, base: Option<&Path>) -> bool {
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
pub(super) struct Named {
    pub(super) written: String,
    pub(super) config: String,
    pub(super) base: Option<PathBuf>,
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
pub(super) fn main_index(
    reads: &[Read],
    named: Option<&Named>,
) -> Result<(usize, MainChoice), EvaluateError> {
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
pub(super) struct Described {
    /// The os2gov.toml, as shown in notes and errors.
    pub(super) config: String,
    /// The repository's folder, where its relative paths start (local sources only).
    pub(super) base: Option<PathBuf>,
    pub(super) product: ProductConfig,
}

/// The `[product]` of a repository read, if its os2gov.toml has one. A config that does not
/// parse describes nothing here: the engine refuses it when the repository is checked.
pub(super) fn described(read: &Read) -> Option<Described> {
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
pub(super) fn is_read(source: &ProductSource, read: &Read) -> bool {
    match source {
        ProductSource::Repository(target) => target.slug().eq_ignore_ascii_case(&read.key),
        ProductSource::Local(path) => std::fs::canonicalize(path)
            .is_ok_and(|p| read.folder.as_ref() == Some(&p) || p.display().to_string() == read.key),
        ProductSource::Organisation(_) => false,
    }
}

/// What the sources' `[product]` tables decide together: the first one that gives a value wins.
#[derive(Default)]
pub(super) struct Applied {
    pub(super) name: Option<String>,
    pub(super) site: Option<String>,
    pub(super) main: Option<Named>,
}

/// Two configs that give different values for `key`: the first one's applies, and the run says
/// so, naming both.
pub(super) fn disagree(key: &str, first: (&str, &str), other: (&str, &str)) -> Msg {
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
pub(super) fn apply_products(
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
pub(super) fn organisation_declarations(
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
