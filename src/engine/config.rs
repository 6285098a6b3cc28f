//! `os2gov.toml`: the required level, the language, exceptions ("følg eller forklar"), extra
//! organisations and Jira. Parsed strictly: an unknown key or a bad value is an error that names
//! the key and its line, and the config is validated into a [`ValidConfig`] before use.
//!
//! Without the `toml` feature (the browser build, which leaves the TOML parser out for size) the
//! config is read by a reader of exactly the TOML subset os2gov.toml needs (`subset`), which
//! gives the same [`ValidConfig`] and, for anything beyond that subset, an error saying so.

use crate::base::model::{Lang, Level};
use crate::base::text::quoted;
#[cfg(feature = "toml")]
use serde::Deserialize;
#[cfg(feature = "toml")]
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
    /// (requirement id in canonical case, explanation), sorted by id. A list rather than a map:
    /// a map of strings would be the one such instantiation in the browser build (~2 KB).
    pub exceptions: Vec<(String, String)>,
    pub jira: Option<JiraConfig>,
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
            Some(c) if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => format!(
                "invalid TOML: the control character U+{:04X}, which TOML does not allow",
                u32::from(c)
            ),
            _ => match e.message().trim() {
                "" => "invalid TOML".to_string(),
                message => message.replace('\n', " "),
            },
        };
        ConfigError {
            path: path.to_string(),
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
    })
}

/// Checks every value; the same for both readers.
fn validate(path: &str, raw: &Raw) -> Result<ValidConfig, ConfigError> {
    let error = |line: Option<usize>, key: &str, message: String| ConfigError {
        path: path.to_string(),
        line,
        key: Some(key.to_string()),
        message,
    };
    let level = match &raw.level {
        None => None,
        Some((value, line)) => Some(Level::parse(value).ok_or_else(|| {
            error(
                Some(*line),
                "level",
                format!(
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
                format!(
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
                format!("[exceptions]: unknown requirement id `{id}`"),
            ));
        };
        if explanation.trim().is_empty() {
            return Err(error(
                *line,
                id,
                format!("[exceptions]: `{id}` needs an explanation (følg eller forklar)"),
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
                format!(
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
                    format!(
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

/// The reader for builds without the `toml` feature (the browser's): exactly the TOML that
/// os2gov.toml needs. `key = value` lines whose values are basic strings (with TOML's escapes)
/// or literal strings, a list of strings for `organisations` (over several lines, trailing comma
/// allowed), the tables `[exceptions]` and `[jira]`, bare or quoted keys, comments and blank
/// lines. Unknown keys and bad values are errors naming the key and the line, as with the full
/// parser; anything else TOML allows (dotted keys, inline tables, multi-line strings, arrays of
/// tables) is an error saying that this build does not read it, never a guess. A test runs both
/// readers on the same configs.
#[cfg(any(not(feature = "toml"), test, fuzzing))]
mod subset {
    use super::{ConfigError, Raw, RawJiraLines};

    struct Reader<'a> {
        path: &'a str,
        text: &'a str,
        /// Byte offset; the syntax is ASCII, so it only ever stops on ASCII bytes.
        at: usize,
        line: usize,
        /// Every table (`[jira]`) and key (`jira.url`) so far but the exceptions, for duplicates:
        /// a few, since any other key is an error.
        seen: Vec<String>,
        /// `[exceptions]` keys as written and their lines, for duplicates: sorted once at the end
        /// (or at the first error) rather than searched per key, which was quadratic.
        exception_keys: Vec<(String, usize)>,
        /// `[jira]`: its line, `url` and `project`.
        jira: Option<usize>,
        url: Option<(String, usize)>,
        project: Option<String>,
    }

    pub(super) fn read(path: &str, text: &str) -> Result<Raw, ConfigError> {
        let mut reader = Reader {
            path,
            text: text.strip_prefix('\u{feff}').unwrap_or(text),
            at: 0,
            line: 1,
            seen: Vec::new(),
            exception_keys: Vec::new(),
            jira: None,
            url: None,
            project: None,
        };
        // What has been read lives outside `document`, so that its many error exits have
        // nothing to drop (a smaller browser build).
        let mut raw = Raw::default();
        let read = reader.document(&mut raw);
        // A repeated exception found now is reported if it comes first, as when each key was
        // checked as it was read.
        if let Some(duplicate) = reader.first_duplicate() {
            match &read {
                Err(e) if e.line < duplicate.line => {}
                _ => return Err(duplicate),
            }
        }
        read?;
        // In the order of the ids, as the full parser's map has them (no two are equal now).
        raw.exceptions.sort_by(|a, b| a.0.cmp(&b.0));
        if let Some(line) = reader.jira {
            let Some(url) = reader.url.take() else {
                return Err(reader.error(
                    line,
                    Some("jira.url"),
                    "[jira]: missing key `url`".to_string(),
                ));
            };
            raw.jira = Some(RawJiraLines {
                url,
                project: reader.project.take(),
            });
        }
        Ok(raw)
    }

    impl Reader<'_> {
        fn error(&self, line: usize, key: Option<&str>, message: String) -> ConfigError {
            ConfigError {
                path: self.path.to_string(),
                line: Some(line),
                key: key.map(str::to_string),
                message,
            }
        }

        /// The first `[exceptions]` key (by line) written a second time.
        fn first_duplicate(&self) -> Option<ConfigError> {
            let keys = &self.exception_keys;
            let mut order: Vec<usize> = (0..keys.len()).collect();
            order.sort_by(|&a, &b| keys[a].cmp(&keys[b]));
            let (key, line) = order
                .windows(2)
                .filter(|pair| keys[pair[0]].0 == keys[pair[1]].0)
                .map(|pair| &keys[pair[1]])
                .min_by_key(|(_, line)| *line)?;
            Some(self.error(*line, Some(key), format!("duplicate key `{key}`")))
        }

        fn syntax(&self, what: &str) -> ConfigError {
            self.error(self.line, None, format!("invalid TOML: {what}"))
        }

        fn control(&self, byte: u8, place: &str) -> ConfigError {
            self.syntax(&format!(
                "the control character U+{byte:04X} {place}, which TOML does not allow"
            ))
        }

        fn beyond(&self, what: &str) -> ConfigError {
            self.error(
                self.line,
                None,
                format!(
                    "{what} is beyond the TOML this build of os2gov reads (strings, a list of \
                     strings, [exceptions] and [jira]); check the repository with the os2gov \
                     command-line tool"
                ),
            )
        }

        fn peek(&self) -> Option<u8> {
            self.text.as_bytes().get(self.at).copied()
        }

        fn starts(&self, prefix: &str) -> bool {
            self.text[self.at..].starts_with(prefix)
        }

        fn expect(&mut self, byte: u8, what: &str) -> Result<(), ConfigError> {
            if self.peek() != Some(byte) {
                return Err(self.syntax(what));
            }
            self.at += 1;
            Ok(())
        }

        fn spaces(&mut self) {
            while matches!(self.peek(), Some(b' ' | b'\t')) {
                self.at += 1;
            }
        }

        /// Spaces, an optional comment, then the end of the line (or of the file).
        fn end_of_line(&mut self) -> Result<(), ConfigError> {
            self.spaces();
            if self.peek() == Some(b'#') {
                while let Some(b) = self.peek().filter(|b| !matches!(b, b'\n' | b'\r')) {
                    // TOML allows no control character but tab in a comment, and neither does
                    // the full parser.
                    if b != b'\t' && (b < 0x20 || b == 0x7f) {
                        return Err(self.control(b, "in a comment"));
                    }
                    self.at += 1;
                }
            }
            if self.starts("\r\n") {
                self.at += 1;
            }
            match self.peek() {
                None => Ok(()),
                Some(b'\n') => {
                    self.at += 1;
                    self.line += 1;
                    Ok(())
                }
                Some(_) => Err(self.syntax("expected the end of the line")),
            }
        }

        fn document(&mut self, raw: &mut Raw) -> Result<(), ConfigError> {
            // "", "exceptions" or "jira".
            let mut table = "";
            loop {
                self.spaces();
                let line = self.line;
                match self.peek() {
                    None => break,
                    Some(b'#' | b'\n' | b'\r') => {}
                    Some(b'[') => {
                        self.at += 1;
                        if self.peek() == Some(b'[') {
                            return Err(self.beyond("An array of tables ([[…]])"));
                        }
                        self.spaces();
                        let name = self.key()?;
                        self.spaces();
                        if self.peek() == Some(b'.') {
                            return Err(self.beyond("A dotted table name"));
                        }
                        self.expect(b']', "expected `]` after the table name")?;
                        table = match name.as_str() {
                            "exceptions" => "exceptions",
                            "jira" => "jira",
                            _ => {
                                return Err(self.error(
                                    line,
                                    Some(&name),
                                    format!(
                                    "unknown table `[{name}]`, expected `[exceptions]` or `[jira]`"
                                ),
                                ))
                            }
                        };
                        let header = format!("[{name}]");
                        if self.seen.contains(&header) {
                            return Err(self.error(
                                line,
                                Some(&name),
                                format!("table {header} is defined twice"),
                            ));
                        }
                        self.seen.push(header);
                        if table == "jira" {
                            self.jira = Some(line);
                        }
                    }
                    Some(_) => {
                        let key = self.key()?;
                        self.spaces();
                        if self.peek() == Some(b'.') {
                            return Err(self.beyond("A dotted key"));
                        }
                        self.expect(b'=', "expected `=` after the key")?;
                        self.spaces();
                        let name = match table {
                            "" => key.clone(),
                            _ => format!("{table}.{key}"),
                        };
                        if table == "exceptions" {
                            self.exception_keys.push((key.clone(), line));
                        } else if self.seen.contains(&name) {
                            return Err(self.error(
                                line,
                                Some(&key),
                                format!("duplicate key `{key}`"),
                            ));
                        } else {
                            self.seen.push(name.clone());
                        }
                        match (table, key.as_str()) {
                            ("", "level") => raw.level = Some((self.string(&name)?, line)),
                            ("", "language") => raw.language = Some((self.string(&name)?, line)),
                            ("", "organisations") => {
                                raw.organisations = self.list(&name)?;
                                raw.organisations_line = Some(line);
                            }
                            ("jira", "url") => self.url = Some((self.string(&name)?, line)),
                            ("jira", "project") => self.project = Some(self.string(&name)?),
                            ("", "exceptions" | "jira") => {
                                return Err(self.beyond(&format!(
                                    "`{key}` as a value (write the table [{key}])"
                                )))
                            }
                            ("exceptions", _) => {
                                let explanation = self.string(&name)?;
                                raw.exceptions.push((key, explanation, Some(line)));
                            }
                            _ => {
                                let expected = match table {
                                    "jira" => " in [jira], expected `url` or `project`",
                                    _ => ", expected `level`, `language`, `organisations`, [exceptions] or [jira]",
                                };
                                return Err(self.error(
                                    line,
                                    Some(&name),
                                    format!("unknown key `{key}`{expected}"),
                                ));
                            }
                        }
                    }
                }
                self.end_of_line()?;
            }
            Ok(())
        }

        /// A bare key or a quoted (basic or literal) one.
        fn key(&mut self) -> Result<String, ConfigError> {
            if matches!(self.peek(), Some(b'"' | b'\'')) {
                return self.quoted();
            }
            let start = self.at;
            while self
                .peek()
                .is_some_and(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-')
            {
                self.at += 1;
            }
            if self.at == start {
                return Err(self.syntax("expected a key"));
            }
            Ok(self.text[start..self.at].to_string())
        }

        /// The value of `name`, which must be a one-line string.
        fn string(&mut self, name: &str) -> Result<String, ConfigError> {
            match self.peek() {
                Some(b'"' | b'\'') => self.quoted(),
                Some(b'{') => Err(self.beyond("An inline table ({…})")),
                None | Some(b'\n' | b'\r' | b'#') => Err(self.syntax("expected a value after `=`")),
                _ => Err(self.error(
                    self.line,
                    Some(name),
                    format!("key `{name}`: expected a string in quotes"),
                )),
            }
        }

        /// `[ "a", 'b', ]` over any number of lines, with comments.
        fn list(&mut self, name: &str) -> Result<Vec<String>, ConfigError> {
            match self.peek() {
                Some(b'[') => {}
                None | Some(b'\n' | b'\r' | b'#') => {
                    return Err(self.syntax("expected a value after `=`"))
                }
                Some(b'{') => return Err(self.beyond("An inline table ({…})")),
                _ => {
                    return Err(self.error(
                        self.line,
                        Some(name),
                        format!("key `{name}`: expected a list of strings"),
                    ))
                }
            }
            self.at += 1;
            let mut items = Vec::new();
            loop {
                self.blank()?;
                if self.peek() == Some(b']') {
                    break;
                }
                items.push(self.string(name)?);
                self.blank()?;
                if self.peek() != Some(b',') {
                    break;
                }
                self.at += 1;
            }
            self.expect(b']', "expected `,` or `]` in the list")?;
            Ok(items)
        }

        /// Spaces, line breaks and comments inside a list.
        fn blank(&mut self) -> Result<(), ConfigError> {
            loop {
                self.spaces();
                match self.peek() {
                    Some(b'#' | b'\n' | b'\r') => self.end_of_line()?,
                    None => return Err(self.syntax("the list is not closed with `]`")),
                    Some(_) => return Ok(()),
                }
            }
        }

        /// `"…"` with TOML's escapes, or `'…'` as written, on one line.
        fn quoted(&mut self) -> Result<String, ConfigError> {
            if self.starts("\"\"\"") || self.starts("'''") {
                return Err(self.beyond("A multi-line string"));
            }
            let quote = self.peek();
            self.at += 1;
            let mut out = String::new();
            let mut start = self.at;
            loop {
                let byte = self.peek();
                match byte {
                    None | Some(b'\n' | b'\r') => {
                        return Err(self.syntax("the string is not closed on its line"))
                    }
                    Some(b) if b != b'\t' && (b < 0x20 || b == 0x7f) => {
                        return Err(self.control(b, "in a string"))
                    }
                    _ if byte == quote => {
                        out.push_str(&self.text[start..self.at]);
                        self.at += 1;
                        return Ok(out);
                    }
                    Some(b'\\') if quote == Some(b'"') => {
                        out.push_str(&self.text[start..self.at]);
                        self.at += 1;
                        let escape = self.peek();
                        self.at += 1;
                        let c = match escape {
                            Some(b'b') => '\u{8}',
                            Some(b't') => '\t',
                            Some(b'n') => '\n',
                            Some(b'f') => '\u{c}',
                            Some(b'r') => '\r',
                            Some(b'"') => '"',
                            Some(b'\\') => '\\',
                            Some(b'u' | b'U') => {
                                let digits = if escape == Some(b'u') { 4 } else { 8 };
                                let hex = self.text.get(self.at..self.at + digits).unwrap_or("");
                                self.at += digits;
                                hex.bytes()
                                    .all(|h| h.is_ascii_hexdigit())
                                    .then(|| u32::from_str_radix(hex, 16).ok())
                                    .flatten()
                                    .and_then(char::from_u32)
                                    .ok_or_else(|| self.syntax("an invalid unicode escape"))?
                            }
                            _ => return Err(self.syntax("an invalid escape in a string")),
                        };
                        out.push(c);
                        start = self.at;
                    }
                    _ => self.at += 1,
                }
            }
        }
    }
}

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
        assert_eq!(config.exception("F19"), Some("We ship Debian packages."));
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

    /// A control character in a comment is refused by TOML; the error names it (the full
    /// parser's own message for it is empty) and the subset reader refuses it too.
    #[test]
    fn control_character_in_a_comment() {
        for (text, line, code) in [
            ("level = \"1\" # niveau\u{1}\n", 1, "U+0001"),
            ("# os2gov\n# \u{7f}\nlevel = \"1\"\n", 2, "U+007F"),
            (
                "level = \"1\"\n[exceptions] # \u{1b}[31m\nF19 = \"x\"\n",
                2,
                "U+001B",
            ),
        ] {
            let e = parse("os2gov.toml", text).expect_err(text);
            assert_eq!(e.line, Some(line), "{text:?}: {e}");
            assert!(e.message.contains("control character"), "{text:?}: {e}");
            assert!(e.message.contains(code), "{text:?}: {e}");
        }
        // A tab is the one control character a comment may hold.
        assert!(parse("os2gov.toml", "level = \"1\" #\tniveau\n").is_ok());
    }

    /// 50,000 exceptions: every line is found from one index of the text, and the error names
    /// the first unknown id in the order of the ids, on its own line.
    #[test]
    fn many_exceptions() {
        let header = "level = \"1\"\n[exceptions]\n";
        let mut body = String::new();
        for i in (0..50_000).rev() {
            body.push_str(&format!("X{i:05} = \"Not relevant here.\"\n"));
        }
        let text = format!("{header}{body}");
        let e = parse("os2gov.toml", &text).expect_err("unknown ids");
        assert_eq!(e.key.as_deref(), Some("X00000"));
        assert_eq!(e.line, Some(50_002));
        // The same keys, each written twice: the second X49999 (line 50,003) is the first repeat.
        let twice = format!("{header}{body}{body}");
        let e = parse("os2gov.toml", &twice).expect_err("duplicates");
        assert_eq!(e.line, Some(50_003), "{e}");
    }
}

/// The subset reader and the full TOML parser agree on os2gov.toml's configs.
#[cfg(all(test, feature = "toml"))]
mod subset_agrees_with_toml {
    use super::*;

    fn full(text: &str) -> Result<ValidConfig, ConfigError> {
        validate("os2gov.toml", &read_toml("os2gov.toml", text)?)
    }

    fn subset(text: &str) -> Result<ValidConfig, ConfigError> {
        validate("os2gov.toml", &subset::read("os2gov.toml", text)?)
    }

    const VALID: &[&str] = &[
        "",
        "\n\n# only a comment\n   \n",
        "level = \"2\"\nlanguage = \"en\"\norganisations = [\"MyMunicipality\"]\n[exceptions]\nf19 = \"We ship Debian packages.\"\n[jira]\nurl = \"https://os2web.atlassian.net/\"\nproject = \"os2mo\"\n",
        "level = 'sandkasse'\r\nlanguage = 'da'\r\n[exceptions]\r\nF19 = 'C:\\path \"quoted\"'\r\n",
        "level=\"1\"\t# kommentar\nlanguage\t=\t\"da\"#x\n",
        "[exceptions]\nF19 = \"Vi leverer \\\"Debian\\\"-pakker\\n\\tfordi \\u00e6\\U0001F600 \\\\ \\b\\f\\r\"\nP7 = \"æøå # ikke en kommentar\"\n",
        "organisations = [\n  \"OS2web\", # kommentar\n  'MyMunicipality',\n\n]\n",
        "organisations = []\nlevel = \"3\"\n",
        "organisations=[\"a\",\"b\" ,  \"c\"]",
        "\"level\" = \"1\"\n[ \"exceptions\" ]\n'F19' = \"x\"\n\"p7\" = \"y\"\n",
        "[jira]\nurl = \"http://jira.example.dk\"\n[exceptions]\n",
        "[jira]\nproject = \"  \"\nurl = \"https://os2web.atlassian.net\"\n",
        "# os2gov's konfiguration for OS2mo: https://github.com/OS2offdig/os2gov\n# Det niveau, OS2 kræver af produktet: sandkasse, 1, 2 eller 3.\nlevel = \"2\"\nlanguage = \"da\"\n\n# Følg eller forklar: et krav, der ikke er relevant, med begrundelsen.\n[exceptions]\n# F19 = \"Leveres som Debian-pakke, fordi ...\"\n",
        "\u{feff}level = \"1\"\n",
        "[exceptions]\nf19 = \"a\"\nF19 = \"b\"\nP7 = \"c\"\nF1 = \"d\"\n",
        "level = \"2\"",
    ];

    /// Each with one error, on the line given.
    const ERRORS: &[(&str, usize)] = &[
        ("language = \"da\"\nlevel = \"5\"\n", 2),
        ("language = \"de\"\n", 1),
        ("level = \"1\"\n\nlevle = \"2\"\n", 3),
        ("[exceptions]\nX99 = \"why\"\n", 2),
        ("[exceptions]\nF19 = \"  \"\n", 2),
        ("level = \"1\"\norganisations = [\"a/b\"]\n", 2),
        ("organisations = [\"ok\", \"two words\"]\n", 1),
        ("[jira]\nurl = \"ftp://x\"\n", 2),
        ("level = \"1\"\n[jira]\nproject = \"OS2MO\"\n", 2),
        ("level = 2\n", 1),
        ("level = true\n", 1),
        ("organisations = \"OS2web\"\n", 1),
        ("organisations = [\"a\", 1]\n", 1),
        ("[exceptions]\nF19 = 3\n", 2),
        ("level = \n", 1),
        ("level = \"2\"\nlevel = \"3\"\n", 2),
        ("[exceptions]\nF19 = \"a\"\nF19 = \"b\"\n", 3),
        (
            "[exceptions]\n[jira]\nurl = \"https://x\"\n[exceptions]\n",
            4,
        ),
        ("level = \"1\"\n[foo]\nx = \"y\"\n", 2),
        ("[jira]\nurl = \"https://x\"\nboard = \"y\"\n", 3),
        ("level = \"2\n", 1),
        ("language = \"da\"\nlevel = \"\\x\"\n", 2),
        ("level = \"\\u12\"\n", 1),
        ("level = \"2\" x\n", 1),
        ("level \"2\"\n", 1),
        ("\"jira.url\" = \"https://x\"\n", 1),
        ("organisations = [\"a\" \"b\"]\n", 1),
        ("[exceptions\nF19 = \"x\"\n", 1),
        // Valid TOML, but not a config: both refuse it (the subset as beyond what it reads).
        ("[exceptions.more]\nF19 = \"x\"\n", 1),
        ("level = \"1\"\n[[exceptions]]\n", 2),
        // Control characters: TOML allows none but tab in a comment.
        ("level = \"1\" # niveau\u{1}\n", 1),
        ("# os2gov\n# \u{7f}\nlevel = \"1\"\n", 2),
        ("[exceptions]\nF19 = \"x\" # \u{1b}[31m\n", 2),
        ("level = \"1\"\n#\u{0}\n", 2),
    ];

    /// TOML the full parser reads and the subset reader refuses, saying so: (config, line).
    const BEYOND: &[(&str, usize)] = &[
        ("level = \"1\"\njira.url = \"https://x\"\n", 2),
        ("jira = { url = \"https://x\" }\n", 1),
        ("[exceptions]\nF19 = \"\"\"\nLang forklaring.\n\"\"\"\n", 2),
        ("[exceptions]\nF19 = '''Vi leverer pakker.'''\n", 2),
    ];

    #[test]
    fn same_config_for_valid_files() {
        for text in VALID {
            let full = full(text);
            assert!(full.is_ok(), "{text:?}: {full:?}");
            assert_eq!(subset(text), full, "{text:?}");
        }
    }

    #[test]
    fn same_error_line_for_each_error() {
        for (text, line) in ERRORS {
            let full = full(text).expect_err(text);
            let subset = subset(text).expect_err(text);
            assert_eq!(
                (full.line, subset.line),
                (Some(*line), Some(*line)),
                "{text:?}:\n  toml:   {full}\n  subset: {subset}"
            );
            // Bad values name their key in both (the full parser's own errors need not).
            if full.key.is_some() {
                assert_eq!(subset.key, full.key, "{text:?}");
            }
        }
    }

    #[test]
    fn beyond_the_subset_is_an_error_saying_so() {
        for (text, line) in BEYOND {
            assert!(full(text).is_ok(), "{text:?}");
            let e = subset(text).expect_err(text);
            assert_eq!(e.line, Some(*line), "{text:?}: {e}");
            assert!(
                e.message
                    .contains("beyond the TOML this build of os2gov reads"),
                "{text:?}: {e}"
            );
        }
    }
}
