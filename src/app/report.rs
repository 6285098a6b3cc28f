//! `os2gov report`: the repository's governance report written or updated in OS2's template
//! format, an old-format report carried over, and OS2's self-assessment JSON beside it. This
//! decides which file is written and what goes into it; the face shows and writes it.

use super::fix::{folder_name, in_repository, repository_root, FixError};
use super::Source;
use crate::adapters::fs::AdapterError;
use crate::adapters::write;
use crate::base::paths::Scope;
use crate::engine::{self, report::Report};
use crate::fix::Facts;
use crate::parse::govreport::Format;
use crate::render::report_writer::{self, Migration, Written};
use std::path::{Path, PathBuf};

/// What `os2gov report` asks for besides the repository and the engine's options.
#[derive(Debug, Clone, Copy, Default)]
pub struct ReportRequest<'a> {
    /// A typed `--out`, resolved against the current folder.
    pub out: Option<&'a Path>,
    /// Where OS2's self-assessment JSON goes, resolved against the current folder.
    pub self_assessment: Option<&'a Path>,
}

/// What `os2gov report` would write, and what changed.
#[derive(Debug, Clone)]
pub struct ReportPlan {
    pub report: Report,
    /// The governance report's path inside the repository.
    pub relative: String,
    /// Its current text; `None` when it is created.
    pub before: Option<String>,
    pub written: Written,
    /// The old-format report carried over (its path) and what came over, for a new file.
    pub migration: Option<(String, Migration)>,
    /// Every file to write, resolved: the governance report first, then the self-assessment.
    pub files: Vec<(PathBuf, String)>,
}

/// Checks the work tree at `path` (offline) and writes, in memory, its governance report: the one
/// `request.out` names, else the one the repository has, else a new one named after the product.
pub fn plan_report(
    path: &Path,
    engine: &engine::Options,
    request: ReportRequest<'_>,
    now: i64,
) -> Result<ReportPlan, FixError> {
    let source = Source::Local {
        path: path.to_path_buf(),
        rev: None,
    };
    let super::Checked {
        report, snapshot, ..
    } = super::check(&source, None, engine, now)?;
    let facts = Facts::from(&snapshot, &report, &folder_name(path));
    let found = engine::find_governance_report(&snapshot);
    let existing = found.as_ref().map(|r| r.path.clone());
    // A typed --out is resolved against the current folder, the report the tool found or names
    // against the repository root; either way it must stay inside the repository.
    let root = repository_root(path)?;
    let scope = Scope::Repository(root.clone());
    let cwd = write::current_dir()?;
    let target = match (request.out, &existing) {
        (Some(out), _) => write::resolve(&scope, &cwd, out)?,
        (None, Some(path)) => write::resolve(&scope, &root, Path::new(path))?,
        (None, None) => write::resolve(
            &scope,
            &root,
            Path::new(&format!(
                "{}_governance_report.md",
                facts
                    .product
                    .replace(|c: char| !c.is_alphanumeric() && c != '-', "_")
            )),
        )?,
    };
    let relative = in_repository(&root, &target);
    let before = match std::fs::read(&target) {
        Ok(bytes) => Some(
            String::from_utf8(bytes).map_err(|source| FixError::NotUtf8 {
                path: target.clone(),
                source,
            })?,
        ),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => None,
        Err(source) => {
            return Err(AdapterError::Io {
                path: target,
                source,
            }
            .into())
        }
    };
    // A new file beside an old-format report carries the old report's rows over.
    let old_report = found
        .filter(|r| r.format == Format::Old && r.path != relative)
        .and_then(|r| snapshot.text(&r.path).map(|text| (r.path.clone(), text)));
    let (written, migration) = match (&before, old_report) {
        (Some(text), _) => (
            report_writer::update_report(&relative, text, &report)?,
            None,
        ),
        (None, Some((old_path, old_text))) => {
            let (written, migration) =
                report_writer::migrate_report(&facts.product, old_text, &report);
            (written, Some((old_path, migration)))
        }
        (None, None) => (report_writer::new_report(&facts.product, &report), None),
    };
    let mut files = vec![(target, written.text.clone())];
    if let Some(sa) = request.self_assessment {
        let (date, timestamp) = date_and_timestamp(now);
        files.push((
            write::resolve(&scope, &cwd, sa)?,
            report_writer::self_assessment_json(&facts.product, &report, &date, &timestamp),
        ));
    }
    Ok(ReportPlan {
        report,
        relative,
        before,
        written,
        migration,
        files,
    })
}

/// `now` (Unix seconds) as the self-assessment's date (`2026-01-31`) and UTC timestamp
/// (`2026-01-31T09:05:00Z`).
fn date_and_timestamp(now: i64) -> (String, String) {
    let (y, m, d) = crate::base::model::civil_date(now);
    let date = format!("{y:04}-{m:02}-{d:02}");
    let secs = now.rem_euclid(86_400);
    let timestamp = format!(
        "{date}T{:02}:{:02}:{:02}Z",
        secs / 3600,
        secs / 60 % 60,
        secs % 60
    );
    (date, timestamp)
}

#[cfg(test)]
mod tests {
    use super::date_and_timestamp;

    #[test]
    fn the_timestamp_is_the_day_and_the_time_in_utc() {
        // 2026-01-31 09:05:07 UTC, and a moment before the epoch.
        assert_eq!(
            date_and_timestamp(1_769_850_307),
            ("2026-01-31".into(), "2026-01-31T09:05:07Z".into())
        );
        assert_eq!(
            date_and_timestamp(-1),
            ("1969-12-31".into(), "1969-12-31T23:59:59Z".into())
        );
    }
}
