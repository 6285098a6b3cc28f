//! Evidence gathering over a [`Snapshot`]: which files the engine needs, and the searches every
//! requirement shares (community files, README/docs sections, links by destination).

use crate::base::model::{Content, Evidence, Msg, Snapshot};
use crate::base::text::{normalize, word_count};
use crate::parse::markdown::{Doc, Link};

pub mod community;
mod headings;
mod links;
mod paths;
mod people;
mod template;

pub use headings::*;
pub use links::*;
pub use paths::*;
pub use people::*;
pub use template::*;

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
    /// [`Ctx::paths`] in `docs/` or `doc/`: what documents are looked up by name in, without
    /// walking every path of a large tree for each such requirement.
    docs_paths: Vec<&'a str>,
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

/// `path` is one of the community files named by `stems` in `dirs` (`""` = root).
fn is_community_file(path: &str, stems: &[&str], dirs: &[&str]) -> bool {
    let (dir, name) = match path.rfind('/') {
        Some(i) => (&path[..i], &path[i + 1..]),
        None => ("", path),
    };
    dirs.iter().any(|d| d.eq_ignore_ascii_case(dir))
        && stems.contains(&stem(name).as_str())
        && is_doc_format(name)
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

/// Whole first sentences that only hold a place: the heading is there, the answer is not.
const PLACEHOLDER_SENTENCES: [&str; 20] = [
    "tbd",
    "tba",
    "todo",
    "n a",
    "na",
    "wip",
    "none",
    "ingen",
    "intet",
    "kommer",
    "kommer snart",
    "coming soon",
    "work in progress",
    "under udarbejdelse",
    "under construction",
    "to do",
    "mangler",
    "endnu ikke beskrevet",
    "not yet documented",
    "not yet written",
];

/// Phrases by which a first sentence says that the section does not apply or is not written yet.
const DOES_NOT_APPLY: [&str; 18] = [
    "not applicable",
    "does not apply",
    "ikke relevant",
    "ikke aktuel",
    "gaelder ikke",
    "kommer senere",
    "foelger senere",
    "beskrives senere",
    "coming soon",
    "to be decided",
    "to be determined",
    "to be defined",
    "to be written",
    "tbd",
    "tba",
    "endnu ikke beskrevet",
    "not yet documented",
    "not yet described",
];

/// Openings of a sentence that denies the heading ("There is no enforced coding style"): with a
/// word of time, or when nothing follows the sentence.
const DENIALS: [&str; 8] = [
    "there is no ",
    "there are no ",
    "there is currently no ",
    "we have no ",
    "we do not have ",
    "der er ingen ",
    "der findes ingen ",
    "vi har ingen ",
];
/// Shorter openings that deny only with a word of time ("Ingen drift endnu"): "No dependencies"
/// under an installation heading, before a dropped code block, is an answer.
const SHORT_DENIALS: [&str; 4] = ["no ", "none ", "ingen ", "intet "];
const NOT_YET: [&str; 12] = [
    "yet",
    "at this time",
    "currently",
    "for now",
    "at the moment",
    "at present",
    "endnu",
    "p t",
    "i oejeblikket",
    "for nu",
    "lige nu",
    "foreloebig",
];

/// Whether a section's text says that it does not apply or is not written yet ("There is no
/// enforced coding style at this time", "Ingen drift endnu", "Ikke relevant", "TBD"): its first
/// sentence says so and little follows it. Such a section is no evidence whatever its heading.
pub fn says_it_does_not_apply(text: &str) -> bool {
    // Only the first sentence is normalised: a section may be a README of 40,000 links.
    let text = text.trim_start_matches(|c: char| !c.is_alphanumeric());
    let end = text
        .find(['.', '!', '?', ':', ';', '\n'])
        .unwrap_or(text.len());
    let first = normalize(&text[..end]);
    let rest = word_count(&text[end..]);
    if first.is_empty() || rest >= headings::MIN_ANSWER_WORDS {
        return false;
    }
    let padded = format!(" {first} ");
    let has = |phrase: &str| padded.contains(&format!(" {} ", phrase.trim()));
    PLACEHOLDER_SENTENCES.contains(&first.as_str())
        || DOES_NOT_APPLY.iter().any(|p| has(p))
        || (DENIALS
            .iter()
            .chain(&SHORT_DENIALS)
            .any(|d| padded[1..].starts_with(d))
            && NOT_YET.iter().any(|w| has(w)))
        || (DENIALS.iter().any(|d| padded[1..].starts_with(d)) && rest == 0)
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
            docs_paths: Vec::new(),
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
        self.docs_paths = self
            .own_paths
            .iter()
            .copied()
            .filter(|p| in_docs_folder(p))
            .collect();
        self
    }

    /// [`Ctx::paths`] in `docs/` or `doc/`.
    pub fn docs_paths(&self) -> impl Iterator<Item = &'a str> + '_ {
        self.docs_paths.iter().copied()
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

    /// A community file that is there but still holds a [`PLACEHOLDER`] (scaffolded by
    /// `os2gov fix` and not filled in), with the line of the first one — so that a finding says
    /// what is left to write instead of asking for the file.
    pub fn unfinished_community_file(&self, stems: &[&str], dirs: &[&str]) -> Option<(&str, u32)> {
        self.unfinished
            .iter()
            .filter(|path| path.bytes().filter(|&b| b == b'/').count() <= 2)
            .find(|path| is_community_file(path, stems, dirs))
            .map(|path| {
                let line = self
                    .text(path)
                    .and_then(|t| t.lines().position(|l| l.contains(PLACEHOLDER)))
                    .and_then(|i| u32::try_from(i + 1).ok())
                    .unwrap_or(1);
                (path.as_str(), line)
            })
    }

    fn community_candidates<'s>(
        &'s self,
        stems: &'s [&str],
        dirs: &'s [&str],
    ) -> impl Iterator<Item = &'a str> + 's {
        self.shallow_paths()
            .filter(move |path| is_community_file(path, stems, dirs))
    }

    /// A document in `docs/` or `doc/` whose path there names one of `words` (normalised and
    /// matched as substrings, since file names run words together: "Brugermanual.docx",
    /// "OS2test - Drift.docx", "Implementeringsvejledning.pdf"): a Markdown or text file, or a
    /// Word, OpenDocument or PDF document ([`is_office_document`]), which counts by its name.
    pub fn document_named(&self, words: &[&str]) -> Option<&'a str> {
        self.named_in_docs(words, |p| is_doc_format(p) || is_office_document(p))
    }

    /// [`Ctx::document_named`] for Word, OpenDocument and PDF documents only: where a rule reads
    /// a Markdown file's text, its text decides, not its name.
    pub fn office_document_named(&self, words: &[&str]) -> Option<&'a str> {
        self.named_in_docs(words, is_office_document)
    }

    fn named_in_docs(&self, words: &[&str], kind: impl Fn(&str) -> bool) -> Option<&'a str> {
        let words: Vec<String> = words.iter().map(|w| normalize(w)).collect();
        self.docs_paths().filter(|p| kind(p)).find(|p| {
            let within = normalize(p.split_once('/').map_or(*p, |(_, rest)| rest));
            words.iter().any(|w| within.contains(w.as_str()))
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
                if word_count(&text) >= min_words && !says_it_does_not_apply(&text) {
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

#[cfg(test)]
mod tests;
