//! `os2gov.toml`: the required level, the language, exceptions ("følg eller forklar"), extra
//! organisations, Jira and the product the repository belongs to. Parsed strictly: an unknown key or a bad value is an error that names
//! the key and its line, and the config is validated into a [`ValidConfig`] before use.
//!
//! Without the `toml` feature (the browser build, which leaves the TOML parser out for size) the
//! config is read by a reader of exactly the TOML subset os2gov.toml needs (`subset`), which
//! gives the same [`ValidConfig`] and, for anything beyond that subset, an error saying so.

use crate::base::model::{Bilingual, Lang, Level, Msg};
use crate::base::text::quoted;
use crate::msg;
#[cfg(feature = "toml")]
use serde::Deserialize;
#[cfg(feature = "toml")]
use std::collections::BTreeMap;
#[cfg(feature = "toml")]
use toml::Spanned;

pub const FILE_NAME: &str = "os2gov.toml";

// The path and the key are boxed strings, not `String`s: the error travels inside `EngineError`
// and `EvaluateError`, whose error variants clippy (`result_large_err`) holds under 128
// bytes, and a `Msg` takes the room of two `String`s.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}{}: {}", line.map(|l| format!(":{l}")).unwrap_or_default(), message.en)]
pub struct ConfigError {
    pub path: Box<str>,
    pub line: Option<usize>,
    pub key: Option<Box<str>>,
    pub message: Msg,
}

impl Bilingual for ConfigError {
    fn msg(&self) -> Msg {
        let at = match self.line {
            Some(line) => format!("{}:{line}: ", self.path),
            None => format!("{}: ", self.path),
        };
        Msg::new(at.clone() + &self.message.da, at + &self.message.en)
    }
}

/// A message of the toml crate in both languages: the English as the parser wrote it, on one
/// line; the Danish translated by the shape of the message (`toml_da`).
#[cfg(feature = "toml")]
fn toml_message(message: &str) -> Msg {
    let en = match message.trim() {
        "" => "invalid TOML".to_string(),
        message => message.replace('\n', " "),
    };
    Msg::new(toml_da::danish(message), en)
}

#[cfg(feature = "toml")]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawConfig {
    level: Option<Spanned<String>>,
    language: Option<Spanned<String>>,
    #[serde(default)]
    organisations: Vec<String>,
    #[serde(default)]
    exceptions: BTreeMap<String, Spanned<String>>,
    jira: Option<RawJira>,
    product: Option<RawProductToml>,
}

#[cfg(feature = "toml")]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProductToml {
    name: Option<Spanned<String>>,
    #[serde(default)]
    repositories: Vec<String>,
    os2eu: Option<Spanned<String>>,
    main: Option<Spanned<String>>,
}

#[cfg(feature = "toml")]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawJira {
    url: Spanned<String>,
    project: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct JiraConfig {
    pub url: String,
    pub project: Option<String>,
}

/// `[product]`: the product the repository belongs to, so that `os2gov evaluate` in any of its
/// repositories evaluates all of them.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ProductConfig {
    /// The product's name (`--name` overrides it).
    pub name: Option<String>,
    /// The product's other repositories, as sources are written on the command line
    /// (`github:OWNER/REPO`, `github:OWNER`, a path relative to this repository).
    pub repositories: Vec<String>,
    /// The product's page on os2.eu.
    pub os2eu: Option<String>,
    /// The product's main repository (`OWNER/REPO`, a source as in `repositories`, or the
    /// folder's name): what rests on history and metadata is read there.
    pub main: Option<String>,
}

/// A config whose every value has been checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ValidConfig {
    pub path: Option<String>,
    pub level: Option<Level>,
    pub language: Option<Lang>,
    pub organisations: Vec<String>,
    /// (requirement id in canonical case, explanation), sorted by id. A list rather than a map:
    /// a map of strings would be the one such instantiation in the browser build (~2 KB).
    pub exceptions: Vec<(String, String)>,
    pub jira: Option<JiraConfig>,
    pub product: Option<ProductConfig>,
}

impl ValidConfig {
    /// The explanation the config records for requirement `id` (canonical case).
    pub fn exception(&self, id: &str) -> Option<&str> {
        self.exceptions
            .iter()
            .find(|(known, _)| known == id)
            .map(|(_, explanation)| explanation.as_str())
    }
}

/// Line numbers of byte offsets, from one scan of the text: a config of 50,000 exceptions asks for
/// 50,000 lines, and counting the line breaks before each one was quadratic.
#[cfg(feature = "toml")]
struct Lines {
    /// Offset of every `\n`.
    breaks: Vec<usize>,
}

#[cfg(feature = "toml")]
impl Lines {
    fn new(text: &str) -> Lines {
        Lines {
            breaks: text.match_indices('\n').map(|(at, _)| at).collect(),
        }
    }

    /// The 1-based line that holds byte `offset`.
    fn of(&self, offset: usize) -> usize {
        self.breaks.partition_point(|&at| at < offset) + 1
    }
}

/// The line where `key = …` is written, for values that carry no span of their own.
#[cfg(feature = "toml")]
fn line_of_key(text: &str, key: &str) -> Option<usize> {
    text.lines()
        .position(|line| {
            let t = line.trim_start().trim_start_matches(['"', '\'']);
            t.starts_with(key)
                && t[key.len()..]
                    .trim_start_matches(['"', '\''])
                    .trim_start()
                    .starts_with('=')
        })
        .map(|i| i + 1)
}

pub fn parse(path: &str, text: &str) -> Result<ValidConfig, ConfigError> {
    #[cfg(feature = "toml")]
    let raw = read_toml(path, text)?;
    #[cfg(not(feature = "toml"))]
    let raw = subset::read(path, text)?;
    validate(path, &raw)
}

/// A config as read, before its values are checked: the values with the lines they are on.
#[derive(Debug, Default)]
struct Raw {
    level: Option<(String, usize)>,
    language: Option<(String, usize)>,
    organisations: Vec<String>,
    organisations_line: Option<usize>,
    /// (requirement id as written, explanation, line), in the order of the ids (as the full
    /// parser's map has them, so that both readers report the same first error).
    exceptions: Vec<(String, String, Option<usize>)>,
    jira: Option<RawJiraLines>,
    product: Option<RawProductLines>,
}

#[derive(Debug, Default)]
struct RawProductLines {
    name: Option<(String, usize)>,
    repositories: Vec<String>,
    repositories_line: Option<usize>,
    os2eu: Option<(String, usize)>,
    main: Option<(String, usize)>,
}

#[derive(Debug)]
struct RawJiraLines {
    url: (String, usize),
    project: Option<String>,
}

#[cfg(feature = "toml")]
fn read_toml(path: &str, text: &str) -> Result<Raw, ConfigError> {
    let lines = Lines::new(text);
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let at = e.span().map(|s| s.start);
        // The parser's message for a control character is empty (in a comment) or about what it
        // expected instead ("expected newline, `#`"): name the character, as the subset reader
        // does.
        let refused = at
            .and_then(|at| text.get(at..))
            .and_then(|t| t.chars().next());
        let message = match refused {
            Some(c) if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => msg!(
                "ugyldig TOML: kontroltegnet U+{:04X}, som TOML ikke tillader",
                "invalid TOML: the control character U+{:04X}, which TOML does not allow",
                u32::from(c)
            ),
            _ => toml_message(e.message()),
        };
        ConfigError {
            path: path.into(),
            line: at.map(|at| lines.of(at)),
            key: None,
            message,
        }
    })?;
    let spanned = |value: Spanned<String>| {
        let line = lines.of(value.span().start);
        (value.into_inner(), line)
    };
    Ok(Raw {
        level: raw.level.map(spanned),
        language: raw.language.map(spanned),
        organisations_line: line_of_key(text, "organisations"),
        organisations: raw.organisations,
        // TOML puts a value on its key's line, so the value's span gives the key's line.
        exceptions: raw
            .exceptions
            .into_iter()
            .map(|(id, explanation)| {
                let line = lines.of(explanation.span().start);
                (id, explanation.into_inner(), Some(line))
            })
            .collect(),
        jira: raw.jira.map(|j| RawJiraLines {
            url: spanned(j.url),
            project: j.project,
        }),
        product: raw.product.map(|p| RawProductLines {
            name: p.name.map(spanned),
            repositories_line: line_of_key(text, "repositories"),
            repositories: p.repositories,
            os2eu: p.os2eu.map(spanned),
            main: p.main.map(spanned),
        }),
    })
}

/// Checks every value; the same for both readers.
fn validate(path: &str, raw: &Raw) -> Result<ValidConfig, ConfigError> {
    let error = |line: Option<usize>, key: &str, message: Msg| ConfigError {
        path: path.into(),
        line,
        key: Some(key.into()),
        message,
    };
    let level = match &raw.level {
        None => None,
        Some((value, line)) => Some(Level::parse(value).ok_or_else(|| {
            error(
                Some(*line),
                "level",
                msg!(
                    "nøglen `level`: forventede \"sandkasse\", \"1\", \"2\" eller \"3\", fandt {}",
                    "key `level`: expected \"sandkasse\", \"1\", \"2\" or \"3\", found {}",
                    quoted(value)
                ),
            )
        })?),
    };
    let language = match &raw.language {
        None => None,
        Some((value, line)) => Some(Lang::parse(value).ok_or_else(|| {
            error(
                Some(*line),
                "language",
                msg!(
                    "nøglen `language`: forventede \"da\" eller \"en\", fandt {}",
                    "key `language`: expected \"da\" or \"en\", found {}",
                    quoted(value)
                ),
            )
        })?),
    };
    let mut exceptions: Vec<(String, String)> = Vec::new();
    for (id, explanation, line) in &raw.exceptions {
        let Some(rule) = crate::rules::find(id) else {
            return Err(error(
                *line,
                id,
                msg!(
                    "[exceptions]: ukendt krav-id `{id}`",
                    "[exceptions]: unknown requirement id `{id}`"
                ),
            ));
        };
        if explanation.trim().is_empty() {
            return Err(error(
                *line,
                id,
                msg!(
                    "[exceptions]: `{id}` skal have en forklaring (følg eller forklar)",
                    "[exceptions]: `{id}` needs an explanation (følg eller forklar)"
                ),
            ));
        }
        let explanation = explanation.trim().to_string();
        // `f19` and `F19` are the same requirement: the later one counts, as in a map.
        match exceptions.binary_search_by(|(known, _)| known.as_str().cmp(rule.id)) {
            Ok(at) => exceptions[at].1 = explanation,
            Err(at) => exceptions.insert(at, (rule.id.to_string(), explanation)),
        }
    }
    for org in &raw.organisations {
        if org.trim().is_empty() || org.contains('/') || org.contains(char::is_whitespace) {
            return Err(error(
                raw.organisations_line,
                "organisations",
                msg!(
                    "nøglen `organisations`: {} er ikke navnet på en GitHub-organisation",
                    "key `organisations`: {} is not a GitHub organisation name",
                    quoted(org)
                ),
            ));
        }
    }
    let jira = match &raw.jira {
        None => None,
        Some(j) => {
            let (written, line) = &j.url;
            let url = written.trim().trim_end_matches('/').to_string();
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                return Err(error(
                    Some(*line),
                    "jira.url",
                    msg!(
                        "nøglen `jira.url`: forventede en http(s)-adresse, fandt {}",
                        "key `jira.url`: expected an http(s) URL, found {}",
                        quoted(written)
                    ),
                ));
            }
            Some(JiraConfig {
                url,
                project: j
                    .project
                    .as_ref()
                    .map(|p| p.trim().to_ascii_uppercase())
                    .filter(|p| !p.is_empty()),
            })
        }
    };
    let product = match &raw.product {
        None => None,
        Some(p) => Some(validate_product(p, &error)?),
    };
    Ok(ValidConfig {
        path: Some(path.to_string()),
        level,
        language,
        organisations: raw
            .organisations
            .iter()
            .map(|o| o.to_ascii_lowercase())
            .collect(),
        exceptions,
        jira,
        product,
    })
}

/// `[product]`: every value written must say something; the os2.eu page is a web address.
fn validate_product(
    p: &RawProductLines,
    error: &dyn Fn(Option<usize>, &str, Msg) -> ConfigError,
) -> Result<ProductConfig, ConfigError> {
    let not_empty = |value: &Option<(String, usize)>, key: &str| match value {
        None => Ok(None),
        Some((written, line)) if written.trim().is_empty() => Err(error(
            Some(*line),
            key,
            msg!(
                "nøglen `{key}`: værdien må ikke være tom",
                "key `{key}`: must not be empty"
            ),
        )),
        Some((written, _)) => Ok(Some(written.trim().to_string())),
    };
    let name = not_empty(&p.name, "product.name")?;
    let main = not_empty(&p.main, "product.main")?;
    let os2eu = match &p.os2eu {
        None => None,
        Some((written, line)) => {
            let url = written.trim();
            let host = url
                .strip_prefix("https://")
                .or_else(|| url.strip_prefix("http://"));
            if host.is_none_or(str::is_empty) || url.contains(char::is_whitespace) {
                return Err(error(
                    Some(*line),
                    "product.os2eu",
                    msg!(
                        "nøglen `product.os2eu`: forventede http(s)-adressen på produktets side på os2.eu, fandt {}",
                        "key `product.os2eu`: expected the product page's http(s) URL on os2.eu, found {}",
                        quoted(written)
                    ),
                ));
            }
            Some(url.to_string())
        }
    };
    let mut repositories: Vec<String> = Vec::new();
    for written in &p.repositories {
        let source = written.trim();
        if source.is_empty() || source == "github:" {
            return Err(error(
                p.repositories_line,
                "product.repositories",
                msg!(
                    "nøglen `product.repositories`: {} er ikke et repository (skriv github:EJER/REPO, github:EJER eller en sti)",
                    "key `product.repositories`: {} is not a repository (write github:OWNER/REPO, github:OWNER or a path)",
                    quoted(written)
                ),
            ));
        }
        // The same repository written twice counts once.
        if !repositories.iter().any(|r| r.eq_ignore_ascii_case(source)) {
            repositories.push(source.to_string());
        }
    }
    Ok(ProductConfig {
        name,
        repositories,
        os2eu,
        main,
    })
}

#[cfg(feature = "toml")]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawProductsFile {
    #[serde(default)]
    product: Vec<RawListedProduct>,
}

/// One `[[product]]` of a products file: as `[product]`, with the list's own line, since the same
/// key is written in every table.
#[cfg(feature = "toml")]
#[derive(Debug, Deserialize)]
#[serde(deny_unknown_fields)]
struct RawListedProduct {
    name: Option<Spanned<String>>,
    repositories: Option<Spanned<Vec<String>>>,
    os2eu: Option<Spanned<String>>,
    main: Option<Spanned<String>>,
}

/// A products file (`os2gov portfolio --products FILE`): `[[product]]` tables in the shape of
/// `[product]`, each with a name, the names all different. Checked as `[product]` is, errors
/// naming the key and its line.
#[cfg(feature = "toml")]
pub fn parse_products(path: &str, text: &str) -> Result<Vec<ProductConfig>, ConfigError> {
    let lines = Lines::new(text);
    let raw: RawProductsFile = toml::from_str(text).map_err(|e| ConfigError {
        path: path.into(),
        line: e.span().map(|s| lines.of(s.start)),
        key: None,
        message: toml_message(e.message()),
    })?;
    let error = |line: Option<usize>, key: &str, message: Msg| ConfigError {
        path: path.into(),
        line,
        key: Some(key.into()),
        message,
    };
    // Where each table starts, for a table that lacks its name.
    let headers: Vec<usize> = text
        .lines()
        .enumerate()
        .filter(|(_, l)| l.trim_start().starts_with("[[product]]"))
        .map(|(i, _)| i + 1)
        .collect();
    let mut products: Vec<ProductConfig> = Vec::new();
    for (i, p) in raw.product.into_iter().enumerate() {
        let spanned = |value: Spanned<String>| {
            let line = lines.of(value.span().start);
            (value.into_inner(), line)
        };
        let (repositories, repositories_line) = match p.repositories {
            Some(list) => {
                let line = lines.of(list.span().start);
                (list.into_inner(), Some(line))
            }
            None => (Vec::new(), None),
        };
        let product = validate_product(
            &RawProductLines {
                name: p.name.map(spanned),
                repositories,
                repositories_line,
                os2eu: p.os2eu.map(spanned),
                main: p.main.map(spanned),
            },
            &error,
        )?;
        let Some(name) = &product.name else {
            return Err(error(
                headers.get(i).copied(),
                "product.name",
                Msg::new(
                    "[[product]]: hvert produkt skal have et navn",
                    "[[product]]: every product needs a name",
                ),
            ));
        };
        if products.iter().any(|known| {
            known
                .name
                .as_ref()
                .is_some_and(|n| n.eq_ignore_ascii_case(name))
        }) {
            return Err(error(
                headers.get(i).copied(),
                "product.name",
                msg!(
                    "[[product]]: to produkter hedder {}",
                    "[[product]]: two products are named {}",
                    quoted(name)
                ),
            ));
        }
        // A repository belongs to one product: in two, its evidence would count twice.
        if let Some((other, repository)) = products.iter().find_map(|known| {
            known.repositories.iter().find_map(|r| {
                product
                    .repositories
                    .iter()
                    .any(|mine| mine.eq_ignore_ascii_case(r))
                    .then(|| (known.name.clone().unwrap_or_default(), r.clone()))
            })
        }) {
            return Err(error(
                headers.get(i).copied(),
                "product.repositories",
                msg!(
                    "[[product]]: {} er med i både {} og {}",
                    "[[product]]: {} is in both {} and {}",
                    quoted(&repository),
                    quoted(&other),
                    quoted(name)
                ),
            ));
        }
        products.push(product);
    }
    Ok(products)
}

/// The reader for builds without the `toml` feature (the browser's): exactly the TOML that
/// os2gov.toml needs. `key = value` lines whose values are basic strings (with TOML's escapes)
/// or literal strings, a list of strings for `organisations` and `product.repositories` (over
/// several lines, trailing comma allowed), the tables `[exceptions]`, `[jira]` and `[product]`, bare or quoted keys, comments and blank
/// lines. Unknown keys and bad values are errors naming the key and the line, as with the full
/// parser; anything else TOML allows (dotted keys, inline tables, multi-line strings, arrays of
/// tables) is an error saying that this build does not read it, never a guess. A test runs both
/// readers on the same configs.
#[cfg(any(not(feature = "toml"), test, fuzzing))]
mod subset;

/// The toml crate's messages (its parser's and serde's) in Danish.
#[cfg(feature = "toml")]
mod toml_da;

/// For the fuzz targets in `fuzz/` only (built with `--cfg fuzzing`): the config as the full TOML
/// reader and as the browser's subset reader see it, so that a target can hold them to agreeing.
#[cfg(all(fuzzing, feature = "toml"))]
#[doc(hidden)]
pub fn parse_both(
    path: &str,
    text: &str,
) -> (
    Result<ValidConfig, ConfigError>,
    Result<ValidConfig, ConfigError>,
) {
    (
        read_toml(path, text).and_then(|raw| validate(path, &raw)),
        subset::read(path, text).and_then(|raw| validate(path, &raw)),
    )
}

/// With either reader: the full parser by default, the subset without the `toml` feature.
#[cfg(test)]
mod tests;

/// The subset reader and the full TOML parser agree on os2gov.toml's configs.
#[cfg(all(test, feature = "toml"))]
mod subset_agrees_with_toml;
