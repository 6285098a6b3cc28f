use super::{ConfigError, Raw, RawJiraLines, RawProductLines};
use crate::base::model::Msg;
use crate::msg;

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
    /// `[product]` and what it holds.
    product: Option<RawProductLines>,
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
        product: None,
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
                Msg::new("[jira]: nøglen `url` mangler", "[jira]: missing key `url`"),
            ));
        };
        raw.jira = Some(RawJiraLines {
            url,
            project: reader.project.take(),
        });
    }
    raw.product = reader.product.take();
    Ok(raw)
}

impl Reader<'_> {
    fn error(&self, line: usize, key: Option<&str>, message: Msg) -> ConfigError {
        ConfigError {
            path: self.path.into(),
            line: Some(line),
            key: key.map(Into::into),
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
        Some(self.error(
            *line,
            Some(key),
            msg!("nøglen `{key}` står to gange", "duplicate key `{key}`"),
        ))
    }

    // Literal pairs rather than a `Msg`: the call sites stay small in the browser module.
    fn syntax(&self, da: &str, en: &str) -> ConfigError {
        self.error(
            self.line,
            None,
            msg!("ugyldig TOML: {da}", "invalid TOML: {en}"),
        )
    }

    fn control(&self, byte: u8, da: &str, en: &str) -> ConfigError {
        let Msg { da, en } = msg!(
            "kontroltegnet U+{byte:04X} {da}, som TOML ikke tillader",
            "the control character U+{byte:04X} {en}, which TOML does not allow"
        );
        self.syntax(&da, &en)
    }

    /// `what` is capitalised: it begins the sentence.
    fn beyond(&self, da: &str, en: &str) -> ConfigError {
        self.error(
            self.line,
            None,
            Msg::new(
                format!(
                    "{da} er ud over den TOML, denne udgave af os2gov læser (strenge, en liste af \
                     strenge, [exceptions], [jira] og [product]); kontrollér repositoriet med \
                     os2gov-kommandolinjeværktøjet"
                ),
                format!(
                    "{en} is beyond the TOML this build of os2gov reads (strings, a list of \
                     strings, [exceptions], [jira] and [product]); check the repository with the os2gov \
                     command-line tool"
                ),
            ),
        )
    }

    fn peek(&self) -> Option<u8> {
        self.text.as_bytes().get(self.at).copied()
    }

    fn starts(&self, prefix: &str) -> bool {
        self.text[self.at..].starts_with(prefix)
    }

    fn expect(&mut self, byte: u8, da: &str, en: &str) -> Result<(), ConfigError> {
        if self.peek() != Some(byte) {
            return Err(self.syntax(da, en));
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
                    return Err(self.control(b, "i en kommentar", "in a comment"));
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
            Some(_) => Err(self.syntax(
                "forventede slutningen af linjen",
                "expected the end of the line",
            )),
        }
    }

    fn document(&mut self, raw: &mut Raw) -> Result<(), ConfigError> {
        // "", "exceptions", "jira" or "product".
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
                        return Err(self
                            .beyond("En liste af tabeller ([[…]])", "An array of tables ([[…]])"));
                    }
                    self.spaces();
                    let name = self.key()?;
                    self.spaces();
                    if self.peek() == Some(b'.') {
                        return Err(self.beyond("Et tabelnavn med punktum", "A dotted table name"));
                    }
                    self.expect(
                        b']',
                        "forventede `]` efter tabellens navn",
                        "expected `]` after the table name",
                    )?;
                    table = match name.as_str() {
                        "exceptions" => "exceptions",
                        "jira" => "jira",
                        "product" => "product",
                        _ => {
                            return Err(self.error(
                                line,
                                Some(&name),
                                msg!(
                                    "ukendt tabel `[{name}]`, forventede `[exceptions]`, `[jira]` eller `[product]`",
                                    "unknown table `[{name}]`, expected `[exceptions]`, `[jira]` or `[product]`"
                                ),
                            ))
                        }
                    };
                    let header = format!("[{name}]");
                    if self.seen.contains(&header) {
                        return Err(self.error(
                            line,
                            Some(&name),
                            msg!(
                                "tabellen {header} står to gange",
                                "table {header} is defined twice"
                            ),
                        ));
                    }
                    self.seen.push(header);
                    if table == "jira" {
                        self.jira = Some(line);
                    }
                    if table == "product" {
                        self.product = Some(RawProductLines::default());
                    }
                }
                Some(_) => {
                    let key = self.key()?;
                    self.spaces();
                    if self.peek() == Some(b'.') {
                        return Err(self.beyond("En nøgle med punktum", "A dotted key"));
                    }
                    self.expect(
                        b'=',
                        "forventede `=` efter nøglen",
                        "expected `=` after the key",
                    )?;
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
                            msg!("nøglen `{key}` står to gange", "duplicate key `{key}`"),
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
                        ("product", "name" | "os2eu" | "main") => {
                            let value = Some((self.string(&name)?, line));
                            let product = self.product.get_or_insert_with(Default::default);
                            match key.as_str() {
                                "name" => product.name = value,
                                "os2eu" => product.os2eu = value,
                                _ => product.main = value,
                            }
                        }
                        ("product", "repositories") => {
                            let repositories = self.list(&name)?;
                            let product = self.product.get_or_insert_with(Default::default);
                            product.repositories = repositories;
                            product.repositories_line = Some(line);
                        }
                        ("", "exceptions" | "jira" | "product") => {
                            return Err(self.beyond(
                                &format!("`{key}` som værdi (skriv tabellen [{key}])"),
                                &format!("`{key}` as a value (write the table [{key}])"),
                            ))
                        }
                        ("exceptions", _) => {
                            let explanation = self.string(&name)?;
                            raw.exceptions.push((key, explanation, Some(line)));
                        }
                        _ => {
                            let Msg { da, en } = match table {
                                "jira" => Msg::new(
                                    " i [jira], forventede `url` eller `project`",
                                    " in [jira], expected `url` or `project`",
                                ),
                                "product" => Msg::new(
                                    " i [product], forventede `name`, `repositories`, `os2eu` eller `main`",
                                    " in [product], expected `name`, `repositories`, `os2eu` or `main`",
                                ),
                                _ => Msg::new(
                                    ", forventede `level`, `language`, `organisations`, [exceptions], [jira] eller [product]",
                                    ", expected `level`, `language`, `organisations`, [exceptions], [jira] or [product]",
                                ),
                            };
                            return Err(self.error(
                                line,
                                Some(&name),
                                msg!("ukendt nøgle `{key}`{da}", "unknown key `{key}`{en}"),
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
            return Err(self.syntax("forventede en nøgle", "expected a key"));
        }
        Ok(self.text[start..self.at].to_string())
    }

    /// The value of `name`, which must be a one-line string.
    fn string(&mut self, name: &str) -> Result<String, ConfigError> {
        match self.peek() {
            Some(b'"' | b'\'') => self.quoted(),
            Some(b'{') => Err(self.beyond("En indlejret tabel ({…})", "An inline table ({…})")),
            None | Some(b'\n' | b'\r' | b'#') => Err(self.syntax(
                "forventede en værdi efter `=`",
                "expected a value after `=`",
            )),
            _ => Err(self.error(
                self.line,
                Some(name),
                msg!(
                    "nøglen `{name}`: forventede en streng i anførselstegn",
                    "key `{name}`: expected a string in quotes"
                ),
            )),
        }
    }

    /// `[ "a", 'b', ]` over any number of lines, with comments.
    fn list(&mut self, name: &str) -> Result<Vec<String>, ConfigError> {
        match self.peek() {
            Some(b'[') => {}
            None | Some(b'\n' | b'\r' | b'#') => {
                return Err(self.syntax(
                    "forventede en værdi efter `=`",
                    "expected a value after `=`",
                ))
            }
            Some(b'{') => {
                return Err(self.beyond("En indlejret tabel ({…})", "An inline table ({…})"))
            }
            _ => {
                return Err(self.error(
                    self.line,
                    Some(name),
                    msg!(
                        "nøglen `{name}`: forventede en liste af strenge",
                        "key `{name}`: expected a list of strings"
                    ),
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
        self.expect(
            b']',
            "forventede `,` eller `]` i listen",
            "expected `,` or `]` in the list",
        )?;
        Ok(items)
    }

    /// Spaces, line breaks and comments inside a list.
    fn blank(&mut self) -> Result<(), ConfigError> {
        loop {
            self.spaces();
            match self.peek() {
                Some(b'#' | b'\n' | b'\r') => self.end_of_line()?,
                None => {
                    return Err(self.syntax(
                        "listen er ikke lukket med `]`",
                        "the list is not closed with `]`",
                    ))
                }
                Some(_) => return Ok(()),
            }
        }
    }

    /// `"…"` with TOML's escapes, or `'…'` as written, on one line.
    fn quoted(&mut self) -> Result<String, ConfigError> {
        if self.starts("\"\"\"") || self.starts("'''") {
            return Err(self.beyond("En streng over flere linjer", "A multi-line string"));
        }
        let quote = self.peek();
        self.at += 1;
        let mut out = String::new();
        let mut start = self.at;
        loop {
            let byte = self.peek();
            match byte {
                None | Some(b'\n' | b'\r') => {
                    return Err(self.syntax(
                        "strengen er ikke lukket på sin linje",
                        "the string is not closed on its line",
                    ))
                }
                Some(b) if b != b'\t' && (b < 0x20 || b == 0x7f) => {
                    return Err(self.control(b, "i en streng", "in a string"))
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
                                .ok_or_else(|| {
                                    self.syntax(
                                        "en ugyldig unicode-escape-sekvens",
                                        "an invalid unicode escape",
                                    )
                                })?
                        }
                        _ => {
                            return Err(self.syntax(
                                "en ugyldig escape-sekvens i en streng",
                                "an invalid escape in a string",
                            ))
                        }
                    };
                    out.push(c);
                    start = self.at;
                }
                _ => self.at += 1,
            }
        }
    }
}
