//! `os2gov evaluate` (a product's evaluation in OS2's template) and `os2gov portfolio` (every
//! product of OS2, one row each).

use crate::args::{offline_by_env, parse_lang, parse_level, RemoteArgs};
use crate::{now, output_target, print_incomplete, print_note, print_out, INCOMPLETE};
use anyhow::{Context, Result};
use clap::ValueEnum;
use os2gov::adapters::write;
use os2gov::app::evaluate::{EvaluateRequest, ProductSource};
use os2gov::base::model::{Lang, Level, Msg};
use os2gov::engine::Options;
use os2gov::evaluate::file;
use std::path::PathBuf;
use std::process::ExitCode;

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum EvaluationFormat {
    Markdown,
    Json,
    Text,
}

#[derive(clap::Args)]
pub(crate) struct EvaluateArgs {
    /// The product's repositories: local paths, github:OWNER/REPO, or github:OWNER for every
    /// public, non-archived repository of an organisation. All of them are one product, with
    /// what their os2gov.toml [product] adds. Without any, the repository here (alone when its
    /// os2gov.toml has no [product]).
    pub(crate) sources: Vec<String>,
    /// The level to list the gaps for (otherwise the one above the proposed level).
    #[arg(long, value_parser = parse_level)]
    pub(crate) level: Option<Level>,
    /// Danish by default, as OS2's template.
    #[arg(long, value_parser = parse_lang)]
    pub(crate) lang: Option<Lang>,
    /// markdown: OS2's evaluation template; json: the same rows for a program; text: for the
    /// terminal.
    #[arg(long, value_enum, default_value = "markdown")]
    pub(crate) format: EvaluationFormat,
    /// Write the evaluation to FILE. An existing evaluation there keeps what a person wrote; only
    /// the rows the tool decides are written again, and the changes are listed.
    #[arg(long)]
    pub(crate) out: Option<PathBuf>,
    /// Read local sources only, without GitHub metadata.
    #[arg(long)]
    pub(crate) offline: bool,
    /// The product's name (otherwise [product] name in os2gov.toml, the organisation's, else the
    /// main repository's).
    #[arg(long)]
    pub(crate) name: Option<String>,
    #[command(flatten)]
    pub(crate) remote: RemoteArgs,
}

fn say(lang: Lang, message: Msg) -> String {
    message.get(lang).to_string()
}

pub(crate) fn run_evaluate(args: EvaluateArgs) -> Result<ExitCode> {
    let lang = args.lang.unwrap_or_default();
    let offline = args.offline || offline_by_env();
    // Without a source, the repository here with the product its os2gov.toml describes (alone
    // when it describes none); a broken config is refused before anything is read.
    let configured = if args.sources.is_empty() {
        let here = std::env::current_dir().with_context(|| {
            crate::say(
                "kan ikke læse den aktuelle mappe",
                "cannot read the current folder",
            )
        })?;
        Some(os2gov::app::evaluate::configured_product(&here)?)
    } else {
        None
    };
    let sources: Vec<ProductSource> = match &configured {
        Some(product) => product.sources(),
        None => args
            .sources
            .iter()
            .map(|s| ProductSource::parse(s))
            .collect(),
    };
    let first_local = sources.iter().find_map(|s| match s {
        ProductSource::Local(path) => Some(path.clone()),
        _ => None,
    });
    // The file is resolved and an existing one read (and refused if broken) before any request.
    let out = args
        .out
        .as_deref()
        .map(|o| output_target(o, first_local.as_deref()))
        .transpose()?;
    let existing = match &out {
        Some(path) if path.exists() => {
            let text = std::fs::read_to_string(path).with_context(|| {
                crate::say(
                    format!("kan ikke læse {}", path.display()),
                    format!("cannot read {}", path.display()),
                )
            })?;
            let parsed = file::read(&text).map_err(|e| {
                anyhow::anyhow!(
                    "{}: {} ({})",
                    path.display(),
                    os2gov::Bilingual::msg(&e).get(lang),
                    say(
                        lang,
                        os2gov::msg!("filen er ikke ændret", "the file is unchanged")
                    )
                )
            })?;
            Some(parsed)
        }
        _ => None,
    };
    let request = EvaluateRequest {
        sources,
        // A source's `[product]` is applied when it is read.
        name: args.name.clone(),
        main: None,
        site: None,
        remote: (!offline).then(|| args.remote.options(now())),
        engine: Options {
            level: args.level,
            lang: Some(lang),
            config: None,
        },
        now: now(),
    };
    if let Some(alone) = configured.as_ref().and_then(|c| c.alone()) {
        print_note(lang, alone.get(lang));
    }
    let done = os2gov::app::evaluate::evaluate(&request)?;
    let mut evaluation = done.evaluation;
    let changes = existing
        .as_ref()
        .map(|f| file::keep_written(&mut evaluation, f))
        .unwrap_or_default();
    let text = match args.format {
        EvaluationFormat::Markdown => {
            os2gov::render::evaluation::markdown(&evaluation, existing.as_ref())
        }
        EvaluationFormat::Json => os2gov::render::evaluation::json(&evaluation),
        EvaluationFormat::Text => os2gov::render::evaluation::text(&evaluation),
    };
    match &out {
        Some(path) => {
            write::write_atomically(path, text.as_bytes())?;
            if existing.is_some() {
                for change in &changes {
                    print_note(lang, &change.line(lang));
                }
                if changes.is_empty() {
                    print_note(
                        lang,
                        &say(
                            lang,
                            os2gov::msg!(
                                "Ingen af værktøjets vurderinger er ændret.",
                                "None of the tool's assessments changed."
                            ),
                        ),
                    );
                }
            }
        }
        None => print_out(&text),
    }
    for warning in &done.warnings {
        print_note(lang, warning.get(lang));
    }
    if let Some(first) = evaluation.incomplete.first() {
        print_incomplete(
            lang,
            &say(
                lang,
                if evaluation.incomplete.len() == 1 {
                    os2gov::msg!(
                    "Et repository kunne ikke læses fuldt ud; rækker, der hviler på det, er ⚪: {first}",
                    "One repository could not be read completely; the rows resting on it are ⚪: {first}"
                )
                } else {
                    os2gov::msg!(
                    "{n} repositorier kunne ikke læses fuldt ud; rækker, der hviler på dem, er ⚪. Det første: {first}",
                    "{n} repositories could not be read completely; the rows resting on them are ⚪. The first: {first}",
                    n = evaluation.incomplete.len()
                )
                },
            ),
        );
        return Ok(ExitCode::from(INCOMPLETE));
    }
    Ok(ExitCode::SUCCESS)
}

#[derive(Clone, Copy, ValueEnum)]
pub(crate) enum PortfolioFormat {
    Markdown,
    Csv,
    Json,
    Html,
}

#[derive(clap::Args)]
pub(crate) struct PortfolioArgs {
    /// The GitHub organisations to evaluate: one product each, unless [product] in their
    /// repositories' os2gov.toml or --products says otherwise.
    pub(crate) owners: Vec<String>,
    /// A TOML file of [[product]] tables (name, repositories, os2eu, main, as [product] in
    /// os2gov.toml) that define the products; their repositories are taken out of their
    /// organisations' products.
    #[arg(long, value_name = "FILE")]
    pub(crate) products: Option<PathBuf>,
    /// Every organisation on OS2's list (dk-public-sector-ospo.yml and SPEC's additions).
    #[arg(long)]
    pub(crate) all_os2: bool,
    /// Language of the output: da or en (Danish by default).
    #[arg(long, value_parser = parse_lang)]
    pub(crate) lang: Option<Lang>,
    /// markdown, csv, json, or html: one self-contained page.
    #[arg(long, value_enum, default_value = "markdown")]
    pub(crate) format: PortfolioFormat,
    /// Write the overview to FILE instead of standard output.
    #[arg(long)]
    pub(crate) output: Option<PathBuf>,
    #[command(flatten)]
    pub(crate) remote: RemoteArgs,
}

pub(crate) fn run_portfolio(args: PortfolioArgs) -> Result<ExitCode> {
    let lang = args.lang.unwrap_or_default();
    if offline_by_env() {
        anyhow::bail!(crate::say(
            "OS2GOV_OFFLINE er sat: en portefølje kan kun læses online",
            "OS2GOV_OFFLINE is set: a portfolio can only be read online"
        ));
    }
    let mut owners = args.owners.clone();
    if args.all_os2 {
        owners.extend(os2gov::base::profile::os2_organisations());
    }
    let mut seen = std::collections::HashSet::new();
    owners.retain(|o| !o.trim().is_empty() && seen.insert(o.to_ascii_lowercase()));
    // A broken products file is refused before any request.
    let (products, products_file) = match &args.products {
        Some(path) => {
            let shown = path.display().to_string();
            let text = std::fs::read_to_string(path).with_context(|| {
                crate::say(
                    format!("kan ikke læse {shown}"),
                    format!("cannot read {shown}"),
                )
            })?;
            let products = os2gov::engine::config::parse_products(&shown, &text)?;
            (products, Some(shown))
        }
        None => (Vec::new(), None),
    };
    if owners.is_empty() && products.is_empty() {
        anyhow::bail!(crate::say(
            "angiv en organisation (`os2gov portfolio OS2mo`), brug --all-os2 eller --products FIL",
            "name an organisation (`os2gov portfolio OS2mo`), use --all-os2 or --products FILE"
        ));
    }
    let output = args
        .output
        .as_deref()
        .map(|o| output_target(o, None))
        .transpose()?;
    let remote = args.remote.options(now());
    let options = Options {
        level: None,
        lang: Some(lang),
        config: None,
    };
    {
        match os2gov::app::evaluate::portfolio_budget(&owners, &products, &remote) {
            Ok(budget) => print_note(lang, os2gov::app::evaluate::budget_line(&budget).get(lang)),
            Err(e) => {
                let why = os2gov::Bilingual::msg(&e);
                let (da, en) = (&why.da, &why.en);
                print_note(
                    lang,
                    &say(
                        lang,
                        os2gov::msg!(
                            "GitHubs grænse for forespørgsler kunne ikke læses: {da}",
                            "GitHub's rate limit could not be read: {en}"
                        ),
                    ),
                )
            }
        }
    }
    let asked = os2gov::app::evaluate::PortfolioRequest {
        owners: owners.clone(),
        products,
        products_file,
    };
    let run = os2gov::app::evaluate::portfolio(&asked, &remote, &options, now());
    let p = &run.portfolio;
    let text = match args.format {
        PortfolioFormat::Markdown => os2gov::render::products::markdown(p),
        PortfolioFormat::Csv => os2gov::render::products::csv(p),
        PortfolioFormat::Json => os2gov::render::products::json(p),
        PortfolioFormat::Html => os2gov::render::products::html(p),
    };
    match &output {
        Some(path) => write::write_atomically(path, text.as_bytes())?,
        None => print_out(&text),
    }
    for warning in &run.warnings {
        print_note(lang, warning.get(lang));
    }
    let incomplete: Vec<_> = p.products.iter().filter(|r| r.is_incomplete()).collect();
    if let Some(first) = incomplete.first() {
        let why = first
            .error
            .as_deref()
            .or(first.incomplete.as_deref())
            .unwrap_or_default();
        print_incomplete(
            lang,
            &say(
                lang,
                os2gov::msg!(
                "{n} af {total} produkter kunne ikke læses fuldt ud; det første, {name}: {why}",
                "{n} of {total} products could not be read completely; the first, {name}: {why}",
                n = incomplete.len(),
                total = p.products.len(),
                name = first.product
            ),
            ),
        );
        return Ok(ExitCode::from(INCOMPLETE));
    }
    Ok(ExitCode::SUCCESS)
}
