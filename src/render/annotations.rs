//! GitHub Actions workflow commands (`::error file=…,line=…::…`) for findings located in files,
//! so that they show as annotations on the pull request's diff — and the one place where a value
//! is made safe to put into a workflow command. Everything the Action prints goes through
//! [`command`] or [`log_line`]: a value read from a repository (a path, an os2gov.toml key, a
//! message quoting either) must never end the line it is on and start a command of its own.

use crate::engine::report::{Report, Verdict};
use std::fmt::Write;

/// The workflow commands the Action issues; the name is never built from data.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Command {
    Error,
    Warning,
    Notice,
}

impl Command {
    fn name(self) -> &'static str {
        match self {
            Command::Error => "error",
            Command::Warning => "warning",
            Command::Notice => "notice",
        }
    }
}

/// A character that some reader of the log may take as the end of a line or as terminal
/// control: the runner itself splits only at `\r` and `\n`, but the web log, `str.splitlines`
/// and terminals also break or redraw at the others (NEL, U+2028, VT, FF, ESC …).
fn is_unsafe(c: char) -> bool {
    (c.is_control() && c != '\t') || matches!(c, '\u{2028}' | '\u{2029}')
}

fn push_escaped(out: &mut String, c: char) {
    let mut bytes = [0; 4];
    for byte in c.encode_utf8(&mut bytes).bytes() {
        let _ = write!(out, "%{byte:02X}");
    }
}

/// Escapes `text` onto `out`: `%`, the unsafe characters, the `extra` ones, and the `[` of
/// `##[`, because the runner also reads the old command form `##[name]data` anywhere in a line
/// that is not a `::` command (`##[stop-commands]`, `##[set-output name=passed;]true`).
fn escape_into(out: &mut String, text: &str, extra: &[char]) {
    for c in text.chars() {
        if c == '%' || is_unsafe(c) || extra.contains(&c) || (c == '[' && out.ends_with("##")) {
            push_escaped(out, c);
        } else {
            out.push(c);
        }
    }
}

/// A command's data (after the second `::`), escaped as `@actions/core`'s `escapeData` does
/// (`%`, `\r`, `\n`, which the runner decodes again); every other control or line-separator
/// character, and `##[`, is percent-encoded too, which the runner shows as written instead of
/// breaking the line or reading a command in it.
pub fn escape_data(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text, &[]);
    out
}

/// A property's value (`file=`, `title=`, `line=` …): the data escapes plus `:` and `,`, as
/// `escapeProperty` does, so that a value can neither end the property list (`::`) nor start
/// another property (`,`).
pub fn escape_property(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    escape_into(&mut out, text, &[':', ',']);
    out
}

/// One workflow command line (with its `\n`), every property value and the message escaped.
pub fn command(command: Command, properties: &[(&str, &str)], message: &str) -> String {
    let properties = properties
        .iter()
        .map(|(key, value)| format!("{key}={}", escape_property(value)))
        .collect::<Vec<_>>()
        .join(",");
    let separator = if properties.is_empty() { "" } else { " " };
    format!(
        "::{}{separator}{properties}::{}\n",
        command.name(),
        escape_data(message)
    )
}

/// A plain line of the step's log (with its `\n`): escaped like data, and always starting with
/// `os2gov: `, so that no value can make the runner read it as a command (`::…` at the start,
/// `##[…` anywhere).
pub fn log_line(text: &str) -> String {
    let mut out = String::from("os2gov: ");
    escape_into(&mut out, text, &[]);
    out.push('\n');
    out
}

pub fn workflow_commands(report: &Report) -> String {
    let mut out = String::new();
    for f in &report.requirements {
        if !matches!(f.verdict, Verdict::NotMet | Verdict::Unknown) {
            continue;
        }
        let Some(evidence) = f.evidence.iter().find(|e| e.path.is_some()) else {
            continue;
        };
        let in_scope = f.level <= report.required_level.level;
        let kind = match (f.verdict, in_scope && !f.recommended) {
            (Verdict::NotMet, true) => Command::Error,
            (_, true) | (Verdict::NotMet, false) if in_scope => Command::Warning,
            _ => Command::Notice,
        };
        let line = evidence.line.map(|l| l.to_string());
        let title = format!("os2gov {}: {}", f.id, f.title);
        let mut properties = vec![("file", evidence.path.as_deref().unwrap_or_default())];
        if let Some(line) = &line {
            properties.push(("line", line));
        }
        properties.push(("title", &title));
        out.push_str(&command(
            kind,
            &properties,
            &format!("{} {}: {}", f.message, super::words(report.lang).fix, f.fix),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_like_the_toolkit() {
        assert_eq!(escape_data("50% done\nnext"), "50%25 done%0Anext");
        assert_eq!(escape_data("a\r\nb"), "a%0D%0Ab");
        assert_eq!(escape_data("a: b, c"), "a: b, c");
        assert_eq!(escape_property("a:b,c"), "a%3Ab%2Cc");
        assert_eq!(escape_property("50%\r\n"), "50%25%0D%0A");
        // Already-escaped text is escaped again, so that the runner gives back exactly the text.
        assert_eq!(escape_data("%0A"), "%250A");
        assert_eq!(escape_property("%3A"), "%253A");
    }

    #[test]
    fn other_line_breaks_and_terminal_controls_are_encoded() {
        assert_eq!(
            escape_data("a\u{85}b\u{2028}c\u{2029}d\u{0b}e\u{0c}f\u{1b}[2Kg\u{0}h\u{7f}"),
            "a%C2%85b%E2%80%A8c%E2%80%A9d%0Be%0Cf%1B[2Kg%00h%7F"
        );
        // A tab and ordinary non-ASCII text stay readable.
        assert_eq!(escape_data("Sikkerhed\tø æ"), "Sikkerhed\tø æ");
        assert_eq!(escape_property("docs/ø å.md"), "docs/ø å.md");
    }

    /// Whatever a value holds, the result is one line, and only the command we built starts it.
    #[test]
    fn a_value_never_starts_a_command() {
        let hostile = [
            "x\n::error::injected",
            "x\r::stop-commands::token",
            "x\r\n##[error]injected",
            "x\u{2028}::add-mask::secret",
            "x\u{85}::set-output name=a::b",
            "::stop-commands::token",
            "##[warning]injected",
            "text ##[stop-commands]token",
            "text #",
        ];
        for value in hostile {
            let line = command(
                Command::Warning,
                &[("file", value), ("title", value)],
                value,
            );
            let body = line.strip_suffix('\n').unwrap_or(&line);
            assert!(!body.contains(['\n', '\r']), "{line:?}");
            assert!(!body.chars().any(is_unsafe), "{line:?}");
            assert!(body.starts_with("::warning file="), "{line:?}");
            // The properties cannot end early: the only `::` after the name is our separator.
            let after_name = &body["::warning ".len()..];
            assert_eq!(
                after_name.matches("::").count(),
                1 + value.matches("::").count()
            );
            let (properties, _) = after_name.split_once("::").unwrap_or_default();
            assert_eq!(properties.matches(',').count(), 1, "{line:?}");
            assert!(properties.starts_with("file=") && properties.contains(",title="));

            let plain = log_line(value);
            let body = plain.strip_suffix('\n').unwrap_or(&plain);
            assert!(!body.contains(['\n', '\r']), "{plain:?}");
            assert!(body.starts_with("os2gov: "), "{plain:?}");
            // The runner's old form is read anywhere in a line that is not a `::` command.
            assert!(!body.contains("##["), "{plain:?}");
            assert!(!line.contains("##["), "{line:?}");
        }
        assert_eq!(
            log_line("##[stop-commands]x"),
            "os2gov: ##%5Bstop-commands]x\n"
        );
        assert_eq!(escape_data("###[x #[y"), "###%5Bx #[y");
    }

    #[test]
    fn command_without_properties() {
        assert_eq!(
            command(Command::Error, &[], "a\nb"),
            "::error::a%0Ab\n".to_string()
        );
        assert_eq!(
            command(Command::Notice, &[("title", "os2gov")], "ok"),
            "::notice title=os2gov::ok\n".to_string()
        );
    }
}
