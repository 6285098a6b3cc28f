//! The toml crate's error messages in Danish. The crate (its parser, through winnow, and serde
//! behind it) writes English only, in a few fixed shapes; each shape is recognised here and said
//! again in Danish with the same names and values. A message of any other shape keeps the
//! parser's English after a Danish `ugyldig TOML: `, so that a Danish line says at least what
//! kind of error it is and loses nothing the English says.
//!
//! The shapes, from toml_edit 0.22, winnow 0.7 and serde 1 (their wording changes rarely; the
//! tests hold the ones os2gov's configs meet):
//! - serde: `invalid type: U, expected E`, `invalid length N, expected struct S with M elements`,
//!   `unknown field `X`, expected …`, `missing field `X``;
//! - toml_edit's own: `duplicate key `X` in table `T``, `dotted key `X` attempted to extend
//!   non-table type (T)`, `value is out of range`, `recursion limit exceeded`, and the standard
//!   library's `number too large to fit in target type`;
//! - winnow's context: the lines `invalid LABEL`, `expected A, B`, and a cause (one of the
//!   above), each optional, joined by line breaks.

/// `message` as the toml crate wrote it (line breaks and all).
pub(super) fn danish(message: &str) -> String {
    let lines: Vec<&str> = message
        .lines()
        .map(str::trim)
        .filter(|line| !line.is_empty())
        .collect();
    if lines.is_empty() {
        return "ugyldig TOML".to_string();
    }
    match lines
        .iter()
        .map(|line| shape(line))
        .collect::<Option<Vec<_>>>()
    {
        Some(parts) => parts.join(": "),
        None => format!("ugyldig TOML: {}", message.trim().replace('\n', " ")),
    }
}

/// One line of a message, if its shape is known.
fn shape(line: &str) -> Option<String> {
    if let Some(rest) = line.strip_prefix("invalid type: ") {
        // What was found may be a string holding anything; what was expected never has a comma.
        let (found, expected) = rest.rsplit_once(", expected ")?;
        return Some(format!(
            "forkert type: forventede {}, fandt {}",
            expected_type(expected)?,
            found_type(found)?
        ));
    }
    if let Some(rest) = line.strip_prefix("invalid length ") {
        // serde reads a struct from a list too, field by field: a table written as a list.
        let (length, expected) = rest.split_once(", expected ")?;
        let found = match length {
            "0" => "en tom liste".to_string(),
            "1" => "en liste med 1 værdi".to_string(),
            _ if length.bytes().all(|b| b.is_ascii_digit()) => {
                format!("en liste med {length} værdier")
            }
            _ => return None,
        };
        if !expected.starts_with("struct ") {
            return None;
        }
        return Some(format!("forkert type: forventede en tabel, fandt {found}"));
    }
    if let Some(rest) = line.strip_prefix("unknown field `") {
        let (field, expected) = rest.split_once("`, expected ")?;
        return Some(format!(
            "ukendt nøgle `{field}`, forventede {}",
            or_list(&field_names(expected)?)
        ));
    }
    if let Some(field) = line
        .strip_prefix("missing field `")
        .and_then(|rest| rest.strip_suffix('`'))
    {
        return Some(format!("nøglen `{field}` mangler"));
    }
    if let Some(rest) = line.strip_prefix("duplicate key `") {
        // The key is written as in the file, quotes and all: take the table off the end.
        if let Some(key) = rest.strip_suffix("` in document root") {
            return Some(format!("nøglen `{key}` står to gange på øverste niveau"));
        }
        if let Some((key, table)) = rest
            .strip_suffix('`')
            .and_then(|rest| rest.rsplit_once("` in table `"))
        {
            return Some(format!("nøglen `{key}` står to gange i tabellen `{table}`"));
        }
        let key = rest.strip_suffix('`')?;
        return Some(format!("nøglen `{key}` står to gange"));
    }
    if let Some(rest) = line.strip_prefix("dotted key `") {
        let (key, kind) = rest.split_once("` attempted to extend non-table type (")?;
        return Some(format!(
            "nøglen med punktum `{key}` kan ikke udvide {}, kun en tabel",
            value_type(kind.strip_suffix(')')?)?
        ));
    }
    if let Some(label) = line.strip_prefix("invalid ") {
        return invalid(label).map(str::to_string);
    }
    if let Some(items) = line.strip_prefix("expected ") {
        let items = items
            .split(", ")
            .map(expected_item)
            .collect::<Option<Vec<_>>>()?;
        return Some(format!("forventede {}", or_list(&items)));
    }
    let fixed = match line {
        "value is out of range" => "værdien er uden for det tilladte område",
        "recursion limit exceeded" => "værdierne er indlejret for dybt",
        "number too large to fit in target type" => "tallet er for stort",
        "number too small to fit in target type" => "tallet er for lille",
        _ => return None,
    };
    Some(fixed.to_string())
}

/// `invalid LABEL`: winnow's name for what the parser was reading (toml_edit's labels).
fn invalid(label: &str) -> Option<&'static str> {
    Some(match label {
        "string" => "ugyldig streng",
        "basic string" => "ugyldig streng i \"…\"",
        "literal string" => "ugyldig streng i '…'",
        "multiline basic string" => "ugyldig streng over flere linjer i \"\"\"…\"\"\"",
        "multiline literal string" => "ugyldig streng over flere linjer i '''…'''",
        "escape sequence" => "ugyldig escape-sekvens",
        "unicode 4-digit hex code" => "ugyldig unicode-kode med 4 hexcifre",
        "unicode 8-digit hex code" => "ugyldig unicode-kode med 8 hexcifre",
        "array" => "ugyldig liste",
        "inline table" => "ugyldig indlejret tabel",
        "key" => "ugyldig nøgle",
        "table header" => "ugyldig tabeloverskrift",
        "integer" => "ugyldigt heltal",
        "hexadecimal integer" => "ugyldigt hexadecimalt heltal",
        "octal integer" => "ugyldigt oktalt heltal",
        "binary integer" => "ugyldigt binært heltal",
        "floating-point number" => "ugyldigt kommatal",
        "date-time" => "ugyldig dato og tid",
        "time" => "ugyldigt tidspunkt",
        "time offset" => "ugyldig tidszone",
        _ => return None,
    })
}

/// One of winnow's `expected` items: a literal in backticks (kept), or a description.
fn expected_item(item: &str) -> Option<String> {
    let literal =
        item.len() >= 2 && ((item.starts_with('`') && item.ends_with('`')) || item == "'`'");
    if literal {
        return Some(item.to_string());
    }
    let described = match item {
        "newline" => "linjeskift",
        "digit" | "leading digit" => "et ciffer",
        _ => return None,
    };
    Some(described.to_string())
}

/// serde's `expected`: what the config's types ask for.
fn expected_type(expected: &str) -> Option<&'static str> {
    Some(match expected {
        "a string" => "en streng",
        "a sequence" => "en liste",
        "a map" => "en tabel",
        // A struct of the config, by its Rust name: to the reader it is a table.
        _ if expected.starts_with("struct ") => "en tabel",
        _ => return None,
    })
}

/// serde's `Unexpected`: the value found, with its value where serde gives it.
fn found_type(found: &str) -> Option<String> {
    let with_value = [
        ("integer ", "heltallet "),
        ("floating point ", "kommatallet "),
        ("boolean ", "sandhedsværdien "),
        ("string ", "strengen "),
        ("character ", "tegnet "),
    ];
    for (en, da) in with_value {
        if let Some(value) = found.strip_prefix(en) {
            return Some(format!("{da}{value}"));
        }
    }
    let bare = match found {
        "sequence" => "en liste",
        "map" => "en tabel",
        _ => return None,
    };
    Some(bare.to_string())
}

/// toml_edit's name of a value's type.
fn value_type(kind: &str) -> Option<&'static str> {
    Some(match kind {
        "string" => "en streng",
        "integer" => "et heltal",
        "float" => "et kommatal",
        "boolean" => "en sandhedsværdi",
        "datetime" => "en dato og tid",
        "array" => "en liste",
        _ => return None,
    })
}

/// serde's list of field names: "`a`", "`a` or `b`", "one of `a`, `b`, `c`".
fn field_names(expected: &str) -> Option<Vec<String>> {
    let list = expected.strip_prefix("one of ").unwrap_or(expected);
    list.split(", ")
        .flat_map(|part| part.split(" or "))
        .map(|name| {
            let bare = name.strip_prefix('`')?.strip_suffix('`')?;
            (!bare.contains('`')).then(|| name.to_string())
        })
        .collect()
}

/// `a`, `a eller b`, `a, b eller c`.
fn or_list(items: &[String]) -> String {
    match items.split_last() {
        None => String::new(),
        Some((last, [])) => last.clone(),
        Some((last, rest)) => format!("{} eller {last}", rest.join(", ")),
    }
}
