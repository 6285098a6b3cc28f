//! `docs/requirements.md` is generated from the requirement declarations; this test fails when
//! the committed file is stale.

use std::path::Path;

#[test]
fn requirements_md_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/requirements.md");
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    let generated = os2gov::rules::docs::requirements_markdown();
    if committed != generated {
        let line = committed
            .lines()
            .zip(generated.lines())
            .position(|(a, b)| a != b)
            .unwrap_or_else(|| committed.lines().count().min(generated.lines().count()))
            + 1;
        panic!(
            "docs/requirements.md is stale (first difference at line {line}); regenerate it with\n\n    cargo run -- rules --format markdown > docs/requirements.md\n"
        );
    }
}

#[test]
fn requirements_md_documents_every_requirement() {
    let generated = os2gov::rules::docs::requirements_markdown();
    for rule in os2gov::rules::all() {
        assert!(
            generated.contains(&format!("\n### {}\n", rule.id)),
            "{} has no section",
            rule.id
        );
    }
}

/// A Rust string literal starting at `text[0]` (`"…"` with escapes, or `r"…"`/`r#"…"#`): its
/// source text between the quotes and the length consumed.
fn literal(text: &str) -> Option<(String, usize)> {
    if let Some(rest) = text.strip_prefix('r') {
        let hashes = rest.chars().take_while(|c| *c == '#').count();
        let open = format!("{}\"", "#".repeat(hashes));
        let body = rest.strip_prefix(open.as_str())?;
        let close = format!("\"{}", "#".repeat(hashes));
        let end = body.find(close.as_str())?;
        return Some((body[..end].to_string(), 1 + open.len() + end + close.len()));
    }
    let body = text.strip_prefix('"')?;
    let mut out = String::new();
    let mut chars = body.char_indices();
    while let Some((i, c)) = chars.next() {
        match c {
            '"' => return Some((out, i + 2)),
            '\\' => match chars.next() {
                Some((_, '\n')) => {
                    // A line continuation: the next line's indentation is not in the string.
                    while chars.clone().next().is_some_and(|(_, c)| c.is_whitespace()) {
                        chars.next();
                    }
                }
                Some((_, 'n')) => out.push(' '),
                Some((_, other)) => out.push(other),
                None => return None,
            },
            c => out.push(c),
        }
    }
    None
}

/// The next literal at `text`, after whitespace and an optional `format!(`.
fn next_literal(text: &str) -> Option<(String, usize)> {
    let trimmed = text.trim_start();
    let mut skipped = text.len() - trimmed.len();
    let Some(after) = trimmed.strip_prefix("format!(") else {
        return literal(trimmed).map(|(s, n)| (s, skipped + n));
    };
    skipped += "format!(".len();
    let t = after.trim_start();
    skipped += after.len() - t.len();
    let (s, n) = literal(t)?;
    // The rest of the format! call: its arguments, up to its closing parenthesis.
    let mut depth = 0;
    for (i, c) in t[n..].char_indices() {
        match c {
            '(' => depth += 1,
            ')' if depth == 0 => return Some((s, skipped + n + i + 1)),
            ')' => depth -= 1,
            _ => {}
        }
    }
    None
}

/// Every Danish/English pair in `source`: `msg!("da", "en", …)`, `Msg::new("da", "en")`,
/// `say(…)` and `ActionError::new(…)` (also with `format!`) and `B { da: "…", en: "…" }` / `da: "…", en: "…"` fields.
fn pairs(source: &str) -> Vec<(String, String)> {
    let mut found = Vec::new();
    // `say(da, en)` is the command line's, `ActionError::new(da, en)` the Action's.
    for opener in ["msg!(", "Msg::new(", "ActionError::new(", "say("] {
        let mut from = 0;
        while let Some(at) = source[from..].find(opener) {
            let start = from + at + opener.len();
            from = start;
            let Some((da, n)) = next_literal(&source[start..]) else {
                continue;
            };
            let after = source[start + n..].trim_start();
            let Some(after) = after.strip_prefix(',') else {
                continue;
            };
            if let Some((en, _)) = next_literal(after) {
                found.push((da, en));
            }
        }
    }
    let mut from = 0;
    while let Some(at) = source[from..].find("da: ") {
        let start = from + at + "da: ".len();
        from = start;
        let Some((da, n)) = literal(&source[start..]) else {
            continue;
        };
        let after = source[start + n..].trim_start();
        let Some(after) = after
            .strip_prefix(',')
            .map(str::trim_start)
            .and_then(|a| a.strip_prefix("en: "))
        else {
            continue;
        };
        if let Some((en, _)) = literal(after) {
            found.push((da, en));
        }
    }
    found
}

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    let mut entries: Vec<_> = std::fs::read_dir(dir)
        .expect("src")
        .flatten()
        .map(|e| e.path())
        .collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

fn cell(text: &str) -> String {
    text.replace('|', "\\|")
}

/// docs/messages.md: every message of src/ in Danish and English, by file, for a Danish
/// reader's review.
fn messages_markdown() -> String {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    let mut out = String::from(
        "# Messages\n\nEvery message of `src/` in Danish and English, generated from the source \
         (`msg!`, `Msg::new`, `say`, `ActionError::new`, and `da:`/`en:` pairs) so that a Danish reader can review them in \
         one place. `{x}` is filled in when the message is made. Regenerate with\n\n    \
         OS2GOV_WRITE_DOCS=1 cargo test --test docs messages_md_is_up_to_date\n",
    );
    let mut total = 0;
    for path in files {
        let source = std::fs::read_to_string(&path).expect("read");
        let found = pairs(&source);
        if found.is_empty() {
            continue;
        }
        total += found.len();
        let name = path
            .strip_prefix(root)
            .unwrap_or(&path)
            .display()
            .to_string();
        out.push_str(&format!("\n## {name}\n\n| Dansk | English |\n|---|---|\n"));
        for (da, en) in found {
            out.push_str(&format!("| {} | {} |\n", cell(&da), cell(&en)));
        }
    }
    out.push_str(&format!("\n{total} messages.\n"));
    out
}

#[test]
fn messages_md_is_up_to_date() {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("docs/messages.md");
    let generated = messages_markdown();
    if std::env::var_os("OS2GOV_WRITE_DOCS").is_some() {
        std::fs::write(&path, &generated).expect("write docs/messages.md");
    }
    let committed = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        committed == generated,
        "docs/messages.md is stale; regenerate it with\n\n    OS2GOV_WRITE_DOCS=1 cargo test --test docs messages_md_is_up_to_date\n"
    );
}

#[test]
fn the_message_scan_reads_every_form() {
    let source = r#"
        msg!("Hej {p}.", "Hello {p}.", p = x);
        Msg::new(format!("{p} er \
                  lang.", p), format!("{p} is long."));
        title: B { da: "Titel", en: "Title" },
        msg!(r"Rå", r"Raw")
    "#;
    assert_eq!(
        pairs(source),
        vec![
            ("Hej {p}.".to_string(), "Hello {p}.".to_string()),
            ("Rå".to_string(), "Raw".to_string()),
            ("{p} er lang.".to_string(), "{p} is long.".to_string()),
            ("Titel".to_string(), "Title".to_string()),
        ]
    );
    // The real source has hundreds, among them F1's.
    let table = messages_markdown();
    assert!(table.contains("| Seneste commit er {d} dage gammelt (mere end 12 måneder). | The newest commit is {d} days old (more than 12 months). |"));
    assert!(
        table.matches("\n| ").count() > 300,
        "too few messages found"
    );
}
