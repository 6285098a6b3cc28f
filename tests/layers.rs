//! The layers as the source shows them (ARCHITECTURE.md): verdicts are made in the engine and the
//! requirements alone, and adapters only fill the snapshot. A plain reading of the source, so that
//! a shortcut added anywhere else fails here rather than in a report.

use std::path::{Path, PathBuf};

/// Where a `Verdict` may be made or changed: the engine and the requirements.
const VERDICT_HOMES: [&str; 2] = ["src/engine/", "src/rules/"];

fn rust_files(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.flatten().map(|e| e.path()).collect();
    entries.sort();
    for path in entries {
        if path.is_dir() {
            rust_files(&path, out);
        } else if path.extension().is_some_and(|e| e == "rs") {
            out.push(path);
        }
    }
}

/// Every Rust source of the library, the binary and the browser crate, by path from the root
/// (with `/`), and its lines without `//` comments.
fn sources() -> Vec<(String, Vec<String>)> {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    rust_files(&root.join("wasm/src"), &mut files);
    assert!(files.len() > 20, "the source tree was not found");
    files
        .into_iter()
        .map(|path| {
            let name = path
                .strip_prefix(root)
                .unwrap_or(&path)
                .to_string_lossy()
                .replace('\\', "/");
            let text = std::fs::read_to_string(&path).unwrap_or_default();
            let lines = text
                .lines()
                .map(|line| match line.find("//") {
                    Some(at) => line[..at].to_string(),
                    None => line.to_string(),
                })
                .collect();
            (name, lines)
        })
        .collect()
}

/// Whether a line makes or changes a verdict rather than reading one: a `Verdict::` value that is
/// not a match pattern (`Verdict::Met =>`, `Verdict::A | Verdict::B =>`), not inside `matches!`
/// and not compared (`== Verdict::Unknown`); or an assignment to a `.verdict`.
fn makes_a_verdict(line: &str) -> bool {
    let assigns = line.match_indices(".verdict").any(|(at, m)| {
        let rest = line[at + m.len()..].trim_start();
        rest.starts_with('=') && !rest.starts_with("==")
    });
    let constructs = line.match_indices("Verdict::").any(|(at, _)| {
        let before = line[..at].trim_end();
        let before = before
            .strip_suffix("report::")
            .unwrap_or(before)
            .trim_end_matches("engine::")
            .trim_end_matches("os2gov::")
            .trim_end();
        let pattern = line[at..].contains("=>");
        let compared = before.ends_with("==") || before.ends_with("!=");
        let in_matches = before.contains("matches!(");
        !(pattern || compared || in_matches)
    });
    assigns || constructs
}

#[test]
fn the_reading_tells_making_from_reading() {
    for making in [
        "        verdict: Verdict::Met,",
        "    finding.verdict = Verdict::Unknown;",
        "    row.verdict = other;",
        "    let v = os2gov::engine::report::Verdict::NotMet;",
        "    Some(Verdict::Declared)",
    ] {
        assert!(makes_a_verdict(making), "{making}");
    }
    for reading in [
        "        Verdict::Met => \"✔\",",
        "        (Verdict::NotMet, true, false) => \"error\",",
        "        Verdict::Met | Verdict::Declared => json!(\"Ja\"),",
        "        .filter(|f| f.verdict == os2gov::engine::report::Verdict::Unknown)",
        "    if !matches!(f.verdict, Verdict::NotMet | Verdict::Unknown) {",
        "    verdict: f.verdict,",
        "    if a.verdict == b.verdict {",
    ] {
        assert!(!makes_a_verdict(reading), "{reading}");
    }
}

#[test]
fn no_verdict_is_made_outside_the_engine_and_the_requirements() {
    let mut found = Vec::new();
    for (name, lines) in sources() {
        if VERDICT_HOMES.iter().any(|home| name.starts_with(home)) {
            continue;
        }
        for (n, line) in lines.iter().enumerate() {
            if makes_a_verdict(line) {
                found.push(format!("{name}:{}: {}", n + 1, line.trim()));
            }
        }
    }
    assert!(
        found.is_empty(),
        "verdicts are the engine's (src/engine/, src/rules/):\n{}",
        found.join("\n")
    );
}

#[test]
fn adapters_only_fill_the_snapshot() {
    let mut found = Vec::new();
    for (name, lines) in sources() {
        if !name.starts_with("src/adapters/") {
            continue;
        }
        for (n, line) in lines.iter().enumerate() {
            // Checking, judging, scoring and building portfolios are the engine's and the
            // application layer's; an adapter that needs one of them is doing their work. What
            // the config says (the Jira project, say) is the application layer's to hand over.
            for word in [
                "engine::",
                "Verdict",
                "Report",
                "Portfolio",
                "score::",
                "rules::",
            ] {
                if line.contains(word) {
                    found.push(format!("{name}:{}: {}", n + 1, line.trim()));
                }
            }
        }
    }
    assert!(
        found.is_empty(),
        "adapters fill a Snapshot and nothing else:\n{}",
        found.join("\n")
    );
}

/// A requirement id in quotes (`"P11"`): letter R, F, S, G or P and a number.
fn names_a_requirement(line: &str) -> bool {
    line.split('"').skip(1).step_by(2).any(|quoted| {
        let mut chars = quoted.chars();
        chars.next().is_some_and(|c| "RFSGP".contains(c))
            && !chars.as_str().is_empty()
            && chars.all(|c| c.is_ascii_digit())
    })
}

#[test]
fn the_engine_names_no_requirement() {
    assert!(names_a_requirement(r#"    if id == "P9" {"#));
    assert!(!names_a_requirement(r#"    "Governance-rapport: {p}.","#));
    // What a requirement rests on is declared with it (`rules::RestsOn`), not listed by id in
    // the engine; the engine's own tests may name the requirements they test.
    let engine: Vec<(String, Vec<String>)> = sources()
        .into_iter()
        // Unit tests in a sibling file (`mod tests;`) may name the requirements they test.
        .filter(|(name, _)| name.starts_with("src/engine/") && !name.ends_with("/tests.rs"))
        .collect();
    assert!(engine.len() >= 4, "src/engine/ was not found");
    let mut found: Vec<String> = Vec::new();
    for (name, lines) in &engine {
        let end = lines
            .iter()
            .position(|line| line.starts_with("#[cfg(") && line.contains("test"))
            .unwrap_or(lines.len());
        found.extend(
            lines[..end]
                .iter()
                .enumerate()
                .filter(|(_, line)| names_a_requirement(line))
                .map(|(n, line)| format!("{name}:{}: {}", n + 1, line.trim())),
        );
    }
    assert!(found.is_empty(), "{}", found.join("\n"));
}

#[test]
fn the_binary_reads_git_through_the_adapter() {
    // The CLI is a face (arguments, output, exit codes): what a repository holds, including its
    // uncommitted changes, is asked of `adapters::git`, which the application layer calls.
    let binary: Vec<(String, Vec<String>)> = sources()
        .into_iter()
        .filter(|(name, _)| name.starts_with("src/bin/"))
        .collect();
    assert!(binary.len() >= 3, "src/bin/ was not found");
    let found: Vec<String> = binary
        .iter()
        .flat_map(|(name, lines)| {
            lines
                .iter()
                .enumerate()
                .filter(|(_, line)| line.contains("git2::") || line.contains("use git2"))
                .map(move |(n, line)| format!("{name}:{}: {}", n + 1, line.trim()))
        })
        .collect();
    assert!(
        found.is_empty(),
        "git is read in src/adapters/git/, not in the binary:\n{}",
        found.join("\n")
    );
}
