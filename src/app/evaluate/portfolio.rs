//! `os2gov portfolio`: every product of the organisations (or of a products file) evaluated, and
//! the rate-limit budget told before the scan.

use super::*;

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
