//! The requirement catalogue: OS2's 43 governance requirements (R, F, S, G) and the 13 good
//! practices from the seed documents (P). Each requirement is one [`Rule`] declaration next to
//! the function that checks it; `docs/requirements.md`, `os2gov rules` and `os2gov explain` are
//! generated from these declarations.

use crate::base::model::{Evidence, Lang, Level, Msg};
use crate::engine::report::Verdict;
use crate::evidence::Ctx;
use serde::{Deserialize, Serialize};

/// A requirement's documentation text (its `rationale` and `evidence`): only the generated docs,
/// `os2gov explain` and SARIF show it. Builds without the `docs` feature (the browser's, which
/// never shows it) keep the catalogue without these texts, as empty strings.
#[cfg(feature = "docs")]
macro_rules! doc_text {
    ($text:expr) => {
        $text
    };
}
#[cfg(not(feature = "docs"))]
macro_rules! doc_text {
    ($text:expr) => {
        $crate::rules::Bilingual { da: "", en: "" }
    };
}

/// A requirement's [`Placement`]: the one declared, else in the repositories.
macro_rules! placed_or_default {
    () => {
        $crate::rules::Placement::Repository
    };
    ($placed:expr) => {
        $placed
    };
}

/// The one form every requirement is declared in, directly above its check:
/// `requirement!(R1 { id, theme, level, recommended, title, rationale, evidence, fix, rests_on,
/// [placed,] check });` declares the static `R1`, which the registry ([`RULES`]) lists. The
/// documentation texts go through `doc_text!`, so builds without the `docs` feature leave them
/// out. `placed` is optional: only material OS2 places on os2.eu or Loop declares it.
macro_rules! requirement {
    ($name:ident {
        id: $id:literal,
        theme: $theme:expr,
        level: $level:expr,
        recommended: $recommended:expr,
        title: $title:expr,
        rationale: $rationale:expr,
        evidence: $evidence:expr,
        fix: $fix:expr,
        rests_on: $rests_on:expr,
        $(placed: $placed:expr,)?
        check: $check:expr $(,)?
    }) => {
        pub(crate) static $name: $crate::rules::Rule = $crate::rules::Rule {
            id: $id,
            theme: $theme,
            level: $level,
            recommended: $recommended,
            title: $title,
            rationale: doc_text!($rationale),
            evidence: doc_text!($evidence),
            fix: $fix,
            rests_on: $rests_on,
            placed: placed_or_default!($($placed)?),
            check: $check,
        };
    };
}

pub mod docs;
mod formkrav;
mod governance;
mod practice;
mod relevans;
mod shapes;
mod strategi;

/// The four themes of OS2's checklist, plus the seed documents' good practice.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Theme {
    Relevans,
    Formkrav,
    StrategiskSammenhaeng,
    Governance,
    GoodPractice,
}

impl Theme {
    /// The JSON name (serde's kebab-case).
    pub fn as_str(self) -> &'static str {
        match self {
            Theme::Relevans => "relevans",
            Theme::Formkrav => "formkrav",
            Theme::StrategiskSammenhaeng => "strategisk-sammenhaeng",
            Theme::Governance => "governance",
            Theme::GoodPractice => "good-practice",
        }
    }

    pub fn label(self, lang: Lang) -> &'static str {
        match (self, lang) {
            (Theme::Relevans, Lang::Da) => "Relevans",
            (Theme::Relevans, Lang::En) => "Relevance",
            (Theme::Formkrav, Lang::Da) => "Formkrav",
            (Theme::Formkrav, Lang::En) => "Formal requirements",
            (Theme::StrategiskSammenhaeng, Lang::Da) => "Strategisk sammenhæng",
            (Theme::StrategiskSammenhaeng, Lang::En) => "Strategic alignment",
            (Theme::Governance, _) => "Governance",
            (Theme::GoodPractice, Lang::Da) => "God praksis",
            (Theme::GoodPractice, Lang::En) => "Good practice",
        }
    }
}

/// How a requirement is decided (SPEC §5).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "kebab-case")]
pub enum Method {
    /// Checked from the repository or its metadata; a declaration cannot replace the check.
    Automatic,
    /// Checked where evidence exists, otherwise taken from the governance report.
    AutomaticOrDeclared,
    /// Only the governance report (or self-assessment) can tell.
    Declared,
}

impl Method {
    /// The JSON name (serde's kebab-case).
    pub fn as_str(self) -> &'static str {
        match self {
            Method::Automatic => "automatic",
            Method::AutomaticOrDeclared => "automatic-or-declared",
            Method::Declared => "declared",
        }
    }
}

/// A text in Danish and English, fixed at compile time.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Bilingual {
    pub da: &'static str,
    pub en: &'static str,
}

impl Bilingual {
    pub fn get(&self, lang: Lang) -> &'static str {
        match lang {
            Lang::Da => self.da,
            Lang::En => self.en,
        }
    }

    pub fn to_msg(self) -> Msg {
        Msg::new(self.da, self.en)
    }
}

/// What a requirement's own check concluded, before declarations and exceptions are applied.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Outcome {
    /// The tool found the evidence itself.
    Found {
        evidence: Vec<Evidence>,
        message: Msg,
    },
    /// The tool looked and the evidence is not there (or contradicts the requirement).
    Missing {
        evidence: Vec<Evidence>,
        message: Msg,
    },
    /// The check could not run (offline, API error, unreadable file).
    Unknown {
        evidence: Vec<Evidence>,
        reason: Msg,
    },
    /// Nothing automatic to say: a declared requirement, or an A/D one without evidence.
    NoEvidence { message: Msg },
    /// Another outcome with what only the check knows: a fix that answers this finding rather
    /// than the requirement's general one, and whether some but not all of what the requirement
    /// asks was found (the evaluation's 🟡). Made by [`Outcome::with_fix`] and
    /// [`Outcome::partly`]; the engine takes it apart before anything else.
    Qualified {
        outcome: Box<Outcome>,
        fix: Option<Msg>,
        partly: bool,
    },
}

/// `Missing` with `message`, led by the community file that exists by name but could not be read
/// when there is one, so that the finding names it rather than asking for a file that is there;
/// for a file that still holds a placeholder, the line left to fill in instead.
pub(crate) fn missing_unless_unread(
    ctx: &crate::evidence::Ctx,
    file: &crate::evidence::community::CommunityFile,
    message: Msg,
) -> Outcome {
    // A scaffold still waiting for its text is there: say which line is left, not "No X".
    if let Some((path, line)) = ctx.unfinished_community_file(file.stems, file.dirs) {
        return Outcome::Missing {
            evidence: vec![Evidence::at(path, line)],
            message: Msg::new(
                format!("{path} findes, men linje {line} er endnu ikke udfyldt (pladsholder)."),
                format!("{path} exists, but line {line} is not filled in yet (placeholder)."),
            ),
        }
        .with_fix(Msg::new(
            format!("Skriv produktets egne svar i stedet for pladsholderne (TODO(os2gov)) i {path}, fra linje {line}."),
            format!("Write the product's own answers in place of the placeholders (TODO(os2gov)) in {path}, from line {line}."),
        ));
    }
    match ctx.unread_community_file(file.stems, file.dirs) {
        Some((path, why)) => Outcome::Missing {
            evidence: vec![Evidence::file(path)],
            message: Msg::new(
                format!("{path} er {} og tæller derfor ikke.", why.da),
                format!("{path} is {} and so does not count.", why.en),
            )
            .join(&message),
        },
        None => Outcome::missing(message),
    }
}

impl Outcome {
    /// This outcome, with `fix` in place of the requirement's general fix.
    pub fn with_fix(self, fix: Msg) -> Outcome {
        let (outcome, _, partly) = self.into_parts();
        Outcome::Qualified {
            outcome: Box::new(outcome),
            fix: Some(fix),
            partly,
        }
    }

    /// This outcome, marked as some but not all of what the requirement asks.
    pub fn partly(self) -> Outcome {
        let (outcome, fix, _) = self.into_parts();
        Outcome::Qualified {
            outcome: Box::new(outcome),
            fix,
            partly: true,
        }
    }

    /// The plain outcome, the check's own fix if it gave one, and whether it is partial.
    pub fn into_parts(self) -> (Outcome, Option<Msg>, bool) {
        match self {
            Outcome::Qualified {
                outcome,
                fix,
                partly,
            } => {
                let (inner, inner_fix, inner_partly) = outcome.into_parts();
                (inner, fix.or(inner_fix), partly || inner_partly)
            }
            plain => (plain, None, false),
        }
    }

    pub fn found(evidence: Vec<Evidence>, message: Msg) -> Outcome {
        Outcome::Found { evidence, message }
    }

    pub fn missing(message: Msg) -> Outcome {
        Outcome::Missing {
            evidence: Vec::new(),
            message,
        }
    }

    pub fn unknown(reason: Msg) -> Outcome {
        Outcome::Unknown {
            evidence: Vec::new(),
            reason,
        }
    }

    pub fn no_evidence() -> Outcome {
        Outcome::NoEvidence {
            message: Msg::default(),
        }
    }
}

/// An input a requirement's check reads. When the snapshot says one could not be read
/// ([`crate::base::model::Unread`]), the engine turns a verdict that may rest on it into `unknown`
/// with the reason: what was not found may be in what was not read.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Input {
    /// The repository's files (and the list of their paths).
    Files,
    /// The commit history.
    History,
    /// The forge's metadata (visibility, archived, issues enabled, branches).
    Metadata,
    /// The open issues and pull requests.
    OpenItems,
}

/// Given a requirement's verdict and the ids whose finding the governance report contradicts
/// (never empty): the verdict and the sentence to add.
pub type Revisit = fn(Verdict, &str) -> (Verdict, Msg);

/// What a requirement's verdict rests on, declared with it so that the engine, not an adapter
/// or a list of ids, decides what an unread input does to it.
#[derive(Debug, Clone, Copy)]
pub struct RestsOn {
    pub inputs: &'static [Input],
    /// `met` rests on what is *not* in the inputs too, so that an input not read could
    /// overturn it (F11: GitHub Issues counts when no file names a Jira project).
    pub met_too: bool,
    /// Decided again once every other requirement is, when the governance report contradicts
    /// some of their findings (P11 asks for a report that agrees with the tool).
    pub contradictions: Option<Revisit>,
}

impl RestsOn {
    pub const fn on(inputs: &'static [Input]) -> RestsOn {
        RestsOn {
            inputs,
            met_too: false,
            contradictions: None,
        }
    }

    pub fn reads(&self, input: Input) -> bool {
        self.inputs.contains(&input)
    }
}

/// Most requirements read files alone (the governance report is a file too).
pub const FILES: RestsOn = RestsOn::on(&[Input::Files]);

/// Where OS2's checklist places a requirement's material. The evaluation cannot call material
/// that belongs on os2.eu or Loop missing merely because the repositories lack it (⚪, not 🔴).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Placement {
    /// In the product's repositories: what they lack is missing.
    Repository,
    /// On os2.eu or Loop (communication and presentation material, organisation, minutes,
    /// guides and manuals); a repository may link it.
    Os2Eu,
}

/// How a requirement is decided, and the function that decides it, set together so that a
/// declared requirement cannot carry a check nor an automatic one lack it.
#[derive(Clone, Copy)]
pub enum Check {
    /// Checked from the repository or its metadata; a declaration cannot replace the check.
    Automatic(fn(&Ctx) -> Outcome),
    /// Checked where evidence exists, otherwise taken from the governance report.
    AutomaticOrDeclared(fn(&Ctx) -> Outcome),
    /// Only the governance report (or self-assessment) can tell: nothing to check.
    Declared,
}

impl Check {
    pub fn method(self) -> Method {
        match self {
            Check::Automatic(_) => Method::Automatic,
            Check::AutomaticOrDeclared(_) => Method::AutomaticOrDeclared,
            Check::Declared => Method::Declared,
        }
    }

    /// The check's own conclusion; a declared requirement has no evidence of its own.
    pub fn run(self, ctx: &Ctx) -> Outcome {
        match self {
            Check::Automatic(check) | Check::AutomaticOrDeclared(check) => check(ctx),
            Check::Declared => Outcome::no_evidence(),
        }
    }
}

/// One requirement: its identity, its documentation and its check.
pub struct Rule {
    pub id: &'static str,
    pub theme: Theme,
    pub level: Level,
    /// "(anbefaling)": reported and scored at half weight, never blocking.
    pub recommended: bool,
    pub title: Bilingual,
    /// Why the requirement exists (empty without the `docs` feature).
    pub rationale: Bilingual,
    /// What the tool accepts as evidence (empty without the `docs` feature).
    pub evidence: Bilingual,
    /// How to satisfy it.
    pub fix: Bilingual,
    /// The inputs the verdict rests on.
    pub rests_on: RestsOn,
    /// Where OS2 places its material: the repositories, or os2.eu.
    pub placed: Placement,
    /// How it is decided ([`Rule::method`]) and by which function.
    pub check: Check,
}

impl Rule {
    pub fn method(&self) -> Method {
        self.check.method()
    }
}

impl std::fmt::Debug for Rule {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Rule")
            .field("id", &self.id)
            .finish_non_exhaustive()
    }
}

/// The registry: every requirement's declaration, in the order of OS2's checklist followed by
/// the good practices.
static RULES: &[&Rule] = &[
    &relevans::R1,
    &relevans::R2,
    &relevans::R3,
    &relevans::R4,
    &formkrav::openness::F1,
    &formkrav::licence::F2,
    &formkrav::openness::F3,
    &formkrav::security::F4,
    &formkrav::docs::F5,
    &formkrav::openness::F6,
    &formkrav::docs::F7,
    &formkrav::channels::F10,
    &formkrav::channels::F11,
    &formkrav::openness::F12,
    &formkrav::channels::F13,
    &formkrav::channels::F14,
    &formkrav::channels::F15,
    &formkrav::operations::F16,
    &formkrav::operations::F17,
    &formkrav::operations::F18,
    &formkrav::operations::F19,
    &formkrav::operations::F20,
    &formkrav::channels::F21,
    &formkrav::operations::F22,
    &strategi::S1,
    &strategi::S2,
    &strategi::S3,
    &strategi::S4,
    &strategi::S5,
    &governance::G1,
    &governance::G2,
    &governance::G3,
    &governance::G4,
    &governance::G5,
    &governance::G6,
    &governance::G7,
    &governance::G8,
    &governance::G9,
    &governance::G10,
    &governance::G11,
    &governance::G12,
    &governance::G13,
    &governance::G14,
    &practice::community::P1,
    &practice::community::P2,
    &practice::community::P3,
    &practice::stewardship::P4,
    &practice::stewardship::P5,
    &practice::stewardship::P6,
    &practice::stewardship::P7,
    &practice::maintenance::P8,
    &practice::maintenance::P9,
    &practice::maintenance::P10,
    &practice::reports::P11,
    &practice::reports::P12,
    &practice::community::P13,
];

/// Every requirement, in the order of OS2's checklist followed by the good practices.
pub fn all() -> impl Iterator<Item = &'static Rule> {
    RULES.iter().copied()
}

/// Looks a requirement up by id, case-insensitively.
pub fn find(id: &str) -> Option<&'static Rule> {
    let id = id.trim();
    all().find(|r| r.id.eq_ignore_ascii_case(id))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::collections::HashSet;

    #[test]
    fn catalogue_is_complete_and_unique() {
        let ids: Vec<&str> = all().map(|r| r.id).collect();
        let unique: HashSet<&str> = ids.iter().copied().collect();
        assert_eq!(ids.len(), unique.len(), "duplicate ids");
        assert_eq!(ids.iter().filter(|id| !id.starts_with('P')).count(), 43);
        assert_eq!(ids.iter().filter(|id| id.starts_with('P')).count(), 13);
        for id in crate::parse::govreport::REQUIREMENT_IDS {
            assert!(find(id).is_some(), "{id} missing");
        }
    }

    #[test]
    fn json_names_are_serdes() {
        for theme in [
            Theme::Relevans,
            Theme::Formkrav,
            Theme::StrategiskSammenhaeng,
            Theme::Governance,
            Theme::GoodPractice,
        ] {
            assert_eq!(
                serde_json::to_value(theme).ok(),
                Some(theme.as_str().into())
            );
        }
        for method in [
            Method::Automatic,
            Method::AutomaticOrDeclared,
            Method::Declared,
        ] {
            assert_eq!(
                serde_json::to_value(method).ok(),
                Some(method.as_str().into())
            );
        }
    }

    #[test]
    fn checklist_counts_per_level_match_spec() {
        // SPEC §2: sandkasse 6, level 1 +10, level 2 +19, level 3 +8.
        let count = |level| {
            all()
                .filter(|r| !r.id.starts_with('P') && r.level == level)
                .count()
        };
        assert_eq!(count(Level::Sandkasse), 6);
        assert_eq!(count(Level::One), 10);
        assert_eq!(count(Level::Two), 19);
        assert_eq!(count(Level::Three), 8);
    }

    /// The declarations say what the engine's id tables said before `rests_on` replaced them:
    /// files for all but the four decided by the forge alone, and the forge's inputs for those
    /// that read them.
    #[test]
    fn what_the_requirements_rest_on() {
        let reading = |input: Input| -> Vec<&str> {
            all()
                .filter(|r| r.rests_on.reads(input))
                .map(|r| r.id)
                .collect()
        };
        let not_files: Vec<&str> = all()
            .filter(|r| !r.rests_on.reads(Input::Files))
            .map(|r| r.id)
            .collect();
        assert_eq!(not_files, ["F1", "F6", "F12", "P9"]);
        assert_eq!(
            reading(Input::Metadata),
            ["F1", "F2", "F6", "F11", "F12", "P9", "P10"]
        );
        assert_eq!(reading(Input::History), ["F1", "F11", "F12"]);
        assert_eq!(reading(Input::OpenItems), ["P9"]);
        let met_too: Vec<&str> = all().filter(|r| r.rests_on.met_too).map(|r| r.id).collect();
        assert_eq!(met_too, ["F11"]);
        let revisited: Vec<&str> = all()
            .filter(|r| r.rests_on.contradictions.is_some())
            .map(|r| r.id)
            .collect();
        assert_eq!(revisited, ["P11"]);
    }

    /// OS2's checklist places communication and presentation material, organisation, minutes,
    /// guides and manuals on os2.eu or Loop: these declare it, no other requirement does.
    #[test]
    fn material_placed_on_os2_eu() {
        let placed: Vec<&str> = all()
            .filter(|r| r.placed == Placement::Os2Eu)
            .map(|r| r.id)
            .collect();
        assert_eq!(placed, ["F10", "F13", "F14", "F15", "F20", "F21", "G1"]);
    }

    /// Runs with the default features (`docs` on); the browser build leaves these texts out.
    #[cfg(feature = "docs")]
    #[test]
    fn every_rule_is_documented_in_both_languages() {
        for rule in all() {
            for text in [rule.title, rule.rationale, rule.evidence, rule.fix] {
                assert!(
                    !text.da.trim().is_empty() && !text.en.trim().is_empty(),
                    "{}",
                    rule.id
                );
            }
            if rule.id.starts_with('P') {
                assert!(
                    rule.recommended,
                    "{}: good practice is scored as a recommendation",
                    rule.id
                );
            }
        }
    }
}

#[cfg(test)]
mod qualified_tests {
    use super::*;

    #[test]
    fn a_qualified_outcome_keeps_both_its_fix_and_its_partial_mark_in_either_order() {
        let fix = Msg::new("Gør det", "Do it");
        for outcome in [
            Outcome::missing(Msg::new("a", "a"))
                .with_fix(fix.clone())
                .partly(),
            Outcome::missing(Msg::new("a", "a"))
                .partly()
                .with_fix(fix.clone()),
        ] {
            let (plain, own_fix, partly) = outcome.into_parts();
            assert!(matches!(plain, Outcome::Missing { .. }));
            assert_eq!(own_fix, Some(fix.clone()));
            assert!(partly);
        }
        let (plain, own_fix, partly) = Outcome::missing(Msg::new("b", "b")).into_parts();
        assert_eq!(plain, Outcome::missing(Msg::new("b", "b")));
        assert_eq!((own_fix, partly), (None, false));
    }
}
