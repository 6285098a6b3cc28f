//! The whole engine over a snapshot of arbitrary files: `engine::check`, then every renderer and
//! writer that reads its report (text, JSON, Markdown, SARIF, workflow commands, badge, the
//! governance report and self-assessment writers, `fix`'s plan, the pull-request delta).
//!
//! The input is a list of entries separated by NUL bytes. Each entry is a header line, then the
//! file's content: the header is the path, optionally followed by a tab and what the adapter
//! found instead of text (`binary`, `large`, `broken`, `unloaded`, `outside:TARGET`,
//! `link:TARGET` for a symlink resolved inside, `org` for a file from the organisation's
//! `.github`). Content that is not UTF-8 is decoded lossily, as the adapters do. Two paths are
//! special: `@options` (`level=2 lang=en`, as the command-line flags) and `@meta` (a snapshot in
//! JSON, for its history and forge metadata; its files join the others).
#![no_main]

use libfuzzer_sys::fuzz_target;
use os2gov::engine::{self, Options};
use os2gov::base::model::{Content, FileEntry, Lang, Level, Snapshot};
use os2gov::fix as scaffold;
use os2gov::render::{self, badge, delta, report_writer};

fn entry(kind: &str, content: &[u8]) -> FileEntry {
    let text = String::from_utf8_lossy(content);
    let lossy = matches!(text, std::borrow::Cow::Owned(_));
    let text_entry = || {
        FileEntry::with_content(Content::Text {
            text: text.to_string(),
            lossy,
        })
    };
    match kind.split_once(':').unwrap_or((kind, "")) {
        ("binary", _) => FileEntry::with_content(Content::Binary),
        ("large", _) => FileEntry::with_content(Content::TooLarge {
            size: content.len() as u64 + os2gov::base::model::MAX_FILE_SIZE,
        }),
        ("broken", _) => FileEntry::with_content(Content::Broken {
            reason: text.to_string(),
        }),
        ("unloaded", _) => FileEntry::not_loaded(),
        ("outside", target) => FileEntry::with_content(Content::SymlinkOutside {
            target: target.to_string(),
        }),
        ("link", target) => FileEntry {
            symlink_to: Some(target.to_string()),
            ..text_entry()
        },
        ("org", _) => FileEntry {
            origin: Some("OS2offdig/.github".to_string()),
            ..text_entry()
        },
        _ => text_entry(),
    }
}

fn snapshot_and_options(data: &[u8]) -> (Snapshot, Options) {
    let mut snapshot = Snapshot {
        now: 1_795_737_600,
        ..Snapshot::default()
    };
    let mut options = Options::default();
    for part in data.split(|&b| b == 0) {
        let (header, content) = match part.iter().position(|&b| b == b'\n') {
            Some(at) => (&part[..at], &part[at + 1..]),
            None => (part, &[][..]),
        };
        let header = String::from_utf8_lossy(header);
        let (path, kind) = header.split_once('\t').unwrap_or((&header, ""));
        match path {
            "@options" => {
                for word in String::from_utf8_lossy(content).split_whitespace() {
                    match word.split_once('=') {
                        Some(("level", level)) => options.level = Level::parse(level),
                        Some(("lang", lang)) => options.lang = Lang::parse(lang),
                        _ => {}
                    }
                }
            }
            "@meta" => {
                if let Ok(meta) = serde_json::from_slice::<Snapshot>(content) {
                    let files = std::mem::take(&mut snapshot.files);
                    snapshot = meta;
                    snapshot.files.extend(files);
                }
            }
            "" => {}
            _ => {
                snapshot
                    .files
                    .insert(path.to_string(), entry(kind, content));
            }
        }
    }
    (snapshot, options)
}

fuzz_target!(|data: &[u8]| {
    let (snapshot, options) = snapshot_and_options(data);
    let Ok(report) = engine::check(&snapshot, &options) else {
        return;
    };
    let json = render::json(&report);
    assert!(
        serde_json::from_str::<serde_json::Value>(&json).is_ok(),
        "the JSON report is not JSON"
    );
    let sarif = render::sarif(&report, Some("README.md"));
    assert!(
        serde_json::from_str::<serde_json::Value>(&sarif).is_ok(),
        "the SARIF report is not JSON"
    );
    let _ = render::markdown(&report);
    let _ = render::text(&report, true);
    let _ = render::workflow_commands(&report);
    let _ = badge::badge_svg(&report);
    let _ = report_writer::new_report("Fuzz", &report);
    let _ =
        report_writer::self_assessment_json("Fuzz", &report, "2026-11-27", "2026-11-27T00:00:00Z");
    if let Some(existing) = engine::find_governance_report(&snapshot) {
        if let Some(text) = snapshot.text(&existing.path) {
            let _ = report_writer::update_report(&existing.path, text, &report);
        }
    }
    let facts = scaffold::Facts::from(&snapshot, &report, "fuzz");
    let _ = scaffold::plan(&snapshot, &report, &facts, report.lang, None);
    let same = delta::compare(&report, &report);
    assert!(!same.is_regression(), "a report regresses against itself");
    let _ = delta::markdown(&same, report.lang);
});
