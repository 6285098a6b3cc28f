//! `os2gov.toml`: the required level, the language, exceptions ("følg eller forklar"), extra
//! organisations and Jira. Parsed strictly: an unknown key or a bad value is an error that names
//! the key and its line, and the config is validated into a [`ValidConfig`] before use.
//!
//! Without the `toml` feature (the browser build, which leaves the TOML parser out for size) a
//! config cannot be read, and [`parse`] says so as an error rather than guess at its content.
#![cfg_attr(not(feature = "toml"), allow(dead_code))]

use crate::model::{Lang, Level};
#[cfg(feature = "toml")]
use serde::Deserialize;
use std::collections::BTreeMap;
#[cfg(feature = "toml")]
use toml::Spanned;

pub const FILE_NAME: &str = "os2gov.toml";

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("{path}{}: {message}", line.map(|l| format!(":{l}")).unwrap_or_default())]
pub struct ConfigError {
    pub path: String,
    pub line: Option<usize>,
    pub key: Option<String>,
    pub message: String,
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

/// A config whose every value has been checked.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct ValidConfig {
    pub path: Option<String>,
    pub level: Option<Level>,
    pub language: Option<Lang>,
    pub organisations: Vec<String>,
    /// Requirement id (canonical case) → explanation.
    pub exceptions: BTreeMap<String, String>,
    pub jira: Option<JiraConfig>,
}

fn line_of(text: &str, offset: usize) -> usize {
    text[..offset.min(text.len())].matches('\n').count() + 1
}

/// The line where `key = …` is written, for values that carry no span of their own.
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
    return parse_toml(path, text);
    #[cfg(not(feature = "toml"))]
    {
        let _ = text;
        Err(ConfigError {
            path: path.to_string(),
            line: None,
            key: None,
            message: "cannot be read by this build of os2gov (the browser's has no TOML parser); \
                      check the repository with the os2gov command-line tool"
                .to_string(),
        })
    }
}

#[cfg(feature = "toml")]
fn parse_toml(path: &str, text: &str) -> Result<ValidConfig, ConfigError> {
    let error = |line: Option<usize>, key: Option<&str>, message: String| ConfigError {
        path: path.to_string(),
        line,
        key: key.map(str::to_string),
        message,
    };
    let raw: RawConfig = toml::from_str(text).map_err(|e| {
        let line = e.span().map(|s| line_of(text, s.start));
        let message = e.message().trim().replace('\n', " ");
        error(line, None, message)
    })?;
    let level = match raw.level {
        None => None,
        Some(value) => Some(Level::parse(value.get_ref()).ok_or_else(|| {
            error(
                Some(line_of(text, value.span().start)),
                Some("level"),
                format!(
                    "key `level`: expected \"sandkasse\", \"1\", \"2\" or \"3\", found {:?}",
                    value.get_ref()
                ),
            )
        })?),
    };
    let language = match raw.language {
        None => None,
        Some(value) => Some(Lang::parse(value.get_ref()).ok_or_else(|| {
            error(
                Some(line_of(text, value.span().start)),
                Some("language"),
                format!(
                    "key `language`: expected \"da\" or \"en\", found {:?}",
                    value.get_ref()
                ),
            )
        })?),
    };
    let mut exceptions = BTreeMap::new();
    for (id, explanation) in raw.exceptions {
        let line = line_of_key(text, &id).or(Some(line_of(text, explanation.span().start)));
        let Some(rule) = crate::rules::find(&id) else {
            return Err(error(
                line,
                Some(&id),
                format!("[exceptions]: unknown requirement id `{id}`"),
            ));
        };
        if explanation.get_ref().trim().is_empty() {
            return Err(error(
                line,
                Some(&id),
                format!("[exceptions]: `{id}` needs an explanation (følg eller forklar)"),
            ));
        }
        exceptions.insert(
            rule.id.to_string(),
            explanation.into_inner().trim().to_string(),
        );
    }
    for org in &raw.organisations {
        if org.trim().is_empty() || org.contains('/') || org.contains(char::is_whitespace) {
            return Err(error(
                line_of_key(text, "organisations"),
                Some("organisations"),
                format!("key `organisations`: {org:?} is not a GitHub organisation name"),
            ));
        }
    }
    let jira = match raw.jira {
        None => None,
        Some(j) => {
            let url = j.url.get_ref().trim().trim_end_matches('/').to_string();
            if !(url.starts_with("https://") || url.starts_with("http://")) {
                return Err(error(
                    Some(line_of(text, j.url.span().start)),
                    Some("jira.url"),
                    format!(
                        "key `jira.url`: expected an http(s) URL, found {:?}",
                        j.url.get_ref()
                    ),
                ));
            }
            Some(JiraConfig {
                url,
                project: j
                    .project
                    .map(|p| p.trim().to_ascii_uppercase())
                    .filter(|p| !p.is_empty()),
            })
        }
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
    })
}

#[cfg(all(test, feature = "toml"))]
mod tests {
    use super::*;

    #[test]
    fn full_config() {
        let config = parse(
            "os2gov.toml",
            "level = \"2\"\nlanguage = \"en\"\norganisations = [\"MyMunicipality\"]\n[exceptions]\nf19 = \"We ship Debian packages.\"\n[jira]\nurl = \"https://os2web.atlassian.net/\"\nproject = \"os2mo\"\n",
        )
        .expect("valid");
        assert_eq!(config.level, Some(Level::Two));
        assert_eq!(config.language, Some(Lang::En));
        assert_eq!(
            config.exceptions.get("F19").map(String::as_str),
            Some("We ship Debian packages.")
        );
        assert_eq!(
            config.jira,
            Some(JiraConfig {
                url: "https://os2web.atlassian.net".into(),
                project: Some("OS2MO".into())
            })
        );
        assert_eq!(config.organisations, vec!["mymunicipality"]);
    }

    #[test]
    fn errors_name_key_and_line() {
        let e = parse("os2gov.toml", "language = \"da\"\nlevel = \"5\"\n").expect_err("bad level");
        assert_eq!((e.line, e.key.as_deref()), (Some(2), Some("level")));
        assert!(
            e.to_string().starts_with("os2gov.toml:2: key `level`"),
            "{e}"
        );

        let e = parse("os2gov.toml", "level = \"1\"\n\nlevle = \"2\"\n").expect_err("unknown key");
        assert_eq!(e.line, Some(3));
        assert!(e.to_string().contains("levle"), "{e}");

        let e = parse("os2gov.toml", "[exceptions]\nX99 = \"why\"\n").expect_err("unknown id");
        assert_eq!(e.line, Some(2));
        let e = parse("os2gov.toml", "[exceptions]\nF19 = \"  \"\n").expect_err("empty");
        assert!(e.to_string().contains("F19"));
        let e = parse("os2gov.toml", "level = \n").expect_err("broken toml");
        assert_eq!(e.line, Some(1));
        assert!(parse("os2gov.toml", "[jira]\nurl = \"ftp://x\"\n").is_err());
    }
}
