//! The engine: snapshot → evidence → verdicts → score. No I/O.

pub mod config;
pub mod report;
pub mod score;

use crate::base::model::{Bilingual, Lang, Level, Msg, Snapshot, Unread};
use crate::engine::config::{ConfigError, ValidConfig};
use crate::engine::report::{
    Contradiction, Finding, LevelSource, OldFormatReport, Report, RequiredLevel, Tool, Verdict,
    SCHEMA_VERSION,
};
use crate::evidence::{is_governance_report_path, Ctx};
use crate::msg;
use crate::parse::govreport::{self, GovernanceReport, Marker, Row, SelfAssessment};
use crate::rules::{self, Input, Method, Outcome, Rule};

#[derive(Debug, Clone, Default)]
pub struct Options {
    /// `--level`: overrides every other source of the required level.
    pub level: Option<Level>,
    /// `--lang`: overrides the config's language.
    pub lang: Option<Lang>,
    /// `--config FILE`: its name and text, read by the caller; otherwise `os2gov.toml` is read
    /// from the snapshot.
    pub config: Option<(String, String)>,
}

#[derive(Debug, thiserror::Error)]
pub enum EngineError {
    #[error(transparent)]
    Config(#[from] ConfigError),
    #[error("{}", self.msg().en)]
    ConfigUnreadable { path: String, reason: Msg },
    /// The adapter could not read the config (a failed download): nothing about the required
    /// level or the exceptions is known. Not an error in the input but an incomplete read.
    #[error("{}", self.msg().en)]
    ConfigNotRead { path: String, reason: Msg },
}

impl Bilingual for EngineError {
    fn msg(&self) -> Msg {
        match self {
            EngineError::Config(e) => e.msg(),
            EngineError::ConfigUnreadable { path, reason } => {
                let (da, en) = (&reason.da, &reason.en);
                msg!("{path}: {da}", "{path}: {en}")
            }
            EngineError::ConfigNotRead { path, reason } => {
                let (da, en) = (&reason.da, &reason.en);
                msg!(
                    "{path} kunne ikke læses: {da}",
                    "{path} could not be read: {en}"
                )
            }
        }
    }
}

/// The config that applies: `--config`, else `os2gov.toml` at the snapshot's root.
pub fn load_config(snapshot: &Snapshot, options: &Options) -> Result<ValidConfig, EngineError> {
    if let Some((path, text)) = &options.config {
        return Ok(config::parse(path, text)?);
    }
    if let Some(reason) = snapshot.unread.files.get(config::FILE_NAME) {
        return Err(EngineError::ConfigNotRead {
            path: config::FILE_NAME.to_string(),
            reason: reason.clone(),
        });
    }
    match snapshot.files.get(config::FILE_NAME) {
        None => Ok(ValidConfig::default()),
        Some(entry) => match entry.as_text() {
            Some(text) => Ok(config::parse(config::FILE_NAME, text)?),
            None => Err(EngineError::ConfigUnreadable {
                path: config::FILE_NAME.to_string(),
                reason: {
                    let what = describe(&entry.content);
                    let (da, en) = (&what.da, &what.en);
                    msg!(
                        "ikke en tekstfil, der kan læses ({da})",
                        "not a readable text file ({en})"
                    )
                },
            }),
        },
    }
}

/// What an unreadable file is, for an error message; a broken file's reason is cut short, as it
/// may be anything the adapter met.
fn describe(content: &crate::base::model::Content) -> Msg {
    use crate::base::model::Content;
    match content {
        Content::Text { .. } => msg!("tekst", "text"),
        Content::Binary => msg!("binær", "binary"),
        Content::TooLarge { size } => msg!("{size} bytes, for stor", "{size} bytes, too large"),
        Content::SymlinkOutside { target } => msg!(
            "et symbolsk link ud af repositoriet til {target}",
            "a symlink out of the repository to {target}"
        ),
        Content::Broken { reason } => {
            let reason: String = reason.chars().take(100).collect();
            msg!("ødelagt: {reason}", "broken: {reason}")
        }
        Content::NotLoaded => msg!("ikke indlæst", "not loaded"),
    }
}

/// The repository's governance report: the one nearest the root, then by name.
pub fn find_governance_report(snapshot: &Snapshot) -> Option<GovernanceReport> {
    let mut candidates: Vec<&String> = snapshot
        .files
        .keys()
        .filter(|p| is_governance_report_path(p) && !crate::evidence::is_vendored(p))
        .collect();
    candidates.sort_by_key(|p| (p.matches('/').count(), p.to_ascii_lowercase()));
    candidates
        .into_iter()
        .find_map(|path| snapshot.text(path).map(|text| govreport::parse(path, text)))
}

/// The newest self-assessment export (`docs/self-assessment/*.json`, last by name).
fn find_self_assessment(snapshot: &Snapshot, notes: &mut Vec<Msg>) -> Option<SelfAssessment> {
    let path = snapshot
        .files
        .keys()
        .filter(|p| {
            let lower = p.to_ascii_lowercase();
            (lower.starts_with("docs/self-assessment/")
                || lower.starts_with("doc/self-assessment/"))
                && lower.ends_with(".json")
                && lower.matches('/').count() == 2
        })
        .max()?;
    let text = snapshot.text(path)?;
    match govreport::parse_self_assessment(path, text) {
        Ok(sa) => Some(sa),
        Err(e) => {
            notes.push(e.msg());
            None
        }
    }
}

fn marker_label(marker: Marker) -> Msg {
    match marker {
        Marker::Met => Msg::new("✅ opfyldt", "✅ met"),
        Marker::NotMet => Msg::new("❌ ikke opfyldt", "❌ not met"),
        Marker::NotRelevant => Msg::new("➖ ikke relevant", "➖ not relevant"),
        Marker::Doubt => Msg::new("❓ i tvivl", "❓ in doubt"),
        Marker::Empty => Msg::new("ikke udfyldt", "not filled in"),
    }
}

struct Resolved {
    verdict: Verdict,
    evidence: Vec<crate::base::model::Evidence>,
    message: Msg,
    contradiction: Option<(Msg, Msg)>,
}

/// SPEC §3 and §8: combine the tool's own outcome with the declaration and the config exception.
/// Beside the verdict: the check's own fix for what it found, in place of the requirement's
/// general one, and whether some but not all of what the requirement asks was found — both
/// where the verdict is still the check's `not-met` (the fix also where it is still the check's
/// `unknown`).
fn resolve(
    rule: &Rule,
    outcome: Outcome,
    declaration: Option<(&Row, &str)>,
    exception: Option<&str>,
) -> (Resolved, Option<Msg>, bool) {
    let declared = declaration
        .map(|(row, _)| row.marker)
        .unwrap_or(Marker::Empty);
    let documentation = declaration
        .map(|(row, _)| row.documentation.trim())
        .unwrap_or("");
    let source = declaration.map(|(_, path)| path).unwrap_or("");
    let explanation = exception
        .map(|text| {
            msg!(
                "Undtaget i os2gov.toml: {t}",
                "Excepted in os2gov.toml: {t}",
                t = text
            )
        })
        .or_else(|| {
            (matches!(declared, Marker::NotMet | Marker::NotRelevant) && !documentation.is_empty())
                .then(|| {
                    msg!(
                        "Forklaret i {s}: {d}",
                        "Explained in {s}: {d}",
                        s = source,
                        d = documentation
                    )
                })
        });
    let declared_note = || {
        if documentation.is_empty() {
            msg!(
                "Erklæret ✅ i {s}, men uden dokumentation.",
                "Declared ✅ in {s}, but without documentation.",
                s = source
            )
        } else {
            msg!(
                "Erklæret ✅ i {s}: {d}",
                "Declared ✅ in {s}: {d}",
                s = source,
                d = documentation
            )
        }
    };
    let (outcome, fix, partly) = outcome.into_parts();
    let undeclared = matches!(outcome, Outcome::NoEvidence { .. }) && declared == Marker::Empty;
    let could_not_run = matches!(outcome, Outcome::Unknown { .. });
    let resolved = resolve_plain(outcome, declared, explanation, declared_note, source, rule);
    let own = resolved.verdict == Verdict::NotMet && resolved.contradiction.is_none();
    // A check that could not run knows what would let it (a token, the history), which the
    // requirement's general fix does not say.
    let fix = fix.filter(|_| own || (could_not_run && resolved.verdict == Verdict::Unknown));
    // Nothing found and nothing declared: what to write in the governance report is the step.
    let fix = if undeclared && resolved.verdict == Verdict::Unknown {
        Some(declare_fix(rule))
    } else {
        fix
    };
    (resolved, fix, partly && own)
}

fn resolve_plain(
    outcome: Outcome,
    declared: Marker,
    explanation: Option<Msg>,
    declared_note: impl Fn() -> Msg,
    source: &str,
    rule: &Rule,
) -> Resolved {
    let declared_met = declared == Marker::Met;
    match outcome {
        Outcome::Qualified { outcome, .. } => {
            resolve_plain(*outcome, declared, explanation, declared_note, source, rule)
        }
        Outcome::Found { evidence, message } => {
            let contradiction =
                (declared == Marker::NotMet).then(|| (marker_label(declared), message.clone()));
            Resolved {
                verdict: Verdict::Met,
                evidence,
                message,
                contradiction,
            }
        }
        Outcome::Missing { evidence, message } => {
            if declared_met {
                let found = message.clone();
                return Resolved {
                    verdict: Verdict::NotMet,
                    evidence,
                    message: msg!(
                        "Erklæret ✅ i {s}, men:",
                        "Declared ✅ in {s}, but:",
                        s = source
                    )
                    .join(&message),
                    contradiction: Some((marker_label(declared), found)),
                };
            }
            match explanation {
                Some(explained) => Resolved {
                    verdict: Verdict::Explained,
                    evidence,
                    message: message.join(&explained),
                    contradiction: None,
                },
                None => Resolved {
                    verdict: Verdict::NotMet,
                    evidence,
                    message,
                    contradiction: None,
                },
            }
        }
        Outcome::Unknown { evidence, reason } => {
            if declared_met {
                return Resolved {
                    verdict: Verdict::Declared,
                    evidence,
                    message: declared_note().join(&reason),
                    contradiction: None,
                };
            }
            match explanation {
                Some(explained) => Resolved {
                    verdict: Verdict::Explained,
                    evidence,
                    message: explained.join(&reason),
                    contradiction: None,
                },
                None => Resolved {
                    verdict: Verdict::Unknown,
                    evidence,
                    message: reason,
                    contradiction: None,
                },
            }
        }
        Outcome::NoEvidence { message } => {
            if declared_met {
                return Resolved {
                    verdict: Verdict::Declared,
                    evidence: Vec::new(),
                    message: declared_note().join(&message),
                    contradiction: None,
                };
            }
            if let Some(explained) = explanation {
                return Resolved {
                    verdict: Verdict::Explained,
                    evidence: Vec::new(),
                    message: explained.join(&message),
                    contradiction: None,
                };
            }
            let verdict = if declared == Marker::NotMet {
                Verdict::NotMet
            } else {
                Verdict::Unknown
            };
            let status = match (declared, rule.method()) {
                (Marker::NotMet, _) => {
                    msg!("Erklæret ❌ i {s}.", "Declared ❌ in {s}.", s = source)
                }
                (Marker::NotRelevant, _) => msg!(
                    "Erklæret ➖ i {s}, men uden forklaring.",
                    "Declared ➖ in {s}, but without an explanation.",
                    s = source
                ),
                (Marker::Doubt, _) => msg!(
                    "Erklæret ❓ (i tvivl) i {s}.",
                    "Declared ❓ (in doubt) in {s}.",
                    s = source
                ),
                (_, Method::Declared) => msg!(
                    "Ikke erklæret: kan kun afgøres af governancerapporten.",
                    "Not declared: only the governance report can decide this."
                ),
                _ => msg!("Ikke erklæret.", "Not declared."),
            };
            Resolved {
                verdict,
                evidence: Vec::new(),
                message: status.join(&message),
                contradiction: None,
            }
        }
    }
}

/// Why the inputs `rule` rests on are incomplete; empty when they are not. Files first, then
/// metadata, history and open items, whatever order the declaration lists them in.
fn unread_inputs<'a>(unread: &'a Unread, files: Option<&'a Msg>, rule: &Rule) -> Vec<&'a Msg> {
    let mut reasons: Vec<&Msg> = Vec::new();
    for input in [
        Input::Files,
        Input::Metadata,
        Input::History,
        Input::OpenItems,
    ] {
        if !rule.rests_on.reads(input) {
            continue;
        }
        reasons.extend(match input {
            Input::Files => files,
            Input::Metadata => unread.metadata.as_ref(),
            Input::History => unread.history.as_ref(),
            Input::OpenItems => unread.open_items.as_ref(),
        });
    }
    reasons.dedup();
    reasons
}

/// The fix for a requirement nothing decided and nothing declared: the declaration to write,
/// then what the requirement asks for (for a requirement that can be found too, the evidence
/// that would make the declaration unnecessary).
fn declare_fix(rule: &Rule) -> Msg {
    let declare = msg!(
        "Skal erklæres i governancerapporten: sæt ✅ og skriv, hvor det er dokumenteret.",
        "Must be declared in the governance report: set ✅ and write where it is documented."
    );
    match rule.method() {
        Method::Declared => declare.join(&rule.fix.to_msg()),
        _ => rule.fix.to_msg().join(&msg!(
            "Ellers skal det erklæres i governancerapporten: sæt ✅ og skriv, hvor det er dokumenteret.",
            "Otherwise it must be declared in the governance report: set ✅ and write where it is documented."
        )),
    }
}

/// The fix for a requirement whose input could not be read: nothing to write in the
/// repository (it may already be there), but a read to repeat. Public so that a renderer can
/// tell a check to run again from a requirement to declare.
pub fn input_fix() -> Msg {
    msg!(
        "Kør kontrollen igen; kontrollér netværket, GITHUB_TOKEN (rettigheder, grænse for forespørgsler) eller klonens fulde historik. Intet skal skrives i repositoriet, før kontrollen har kunnet læse det.",
        "Run the check again; check the network, GITHUB_TOKEN (permissions, rate limit) or the clone's full history. Nothing needs writing in the repository until the check could read it."
    )
}

/// Checks a snapshot against every requirement.
pub fn check(snapshot: &Snapshot, options: &Options) -> Result<Report, EngineError> {
    let config = load_config(snapshot, options)?;
    let lang = options.lang.or(config.language).unwrap_or_default();
    let mut notes: Vec<Msg> = Vec::new();

    let report = find_governance_report(snapshot);
    let self_assessment = find_self_assessment(snapshot, &mut notes);
    if let Some(r) = &report {
        notes.push(msg!(
            "Governancerapport: {p}.",
            "Governance report: {p}.",
            p = r.path
        ));
        notes.extend(r.problems.iter().cloned());
    }
    if let Some(sa) = &self_assessment {
        notes.push(msg!(
            "Selvevaluering: {p}.",
            "Self-assessment: {p}.",
            p = sa.path
        ));
    }
    for (path, entry) in &snapshot.files {
        if let crate::base::model::Content::Text { lossy: true, .. } = entry.content {
            notes.push(msg!(
                "{p} er ikke gyldig UTF-8 og blev læst som Windows-1252 (Latin-1).",
                "{p} is not valid UTF-8 and was read as Windows-1252 (Latin-1).",
                p = path
            ));
        }
    }

    let mut organisations = crate::base::profile::os2_organisations();
    organisations.extend(config.organisations.iter().cloned());
    let jira = config
        .jira
        .as_ref()
        .map(|j| (j.url.clone(), j.project.clone()));
    let mut ctx = Ctx::new(snapshot, organisations, jira);
    ctx.report = report;
    for path in &ctx.unfinished {
        notes.push(msg!(
            "{p} indeholder TODO(os2gov)-pladsholdere og tæller ikke, før de er udfyldt.",
            "{p} holds TODO(os2gov) placeholders and does not count until they are filled in.",
            p = path
        ));
    }

    for reason in snapshot.unread.reasons() {
        notes.push(reason);
    }
    let files_unread = snapshot.unread.files_reason();
    let mut findings = Vec::new();
    let mut contradictions = Vec::new();
    for rule in rules::all() {
        let outcome = rule.check.run(&ctx);
        let declaration = ctx
            .report
            .as_ref()
            .filter(|r| r.format == govreport::Format::Current)
            .and_then(|r| {
                r.row(rule.id)
                    .filter(|row| row.marker != Marker::Empty)
                    .map(|row| (row, r.path.as_str()))
            })
            .or_else(|| {
                self_assessment.as_ref().and_then(|sa| {
                    sa.rows
                        .iter()
                        .find(|row| row.id == rule.id)
                        .map(|row| (row, sa.path.as_str()))
                })
            });
        let (mut resolved, own_fix, mut partly) =
            resolve(rule, outcome, declaration, config.exception(rule.id));
        let mut fix = own_fix.unwrap_or_else(|| rule.fix.to_msg());
        // What was found counts; what was not found may be in what could not be read.
        let open = match resolved.verdict {
            Verdict::NotMet | Verdict::Unknown => true,
            Verdict::Met => rule.rests_on.met_too,
            Verdict::Declared | Verdict::Explained => false,
        };
        if open {
            let reasons = unread_inputs(&snapshot.unread, files_unread.as_ref(), rule);
            if !reasons.is_empty() {
                resolved.verdict = Verdict::Unknown;
                // A check that already names a failure (F1's metadata) is not told it twice.
                let told = reasons
                    .into_iter()
                    .filter(|r| !resolved.message.en.contains(&r.en))
                    .fold(Msg::default(), |acc, r| acc.join(r));
                resolved.message = told.join(&resolved.message);
                resolved.contradiction = None;
                fix = input_fix();
                partly = false;
            }
        }
        if let Some((declared, found)) = resolved.contradiction {
            contradictions.push(Contradiction {
                id: rule.id.to_string(),
                declared: declared.get(lang).to_string(),
                found: found.get(lang).to_string(),
            });
        }
        findings.push(Finding {
            id: rule.id.to_string(),
            theme: rule.theme,
            level: rule.level,
            recommended: rule.recommended,
            method: rule.method(),
            title: rule.title.get(lang).to_string(),
            verdict: resolved.verdict,
            evidence: resolved
                .evidence
                .into_iter()
                .map(|e| e.in_lang(lang))
                .collect(),
            message: resolved.message.get(lang).to_string(),
            fix: fix.get(lang).to_string(),
            partly,
        });
    }
    // What rests on the other findings (P11: a report consistent with them) is known only now.
    if !contradictions.is_empty() {
        let ids = contradictions
            .iter()
            .map(|c| c.id.as_str())
            .collect::<Vec<_>>()
            .join(", ");
        for (rule, finding) in rules::all().zip(findings.iter_mut()) {
            if let Some(decide) = rule.rests_on.contradictions {
                let (verdict, extra) = decide(finding.verdict, &ids);
                finding.verdict = verdict;
                finding.message = format!("{} {}", finding.message, extra.get(lang));
            }
        }
    }

    let required_level = match (
        options.level,
        config.level,
        ctx.report.as_ref().and_then(|r| r.declared_level),
    ) {
        (Some(level), _, _) => RequiredLevel {
            level,
            source: LevelSource::Flag,
        },
        (None, Some(level), _) => RequiredLevel {
            level,
            source: LevelSource::Config,
        },
        (None, None, Some((level, _))) => RequiredLevel {
            level,
            source: LevelSource::Report,
        },
        _ => RequiredLevel {
            level: Level::Sandkasse,
            source: LevelSource::Default,
        },
    };
    let scored = score::score(&findings, required_level.level);
    let passed = scored.achieved.is_some_and(|a| a >= required_level.level);
    Ok(Report {
        schema_version: SCHEMA_VERSION,
        tool: Tool {
            name: "os2gov".to_string(),
            version: env!("CARGO_PKG_VERSION").to_string(),
        },
        lang,
        required_level,
        achieved_level: scored.achieved,
        passed,
        score: scored.score,
        verified_share: scored.verified_share,
        levels: scored.levels,
        requirements: findings,
        contradictions,
        notes: notes.iter().map(|m| m.get(lang).to_string()).collect(),
        incomplete: snapshot.unread.summary().map(|m| m.get(lang).to_string()),
        old_format_report: ctx
            .report
            .as_ref()
            .filter(|r| r.format == govreport::Format::Old)
            .map(|r| OldFormatReport {
                path: r.path.clone(),
                declared_level: r.declared_level.map(|(level, _)| level),
            }),
    })
}

/// A snapshot of `files` (path, text) at a fixed time, and its report in `lang`: what the unit
/// tests of the renderers and the evaluation start from.
#[cfg(test)]
pub(crate) mod fixture {
    use super::{check, Options};
    use crate::base::model::{FileEntry, Lang, Snapshot};
    use crate::engine::report::Report;

    pub(crate) const NOW: i64 = 1_795_737_600;

    pub(crate) fn snapshot(files: &[(&str, &str)]) -> Snapshot {
        Snapshot {
            files: files
                .iter()
                .map(|(path, text)| (path.to_string(), FileEntry::text(*text)))
                .collect(),
            now: NOW,
            ..Snapshot::default()
        }
    }

    pub(crate) fn report(snapshot: &Snapshot, lang: Lang) -> Report {
        let options = Options {
            lang: Some(lang),
            ..Options::default()
        };
        check(snapshot, &options).expect("check")
    }

    pub(crate) fn report_of(files: &[(&str, &str)]) -> Report {
        report(&snapshot(files), Lang::En)
    }
}

/// The verdicts that read publiccode.yml, with the YAML parser (as the CLI) and without it (as
/// the browser build, simulated by `publiccode::without_yaml`).
#[cfg(all(test, feature = "yaml"))]
mod tests {
    use super::*;
    use crate::base::model::FileEntry;
    use crate::parse::publiccode::without_yaml;

    const LONG: &str = "A system that municipalities use to keep track of their organisation, \
                        employees and their roles, and which shares that information with other \
                        systems automatically.";
    const MPL: &str =
        "Mozilla Public License Version 2.0\n\n1. Definitions\n1.1. \"Contributor\" ... \
                       \"Covered Software\" means ...";

    /// A valid publiccode.yml (0.4) with the given licence and contacts (`name <email>` each).
    fn publiccode(licence: &str, contacts: &[(&str, &str)]) -> String {
        let contacts: String = contacts
            .iter()
            .map(|(name, email)| format!("    - name: {name}\n      email: {email}\n"))
            .collect();
        format!(
            "publiccodeYmlVersion: \"0.4\"\nname: Medusa\nurl: https://github.com/OS2/medusa.git\n\
             platforms:\n  - web\ncategories:\n  - it-development\ndevelopmentStatus: stable\n\
             softwareType: standalone/web\ndescription:\n  en:\n    shortDescription: Booking\n    \
             longDescription: >\n      {LONG}\n    features:\n      - Booking\n\
             legal:\n  license: {licence}\nmaintenance:\n  type: community\n  contacts:\n{contacts}\
             localisation:\n  localisationReady: true\n  availableLanguages:\n    - da\n"
        )
    }

    fn snapshot(files: &[(&str, &str)]) -> Snapshot {
        Snapshot {
            files: files
                .iter()
                .map(|(path, text)| (path.to_string(), FileEntry::text(*text)))
                .collect(),
            now: 1_750_000_000,
            ..Snapshot::default()
        }
    }

    /// The verdict and English message of `id`, with the YAML parser (as the CLI) and without
    /// it (as the browser build).
    fn both(files: &[(&str, &str)], id: &str) -> [(Verdict, String); 2] {
        let run = || {
            let options = Options {
                lang: Some(Lang::En),
                ..Options::default()
            };
            let report = check(&snapshot(files), &options).expect("check");
            let finding = report.finding(id).expect("finding");
            (finding.verdict, finding.message.clone())
        };
        [run(), without_yaml(run)]
    }

    fn assert_not_checked((verdict, message): &(Verdict, String)) {
        assert_eq!(*verdict, Verdict::Unknown, "{message}");
        assert!(message.contains("not checked by this build"), "{message}");
    }

    #[test]
    fn p12_is_unknown_without_the_yaml_parser() {
        let valid = publiccode("MPL-2.0", &[("Jens Hansen", "jens@example.dk")]);
        let [cli, browser] = both(&[("publiccode.yml", &valid)], "P12");
        assert_eq!(cli.0, Verdict::Met, "{}", cli.1);
        assert_not_checked(&browser);
        // Invalid for the CLI; still unknown, never not-met, where it cannot be read.
        let invalid = "publiccodeYmlVersion: \"0.4\"\nname: Medusa\n";
        let [cli, browser] = both(&[("publiccode.yml", invalid)], "P12");
        assert_eq!(cli.0, Verdict::NotMet, "{}", cli.1);
        assert_not_checked(&browser);
        // Absent is not-met for both; empty is checked without YAML too.
        for files in [&[][..], &[("publiccode.yml", "  \n")][..]] {
            for (verdict, message) in both(files, "P12") {
                assert_eq!(verdict, Verdict::NotMet, "{message}");
            }
        }
    }

    #[test]
    fn f2_is_unknown_when_publiccode_licence_cannot_be_compared() {
        let agreeing = publiccode("MPL-2.0", &[("Jens Hansen", "jens@example.dk")]);
        let [cli, browser] = both(&[("LICENSE", MPL), ("publiccode.yml", &agreeing)], "F2");
        assert_eq!(cli.0, Verdict::Met, "{}", cli.1);
        assert_not_checked(&browser);
        assert!(browser.1.contains("MPL-2.0"), "{}", browser.1);
        let disagreeing = publiccode("MIT", &[("Jens Hansen", "jens@example.dk")]);
        let [cli, browser] = both(&[("LICENSE", MPL), ("publiccode.yml", &disagreeing)], "F2");
        assert_eq!(cli.0, Verdict::NotMet, "{}", cli.1);
        assert_not_checked(&browser);
        // A licence file that already fails stays not-met without YAML.
        for files in [
            &[("publiccode.yml", agreeing.as_str())][..],
            &[
                ("LICENSE", "Copyright 2024 Acme A/S. All rights reserved."),
                ("publiccode.yml", &agreeing),
            ][..],
        ] {
            for (verdict, message) in both(files, "F2") {
                assert_eq!(verdict, Verdict::NotMet, "{message}");
            }
        }
        // Without publiccode.yml nothing changes.
        for (verdict, message) in both(&[("LICENSE", MPL)], "F2") {
            assert_eq!(verdict, Verdict::Met, "{message}");
        }
    }

    #[test]
    fn g3_is_unknown_when_only_publiccode_could_name_the_contact() {
        let pc = publiccode("MPL-2.0", &[("Jens Hansen", "jens@example.dk")]);
        let readme = "# Medusa\n\nBooking for libraries.\n";
        let [cli, browser] = both(&[("README.md", readme), ("publiccode.yml", &pc)], "G3");
        assert_eq!(cli.0, Verdict::Met, "{}", cli.1);
        assert_not_checked(&browser);
        // Evidence elsewhere decides for both.
        let with_contact = "# Medusa\n\n## Kontakt\n\nTovholder: Jens Hansen, jens@example.dk\n";
        for (verdict, message) in both(
            &[("README.md", with_contact), ("publiccode.yml", &pc)],
            "G3",
        ) {
            assert_eq!(verdict, Verdict::Met, "{message}");
        }
        // No publiccode.yml: not met for both.
        for (verdict, message) in both(&[("README.md", readme)], "G3") {
            assert_eq!(verdict, Verdict::NotMet, "{message}");
        }
    }

    #[test]
    fn p7_is_unknown_when_publiccode_contacts_could_make_the_difference() {
        let pc = publiccode("MPL-2.0", &[("Mette Holm", "mette@example.dk")]);
        let one = "# Maintainers\n\n- Jens Hansen <jens@example.dk>\n";
        let [cli, browser] = both(&[("MAINTAINERS.md", one), ("publiccode.yml", &pc)], "P7");
        assert_eq!(cli.0, Verdict::Met, "{}", cli.1);
        assert_not_checked(&browser);
        let two =
            "# Maintainers\n\n- Jens Hansen <jens@example.dk>\n- Mette Holm <mette@example.dk>\n";
        for (verdict, message) in both(&[("MAINTAINERS.md", two), ("publiccode.yml", &pc)], "P7") {
            assert_eq!(verdict, Verdict::Met, "{message}");
        }
        for (verdict, message) in both(&[("MAINTAINERS.md", one)], "P7") {
            assert_eq!(verdict, Verdict::NotMet, "{message}");
        }
    }
}
