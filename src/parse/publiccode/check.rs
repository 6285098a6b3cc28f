//! The checks of each section of the file, and the values they read into [`PublicCode`].

use super::keys::KeyLines;
#[cfg(feature = "yaml")]
use super::schema::*;
#[cfg(feature = "yaml")]
use super::Contact;
use super::{Problem, PublicCode, Validation};
use crate::base::model::Msg;
use crate::msg;
#[cfg(feature = "yaml")]
use serde_yaml_ng::Value;

pub(super) struct Checker<'a> {
    pub(super) text: &'a str,
    pub(super) problems: Vec<Problem>,
    /// Built on the first problem that needs a line; a valid file never needs one.
    pub(super) key_lines: Option<KeyLines<'a>>,
}

impl<'a> Checker<'a> {
    fn key_line(&mut self, path: &[&str]) -> Option<u32> {
        let text = self.text;
        self.key_lines
            .get_or_insert_with(|| KeyLines::new(text))
            .line(path)
    }

    pub(super) fn done(self, parsed: Option<PublicCode>) -> Validation {
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
    pub(super) fn version(&mut self, version: &str, line: Option<u32>) -> Option<u32> {
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

    pub(super) fn document(&mut self, root: &Value) -> PublicCode {
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
pub(super) fn is_bcp47(tag: &str) -> bool {
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
pub(super) fn scan_version(text: &str) -> Option<(u32, String)> {
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
