//! publiccode.yml validation for P12 (SPEC §5): the YAML parses, `publiccodeYmlVersion` is 0.4–0.7,
//! the standard's mandatory keys are present with allowed values, `legal.license` is an SPDX
//! expression of known ids, language keys look like BCP 47 tags, and every shortDescription has at
//! most 150 characters.
//!
//! Mandatory keys follow the standard's core schema: `publiccodeYmlVersion`, `name`, `url`,
//! `platforms`, `developmentStatus`, `softwareType`, `description` (at least one language; every
//! language with a `shortDescription`; `longDescription` of 150–10 000 characters and `features`
//! in at least one language), `legal.license`, `maintenance.type` (with `contacts` when the type is
//! internal or community, `contractors` when it is contract), `localisation.localisationReady` and
//! `localisation.availableLanguages`. `categories` is mandatory up to 0.4 and optional from 0.5.
//! Unknown keys are reported, as the reference parser does. Categories are not checked against the
//! standard's vocabulary (to keep the browser build small).
//!
//! Problems about keys carry the key's line, found by a plain text scan; a YAML error carries the
//! parser's line. The file is YAML 1.2, so `yes`/`no` are strings, not booleans.
//!
//! Without the `yaml` feature (the browser build, which leaves the YAML parser out for size) the
//! file is not checked: [`validate`] returns one problem saying so, no parsed data, and
//! `unchecked` set, so it is never taken as valid.
#![cfg_attr(not(feature = "yaml"), allow(dead_code))]

use crate::base::model::Msg;
use crate::msg;
use serde::Serialize;
#[cfg(feature = "yaml")]
use serde_yaml_ng::Value;
mod check;
mod keys;
mod schema;

#[cfg(feature = "yaml")]
use check::scan_version;
use check::Checker;

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Contact {
    pub name: String,
    pub email: Option<String>,
}

/// What the file says, as far as it could be read (filled even when there are problems).
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct PublicCode {
    pub version: Option<String>,
    pub name: Option<String>,
    pub url: Option<String>,
    /// `legal.license` as written.
    pub licence: Option<String>,
    /// `maintenance.contacts`.
    pub contacts: Vec<Contact>,
    pub maintenance_type: Option<String>,
    /// The language keys of `description`, in file order.
    pub languages: Vec<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Problem {
    /// 1-based line in publiccode.yml, where known.
    pub line: Option<u32>,
    pub message: Msg,
}

#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize)]
pub struct Validation {
    /// `None` when the file is not YAML or not a mapping.
    pub parsed: Option<PublicCode>,
    pub problems: Vec<Problem>,
    /// The file was not checked because this build has no YAML parser (`yaml` feature off).
    #[serde(skip_serializing_if = "std::ops::Not::not")]
    pub unchecked: bool,
}

impl Validation {
    pub fn is_valid(&self) -> bool {
        self.problems.is_empty()
    }
}

/// Validates a publiccode.yml. Never panics; `problems` is empty when the file is valid.
pub fn validate(text: &str) -> Validation {
    let mut check = Checker {
        text,
        problems: Vec::new(),
        key_lines: None,
    };
    if text.trim().is_empty() {
        check.problems.push(Problem {
            line: None,
            message: msg!("publiccode.yml er tom.", "publiccode.yml is empty."),
        });
        return check.done(None);
    }
    #[cfg(test)]
    if WITHOUT_YAML.with(std::cell::Cell::get) {
        return not_checked(check);
    }
    #[cfg(not(feature = "yaml"))]
    return not_checked(check);
    #[cfg(feature = "yaml")]
    validate_yaml(text, check)
}

/// What this build says instead of checking: a build without the YAML parser never guesses.
pub fn not_checked_reason() -> Msg {
    msg!(
        "ikke kontrolleret af denne udgave af os2gov (browserens læser ikke YAML); kontrollér repositoriet med os2gov-kommandolinjeværktøjet.",
        "not checked by this build of os2gov (the browser's reads no YAML); check the repository with the os2gov command-line tool."
    )
}

#[cfg(any(test, not(feature = "yaml")))]
fn not_checked(mut check: Checker<'_>) -> Validation {
    check.problems.push(Problem {
        line: None,
        message: msg!("publiccode.yml er", "publiccode.yml was").join(&not_checked_reason()),
    });
    let mut validation = check.done(None);
    validation.unchecked = true;
    validation
}

#[cfg(test)]
thread_local! {
    static WITHOUT_YAML: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// Runs `f` as a build without the `yaml` feature runs (publiccode.yml unchecked), so that tests
/// with the default features cover the browser build's verdicts too.
#[cfg(test)]
pub(crate) fn without_yaml<T>(f: impl FnOnce() -> T) -> T {
    struct Reset;
    impl Drop for Reset {
        fn drop(&mut self) {
            WITHOUT_YAML.with(|w| w.set(false));
        }
    }
    WITHOUT_YAML.with(|w| w.set(true));
    let _reset = Reset;
    f()
}

#[cfg(feature = "yaml")]
fn validate_yaml(text: &str, mut check: Checker<'_>) -> Validation {
    let root: Value = match serde_yaml_ng::from_str(text) {
        Ok(root) => root,
        Err(error) => {
            let line = error.location().and_then(|l| u32::try_from(l.line()).ok());
            check.problems.push(Problem {
                line,
                message: msg!(
                    "publiccode.yml er ikke gyldig YAML: {error}.",
                    "publiccode.yml is not valid YAML: {error}."
                ),
            });
            // Still say what is wrong with the version, which a reader fixes first.
            if let Some((line, version)) = scan_version(text) {
                check.version(&version, Some(line));
            }
            return check.done(None);
        }
    };
    if !root.is_mapping() {
        check.problems.push(Problem {
            line: None,
            message: msg!(
                "publiccode.yml skal være en YAML-mapping (nøgle: værdi) på øverste niveau.",
                "publiccode.yml must be a YAML mapping (key: value) at the top level."
            ),
        });
        return check.done(None);
    }
    let parsed = check.document(&root);
    check.done(Some(parsed))
}

#[cfg(all(test, feature = "yaml"))]
mod tests;
