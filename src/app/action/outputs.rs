//! The runner's files the action writes: step outputs (`GITHUB_OUTPUT`), the step summary, the
//! SARIF and JSON reports.

use super::ActionError;
use crate::adapters::write;
use std::fmt::Write as _;
use std::path::Path;

pub(super) fn write_output(path: &Path, values: &[(&str, String)]) -> Result<(), ActionError> {
    let mut text = String::new();
    for (name, value) in values {
        // One line per output; a value with a line break (a path can hold one) takes the
        // heredoc form, with a delimiter the value does not contain, so that no line of the
        // value can end it early and set outputs of its own.
        if value.contains(['\n', '\r']) {
            let delimiter = (0u32..)
                .map(|n| format!("OS2GOV_EOF_{n}"))
                .find(|d| !value.contains(d.as_str()))
                .unwrap_or_default();
            let _ = writeln!(text, "{name}<<{delimiter}\n{value}\n{delimiter}");
        } else {
            let _ = writeln!(text, "{name}={value}");
        }
    }
    append(path, &text)
}

pub(super) fn append(path: &Path, text: &str) -> Result<(), ActionError> {
    use std::io::Write;
    let mut file = std::fs::OpenOptions::new()
        .create(true)
        .append(true)
        .open(path)
        .map_err(|e| {
            ActionError::new(
                format!("kan ikke skrive {}: {e}", path.display()),
                format!("cannot write {}: {e}", path.display()),
            )
        })?;
    file.write_all(text.as_bytes()).map_err(|e| {
        ActionError::new(
            format!("kan ikke skrive {}: {e}", path.display()),
            format!("cannot write {}: {e}", path.display()),
        )
    })
}

/// `path` ([`Inputs`] resolved it) written atomically, with its missing folders.
pub(super) fn write_file(path: &Path, text: &str) -> Result<(), ActionError> {
    write::write_all_or_nothing(&[(path.to_path_buf(), text.as_bytes())], true)
        .map_err(|e| ActionError::of(&e))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads GITHUB_OUTPUT as the runner does: `name=value`, or `name<<DELIMITER` and the lines
    /// up to the first one that is exactly the delimiter.
    fn runner_reads(text: &str) -> Vec<(String, String)> {
        let mut outputs = Vec::new();
        let mut lines = text.lines();
        while let Some(line) = lines.next() {
            if let Some((name, delimiter)) = line.split_once("<<") {
                let value: Vec<&str> = lines.by_ref().take_while(|l| *l != delimiter).collect();
                outputs.push((name.to_string(), value.join("\n")));
            } else if let Some((name, value)) = line.split_once('=') {
                outputs.push((name.to_string(), value.to_string()));
            }
        }
        outputs
    }

    #[test]
    fn an_output_value_cannot_end_its_heredoc() {
        let dir = tempfile::tempdir().expect("tmp");
        let file = dir.path().join("output");
        let value = "out/a\nOS2GOV_EOF\npassed=true\nOS2GOV_EOF_0\nscore=100".to_string();
        write_output(
            &file,
            &[("sarif", value.clone()), ("passed", "false".into())],
        )
        .expect("write");
        let text = std::fs::read_to_string(&file).expect("read");
        assert_eq!(
            runner_reads(&text),
            vec![
                ("sarif".to_string(), value),
                ("passed".to_string(), "false".to_string())
            ],
            "{text}"
        );
    }
}
