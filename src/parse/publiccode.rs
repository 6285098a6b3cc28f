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

const TOP_KEYS: &[&str] = &[
    "publiccodeYmlVersion",
    "name",
    "applicationSuite",
    "url",
    "landingURL",
    "isBasedOn",
    "softwareVersion",
    "releaseDate",
    "logo",
    "monochromeLogo",
    "inputTypes",
    "outputTypes",
    "platforms",
    "categories",
    "usedBy",
    "fundedBy",
    "roadmap",
    "developmentStatus",
    "softwareType",
    "intendedAudience",
    "description",
    "legal",
    "maintenance",
    "localisation",
    "dependsOn",
    "organisation",
    "organizationUri",
];
const DESCRIPTION_KEYS: &[&str] = &[
    "localisedName",
    "genericName",
    "shortDescription",
    "longDescription",
    "documentation",
    "apiDocumentation",
    "features",
    "screenshots",
    "videos",
    "awards",
];
const LEGAL_KEYS: &[&str] = &["license", "mainCopyrightOwner", "repoOwner", "authorsFile"];
const MAINTENANCE_KEYS: &[&str] = &["type", "contractors", "contacts"];
const LOCALISATION_KEYS: &[&str] = &["localisationReady", "availableLanguages"];
const DEVELOPMENT_STATUS: &[&str] = &["concept", "development", "beta", "stable", "obsolete"];
const SOFTWARE_TYPE: &[&str] = &[
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
];
const MAINTENANCE_TYPE: &[&str] = &["internal", "contract", "community", "none"];
/// Country codes often written where a language code belongs: (wrong, right).
const COUNTRY_NOT_LANGUAGE: &[(&str, &str)] = &[
    ("dk", "da"),
    ("cz", "cs"),
    ("gr", "el"),
    ("jp", "ja"),
    ("cn", "zh"),
];

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

struct Checker<'a> {
    text: &'a str,
    problems: Vec<Problem>,
    /// Built on the first problem that needs a line; a valid file never needs one.
    key_lines: Option<KeyLines<'a>>,
}

impl<'a> Checker<'a> {
    fn key_line(&mut self, path: &[&str]) -> Option<u32> {
        let text = self.text;
        self.key_lines
            .get_or_insert_with(|| KeyLines::new(text))
            .line(path)
    }

    fn done(self, parsed: Option<PublicCode>) -> Validation {
        Validation {
            parsed,
            problems: self.problems,
            unchecked: false,
        }
    }

    fn push(&mut self, path: &[&str], message: Msg) {
        let line = self.key_line(path);
        self.problems.push(Problem { line, message });
    }

    fn missing(&mut self, path: &[&str]) {
        let key = path.join(".");
        self.push(
            path,
            msg!(
                "Obligatorisk nøgle mangler: {key}.",
                "Mandatory key missing: {key}."
            ),
        );
    }

    fn wrong(&mut self, path: &[&str], da: &str, en: &str) {
        let key = path.join(".");
        self.push(path, msg!("{key} skal være {da}.", "{key} must be {en}."));
    }
}

#[cfg(feature = "yaml")]
impl Checker<'_> {
    /// A mandatory, non-empty string (numbers are read as written).
    fn string(&mut self, parent: &Value, path: &[&str]) -> Option<String> {
        let key = path.last().copied().unwrap_or_default();
        match parent.get(key) {
            None | Some(Value::Null) => {
                self.missing(path);
                None
            }
            Some(value) => match scalar(value).filter(|s| !s.trim().is_empty()) {
                Some(s) => Some(s),
                None => {
                    self.wrong(path, "en ikke-tom tekst", "a non-empty string");
                    None
                }
            },
        }
    }

    fn one_of(&mut self, parent: &Value, path: &[&str], allowed: &[&str]) -> Option<String> {
        let value = self.string(parent, path)?;
        if !allowed.contains(&value.as_str()) {
            let key = path.join(".");
            let list = allowed.join(", ");
            self.push(
                path,
                msg!(
                    "{key} er \"{value}\", som ikke er tilladt; brug en af: {list}.",
                    "{key} is \"{value}\", which is not allowed; use one of: {list}.",
                ),
            );
        }
        Some(value)
    }

    /// Reports keys of `map` outside `known` (and, at the top level, two-letter country sections).
    fn unknown_keys(&mut self, map: &Value, path: &[&str], known: &[&str]) {
        let Some(mapping) = map.as_mapping() else {
            return;
        };
        for key in mapping.keys() {
            let Some(key) = key.as_str() else {
                continue;
            };
            let country =
                path.is_empty() && key.len() == 2 && key.chars().all(|c| c.is_ascii_alphabetic());
            if known.contains(&key) || country {
                continue;
            }
            let mut full: Vec<&str> = path.to_vec();
            full.push(key);
            let name = full.join(".");
            let mut message = msg!(
                "Ukendt nøgle {name} i publiccode.yml.",
                "Unknown key {name} in publiccode.yml."
            );
            if let Some(k) = known
                .iter()
                .find(|k| k.eq_ignore_ascii_case(key) || k.strip_suffix('s') == Some(key))
            {
                message = message.join(&msg!("Mente du {k}?", "Did you mean {k}?"));
            }
            self.push(&full, message);
        }
    }

    /// `line` where the caller knows it, else looked up (only for a bad version).
    fn version(&mut self, version: &str, line: Option<u32>) -> Option<u32> {
        let parts: Vec<&str> = version.split('.').collect();
        let numeric = parts.len() >= 2
            && parts.len() <= 3
            && parts
                .iter()
                .all(|p| !p.is_empty() && p.chars().all(|c| c.is_ascii_digit()));
        let minor = parts.get(1).and_then(|m| m.parse::<u32>().ok());
        let message = match (numeric, parts.first().copied(), minor) {
            (true, Some("0"), Some(4..=7)) => return minor,
            (true, Some("0"), Some(0..=3)) => msg!(
                "publiccodeYmlVersion er \"{version}\", en forældet version; opdatér filen til 0.4 eller nyere (os2gov tjekker 0.4–0.7).",
                "publiccodeYmlVersion is \"{version}\", an outdated version; update the file to 0.4 or newer (os2gov checks 0.4–0.7).",
            ),
            _ => msg!(
                "publiccodeYmlVersion er \"{version}\", som os2gov ikke kender; brug en version fra 0.4 til 0.7.",
                "publiccodeYmlVersion is \"{version}\", which os2gov does not know; use a version from 0.4 to 0.7.",
            ),
        };
        let line = line.or_else(|| self.key_line(&["publiccodeYmlVersion"]));
        self.problems.push(Problem { line, message });
        minor.filter(|m| (0..=3).contains(m))
    }

    fn document(&mut self, root: &Value) -> PublicCode {
        let mut out = PublicCode::default();
        self.unknown_keys(root, &[], TOP_KEYS);

        let mut minor = None;
        if let Some(version) = self.string(root, &["publiccodeYmlVersion"]) {
            minor = self.version(&version, None);
            out.version = Some(version);
        }
        out.name = self.string(root, &["name"]);
        out.url = self.string(root, &["url"]);
        if let Some(url) = &out.url {
            if !(url.contains("://") || url.starts_with("git@")) {
                self.wrong(
                    &["url"],
                    "en URL til kildekoden",
                    "a URL of the source code repository",
                );
            }
        }
        if let Some(date) = root.get("releaseDate") {
            if !scalar(date).is_some_and(|d| is_date(&d)) {
                self.wrong(
                    &["releaseDate"],
                    "en dato på formen ÅÅÅÅ-MM-DD",
                    "a date of the form YYYY-MM-DD",
                );
            }
        }
        match root.get("platforms") {
            None | Some(Value::Null) => self.missing(&["platforms"]),
            Some(Value::String(s)) if !s.trim().is_empty() => {}
            Some(Value::Sequence(items))
                if !items.is_empty() && items.iter().all(|i| i.is_string()) => {}
            Some(_) => self.wrong(
                &["platforms"],
                "en liste af platforme",
                "a list of platforms",
            ),
        }
        // Mandatory up to 0.4 (and in the older versions); optional from 0.5.
        match root.get("categories") {
            None | Some(Value::Null) if minor.is_none_or(|m| m <= 4) => {
                self.missing(&["categories"])
            }
            None | Some(Value::Null) => {}
            Some(Value::Sequence(items))
                if !items.is_empty() && items.iter().all(|i| i.is_string()) => {}
            Some(_) => self.wrong(
                &["categories"],
                "en liste af kategorier",
                "a list of categories",
            ),
        }
        self.one_of(root, &["developmentStatus"], DEVELOPMENT_STATUS);
        self.one_of(root, &["softwareType"], SOFTWARE_TYPE);

        self.description(root, &mut out);

        match root.get("legal") {
            Some(legal) if legal.is_mapping() => {
                self.unknown_keys(legal, &["legal"], LEGAL_KEYS);
                if let Some(licence) = self.string(legal, &["legal", "license"]) {
                    self.licence(&licence);
                    out.licence = Some(licence);
                }
            }
            None | Some(Value::Null) => self.missing(&["legal", "license"]),
            Some(_) => self.wrong(
                &["legal"],
                "en sektion med license",
                "a section holding license",
            ),
        }

        match root.get("maintenance") {
            Some(maintenance) if maintenance.is_mapping() => {
                self.maintenance(maintenance, &mut out)
            }
            None | Some(Value::Null) => self.missing(&["maintenance", "type"]),
            Some(_) => self.wrong(
                &["maintenance"],
                "en sektion med type",
                "a section holding type",
            ),
        }

        match root.get("localisation") {
            Some(localisation) if localisation.is_mapping() => self.localisation(localisation),
            None | Some(Value::Null) => {
                self.missing(&["localisation", "localisationReady"]);
                self.missing(&["localisation", "availableLanguages"]);
            }
            Some(_) => self.wrong(
                &["localisation"],
                "en sektion med localisationReady og availableLanguages",
                "a section holding localisationReady and availableLanguages",
            ),
        }
        out
    }

    fn description(&mut self, root: &Value, out: &mut PublicCode) {
        let Some(description) = root
            .get("description")
            .and_then(Value::as_mapping)
            .filter(|m| !m.is_empty())
        else {
            match root.get("description") {
                None | Some(Value::Null) => self.missing(&["description"]),
                Some(_) => self.wrong(
                    &["description"],
                    "en sektion pr. sprog (fx en:, da:)",
                    "a section per language (e.g. en:, da:)",
                ),
            }
            return;
        };
        let mut has_long = false;
        let mut has_features = false;
        for (key, body) in description {
            let Some(lang) = scalar(key) else {
                continue;
            };
            out.languages.push(lang.clone());
            let path = ["description", lang.as_str()];
            self.language_tag(&lang, &path);
            if !body.is_mapping() {
                self.wrong(
                    &path,
                    "en sektion med shortDescription m.m.",
                    "a section holding shortDescription etc.",
                );
                continue;
            }
            self.unknown_keys(body, &path, DESCRIPTION_KEYS);
            let short_path = ["description", lang.as_str(), "shortDescription"];
            if let Some(short) = self.string(body, &short_path) {
                let count = short.trim_end().chars().count();
                if count > 150 {
                    let key = short_path.join(".");
                    self.push(
                        &short_path,
                        msg!(
                            "{key} har {count} tegn; højst 150 er tilladt.",
                            "{key} has {count} characters; at most 150 are allowed."
                        ),
                    );
                }
            }
            if let Some(long) = body.get("longDescription") {
                has_long = true;
                let long_path = ["description", lang.as_str(), "longDescription"];
                let count = scalar(long).map_or(0, |s| s.trim_end().chars().count());
                if !(150..=10_000).contains(&count) {
                    let key = long_path.join(".");
                    self.push(
                        &long_path,
                        msg!(
                            "{key} har {count} tegn; den skal have mellem 150 og 10000.",
                            "{key} has {count} characters; it must have between 150 and 10000."
                        ),
                    );
                }
            }
            if let Some(features) = body.get("features") {
                match features {
                    Value::Sequence(items)
                        if !items.is_empty() && items.iter().all(|i| i.is_string()) =>
                    {
                        has_features = true
                    }
                    _ => self.wrong(
                        &["description", lang.as_str(), "features"],
                        "en liste af funktioner",
                        "a list of features",
                    ),
                }
            }
            if let Some(generic) = body.get("genericName").and_then(scalar) {
                if generic.chars().count() > 35 {
                    self.wrong(
                        &["description", lang.as_str(), "genericName"],
                        "højst 35 tegn",
                        "at most 35 characters",
                    );
                }
            }
        }
        if !has_long {
            self.push(
                &["description"],
                msg!(
                    "Obligatorisk nøgle mangler: description.<sprog>.longDescription (i mindst ét sprog).",
                    "Mandatory key missing: description.<language>.longDescription (in at least one language)."
                ),
            );
        }
        if !has_features {
            self.push(
                &["description"],
                msg!(
                    "Obligatorisk nøgle mangler: description.<sprog>.features (i mindst ét sprog).",
                    "Mandatory key missing: description.<language>.features (in at least one language)."
                ),
            );
        }
    }

    fn language_tag(&mut self, tag: &str, path: &[&str]) {
        let lower = tag.to_ascii_lowercase();
        let primary = lower.split('-').next().unwrap_or_default();
        if let Some((_, right)) = COUNTRY_NOT_LANGUAGE
            .iter()
            .find(|(wrong, _)| *wrong == primary)
        {
            self.push(
                path,
                msg!(
                    "\"{tag}\" er en landekode, ikke en sprogkode (BCP 47); brug \"{right}\".",
                    "\"{tag}\" is a country code, not a language code (BCP 47); use \"{right}\".",
                ),
            );
        } else if !is_bcp47(tag) {
            self.push(
                path,
                msg!(
                    "\"{tag}\" er ikke et BCP 47-sprogmærke (fx da, en, en-GB).",
                    "\"{tag}\" is not a BCP 47 language tag (e.g. da, en, en-GB).",
                ),
            );
        }
    }

    fn licence(&mut self, licence: &str) {
        let path = ["legal", "license"];
        match crate::parse::licence::spdx_ids(licence) {
            None => self.push(
                &path,
                msg!(
                    "legal.license \"{licence}\" er ikke et gyldigt SPDX-udtryk (fx MPL-2.0 eller MIT OR Apache-2.0).",
                    "legal.license \"{licence}\" is not a valid SPDX expression (e.g. MPL-2.0 or MIT OR Apache-2.0).",
                ),
            ),
            Some(ids) => {
                let unknown: Vec<String> = ids.into_iter().filter(|id| !crate::parse::licence::is_known_spdx(id)).collect();
                if !unknown.is_empty() {
                    let list = unknown.join(", ");
                    self.push(
                        &path,
                        msg!(
                            "legal.license nævner {list}, som ikke er en kendt SPDX-licens-id.",
                            "legal.license names {list}, which is not a known SPDX licence id.",
                        ),
                    );
                }
            }
        }
    }

    fn maintenance(&mut self, maintenance: &Value, out: &mut PublicCode) {
        self.unknown_keys(maintenance, &["maintenance"], MAINTENANCE_KEYS);
        let kind = self.one_of(maintenance, &["maintenance", "type"], MAINTENANCE_TYPE);
        let needs_contacts = matches!(kind.as_deref(), Some("internal" | "community"));
        let needs_contractors = kind.as_deref() == Some("contract");

        match maintenance.get("contacts") {
            Some(Value::Sequence(items)) if !items.is_empty() => {
                for (i, item) in items.iter().enumerate() {
                    let name = item
                        .get("name")
                        .and_then(scalar)
                        .filter(|n| !n.trim().is_empty());
                    let email = item.get("email").and_then(scalar);
                    let n = i + 1;
                    match name {
                        Some(name) => out.contacts.push(Contact {
                            name: name.trim().to_string(),
                            email: email.clone(),
                        }),
                        None => self.push(
                            &["maintenance", "contacts"],
                            msg!(
                                "Kontakt nr. {n} i maintenance.contacts mangler name.",
                                "Contact no. {n} in maintenance.contacts has no name.",
                            ),
                        ),
                    }
                    if let Some(email) = email {
                        if crate::base::text::emails(&email) != [email.trim()] {
                            self.push(
                                &["maintenance", "contacts"],
                                msg!(
                                    "Kontakt nr. {n} i maintenance.contacts har en ugyldig e-mail: {email}.",
                                    "Contact no. {n} in maintenance.contacts has an invalid e-mail: {email}.",
                                ),
                            );
                        }
                    }
                }
            }
            None | Some(Value::Null) if needs_contacts => {
                let kind = kind.as_deref().unwrap_or_default();
                self.push(
                    &["maintenance"],
                    msg!(
                        "maintenance.contacts er obligatorisk, når maintenance.type er {kind}.",
                        "maintenance.contacts is mandatory when maintenance.type is {kind}.",
                    ),
                );
            }
            None | Some(Value::Null) => {}
            Some(_) => self.wrong(
                &["maintenance", "contacts"],
                "en liste af personer med name (og email)",
                "a list of people with name (and email)",
            ),
        }

        match maintenance.get("contractors") {
            Some(Value::Sequence(items)) if !items.is_empty() => {
                for (i, item) in items.iter().enumerate() {
                    let n = i + 1;
                    if item
                        .get("name")
                        .and_then(scalar)
                        .filter(|s| !s.trim().is_empty())
                        .is_none()
                    {
                        self.push(
                            &["maintenance", "contractors"],
                            msg!(
                                "Leverandør nr. {n} i maintenance.contractors mangler name.",
                                "Contractor no. {n} in maintenance.contractors has no name.",
                            ),
                        );
                    }
                    if !item
                        .get("until")
                        .and_then(scalar)
                        .is_some_and(|d| is_date(&d))
                    {
                        self.push(
                            &["maintenance", "contractors"],
                            msg!(
                                "Leverandør nr. {n} i maintenance.contractors mangler until (ÅÅÅÅ-MM-DD).",
                                "Contractor no. {n} in maintenance.contractors lacks until (YYYY-MM-DD).",
                            ),
                        );
                    }
                }
            }
            None | Some(Value::Null) if needs_contractors => self.push(
                &["maintenance"],
                msg!(
                    "maintenance.contractors er obligatorisk, når maintenance.type er contract.",
                    "maintenance.contractors is mandatory when maintenance.type is contract.",
                ),
            ),
            None | Some(Value::Null) => {}
            Some(_) => self.wrong(
                &["maintenance", "contractors"],
                "en liste af leverandører med name og until",
                "a list of contractors with name and until",
            ),
        }
        out.maintenance_type = kind;
    }

    fn localisation(&mut self, localisation: &Value) {
        self.unknown_keys(localisation, &["localisation"], LOCALISATION_KEYS);
        let ready = ["localisation", "localisationReady"];
        match localisation.get("localisationReady") {
            Some(Value::Bool(_)) => {}
            None | Some(Value::Null) => self.missing(&ready),
            Some(_) => self.wrong(&ready, "true eller false", "true or false"),
        }
        let languages = ["localisation", "availableLanguages"];
        match localisation.get("availableLanguages") {
            Some(Value::Sequence(items)) if !items.is_empty() => {
                for item in items {
                    match scalar(item) {
                        Some(tag) => self.language_tag(&tag, &languages),
                        None => self.wrong(
                            &languages,
                            "en liste af sprogmærker",
                            "a list of language tags",
                        ),
                    }
                }
            }
            None | Some(Value::Null) => self.missing(&languages),
            Some(_) => self.wrong(
                &languages,
                "en liste af sprogmærker (fx da, en)",
                "a list of language tags (e.g. da, en)",
            ),
        }
    }
}

/// A scalar as text: strings as they are, numbers as YAML wrote them back.
#[cfg(feature = "yaml")]
fn scalar(value: &Value) -> Option<String> {
    match value {
        Value::String(s) => Some(s.clone()),
        Value::Number(n) => Some(n.to_string()),
        _ => None,
    }
}

/// Syntax of a BCP 47 tag, ASCII only: a 2–3 letter primary language subtag, then subtags of
/// 1–8 letters or digits (region, script, variant …).
fn is_bcp47(tag: &str) -> bool {
    let mut parts = tag.split('-');
    let primary_ok = parts
        .next()
        .is_some_and(|p| (2..=3).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphabetic()));
    primary_ok
        && parts.all(|p| (1..=8).contains(&p.len()) && p.chars().all(|c| c.is_ascii_alphanumeric()))
}

/// `YYYY-MM-DD` with a plausible month and day.
fn is_date(text: &str) -> bool {
    let parts: Vec<&str> = text.trim().split('-').collect();
    let number = |s: &str, len: usize| {
        (s.len() == len && s.chars().all(|c| c.is_ascii_digit()))
            .then(|| s.parse::<u32>().ok())
            .flatten()
    };
    match parts.as_slice() {
        [y, m, d] => {
            number(y, 4).is_some()
                && number(m, 2).is_some_and(|m| (1..=12).contains(&m))
                && number(d, 2).is_some_and(|d| (1..=31).contains(&d))
        }
        _ => false,
    }
}

/// The line of `publiccodeYmlVersion` and its value, read without a YAML parser.
fn scan_version(text: &str) -> Option<(u32, String)> {
    text.lines().enumerate().find_map(|(i, line)| {
        let value = line.strip_prefix("publiccodeYmlVersion:")?;
        let value = value
            .split(" #")
            .next()
            .unwrap_or(value)
            .trim()
            .trim_matches(['"', '\''])
            .trim();
        let line = u32::try_from(i + 1).ok()?;
        (!value.is_empty()).then(|| (line, value.to_string()))
    })
}

/// 1-based line of the key at `path` (top-level key at column 0, each next key inside the block
/// of the one before); the deepest ancestor found when the key itself is missing.
#[cfg(test)]
fn key_line(text: &str, path: &[&str]) -> Option<u32> {
    KeyLines::new(text).line(path)
}

/// The lines of every key in the file, from one plain text scan, so that each problem's line is a
/// lookup: a file of 100,000 unknown keys has 100,000 problems, and a scan of the file for each
/// made the check quadratic (minutes for 1 MiB).
struct KeyLines<'a> {
    /// The lines that count (not blank, not a comment, not `---`), in file order.
    lines: Vec<KeyLine<'a>>,
    /// `lines[i]`'s block ends before `lines[ends[i]]`, the first later line indented no deeper.
    ends: Vec<usize>,
    /// `(key, index in lines)` of the keys at column 0, sorted.
    top: Vec<(&'a str, usize)>,
    /// `(key, index in lines)` of every key, sorted.
    all: Vec<(&'a str, usize)>,
}

struct KeyLine<'a> {
    indent: usize,
    /// `key` of `key:` or `- key:`, unquoted; `None` for lines that are not a key.
    key: Option<&'a str>,
    number: Option<u32>,
}

impl<'a> KeyLines<'a> {
    fn new(text: &'a str) -> KeyLines<'a> {
        #[cfg(test)]
        SCANS.with(|s| s.set(s.get() + 1));
        let mut lines = Vec::new();
        for (i, line) in text.lines().enumerate() {
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with("---") {
                continue;
            }
            let item = trimmed.strip_prefix("- ").unwrap_or(trimmed);
            let key = item
                .split_once(':')
                .filter(|(_, rest)| rest.is_empty() || rest.starts_with([' ', '\t']))
                .map(|(key, _)| key.trim().trim_matches(['"', '\'']));
            lines.push(KeyLine {
                indent: line.len() - trimmed.len(),
                key,
                number: u32::try_from(i + 1).ok(),
            });
        }
        // A block ends at the first later line indented no deeper: one stack of open blocks.
        let mut ends = vec![lines.len(); lines.len()];
        let mut open: Vec<usize> = Vec::new();
        for (i, line) in lines.iter().enumerate() {
            while let Some(&last) = open.last() {
                if lines[last].indent < line.indent {
                    break;
                }
                ends[last] = i;
                open.pop();
            }
            open.push(i);
        }
        let keyed = || {
            lines
                .iter()
                .enumerate()
                .filter_map(|(i, line)| Some((line.key?, i)))
        };
        let mut top: Vec<(&str, usize)> = keyed().filter(|&(_, i)| lines[i].indent == 0).collect();
        let mut all: Vec<(&str, usize)> = keyed().collect();
        top.sort_unstable();
        all.sort_unstable();
        KeyLines {
            lines,
            ends,
            top,
            all,
        }
    }

    /// The first entry of `key` in `index` (sorted by key, then line) at or after line `from`.
    fn first(index: &[(&str, usize)], key: &str, from: usize) -> Option<usize> {
        let at = index.partition_point(|&(k, i)| (k, i) < (key, from));
        index.get(at).filter(|&&(k, _)| k == key).map(|&(_, i)| i)
    }

    /// The line of the key at `path`: the first top-level key `path[0]`, then the first key
    /// `path[1]` inside its block, and so on; the deepest one found when the rest is missing.
    fn line(&self, path: &[&str]) -> Option<u32> {
        let (first, rest) = path.split_first()?;
        let mut at = Self::first(&self.top, first, 0)?;
        for key in rest {
            match Self::first(&self.all, key, at + 1) {
                Some(next) if next < self.ends[at] => at = next,
                _ => break,
            }
        }
        self.lines[at].number
    }
}

#[cfg(test)]
thread_local! {
    /// How many times a file was scanned for key lines.
    static SCANS: std::cell::Cell<usize> = const { std::cell::Cell::new(0) };
}

#[cfg(all(test, feature = "yaml"))]
mod tests {
    use super::*;

    const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/");

    fn corpus(path: &str) -> String {
        std::fs::read_to_string(format!("{CORPUS}{path}")).expect("corpus file")
    }

    fn english(v: &Validation) -> Vec<(Option<u32>, String)> {
        v.problems
            .iter()
            .map(|p| (p.line, p.message.en.clone()))
            .collect()
    }

    fn has(v: &Validation, line: Option<u32>, needle: &str) -> bool {
        v.problems
            .iter()
            .any(|p| p.line == line && p.message.en.contains(needle))
    }

    const LONG: &str = "A system that municipalities use to keep track of their organisation, employees and \
                        their roles, and which shares that information with other systems automatically.";

    fn minimal_04() -> String {
        format!(
            "publiccodeYmlVersion: \"0.4\"\n\
             name: Medusa\n\
             url: https://github.com/OS2/medusa.git\n\
             platforms:\n  - web\n\
             categories:\n  - it-development\n\
             developmentStatus: stable\n\
             softwareType: standalone/web\n\
             description:\n  en:\n    shortDescription: Booking for libraries\n    longDescription: >\n      {LONG}\n    features:\n      - Booking\n\
             legal:\n  license: MPL-2.0\n\
             maintenance:\n  type: community\n  contacts:\n    - name: Jens Hansen\n      email: jens@example.dk\n\
             localisation:\n  localisationReady: true\n  availableLanguages:\n    - da\n    - en\n"
        )
    }

    #[test]
    fn corpus_os2mo_is_valid() {
        let v = validate(&corpus("OS2mo/os2mo/files/publiccode.yml"));
        assert_eq!(english(&v), vec![], "OS2mo's publiccode.yml (0.4) is valid");
        let pc = v.parsed.expect("parsed");
        assert_eq!(pc.version.as_deref(), Some("0.4"));
        assert_eq!(pc.name.as_deref(), Some("OS2mo"));
        assert_eq!(
            pc.url.as_deref(),
            Some("https://github.com/OS2mo/os2mo.git")
        );
        assert_eq!(pc.licence.as_deref(), Some("MPL-2.0"));
        assert_eq!(pc.maintenance_type.as_deref(), Some("contract"));
        // "contacts omitted": the contractor Magenta ApS is not a contact.
        assert!(pc.contacts.is_empty());
        assert_eq!(pc.languages, vec!["en", "da"]);
    }

    #[test]
    fn corpus_os2mo_danish_short_description_counts_characters() {
        // 148 characters but 150 bytes (å, ø), plus the folded scalar's newline: still within 150.
        let text = corpus("OS2mo/os2mo/files/publiccode.yml");
        assert!(text.contains("støttesystemer."));
        assert!(!has(&validate(&text), Some(82), "shortDescription"));
        let longer = text.replace("støttesystemer.", "støttesystemerne!!!");
        assert!(has(
            &validate(&longer),
            Some(82),
            "description.da.shortDescription has 152 characters"
        ));
    }

    #[test]
    fn corpus_os2iot_is_invalid() {
        // OS2iot-docs' Publiccode.yml: version 0.2, and broken YAML — `type: "internal", "community"`
        // (line 64) is not YAML, nor is the `features:` block (line 45) a list.
        let v = validate(&corpus("OS2iot/OS2iot-docs/files/Publiccode.yml"));
        assert!(v.parsed.is_none());
        let first = &v.problems[0];
        assert!(
            first
                .message
                .en
                .starts_with("publiccode.yml is not valid YAML"),
            "{:?}",
            first
        );
        // libyaml stops at `legal:` (line 59) while reading the stray text of line 46 as a key.
        assert_eq!(first.line, Some(59));
        assert!(first.message.en.contains("line 46"), "{first:?}");
        assert!(
            has(
                &v,
                Some(3),
                "publiccodeYmlVersion is \"0.2\", an outdated version"
            ),
            "{:?}",
            english(&v)
        );
        assert_eq!(v.problems.len(), 2);
    }

    #[test]
    fn minimal_04_is_valid() {
        let v = validate(&minimal_04());
        assert_eq!(english(&v), vec![]);
        let pc = v.parsed.expect("parsed");
        assert_eq!(
            pc.contacts,
            vec![Contact {
                name: "Jens Hansen".into(),
                email: Some("jens@example.dk".into())
            }]
        );
        assert_eq!(pc.maintenance_type.as_deref(), Some("community"));
    }

    #[test]
    fn version_07_without_categories_is_valid() {
        let text = minimal_04()
            .replace("\"0.4\"", "0.7.0")
            .replace("categories:\n  - it-development\n", "")
            .replace(
                "maintenance:",
                "organisation:\n  name: OS2\n  uri: https://os2.eu\nmaintenance:",
            );
        let v = validate(&text);
        assert_eq!(english(&v), vec![]);
        // The same document as 0.4 lacks its mandatory categories.
        let v04 = validate(&text.replace("0.7.0", "0.4.0"));
        assert!(
            has(&v04, None, "Mandatory key missing: categories."),
            "{:?}",
            english(&v04)
        );
    }

    #[test]
    fn versions() {
        for (version, ok) in [
            ("0.4", true),
            ("0.4.0", true),
            ("0.5", true),
            ("0.6.1", true),
            ("0.7", true),
            ("0.3", false),
            ("0.2", false),
            ("0.8", false),
            ("1.0", false),
            ("zero", false),
        ] {
            let v = validate(&minimal_04().replace("\"0.4\"", &format!("\"{version}\"")));
            assert_eq!(v.is_valid(), ok, "{version}: {:?}", english(&v));
            if !ok {
                assert!(has(&v, Some(1), &format!("\"{version}\"")), "{version}");
            }
        }
        let unquoted = validate(&minimal_04().replace("\"0.4\"", "0.4"));
        assert!(unquoted.is_valid(), "{:?}", english(&unquoted));
    }

    #[test]
    fn missing_and_wrong_values() {
        let text = "publiccodeYmlVersion: '0.4'\nname: X\nurl: not a url\nplatforms: []\n\
                    developmentStatus: done\nsoftwareType: standalone\nreleaseDate: 01-01-2021\n\
                    description:\n  dk:\n    shortDescription: x\n    longDescription: too short\n\
                    legal:\n  license: MPL 2\n\
                    maintenance:\n  type: internal\n  contact:\n    - name: OS2\n\
                    localisation:\n  localisationReady: yes\n  availableLanguages:\n    - english\n\
                    colour: blue\n";
        let v = validate(text);
        let problems = english(&v);
        for (line, needle) in [
            (Some(3), "url must be a URL"),
            (Some(4), "platforms must be a list"),
            (None, "Mandatory key missing: categories."),
            (Some(5), "developmentStatus is \"done\""),
            (Some(6), "softwareType is \"standalone\""),
            (Some(7), "releaseDate must be a date"),
            (
                Some(9),
                "\"dk\" is a country code, not a language code (BCP 47); use \"da\"",
            ),
            (Some(11), "description.dk.longDescription has 9 characters"),
            (Some(8), "features (in at least one language)"),
            (
                Some(13),
                "legal.license \"MPL 2\" is not a valid SPDX expression",
            ),
            (
                Some(16),
                "Unknown key maintenance.contact in publiccode.yml. Did you mean contacts?",
            ),
            (
                Some(14),
                "maintenance.contacts is mandatory when maintenance.type is internal",
            ),
            (
                Some(19),
                "localisation.localisationReady must be true or false",
            ),
            (Some(20), "\"english\" is not a BCP 47 language tag"),
            (Some(22), "Unknown key colour"),
        ] {
            assert!(has(&v, line, needle), "{line:?} {needle}: {problems:#?}");
        }
        assert_eq!(v.problems.len(), 15, "{problems:#?}");
        let pc = v.parsed.expect("parsed");
        assert_eq!(pc.languages, vec!["dk"]);
        assert_eq!(pc.licence.as_deref(), Some("MPL 2"));
    }

    #[test]
    fn missing_sections() {
        let v = validate("publiccodeYmlVersion: '0.5'\nname: X\n");
        let problems = english(&v);
        for key in [
            "url",
            "platforms",
            "developmentStatus",
            "softwareType",
            "description",
            "legal.license",
            "maintenance.type",
            "localisation.localisationReady",
            "localisation.availableLanguages",
        ] {
            assert!(
                v.problems
                    .iter()
                    .any(|p| p.message.en == format!("Mandatory key missing: {key}.")),
                "{key}: {problems:#?}"
            );
        }
        assert!(!problems.iter().any(|(_, m)| m.contains("categories")));
    }

    #[test]
    fn licences_and_contacts() {
        let unknown =
            validate(&minimal_04().replace("license: MPL-2.0", "license: MIT OR Foo-1.0"));
        assert!(
            has(
                &unknown,
                Some(18),
                "names Foo-1.0, which is not a known SPDX licence id"
            ),
            "{:?}",
            english(&unknown)
        );
        let dual = validate(&minimal_04().replace(
            "license: MPL-2.0",
            "license: (MIT OR Apache-2.0) AND LicenseRef-OS2",
        ));
        assert!(dual.is_valid(), "{:?}", english(&dual));
        let contract = validate(&minimal_04().replace(
            "type: community\n  contacts:\n    - name: Jens Hansen\n      email: jens@example.dk\n",
            "type: contract\n  contacts:\n    - email: jens(at)example.dk\n",
        ));
        let problems = english(&contract);
        assert!(
            has(&contract, Some(19), "maintenance.contractors is mandatory"),
            "{problems:#?}"
        );
        assert!(
            has(
                &contract,
                Some(21),
                "Contact no. 1 in maintenance.contacts has no name"
            ),
            "{problems:#?}"
        );
        assert!(
            has(&contract, Some(21), "invalid e-mail: jens(at)example.dk"),
            "{problems:#?}"
        );
        let long_short = validate(&minimal_04().replace("Booking for libraries", &"æ".repeat(151)));
        assert!(
            has(&long_short, Some(12), "has 151 characters"),
            "{:?}",
            english(&long_short)
        );
    }

    #[test]
    fn garbage() {
        for text in [
            "",
            "   \n",
            "just a string",
            "- a\n- list\n",
            "{{{{",
            "key: [unclosed",
            "\u{0}\u{1}\u{2}",
            "a: b\na: c\n",
        ] {
            let v = validate(text);
            assert!(!v.is_valid(), "{text:?}");
        }
        let v = validate("name: [unclosed\n");
        assert!(v.problems[0].line.is_some(), "{:?}", english(&v));
        let binary: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
        assert!(!validate(&String::from_utf8_lossy(&binary)).is_valid());
        let deep = "a: ".repeat(500) + "b";
        assert!(!validate(&deep).is_valid());
        let nested = "[".repeat(10_000);
        assert!(!validate(&nested).is_valid());
    }

    /// The scan each problem's line came from before the index (one pass over the file per
    /// problem), kept as the reference the index must agree with.
    fn key_line_by_scan(text: &str, path: &[&str]) -> Option<u32> {
        let mut best = None;
        let mut depth = 0usize;
        let mut parent_indent: Option<usize> = None;
        for (i, line) in text.lines().enumerate() {
            let Some(want) = path.get(depth) else {
                break;
            };
            let trimmed = line.trim_start();
            if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with("---") {
                continue;
            }
            let indent = line.len() - trimmed.len();
            match parent_indent {
                Some(parent) if indent <= parent => break,
                None if indent > 0 => continue,
                _ => {}
            }
            let item = trimmed.strip_prefix("- ").unwrap_or(trimmed);
            let Some((key, rest)) = item.split_once(':') else {
                continue;
            };
            let key = key.trim().trim_matches(['"', '\'']);
            if key == *want && (rest.is_empty() || rest.starts_with([' ', '\t'])) {
                best = u32::try_from(i + 1).ok();
                depth += 1;
                parent_indent = Some(indent);
            }
        }
        best
    }

    #[test]
    fn key_index_agrees_with_the_line_by_line_scan() {
        let mut texts = vec![
            corpus("OS2mo/os2mo/files/publiccode.yml"),
            corpus("OS2iot/OS2iot-docs/files/Publiccode.yml"),
            minimal_04(),
            "# c\nlegal:\n  # x\n  license: MIT\nmaintenance:\n  contacts:\n    - name: A\n".into(),
            // Repeated keys, a block that ends and starts again, list items, quoted keys, tabs,
            // keys without a space after the colon, a document marker, a key deeper than its
            // sibling, and a top-level key that is indented.
            "a:\n  b:\n    c: 1\n  b: 2\na:\n  c: 3\n---\n'q':\n  - b: x\n    c:\ty\n \
             d: 1\nd:\n    e: 1\n  e: 2\n  f:x\n  f:\n\"g\": 1\n"
                .into(),
        ];
        // Deterministic pseudo-random YAML-ish texts over a few keys and indents.
        let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
        for _ in 0..200 {
            let mut text = String::new();
            for _ in 0..30 {
                seed = seed
                    .wrapping_mul(6_364_136_223_846_793_005)
                    .wrapping_add(1_442_695_040_888_963_407);
                let r = (seed >> 33) as usize;
                let indent = " ".repeat((r % 4) * 2);
                let key = ["a", "b", "c", "d"][(r >> 3) % 4];
                let line = match (r >> 6) % 6 {
                    0 => format!("{indent}{key}:\n"),
                    1 => format!("{indent}- {key}: v\n"),
                    2 => format!("{indent}# {key}:\n"),
                    3 => format!("{indent}text {key}\n"),
                    4 => "\n".to_string(),
                    _ => format!("{indent}{key}: x\n"),
                };
                text.push_str(&line);
            }
            texts.push(text);
        }
        let keys = ["a", "b", "c", "d", "q", "g", "e", "f", "x"];
        for text in &texts {
            let index = KeyLines::new(text);
            let mut paths: Vec<Vec<&str>> = keys.iter().map(|k| vec![*k]).collect();
            for k1 in keys {
                for k2 in keys {
                    paths.push(vec![k1, k2]);
                    for k3 in ["a", "b", "c", "license", "contacts", "name"] {
                        paths.push(vec![k1, k2, k3]);
                    }
                }
            }
            for key in [
                "legal",
                "maintenance",
                "description",
                "publiccodeYmlVersion",
            ] {
                for sub in ["license", "type", "contacts", "en", "da", "name"] {
                    paths.push(vec![key, sub]);
                    paths.push(vec![key, sub, "shortDescription"]);
                }
            }
            for path in &paths {
                assert_eq!(
                    index.line(path),
                    key_line_by_scan(text, path),
                    "{path:?} in {text:?}"
                );
            }
        }
    }

    #[test]
    fn one_scan_for_any_number_of_problems() {
        // 20,000 unknown keys and 20,000 description languages: 40,000 problems with a line each.
        // A scan of the file per problem read 40,000 × 80,000 lines; the index reads it once.
        let mut text = String::from("publiccodeYmlVersion: \"0.9\"\ndescription:\n");
        for i in 0..20_000 {
            text.push_str(&format!("  l{i:05}x:\n    shortDescription: Short {i}\n"));
        }
        for i in 0..20_000 {
            text.push_str(&format!("unknownKey{i:05}: v\n"));
        }
        let before = SCANS.with(std::cell::Cell::get);
        let v = validate(&text);
        assert_eq!(SCANS.with(std::cell::Cell::get) - before, 1);
        assert!(has(&v, Some(1), "publiccodeYmlVersion is \"0.9\""));
        assert!(has(&v, Some(40_003), "Unknown key unknownKey00000"));
        assert!(has(&v, Some(60_002), "Unknown key unknownKey19999"));
        assert!(has(&v, Some(3), "\"l00000x\" is not a BCP 47 language tag"));
        assert!(has(
            &v,
            Some(40_001),
            "\"l19999x\" is not a BCP 47 language tag"
        ));
        assert!(v.problems.len() > 40_000, "{}", v.problems.len());
        // A valid file needs no line at all, so it is not scanned.
        let before = SCANS.with(std::cell::Cell::get);
        assert!(validate(&minimal_04()).is_valid());
        assert_eq!(SCANS.with(std::cell::Cell::get), before);
    }

    #[test]
    fn tags_and_lines() {
        for ok in ["da", "en", "en-GB", "sl-IT-nedis", "zh-Hant", "fil"] {
            assert!(is_bcp47(ok), "{ok}");
        }
        for bad in ["", "e", "english", "en_GB", "dä", "en-", "12"] {
            assert!(!is_bcp47(bad), "{bad}");
        }
        let text = "# c\nlegal:\n  # x\n  license: MIT\nmaintenance:\n  contacts:\n    - name: A\n";
        assert_eq!(key_line(text, &["legal", "license"]), Some(4));
        assert_eq!(key_line(text, &["maintenance", "contacts"]), Some(6));
        assert_eq!(key_line(text, &["maintenance", "type"]), Some(5));
        assert_eq!(key_line(text, &["name"]), None);
    }
}
