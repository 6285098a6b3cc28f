//! Which files the engine needs and which count: vendored folders, documentation formats, the
//! governance report's file name, and what an adapter must load.

/// Folders whose contents never count as the product's own evidence.
pub const VENDORED: [&str; 3] = ["vendor", "node_modules", "third_party"];

/// Root files whose content some requirement reads, by lower-case stem (extension ignored).
pub(super) const ROOT_STEMS: [&str; 22] = [
    "readme",
    "license",
    "licence",
    "copying",
    "security",
    "contributing",
    "code_of_conduct",
    "code-of-conduct",
    "maintainers",
    "codeowners",
    "governance",
    "vision",
    "roadmap",
    "support",
    "authors",
    "publiccode",
    "os2gov",
    "package",
    "cargo",
    "pom",
    "pyproject",
    "composer",
];

pub(super) fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

pub(super) fn stem(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    match lower.find('.') {
        Some(0) | None => lower,
        Some(dot) => lower[..dot].to_string(),
    }
}

/// Under `docs/` or `doc/` (any case), checked without allocating.
pub fn in_docs_folder(path: &str) -> bool {
    // Bytes, not a split: this runs once for every path of the tree.
    let path = path.as_bytes();
    [b"docs/".as_slice(), b"doc/".as_slice()]
        .iter()
        .any(|folder| {
            path.len() > folder.len() && path[..folder.len()].eq_ignore_ascii_case(folder)
        })
}

pub fn is_vendored(path: &str) -> bool {
    path.split('/').any(|segment| VENDORED.contains(&segment))
}

/// True for documentation formats the engine parses.
pub fn is_doc_format(path: &str) -> bool {
    let lower = path.to_ascii_lowercase();
    let name = file_name(&lower);
    name.ends_with(".md")
        || name.ends_with(".markdown")
        || name.ends_with(".rst")
        || name.ends_with(".txt")
        || !name.contains('.')
}

/// Word, OpenDocument, RTF and PDF documents: the engine reads none of them, but a manual or an
/// operations guide kept as `Brugermanual.docx` is still one, so they count by name
/// ([`super::Ctx::document_named`]).
pub fn is_office_document(path: &str) -> bool {
    // Compared as bytes: the last bytes of "… ø.md" are not a character boundary.
    let name = file_name(path).as_bytes();
    [".docx", ".doc", ".odt", ".pdf", ".rtf"].iter().any(|ext| {
        name.len() > ext.len()
            && name[name.len() - ext.len()..].eq_ignore_ascii_case(ext.as_bytes())
    })
}

/// Cheap pre-check for [`is_governance_report_path`] without allocating.
pub(super) fn has_report_marker(path: &str) -> bool {
    [
        "governance_report",
        "governance-report",
        "governancerapport",
    ]
    .iter()
    .any(|needle| crate::base::text::contains_ignore_ascii_case(path, needle))
}

/// A file name that marks a governance report in OS2's format.
pub fn is_governance_report_path(path: &str) -> bool {
    let name = file_name(path).to_ascii_lowercase();
    (name.contains("governance_report")
        || name.contains("governance-report")
        || name.contains("governancerapport"))
        && (name.ends_with(".md") || name.ends_with(".markdown"))
}

/// Whether an adapter must load the content of `path`. Everything else is listed by path only,
/// which is what keeps a scan of a 100,000-file repository cheap.
pub fn wants_content(path: &str) -> bool {
    // Most paths of a large repository are source files deep in folders no rule reads: turn them
    // away before anything is allocated.
    let first = path.split('/').next().unwrap_or("");
    let shallow_reader = ["docs", "doc", ".github", "licenses"]
        .iter()
        .any(|d| first.eq_ignore_ascii_case(d));
    if path.contains('/') && !shallow_reader && !has_report_marker(path) {
        return false;
    }
    if is_vendored(path) {
        return false;
    }
    let lower = path.to_ascii_lowercase();
    let segments: Vec<&str> = lower.split('/').collect();
    let name = segments.last().copied().unwrap_or("");
    if is_governance_report_path(path) {
        return true;
    }
    match segments.as_slice() {
        [_] => {
            ROOT_STEMS.contains(&stem(name).as_str())
                || name.starts_with("renovate")
                || stem(name) == "pull_request_template"
        }
        ["licenses", _] => true,
        [".github", "issue_template" | "pull_request_template", _] => true,
        [".github", _] if name.starts_with("dependabot.") || name.starts_with("renovate") => true,
        [".github", _] => {
            let s = stem(name);
            [
                "contributing",
                "security",
                "code_of_conduct",
                "codeowners",
                "support",
                "pull_request_template",
            ]
            .contains(&s.as_str())
        }
        ["docs" | "doc", "self-assessment", file] => file.ends_with(".json") || is_doc_format(file),
        ["docs" | "doc", rest @ ..] if rest.len() <= 3 => is_doc_format(name) && !name.is_empty(),
        _ => false,
    }
}
