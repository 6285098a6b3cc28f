//! A product's evaluation as OS2's secretariat writes it (`os2/assessment_template.md`,
//! `processen.md`): every one of the 43 requirements with a traffic light and its
//! "Vurderingsgrundlag", for a product of one or more repositories. Built from the engine's
//! reports of each repository; no I/O.
//!
//! The lights (`os2gov explain evaluation`):
//! - 🟢 the engine's `met` in a repository of the product, with the evidence — never on
//!   weaker evidence than the repository check's `met`;
//! - 🟡 partly met (the check found part of what the requirement asks and cites it), declared in
//!   the governance report without evidence the tool can verify, or explained (følg eller
//!   forklar);
//! - 🔴 checked and missing;
//! - ⚪ not assessed by the tool: left for the secretariat, with what to look at. Material OS2
//!   places on os2.eu or Loop is ⚪, never 🔴, when the repositories neither hold nor link it.
//!
//! Evidence in any repository counts, and the row cites the repository it came from. What rests
//! on history, metadata or open items is taken from the product's main repository, and the row
//! says which.

pub mod file;
pub mod portfolio;
pub mod template;

use crate::base::model::{Evidence, FileEntry, Lang, Level, Msg, Snapshot};
use crate::engine::report::{Finding, LevelSource, Report, Verdict};
use crate::msg;
use crate::rules::{self, Input, Method, Placement, Rule, Theme};
use serde::{Deserialize, Serialize};

/// Version of the evaluation's JSON form (`schema/evaluation.schema.json`).
pub const EVALUATION_SCHEMA_VERSION: u32 = 1;

/// The evaluation template's traffic lights, and ⚪ for what the tool leaves to a person.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Light {
    Green,
    Yellow,
    Red,
    White,
}

impl Light {
    pub const ALL: [Light; 4] = [Light::Green, Light::Yellow, Light::Red, Light::White];

    pub fn symbol(self) -> &'static str {
        match self {
            Light::Green => "🟢",
            Light::Yellow => "🟡",
            Light::Red => "🔴",
            Light::White => "⚪",
        }
    }

    /// The template's own names ("Grøn", "Gul", "Rød") and ours for ⚪.
    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Light::Green, Lang::Da) => "Grøn",
            (Light::Green, Lang::En) => "Green",
            (Light::Yellow, Lang::Da) => "Gul",
            (Light::Yellow, Lang::En) => "Yellow",
            (Light::Red, Lang::Da) => "Rød",
            (Light::Red, Lang::En) => "Red",
            (Light::White, Lang::Da) => "Ikke vurderet",
            (Light::White, Lang::En) => "Not assessed",
        }
    }

    /// Decided by the tool (🟢/🟡/🔴), as opposed to left for the secretariat (⚪).
    pub fn is_decided(self) -> bool {
        self != Light::White
    }

    /// The light a marker in an evaluation file stands for.
    pub fn from_symbol(text: &str) -> Option<Light> {
        let text = text.trim();
        Light::ALL.into_iter().find(|l| text == l.symbol())
    }
}

/// One repository of the product and the engine's report on it.
#[derive(Debug, Clone)]
pub struct Repository {
    /// `OWNER/REPO`, or the folder's name for a local repository without a GitHub remote.
    pub name: String,
    /// `https://github.com/OWNER/REPO` when known: evidence links point into it.
    pub url: Option<String>,
    pub report: Report,
}

/// Why the main repository is the main one.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum MainChoice {
    /// Named by `main` in the `[product]` of os2gov.toml.
    Config,
    /// The most recently pushed.
    #[default]
    Pushed,
    /// No repository's push time is known: the first source.
    First,
}

impl MainChoice {
    /// The reason, as the evaluation gives it after the repository's name.
    pub fn reason(self) -> Msg {
        match self {
            MainChoice::Config => msg!("angivet i os2gov.toml", "named in os2gov.toml"),
            MainChoice::Pushed => msg!("senest opdateret", "most recently pushed"),
            MainChoice::First => msg!("den første kilde", "the first source"),
        }
    }
}

/// A product: one or more repositories judged together.
#[derive(Debug, Clone)]
pub struct Product {
    pub name: String,
    /// `https://github.com/OWNER` when the product is an organisation.
    pub organisation: Option<String>,
    /// The product's page on os2.eu, from config or found in a repository.
    pub site: Option<String>,
    /// Index into `repositories` of the main repository: what rests on history, metadata or
    /// open items is read there.
    pub main: usize,
    /// Why `main` is the main repository.
    pub main_chosen: MainChoice,
    pub repositories: Vec<Repository>,
    /// The governance report or self-assessment applied to every repository, as `REPO: path`.
    pub governance_report: Option<String>,
    /// `--level`: list what is missing for this level; else for the level above the proposed.
    pub target: Option<Level>,
}

/// Evidence with the repository it was found in, and a link when the repository has a URL.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Cited {
    pub repository: String,
    #[serde(flatten)]
    pub evidence: Evidence,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub link: Option<String>,
}

impl Cited {
    fn new(repository: &Repository, evidence: &Evidence) -> Cited {
        let link = evidence.url.clone().or_else(|| {
            let base = repository.url.as_deref()?;
            let path = evidence.path.as_deref()?;
            Some(match evidence.line {
                Some(line) => format!("{base}/blob/HEAD/{path}#L{line}"),
                None => format!("{base}/blob/HEAD/{path}"),
            })
        });
        Cited {
            repository: repository.name.clone(),
            evidence: evidence.clone(),
            link,
        }
    }

    /// `REPO: path:line`, or the URL for a link.
    pub fn label(&self) -> String {
        match (&self.evidence.path, self.evidence.line, &self.evidence.url) {
            (Some(path), Some(line), _) => format!("{}: {path}:{line}", self.repository),
            (Some(path), None, _) => format!("{}: {path}", self.repository),
            (None, _, Some(url)) => url.clone(),
            (None, _, None) => self.repository.clone(),
        }
    }
}

/// One row of the evaluation: a requirement of the template.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Row {
    pub id: String,
    pub theme: Theme,
    pub level: Level,
    pub recommended: bool,
    /// The template's wording ("Krav"); ours in English.
    pub requirement: String,
    /// The template's "Vurderingskriterie"; ours in English.
    pub criterion: String,
    pub light: Light,
    /// The "Vurderingsgrundlag": one or two plain sentences, with the evidence cited.
    pub basis: String,
    pub evidence: Vec<Cited>,
    /// The repository whose finding the row rests on.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub repository: Option<String>,
    /// The engine's verdict behind the light.
    pub verdict: Verdict,
    /// For a row the tool leaves ⚪: the "Vurdering" cell as a person wrote it in the evaluation
    /// file, kept with the person's basis.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub written: Option<String>,
}

/// A requirement that keeps the product below a level.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Gap {
    pub id: String,
    pub level: Level,
    pub light: Light,
    pub title: String,
}

/// 🟢/🟡/🔴/⚪ counts of some rows.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Counts {
    pub green: usize,
    pub yellow: usize,
    pub red: usize,
    pub white: usize,
}

impl Counts {
    pub fn of<'a>(rows: impl IntoIterator<Item = &'a Row>) -> Counts {
        let mut counts = Counts::default();
        for row in rows {
            *counts.get_mut(row.light) += 1;
        }
        counts
    }

    pub fn get(&self, light: Light) -> usize {
        match light {
            Light::Green => self.green,
            Light::Yellow => self.yellow,
            Light::Red => self.red,
            Light::White => self.white,
        }
    }

    fn get_mut(&mut self, light: Light) -> &mut usize {
        match light {
            Light::Green => &mut self.green,
            Light::Yellow => &mut self.yellow,
            Light::Red => &mut self.red,
            Light::White => &mut self.white,
        }
    }

    pub fn total(&self) -> usize {
        self.green + self.yellow + self.red + self.white
    }
}

/// The evaluation of one product: the draft a person finishes.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Evaluation {
    pub schema_version: u32,
    pub lang: Lang,
    pub product: String,
    /// The evaluation template's version the report follows.
    pub template_version: String,
    /// `dd-mm-yyyy`, as the template writes dates.
    pub date: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub site: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub governance_report: Option<String>,
    pub repositories: Vec<String>,
    pub main_repository: String,
    /// Why it is the main repository.
    #[serde(default)]
    pub main_chosen: MainChoice,
    /// The highest level whose mandatory requirements (and those below) all comply.
    pub proposed_level: Option<Level>,
    /// The level the governance report declares.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub declared_level: Option<Level>,
    /// The level the gaps are listed for: `--level`, else the one above the proposed level;
    /// `None` when every level is reached.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub target_level: Option<Level>,
    /// What keeps the product below the target level, lowest level first.
    pub gaps: Vec<Gap>,
    pub rows: Vec<Row>,
    /// Repositories some of whose inputs could not be read, with the reason: their rows may be
    /// ⚪ where a complete read would decide them.
    pub incomplete: Vec<String>,
}

impl Evaluation {
    pub fn counts_at(&self, level: Level) -> Counts {
        Counts::of(self.rows.iter().filter(|r| r.level == level))
    }

    pub fn counts_of(&self, theme: Theme, level: Level) -> Counts {
        Counts::of(
            self.rows
                .iter()
                .filter(|r| r.theme == theme && r.level == level),
        )
    }

    pub fn counts(&self) -> Counts {
        Counts::of(&self.rows)
    }
}

/// Material the OS2 checklist places on os2.eu or Loop rather than in a repository (declared
/// with the requirement): without a file or link in the repositories the evaluation cannot tell
/// it is missing.
fn belongs_on_os2_eu(rule: &Rule) -> bool {
    rule.placed == Placement::Os2Eu
}

/// Reads something only the main repository can answer.
fn rests_on_the_main_repository(rule: &Rule) -> bool {
    [Input::History, Input::Metadata, Input::OpenItems]
        .into_iter()
        .any(|input| rule.rests_on.reads(input))
}

/// How strongly a finding speaks for the product: the best one across the repositories counts.
/// An `unknown` ranks above `not-met`: what one repository lacks may be in one not read. A
/// partial `not-met` (the check found some of what is asked) ranks above one that found nothing.
fn strength(finding: &Finding) -> u8 {
    match finding.verdict {
        Verdict::Met => 0,
        Verdict::Declared => 1,
        Verdict::Explained => 2,
        Verdict::Unknown => 3,
        Verdict::NotMet if finding.partly => 4,
        Verdict::NotMet if !finding.evidence.is_empty() => 5,
        Verdict::NotMet => 6,
    }
}

/// At most two sentences of a finding's message: the Vurderingsgrundlag is short.
fn two_sentences(text: &str) -> String {
    let text = text.trim();
    let mut end = text.len();
    let mut seen = 0;
    for (at, _) in text.match_indices(". ") {
        seen += 1;
        if seen == 2 {
            end = at + 1;
            break;
        }
    }
    text[..end].to_string()
}

/// What the row rests on: the repository the evidence came from, the main repository for what
/// only it can answer, or every repository checked for what none of them holds.
struct Source<'a> {
    repository: &'a str,
    main_only: bool,
    checked: &'a str,
}

impl Source<'_> {
    fn found(&self) -> Msg {
        if self.main_only {
            msg!(
                "Kilde: hovedrepositoriet {r}.",
                "Source: the main repository {r}.",
                r = self.repository
            )
        } else {
            msg!("Kilde: {r}.", "Source: {r}.", r = self.repository)
        }
    }

    fn missing(&self) -> Msg {
        if self.main_only {
            self.found()
        } else {
            msg!("Kontrolleret i: {r}.", "Checked in: {r}.", r = self.checked)
        }
    }
}

/// Drops the engine's "Not declared." that opens the message of an undeclared requirement: the
/// evaluation says what to look for instead.
fn without_not_declared(message: &str) -> &str {
    ["Ikke erklæret.", "Not declared."]
        .iter()
        .fold(message.trim(), |m, prefix| {
            m.strip_prefix(prefix).unwrap_or(m).trim_start()
        })
}

fn light_and_basis(
    rule: &Rule,
    finding: &Finding,
    cited: &[Cited],
    source: &Source,
) -> (Light, Msg) {
    let said = two_sentences(without_not_declared(&finding.message));
    let said = Msg::new(said.clone(), said);
    let look_for = || {
        if rule.evidence.da.is_empty() {
            Msg::default()
        } else {
            Msg::new(
                format!("Se efter: {}", rule.evidence.da),
                format!("Look for: {}", rule.evidence.en),
            )
        }
    };
    match finding.verdict {
        Verdict::Met => (Light::Green, said.join(&source.found())),
        Verdict::Declared => (
            Light::Yellow,
            said.join(&msg!(
                "Værktøjet kan ikke efterprøve erklæringen.",
                "The tool cannot verify the declaration."
            )),
        ),
        Verdict::Explained => (
            Light::Yellow,
            msg!(
                "Forklaret (følg eller forklar):",
                "Explained (comply or explain):"
            )
            .join(&said),
        ),
        Verdict::NotMet | Verdict::Unknown if cited.is_empty() && belongs_on_os2_eu(rule) => (
            Light::White,
            msg!(
                "Ikke fundet i repositorierne; hører hjemme på os2.eu — se produktsiden.",
                "Not found in the repositories; belongs on os2.eu — check the product page."
            ),
        ),
        // Only the check knows it found some but not all of what is asked: evidence on a
        // not-met may as well be where the problem is (a placeholder, a section without a
        // contact), which is no part of the requirement met.
        Verdict::NotMet if finding.partly => (
            Light::Yellow,
            msg!("Delvist opfyldt:", "Partly met:")
                .join(&said)
                .join(&source.found()),
        ),
        Verdict::NotMet => (Light::Red, said.join(&source.missing())),
        Verdict::Unknown if rule.method() == Method::Declared => (
            Light::White,
            msg!(
                "Kan ikke ses i repositorierne og er ikke erklæret i governancerapporten.",
                "Not visible in the repositories and not declared in the governance report."
            )
            .join(&look_for()),
        ),
        Verdict::Unknown => {
            let said = if source.main_only {
                said.join(&source.found())
            } else {
                said
            };
            (Light::White, said.join(&look_for()))
        }
    }
}

/// The evaluation of `product` on `date` (`dd-mm-yyyy`), in the language of its reports (the
/// findings' messages are quoted).
pub fn evaluate(product: &Product, date: &str) -> Evaluation {
    let template = template::rows();
    let main = product
        .repositories
        .get(product.main)
        .or_else(|| product.repositories.first());
    let lang = main.map(|m| m.report.lang).unwrap_or_default();
    let checked = product
        .repositories
        .iter()
        .map(|r| r.name.as_str())
        .collect::<Vec<_>>()
        .join(", ");
    let mut rows = Vec::new();
    for row in &template {
        let Some(rule) = rules::find(row.id) else {
            continue;
        };
        let main_only = rests_on_the_main_repository(rule);
        let candidates = product
            .repositories
            .iter()
            .filter(|repo| !main_only || main.is_some_and(|m| std::ptr::eq(*repo, m)))
            .filter_map(|repo| repo.report.finding(rule.id).map(|f| (repo, f)));
        let Some((repo, finding)) = candidates.min_by_key(|(_, f)| strength(f)) else {
            continue;
        };
        let cited: Vec<Cited> = finding
            .evidence
            .iter()
            .map(|e| Cited::new(repo, e))
            .collect();
        let source = Source {
            repository: &repo.name,
            main_only,
            checked: &checked,
        };
        let (light, basis) = light_and_basis(rule, finding, &cited, &source);
        rows.push(Row {
            id: rule.id.to_string(),
            theme: rule.theme,
            level: rule.level,
            recommended: rule.recommended,
            requirement: match lang {
                Lang::Da => row.requirement.to_string(),
                Lang::En => rule.title.en.to_string(),
            },
            criterion: template::criterion(row, lang).to_string(),
            light,
            basis: basis.get(lang).to_string(),
            evidence: cited,
            repository: Some(repo.name.clone()),
            verdict: finding.verdict,
            written: None,
        });
    }
    let proposed_level = proposed_level(&rows);
    let target_level = product.target.or_else(|| next_level(proposed_level));
    let gaps = gaps(&rows, target_level);
    let declared_level = main.and_then(|m| {
        (m.report.required_level.source == LevelSource::Report)
            .then_some(m.report.required_level.level)
    });
    let incomplete = product
        .repositories
        .iter()
        .filter_map(|r| {
            r.report
                .incomplete
                .as_ref()
                .map(|why| format!("{}: {why}", r.name))
        })
        .collect();
    Evaluation {
        schema_version: EVALUATION_SCHEMA_VERSION,
        lang,
        product: product.name.clone(),
        template_version: template::version().to_string(),
        date: date.to_string(),
        organisation: product.organisation.clone(),
        site: product.site.clone(),
        governance_report: product.governance_report.clone(),
        repositories: product
            .repositories
            .iter()
            .map(|r| r.name.clone())
            .collect(),
        main_repository: main.map(|m| m.name.clone()).unwrap_or_default(),
        main_chosen: product.main_chosen,
        proposed_level,
        declared_level,
        target_level,
        gaps,
        rows,
        incomplete,
    }
}

/// A row complies as the repository check counts it: met, declared or explained.
fn complies(row: &Row) -> bool {
    row.verdict.is_compliant()
}

/// The highest level whose mandatory rows, and those of the levels below, all comply.
fn proposed_level(rows: &[Row]) -> Option<Level> {
    let mut proposed = None;
    for level in Level::ALL {
        let ok = rows
            .iter()
            .filter(|r| r.level == level && !r.recommended)
            .all(complies);
        if !ok {
            break;
        }
        proposed = Some(level);
    }
    proposed
}

/// The level above `proposed` (the sandbox when none is reached); `None` above level 3.
fn next_level(proposed: Option<Level>) -> Option<Level> {
    match proposed {
        None => Some(Level::Sandkasse),
        Some(level) => Level::ALL.into_iter().find(|l| *l > level),
    }
}

/// The mandatory rows that do not comply, up to `target`.
fn gaps(rows: &[Row], target: Option<Level>) -> Vec<Gap> {
    let Some(next) = target else {
        return Vec::new();
    };
    rows.iter()
        .filter(|r| r.level <= next && !r.recommended && !complies(r))
        .map(|r| Gap {
            id: r.id.clone(),
            level: r.level,
            light: r.light,
            title: r.requirement.clone(),
        })
        .collect()
}

/// Whether `path` holds a declaration the engine reads: a governance report, or a
/// self-assessment (`docs/self-assessment/*.json`).
fn is_declaration(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let self_assessment = (lower.starts_with("docs/self-assessment/")
        || lower.starts_with("doc/self-assessment/"))
        && lower.ends_with(".json")
        && lower.matches('/').count() == 2;
    self_assessment || crate::evidence::is_governance_report_path(path)
}

/// The product's governance report and self-assessment apply to all its repositories, once:
/// those of the first repository that has any (the main one first) replace every other
/// repository's. Returns that repository and the file used, `None` when no repository has one.
pub fn share_declarations(snapshots: &mut [Snapshot], main: usize) -> Option<(usize, String)> {
    match share_declarations_from(snapshots, main, None)? {
        (DeclaredIn::Repository(i), path) => Some((i, path)),
        // Without the organisation's `.github` it cannot be the source.
        (DeclaredIn::Organisation, _) => None,
    }
}

/// Where the product's governance report and self-assessment were found.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum DeclaredIn {
    /// In the repository of this index.
    Repository(usize),
    /// In the organisation's `.github` repository, which is no repository of the product.
    Organisation,
}

/// Whether the snapshot holds a governance report or self-assessment the engine reads.
pub fn has_declarations(snapshot: &Snapshot) -> bool {
    snapshot.files.keys().any(|path| is_declaration(path))
}

/// [`share_declarations`], with the organisation's `.github` repository as the last place to
/// look: a product often keeps its governance report there, beside the community files every
/// repository of the organisation shares. Applied to every repository of the product, once.
pub fn share_declarations_from(
    snapshots: &mut [Snapshot],
    main: usize,
    organisation: Option<&Snapshot>,
) -> Option<(DeclaredIn, String)> {
    let declarations = |snapshot: &Snapshot| -> Vec<(String, FileEntry)> {
        snapshot
            .files
            .iter()
            .filter(|(path, _)| is_declaration(path))
            .map(|(path, entry)| (path.clone(), entry.clone()))
            .collect()
    };
    let order = std::iter::once(main).chain((0..snapshots.len()).filter(|i| *i != main));
    let (from, files) = order
        .filter_map(|i| {
            let files = declarations(snapshots.get(i)?);
            (!files.is_empty()).then_some((DeclaredIn::Repository(i), files))
        })
        .next()
        .or_else(|| {
            let files = declarations(organisation?);
            (!files.is_empty()).then_some((DeclaredIn::Organisation, files))
        })?;
    let shown = files
        .iter()
        .map(|(p, _)| p.clone())
        .find(|p| crate::evidence::is_governance_report_path(p))
        .unwrap_or_else(|| files[0].0.clone());
    for (i, snapshot) in snapshots.iter_mut().enumerate() {
        if from == DeclaredIn::Repository(i) {
            continue;
        }
        snapshot.files.retain(|path, _| !is_declaration(path));
        snapshot.files.extend(files.iter().cloned());
    }
    Some((from, shown))
}

/// The product's page on os2.eu, as a repository links it (F10's evidence).
pub fn product_page(repositories: &[Repository]) -> Option<String> {
    repositories.iter().find_map(|repo| {
        let f10 = repo.report.finding("F10")?;
        (f10.verdict == Verdict::Met)
            .then(|| f10.evidence.iter().find_map(|e| e.url.clone()))
            .flatten()
    })
}

/// `os2gov explain evaluation`: how the lights are decided, in `lang`.
pub fn explanation(lang: Lang) -> String {
    let os2_eu: Vec<&str> = rules::all()
        .filter(|r| belongs_on_os2_eu(r))
        .map(|r| r.id)
        .collect();
    let main_only: Vec<&str> = rules::all()
        .filter(|r| !r.id.starts_with('P') && rests_on_the_main_repository(r))
        .map(|r| r.id)
        .collect();
    let text = msg!(
        "Evalueringen (os2gov evaluate) følger OS2's evalueringsskabelon: for hvert af de 43 krav et trafiklys og et vurderingsgrundlag.\n\n\
         🟢 Grøn: kravet er opfyldt, og værktøjet har fundet beviset selv (samme som `opfyldt` i os2gov check). Grøn gives aldrig på svagere grundlag.\n\
         🟡 Gul: delvist opfyldt (værktøjet fandt en del af det, kravet beder om, og henviser til det), erklæret i governancerapporten uden bevis, værktøjet kan efterprøve, eller forklaret (følg eller forklar).\n\
         🔴 Rød: kontrolleret i alle produktets repositorier og ikke fundet.\n\
         ⚪ Ikke vurderet: værktøjet kan ikke afgøre det (kun governancerapporten kan, eller noget kunne ikke læses); sekretariatet vurderer det, og rækken siger, hvad der skal ses efter.\n\n\
         Materiale, som OS2's tjekliste placerer på os2.eu eller Loop ({eu}), er ⚪ og aldrig 🔴, når repositorierne hverken har eller linker til det.\n\
         Bevis i ethvert af produktets repositorier tæller, og rækken nævner repositoriet. Det, der hviler på historik, metadata eller åbne issues ({main}), afgøres i hovedrepositoriet (det, som [product] i os2gov.toml angiver med main, ellers det senest opdaterede), og rækken siger det.\n\
         Produktets governancerapport og selvevaluering (fra hovedrepositoriet, ellers det første repository, der har dem, ellers organisationens .github-repository) gælder for hele produktet, én gang.\n\
         Optællingerne pr. niveau og tema beregnes af rækkerne. Køres evalueringen igen med --out på en eksisterende fil, bevares alt, hvad en person har skrevet: resumé, vurdering, anbefaling, evaluatorens navn og dato og rækker, værktøjet lader være ⚪. Kun rækker, værktøjet afgør, skrives igen, og ændringerne listes.",
        "The evaluation (os2gov evaluate) follows OS2's evaluation template: for each of the 43 requirements a traffic light and the basis of assessment.\n\n\
         🟢 Green: the requirement is met and the tool found the evidence itself (the same as `met` in os2gov check). Green is never given on weaker evidence.\n\
         🟡 Yellow: partly met (the tool found part of what the requirement asks and cites it), declared in the governance report without evidence the tool can verify, or explained (comply or explain).\n\
         🔴 Red: checked in every repository of the product and not found.\n\
         ⚪ Not assessed: the tool cannot decide it (only the governance report can, or something could not be read); the secretariat assesses it, and the row says what to look for.\n\n\
         Material that OS2's checklist places on os2.eu or Loop ({eu}) is ⚪, never 🔴, when the repositories neither hold nor link it.\n\
         Evidence in any repository of the product counts, and the row names the repository. What rests on history, metadata or open issues ({main}) is decided in the main repository (the one `main` names in the [product] of os2gov.toml, else the most recently pushed), and the row says so.\n\
         The product's governance report and self-assessment (from the main repository, else the first repository that has them, else the organisation's .github repository) apply to the whole product, once.\n\
         The counts per level and theme are computed from the rows. Run again with --out on an existing file, the evaluation keeps everything a person wrote: the summary, assessment, recommendation, the evaluator's name and date, and the rows the tool leaves ⚪. Only the rows the tool decides are written again, and the changes are listed.",
        eu = os2_eu.join(", "),
        main = main_only.join(", ")
    );
    text.get(lang).to_string() + "\n"
}

/// `dd-mm-yyyy` of a Unix time, as the template writes dates.
pub fn template_date(unix: i64) -> String {
    let (year, month, day) = crate::base::model::civil_date(unix);
    format!("{day:02}-{month:02}-{year:04}")
}

#[cfg(test)]
mod tests;
