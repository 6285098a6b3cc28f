//! Evidence gathering over a [`Snapshot`]: which files the engine needs, and the searches every
//! requirement shares (community files, README/docs sections, links by destination).

use crate::base::model::{Content, Evidence, Msg, Snapshot};
use crate::base::text::{normalize, word_count};
use crate::parse::markdown::{Doc, Link};

/// Folders whose contents never count as the product's own evidence.
pub const VENDORED: [&str; 3] = ["vendor", "node_modules", "third_party"];

/// Root files whose content some requirement reads, by lower-case stem (extension ignored).
const ROOT_STEMS: [&str; 22] = [
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

fn file_name(path: &str) -> &str {
    path.rsplit('/').next().unwrap_or(path)
}

fn stem(name: &str) -> String {
    let lower = name.to_ascii_lowercase();
    match lower.find('.') {
        Some(0) | None => lower,
        Some(dot) => lower[..dot].to_string(),
    }
}

/// Under `docs/` or `doc/` (any case), checked without allocating.
pub fn in_docs_folder(path: &str) -> bool {
    path.split_once('/').is_some_and(|(first, _)| {
        first.eq_ignore_ascii_case("docs") || first.eq_ignore_ascii_case("doc")
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

/// Cheap pre-check for [`is_governance_report_path`] without allocating.
fn has_report_marker(path: &str) -> bool {
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

/// A parsed documentation file.
#[derive(Debug, Clone)]
pub struct DocFile {
    pub path: String,
    pub doc: Doc,
}

/// A section found by a search: where it is and the text under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub path: String,
    pub line: u32,
    pub heading: String,
    pub text: String,
}

impl Hit {
    pub fn evidence(&self) -> Evidence {
        Evidence::at(&self.path, self.line)
    }
}

/// Which documents a search looks at.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Readme,
    /// README, `docs/`/`doc/` and the root community files (CONTRIBUTING, GOVERNANCE, …).
    Docs,
}

/// The parsed view of a snapshot that every requirement reads.
pub struct Ctx<'a> {
    pub snapshot: &'a Snapshot,
    pub readmes: Vec<DocFile>,
    /// `docs/`, `doc/` and root documentation other than the README and the governance report.
    pub docs: Vec<DocFile>,
    /// OS2's GitHub organisations plus those the config adds, lower-case.
    pub organisations: Vec<String>,
    /// Jira from the config: (base URL, project key).
    pub jira: Option<(String, Option<String>)>,
    /// The repository's own governance report, when it has one (declarations, never evidence).
    pub report: Option<crate::parse::govreport::GovernanceReport>,
    /// Files still holding [`PLACEHOLDER`]s (scaffolded by `os2gov fix` and not yet filled in).
    /// They do not count as evidence until a human has written them.
    pub unfinished: Vec<String>,
    /// The paths that count as the product's own, worked out once: every rule walks them, and a
    /// large repository has 100,000.
    own_paths: Vec<&'a str>,
    /// The own paths at most two folders deep, where community files, CI config and templates live.
    shallow_paths: Vec<&'a str>,
    /// publiccode.yml validated once: four requirements read it, and a 1 MiB file with 100,000
    /// problems should not be validated four times.
    publiccode: std::cell::OnceCell<Option<(&'a str, crate::parse::publiccode::Validation)>>,
    /// Every link's text and destination, normalised once: several rules search them, and a
    /// README may hold tens of thousands of links.
    link_texts: std::cell::OnceCell<Vec<String>>,
}

/// What `os2gov fix` writes where a human must write; the checks never count text holding it.
pub const PLACEHOLDER: &str = "TODO(os2gov)";

/// Why a listed file's text was not read, in words for a finding; `None` for a file that was read
/// or that no rule asked for.
pub fn unread_reason(content: &Content) -> Option<Msg> {
    Some(match content {
        Content::TooLarge { size } => crate::msg!(
            "for stor til at læse ({s} bytes)",
            "too large to read ({s} bytes)",
            s = size
        ),
        Content::Binary => Msg::new("en binær fil", "a binary file"),
        Content::SymlinkOutside { target } => crate::msg!(
            "et symlink ud af repositoriet ({t}), som ikke følges",
            "a symlink out of the repository ({t}), not followed",
            t = target
        ),
        Content::Broken { reason } => crate::msg!("ulæselig: {r}", "unreadable: {r}", r = reason),
        Content::Text { .. } | Content::NotLoaded => return None,
    })
}

/// Drops the parts of a README that `os2gov fix` inserted and nobody has filled in yet: sections
/// whose own text holds a placeholder, and links on placeholder lines.
fn without_placeholders(mut doc: Doc, source: &str) -> Doc {
    // Each line is searched once, not once per link on it (a line of 40,000 links).
    let marked: Vec<bool> = source.lines().map(|l| l.contains(PLACEHOLDER)).collect();
    doc.sections.retain(|s| !s.text.contains(PLACEHOLDER));
    doc.links.retain(|l| {
        let index = usize::try_from(l.line).unwrap_or(0).saturating_sub(1);
        !marked.get(index).copied().unwrap_or(false)
    });
    doc
}

impl<'a> Ctx<'a> {
    pub fn new(
        snapshot: &'a Snapshot,
        organisations: Vec<String>,
        jira: Option<(String, Option<String>)>,
    ) -> Ctx<'a> {
        let mut readmes = Vec::new();
        let mut docs = Vec::new();
        let mut unfinished = Vec::new();
        for (path, entry) in &snapshot.files {
            let Some(text) = entry.as_text() else {
                continue;
            };
            let is_readme = !path.contains('/') && stem(&path.to_ascii_lowercase()) == "readme";
            if text.contains(PLACEHOLDER) && !is_readme {
                unfinished.push(path.clone());
                continue;
            }
            if is_vendored(path) || is_governance_report_path(path) || !is_doc_format(path) {
                continue;
            }
            let lower = path.to_ascii_lowercase();
            let root = !lower.contains('/');
            if root && stem(&lower) == "readme" {
                readmes.push(DocFile {
                    path: path.clone(),
                    doc: without_placeholders(Doc::parse(path, text), text),
                });
            } else if (root
                && !["license", "licence", "copying", "codeowners", "authors"]
                    .contains(&stem(&lower).as_str()))
                || lower.starts_with("docs/")
                || lower.starts_with("doc/")
                || lower.starts_with(".github/")
            {
                docs.push(DocFile {
                    path: path.clone(),
                    doc: Doc::parse(path, text),
                });
            }
        }
        Ctx {
            snapshot,
            readmes,
            docs,
            organisations,
            jira,
            report: None,
            own_paths: Vec::new(),
            shallow_paths: Vec::new(),
            unfinished,
            publiccode: std::cell::OnceCell::new(),
            link_texts: std::cell::OnceCell::new(),
        }
        .with_own_paths()
    }

    fn with_own_paths(mut self) -> Self {
        let snapshot = self.snapshot;
        self.own_paths = snapshot
            .files
            .keys()
            .map(String::as_str)
            .filter(|p| !is_vendored(p) && !self.unfinished.iter().any(|u| u == p))
            .collect();
        self.shallow_paths = self
            .own_paths
            .iter()
            .copied()
            .filter(|p| p.bytes().filter(|&b| b == b'/').count() <= 2)
            .collect();
        self
    }

    /// Paths that count as the product's own: vendored folders and unfinished scaffolds left out.
    pub fn paths(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.own_paths.iter().copied()
    }

    /// [`Ctx::paths`] at most two folders deep (root, `.github/ISSUE_TEMPLATE/x`, `docs/x/y`).
    pub fn shallow_paths(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.shallow_paths.iter().copied()
    }

    pub fn content(&self, path: &str) -> Option<&'a Content> {
        self.snapshot.files.get(path).map(|e| &e.content)
    }

    pub fn text(&self, path: &str) -> Option<&'a str> {
        self.snapshot.text(path)
    }

    /// A community file by lower-case stem in the given folders (`""` = root), any case and any of
    /// the extensions .md/.markdown/.rst/.txt or none — only one whose text was read: a name alone
    /// (a symlink out of the repository or in a loop, a special, binary or oversized file) proves
    /// nothing, the same rule F2 applies to licence files.
    pub fn community_file(&self, stems: &[&str], dirs: &[&str]) -> Option<&'a str> {
        self.community_candidates(stems, dirs)
            .find(|path| self.was_read(path))
    }

    /// A community file that exists by name but could not be read, with why — so that a finding
    /// names it instead of asking for a file that is there.
    pub fn unread_community_file(&self, stems: &[&str], dirs: &[&str]) -> Option<(&'a str, Msg)> {
        self.community_candidates(stems, dirs)
            .find_map(|path| Some((path, unread_reason(self.content(path)?)?)))
    }

    fn community_candidates<'s>(
        &'s self,
        stems: &'s [&str],
        dirs: &'s [&str],
    ) -> impl Iterator<Item = &'a str> + 's {
        self.shallow_paths().filter(move |path| {
            let (dir, name) = match path.rfind('/') {
                Some(i) => (&path[..i], &path[i + 1..]),
                None => ("", *path),
            };
            dirs.iter().any(|d| d.eq_ignore_ascii_case(dir))
                && stems.contains(&stem(name).as_str())
                && is_doc_format(name)
        })
    }

    /// Whether the file's text was read. Presence checks ask this, never the path alone.
    pub fn was_read(&self, path: &str) -> bool {
        matches!(self.content(path), Some(Content::Text { .. }))
    }

    pub fn documents(&self, scope: Scope) -> impl Iterator<Item = &DocFile> {
        let extra: &[DocFile] = match scope {
            Scope::Readme => &[],
            Scope::Docs => &self.docs,
        };
        self.readmes.iter().chain(extra.iter())
    }

    /// The first section whose heading matches one of `phrases` and has at least `min_words` words
    /// of its own (subsections included).
    pub fn section(&self, scope: Scope, phrases: &[&str], min_words: usize) -> Option<Hit> {
        self.sections(scope, phrases, min_words).into_iter().next()
    }

    pub fn sections(&self, scope: Scope, phrases: &[&str], min_words: usize) -> Vec<Hit> {
        let mut hits = Vec::new();
        for file in self.documents(scope) {
            for index in file.doc.find_headings(phrases) {
                let text = file.doc.text_under(index);
                if word_count(&text) >= min_words {
                    let section = &file.doc.sections[index];
                    hits.push(Hit {
                        path: file.path.clone(),
                        line: section.line,
                        heading: section.heading.clone(),
                        text,
                    });
                }
            }
        }
        hits
    }

    /// The first place where running text mentions one of `phrases` (matched by
    /// [`crate::base::text::matches_phrase`]), with the line it is on.
    pub fn mention(&self, scope: Scope, phrases: &[&str]) -> Option<Hit> {
        let mentions = |text: &str| crate::base::text::mentions_any(&normalize(text), phrases);
        for file in self.documents(scope) {
            for section in &file.doc.sections {
                if let Some(line) = section.text.lines().find(|l| mentions(l)) {
                    return Some(Hit {
                        path: file.path.clone(),
                        // The text starts after the heading's own line.
                        line: self.source_line(
                            &file.path,
                            section.line + u32::from(section.level > 0),
                            &mentions,
                        ),
                        heading: section.heading.clone(),
                        text: line.to_string(),
                    });
                }
                if mentions(&section.heading) {
                    return Some(Hit {
                        path: file.path.clone(),
                        line: section.line,
                        heading: section.heading.clone(),
                        text: section.text.clone(),
                    });
                }
            }
        }
        None
    }

    /// The first line of `path`'s source from line `from` on that `matches`; `from` when none
    /// does (a phrase broken over two lines). Section text drops markup and code, so the line is
    /// looked up in the source rather than counted in the section.
    fn source_line(&self, path: &str, from: u32, matches: &dyn Fn(&str) -> bool) -> u32 {
        let skip = usize::try_from(from.saturating_sub(1)).unwrap_or(0);
        self.text(path)
            .and_then(|text| {
                text.lines()
                    .enumerate()
                    .skip(skip)
                    .find(|(_, l)| matches(l))
            })
            .and_then(|(i, _)| u32::try_from(i + 1).ok())
            .unwrap_or(from)
    }

    /// Every link in the README, docs and community files, with the file it is in.
    pub fn links(&self) -> impl Iterator<Item = (&str, &Link)> {
        self.documents(Scope::Docs)
            .flat_map(|f| f.doc.links.iter().map(move |l| (f.path.as_str(), l)))
    }

    /// The first link whose destination satisfies `accept`, as evidence.
    pub fn link_where(&self, accept: impl Fn(&LinkKind, &str) -> bool) -> Option<Evidence> {
        self.links().find_map(|(path, link)| {
            let kind = classify_link(&link.url);
            accept(&kind, &link.url).then(|| Evidence::link(path, link.line, &link.url))
        })
    }

    /// The first link (or section) whose link text or URL mentions one of `phrases`.
    pub fn link_mentioning(&self, phrases: &[&str]) -> Option<Evidence> {
        let texts = self.link_texts.get_or_init(|| {
            self.links()
                .map(|(_, link)| normalize(&format!("{} {}", link.text, link.url)))
                .collect()
        });
        // URLs run words together ("…/os2mobrugervejledning.pdf"), so a substring counts too,
        // except for whole-word phrases ("SAFe " must not match "unsafe").
        let substrings: Vec<Option<String>> = phrases
            .iter()
            .map(|p| (!p.ends_with(char::is_whitespace)).then(|| normalize(p)))
            .collect();
        self.links().zip(texts).find_map(|((path, link), text)| {
            phrases
                .iter()
                .zip(&substrings)
                .any(|(p, sub)| {
                    crate::base::text::matches_phrase(text, p)
                        || sub.as_deref().is_some_and(|sub| text.contains(sub))
                })
                .then(|| Evidence::link(path, link.line, &link.url))
        })
    }
}

/// Where a link points, as OS2's documentation-placement checklist distinguishes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum LinkKind {
    /// `os2.eu/produkt/…`
    Os2ProductPage,
    /// Any other page on os2.eu.
    Os2Site,
    /// faq.os2.eu, the "Loop".
    Loop,
    /// A Jira project or issue at an Atlassian site; carries the project key when the URL names one.
    Jira {
        base: String,
        project: Option<String>,
    },
    Confluence,
    GitHub,
    Other,
}

/// Sorts a URL by destination without a URL parser: scheme and `www.` dropped, host lower-cased.
pub fn classify_link(url: &str) -> LinkKind {
    let rest = url
        .trim()
        .trim_start_matches("https://")
        .trim_start_matches("http://");
    let (host, path) = match rest.find('/') {
        Some(i) => (&rest[..i], &rest[i..]),
        None => (rest, ""),
    };
    let host = host.to_ascii_lowercase();
    let host = host.trim_start_matches("www.");
    let path_lower = path.to_ascii_lowercase();
    if host == "faq.os2.eu" {
        return LinkKind::Loop;
    }
    if host == "os2.eu" {
        if path_lower.starts_with("/produkt/") && path_lower.len() > "/produkt/".len() {
            return LinkKind::Os2ProductPage;
        }
        return LinkKind::Os2Site;
    }
    if host.ends_with(".atlassian.net") || host.starts_with("jira.") {
        if path_lower.starts_with("/wiki") || host.starts_with("confluence.") {
            return LinkKind::Confluence;
        }
        let base = format!("https://{host}");
        let project = jira_project_key(path);
        return LinkKind::Jira { base, project };
    }
    if host.starts_with("confluence.") {
        return LinkKind::Confluence;
    }
    if host == "github.com" || host.ends_with(".github.io") {
        return LinkKind::GitHub;
    }
    LinkKind::Other
}

/// `/projects/OS2MO`, `/browse/OS2MO-123`, `/jira/software/c/projects/OS2IOT/boards/1`.
fn jira_project_key(path: &str) -> Option<String> {
    let segments: Vec<&str> = path.split(['/', '?', '#', '&', '=']).collect();
    for pair in segments.windows(2) {
        if pair[0] == "projects" || pair[0] == "browse" || pair[0] == "project" {
            let key: String = pair[1].split('-').next().unwrap_or("").to_string();
            if !key.is_empty() && key.chars().all(|c| c.is_ascii_alphanumeric() || c == '_') {
                return Some(key.to_ascii_uppercase());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::base::model::FileEntry;

    fn readme_ctx(readme: &str) -> Snapshot {
        let mut snapshot = Snapshot::default();
        snapshot
            .files
            .insert("README.md".into(), FileEntry::from_bytes(readme.as_bytes()));
        snapshot
    }

    #[test]
    fn intro_paragraph_leaves_link_texts_out() {
        let intro = |readme: &str| {
            let snapshot = readme_ctx(readme);
            Ctx::new(&snapshot, Vec::new(), None)
                .intro_paragraph()
                .map(|hit| hit.text)
        };
        // A navigation line says nothing about the product, even with punctuation around.
        assert_eq!(
            intro("# X\n\n[How It Works](a) | [Architecture](b) | [Install](c). [Usage](d), [Docs](e)\n\n## More\n"),
            None
        );
        // Link texts do not count, but words of the paragraph's own around them do.
        assert_eq!(
            intro("# X\n\n[OS2mo](a) keeps track of the organisation and its people, see [Docs](b).\n"),
            Some("OS2mo keeps track of the organisation and its people, see Docs.".to_string())
        );
        assert_eq!(
            intro("# X\n\n[one two three four five six seven eight](a)\n"),
            None
        );
        // A word used both in a link and outside it counts once.
        assert_eq!(
            intro("# X\n\n[Docs](a) Docs Docs Docs Docs Docs Docs Docs\n"),
            None
        );
        assert!(intro("# X\n\n[Docs](a) Docs Docs Docs Docs Docs Docs Docs Docs\n").is_some());
    }

    /// 40,000 links in one paragraph (of 740 KB): every link text was cut out of the paragraph
    /// in turn, 40,000 × 420 KB of copying (5 s in a release build, far longer here).
    #[test]
    fn intro_paragraph_with_many_links() {
        let mut readme = String::from("# Fixture\n\n");
        for i in 0..40_000 {
            readme.push_str(&format!("[link {i}](/{i}) "));
        }
        let navigation = readme.clone();
        readme.push_str("and a few words of its own about the product.\n");
        let snapshot = readme_ctx(&readme);
        let hit = Ctx::new(&snapshot, Vec::new(), None).intro_paragraph();
        let hit = hit.map(|h| h.text[h.text.len().saturating_sub(80)..].to_string());
        assert!(
            hit.as_ref()
                .is_some_and(|h| h.ends_with("about the product.")),
            "{hit:?}"
        );
        let snapshot = readme_ctx(&navigation);
        assert!(Ctx::new(&snapshot, Vec::new(), None)
            .intro_paragraph()
            .is_none());
    }

    #[test]
    fn a_contact_person_is_a_name_beside_an_address() {
        for named in [
            "Jens Hansen, product owner (tovholder): jens.hansen@aarhus.dk",
            "| Mette Holm | @metteholm | Maintainer | mette.holm@odense.dk |",
            "Skriv til Søren på <soren@vejle.dk>.",
            "- Ærø-Jensen (mailto:aj@kommune.dk)",
            "Mette Holm, Region Midtjylland, mette.holm@rm.dk",
        ] {
            assert!(names_a_person_with_email(named), "{named}");
        }
        for unnamed in [
            "Contact: support@os2.eu",
            "Kontakt os på info@os2.eu.",
            "Write to the secretariat: Sekretariat@os2.eu",
            "Aarhus Kommune, digitalisering@aarhus.dk",
            "Kontakt Region Midtjylland på it@rm.dk",
            "Leverandør: Magenta ApS (info@magenta.dk)",
            "Firma A/S <kontakt@firma.dk>",
            "E-mail: Jens.Hansen@aarhus.dk",
            "Jens Hansen, product owner",
            "mail jens@aarhus.dk",
        ] {
            assert!(!names_a_person_with_email(unnamed), "{unnamed}");
        }
    }

    #[test]
    fn wanted_files() {
        for path in [
            "README.md",
            "readme.rst",
            "LICENSE",
            "COPYING.txt",
            "LICENSES/MPL-2.0.txt",
            ".github/CONTRIBUTING.md",
            "docs/architecture.md",
            "docs/a/b/c.md",
            "docs/self-assessment/2025.json",
            "OS2mo_Governance_Report.md",
            "doc/OS2iot_governancerapport.md",
            "os2gov.toml",
            "publiccode.yml",
        ] {
            assert!(wants_content(path), "{path}");
        }
        for path in [
            "src/main.rs",
            "vendor/x/README.md",
            "docs/a/b/c/d.md",
            "sub/README.md",
            ".github/workflows/ci.yml",
            "docs/logo.png",
        ] {
            assert!(!wants_content(path), "{path}");
        }
    }

    #[test]
    fn classifies_links() {
        assert_eq!(
            classify_link("https://www.os2.eu/produkt/os2mo"),
            LinkKind::Os2ProductPage
        );
        assert_eq!(
            classify_link("https://os2.eu/side/code-conduct"),
            LinkKind::Os2Site
        );
        assert_eq!(classify_link("https://faq.os2.eu/x"), LinkKind::Loop);
        assert_eq!(
            classify_link("https://os2web.atlassian.net/jira/software/c/projects/OS2IOT/boards/1"),
            LinkKind::Jira {
                base: "https://os2web.atlassian.net".into(),
                project: Some("OS2IOT".into())
            }
        );
        assert_eq!(
            classify_link("https://os2web.atlassian.net/wiki/spaces/X"),
            LinkKind::Confluence
        );
        assert_eq!(
            classify_link("https://github.com/OS2mo/os2mo"),
            LinkKind::GitHub
        );
    }
}

/// Answers to OS2's four description questions (SPEC §8), each the section that answers it.
#[derive(Debug, Clone, Default)]
pub struct DescriptionQuestions {
    pub what: Option<Hit>,
    pub needs: Option<Hit>,
    pub value: Option<Hit>,
    pub contact: Option<Hit>,
}

pub const WHAT_HEADINGS: [&str; 6] = [
    "Hvad er",
    "Om ",
    "Introduktion",
    "About",
    "What is",
    "Introduction",
];
pub const NEEDS_HEADINGS: [&str; 6] = ["Behov", "Formål", "Problem", "Purpose", "Needs", "Why"];
pub const VALUE_HEADINGS: [&str; 5] = ["Værdi", "Gevinst", "Value", "Benefit", "Fordele"];
pub const CONTACT_HEADINGS: [&str; 6] = [
    "Kontakt",
    "Tovholder",
    "Contact",
    "Maintainer",
    "Ansvarlig",
    "Vedligehold",
];
pub const AUDIENCE_HEADINGS: [&str; 7] = [
    "Målgruppe",
    "Hvem kan bruge",
    "Who is it for",
    "Target group",
    "Anvendere",
    "Brugere",
    "Users",
];

/// The OS2 docs template's README sections (F7), in English or Danish. `os2gov fix` inserts a
/// section only when none of its headings is there, so both read these lists.
pub const HOW_IT_WORKS_HEADINGS: [&str; 5] = [
    "How it works",
    "Sådan virker",
    "Hvordan virker",
    "Sådan fungerer",
    "Hvordan fungerer",
];
pub const ARCHITECTURE_HEADINGS: [&str; 2] = ["Architecture", "Arkitektur"];
pub const FEATURES_HEADINGS: [&str; 5] = [
    "Key features",
    "Features",
    "Funktioner",
    "Nøglefunktioner",
    "Funktionalitet",
];
pub const INSTALL_HEADINGS: [&str; 5] = [
    "Install",
    "Kom i gang",
    "Getting started",
    "Opsætning",
    "Setup",
];
/// Words by which the install section covers its two halves (F7), matched by
/// [`crate::base::text::matches_phrase`] (word prefixes; a trailing space means the whole word).
pub const DEVELOPMENT_WORDS: [&str; 3] = ["udvikl", "develop", "dev "];
pub const PRODUCTION_WORDS: [&str; 6] = [
    "produktion",
    "production",
    "prod ",
    "drift",
    "deploy",
    "idriftsæt",
];
/// The Danish plural drops an e ("Eksempel" → "Eksempler"), so neither prefixes the other.
pub const EXAMPLE_HEADINGS: [&str; 3] = ["Example", "Eksempel", "Eksempler"];

/// Smallest amount of text that counts as an answer rather than a bare heading.
pub const MIN_ANSWER_WORDS: usize = 8;

impl Ctx<'_> {
    pub fn description_questions(&self) -> DescriptionQuestions {
        let what = self
            .section(Scope::Readme, &WHAT_HEADINGS, MIN_ANSWER_WORDS)
            .or_else(|| self.intro_paragraph());
        DescriptionQuestions {
            what,
            needs: self.section(Scope::Readme, &NEEDS_HEADINGS, MIN_ANSWER_WORDS),
            value: self.section(Scope::Readme, &VALUE_HEADINGS, MIN_ANSWER_WORDS),
            contact: self.contact_section(Scope::Readme),
        }
    }

    /// The first paragraph after the title: the text before any heading or under the first
    /// top-level heading, when it says something.
    pub fn intro_paragraph(&self) -> Option<Hit> {
        for file in &self.readmes {
            let sections = &file.doc.sections;
            let candidates = sections
                .iter()
                .enumerate()
                .take_while(|(_, s)| s.level <= 1)
                .take(2);
            for (index, section) in candidates {
                // A line of links (the template's "How It Works | Architecture | …" navigation,
                // badges) says nothing about the product: link texts do not count as its words.
                // Each word of a link text cancels one such word of the paragraph; counted by
                // sorting and lookup, since cutting every link text out of the paragraph in turn
                // was quadratic (seconds for a README of 40,000 links).
                let end = sections.get(index + 1).map_or(u32::MAX, |s| s.line);
                let mut link_words: Vec<&str> = file
                    .doc
                    .links
                    .iter()
                    .filter(|l| l.line >= section.line && l.line < end)
                    .flat_map(|l| words_of(&l.text))
                    .collect();
                link_words.sort_unstable();
                let own_words = |p: &str| {
                    let mut words: Vec<&str> = words_of(p).collect();
                    words.sort_unstable();
                    let mut own = 0;
                    for same in words.chunk_by(|a, b| a == b) {
                        let word = same[0];
                        let in_links = link_words.partition_point(|w| *w <= word)
                            - link_words.partition_point(|w| *w < word);
                        own += same.len().saturating_sub(in_links);
                    }
                    own
                };
                let paragraph = section
                    .text
                    .split("\n\n")
                    .map(str::trim)
                    .find(|p| own_words(p) >= MIN_ANSWER_WORDS);
                if let Some(paragraph) = paragraph {
                    return Some(Hit {
                        path: file.path.clone(),
                        line: section.line,
                        heading: section.heading.clone(),
                        text: paragraph.to_string(),
                    });
                }
            }
        }
        None
    }

    /// A contact section naming a person with an e-mail address.
    pub fn contact_section(&self, scope: Scope) -> Option<Hit> {
        self.sections(scope, &CONTACT_HEADINGS, 1)
            .into_iter()
            .find(|hit| names_a_person_with_email(&hit.text))
    }
}

/// The words [`word_count`] counts, without the punctuation around them ("Install." is the link
/// text "Install" followed by a full stop).
fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// Capitalised words that label a contact line rather than name a person ("Contact:
/// support@…", "Skriv til sekretariatet på …"). Compared in lower case.
const CONTACT_LABELS: [&str; 35] = [
    "contact",
    "contacts",
    "kontakt",
    "kontaktperson",
    "kontaktpersoner",
    "tovholder",
    "email",
    "e-mail",
    "mail",
    "support",
    "info",
    "help",
    "hjælp",
    "maintainer",
    "maintainers",
    "vedligeholder",
    "vedligeholdere",
    "team",
    "teamet",
    "product",
    "owner",
    "produktejer",
    "write",
    "skriv",
    "send",
    "questions",
    "spørgsmål",
    "secretariat",
    "sekretariat",
    "sekretariatet",
    "role",
    "rolle",
    "leverandør",
    "supplier",
    "vendor",
];

/// Words that make their neighbours an organisation's name ("Aarhus Kommune", "Magenta ApS",
/// "Region Midtjylland"). Compared in lower case.
const ORGANISATION_WORDS: [&str; 16] = [
    "kommune",
    "kommunes",
    "kommunen",
    "region",
    "regionen",
    "regions",
    "styrelsen",
    "ministeriet",
    "municipality",
    "council",
    "aps",
    "a/s",
    "i/s",
    "ltd",
    "inc",
    "gmbh",
];

/// Text with a line that holds an e-mail address and a person's name beside it: a capitalised
/// word that is not a label and not part of an organisation's name ("Jens Hansen,
/// jens.hansen@aarhus.dk", a MAINTAINERS table row), so that a functional mailbox alone
/// ("Contact: support@…", "Aarhus Kommune, digitalisering@…") does not count as a contact person.
pub fn names_a_person_with_email(text: &str) -> bool {
    text.lines().any(|line| {
        if crate::base::text::emails(line).is_empty() {
            return false;
        }
        let words: Vec<&str> = line
            .split(|c: char| c.is_whitespace() || "()<>[],;:|*_\"'!?".contains(c))
            .filter(|w| !w.is_empty() && !w.contains('@') && !w.starts_with("mailto"))
            .map(|w| w.trim_matches('.'))
            .collect();
        let organisation = |i: usize| {
            words
                .get(i)
                .is_some_and(|w| ORGANISATION_WORDS.contains(&w.to_lowercase().as_str()))
        };
        (0..words.len()).any(|i| {
            let beside_organisation =
                organisation(i + 1) || i.checked_sub(1).is_some_and(organisation);
            looks_like_a_name(words[i]) && !organisation(i) && !beside_organisation
        })
    })
}

fn looks_like_a_name(word: &str) -> bool {
    // "Changes when lower-cased" rather than char::is_uppercase: the same answer for names, and
    // the browser build already carries the lower-case table but not the upper-case one.
    let capitalised = word
        .chars()
        .next()
        .is_some_and(|first| first.to_lowercase().next() != Some(first));
    capitalised
        && word.chars().count() >= 2
        && word.chars().all(|c| c.is_alphabetic() || c == '-')
        && !CONTACT_LABELS.contains(&word.to_lowercase().as_str())
}

/// `OWNER` and `REPO` from a GitHub remote URL (https, ssh or scp-like form).
pub fn github_owner_repo(url: &str) -> Option<(String, String)> {
    let url = url.trim();
    let rest = url
        .strip_prefix("https://github.com/")
        .or_else(|| url.strip_prefix("http://github.com/"))
        .or_else(|| url.strip_prefix("ssh://git@github.com/"))
        .or_else(|| url.strip_prefix("git@github.com:"))
        .or_else(|| url.strip_prefix("git://github.com/"))?;
    let mut parts = rest.trim_end_matches('/').splitn(3, '/');
    let owner = parts.next()?.to_string();
    let repo = parts.next()?.trim_end_matches(".git").to_string();
    (!owner.is_empty() && !repo.is_empty()).then_some((owner, repo))
}

pub const DAY: i64 = 86_400;

impl<'a> Ctx<'a> {
    /// The root publiccode.yml and what validating it found.
    pub fn publiccode(&self) -> Option<(&'a str, &crate::parse::publiccode::Validation)> {
        self.publiccode
            .get_or_init(|| {
                ["publiccode.yml", "publiccode.yaml"]
                    .iter()
                    .find_map(|name| {
                        let path = self.paths().find(|p| p.eq_ignore_ascii_case(name))?;
                        let text = self.text(path)?;
                        Some((path, crate::parse::publiccode::validate(text)))
                    })
            })
            .as_ref()
            .map(|(path, validation)| (*path, validation))
    }

    /// `(owner, repo)` from GitHub's metadata, else from the `origin` remote.
    pub fn github_slug(&self) -> Option<(String, String)> {
        if let crate::base::model::Fetched::Got { value } = &self.snapshot.github {
            return Some((value.owner.clone(), value.name.clone()));
        }
        self.snapshot
            .history
            .as_ref()
            .and_then(|h| h.origin_url.as_deref())
            .and_then(github_owner_repo)
    }
}
