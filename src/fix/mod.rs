//! `os2gov fix`: plans the files that close gaps a file can close — from templates in Danish or
//! English with what is known filled in, and `TODO(os2gov)` placeholders where a human must
//! write. The checks treat any file or section holding a placeholder as unfinished, so a freshly
//! scaffolded file never passes by itself. Existing files are never overwritten: README sections
//! are inserted, every other byte stays as it was. No I/O here; the CLI writes the plan.

use crate::base::model::{Lang, Snapshot};
use crate::engine::report::Report;
use crate::evidence::community::{
    CommunityFile, ARCHITECTURE, BUG_REPORT_TEMPLATE, CODE_OF_CONDUCT, CONTRIBUTING,
    DEPENDENCY_UPDATES, GOVERNANCE, MAINTAINERS, PULL_REQUEST_TEMPLATE, SECURITY, VISION,
};
use crate::parse::markdown::Doc;

/// One file the fix would create or change.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Planned {
    pub path: String,
    /// The current content; `None` when the file is created.
    pub before: Option<String>,
    pub after: String,
    /// The requirements the change addresses.
    pub requirements: Vec<&'static str>,
}

macro_rules! template {
    ($lang:expr, $file:literal) => {
        match $lang {
            Lang::Da => include_str!(concat!("templates/da/", $file)),
            Lang::En => include_str!(concat!("templates/en/", $file)),
        }
    };
}

/// What the templates can fill in.
#[derive(Debug, Clone)]
pub struct Facts {
    pub product: String,
    pub level: String,
}

impl Facts {
    pub fn from(snapshot: &Snapshot, report: &Report, folder_name: &str) -> Facts {
        let readme_title = snapshot
            .files
            .iter()
            .filter(|(p, _)| !p.contains('/') && p.to_ascii_lowercase().starts_with("readme"))
            .find_map(|(p, e)| {
                let doc = Doc::parse(p, e.as_text()?);
                doc.sections
                    .iter()
                    .find(|s| s.level == 1)
                    .map(|s| s.heading.clone())
            })
            .filter(|t| !t.contains("Replace") && !t.trim().is_empty());
        let from_meta = match &snapshot.github {
            crate::base::model::Fetched::Got { value } => Some(value.name.clone()),
            crate::base::model::Fetched::Unknown { .. } => None,
        };
        let from_origin = snapshot
            .history
            .as_ref()
            .and_then(|h| h.origin_url.as_deref())
            .and_then(crate::evidence::github_owner_repo)
            .map(|(_, repo)| repo);
        let product = readme_title
            .or(from_meta)
            .or(from_origin)
            .unwrap_or_else(|| folder_name.to_string());
        Facts {
            product,
            level: report.required_level.level.as_str().to_string(),
        }
    }

    fn fill(&self, template: &str) -> String {
        template
            .replace("{{product}}", &self.product)
            .replace("{{level}}", &self.level)
    }
}

fn unmet(report: &Report, id: &str) -> bool {
    report
        .finding(id)
        .is_some_and(|f| !f.verdict.is_compliant())
}

fn exists(snapshot: &Snapshot, stems: &[&str], dirs: &[&str]) -> bool {
    snapshot.files.keys().any(|path| {
        let (dir, name) = match path.rfind('/') {
            Some(i) => (&path[..i], &path[i + 1..]),
            None => ("", path.as_str()),
        };
        let stem = name.split('.').next().unwrap_or("").to_ascii_lowercase();
        dirs.iter().any(|d| d.eq_ignore_ascii_case(dir)) && stems.contains(&stem.as_str())
    })
}

struct FileTemplate {
    path: &'static str,
    requirements: &'static [&'static str],
    /// The names and folders that already satisfy the same need: the table the requirements
    /// read too.
    found_as: CommunityFile,
    text: fn(Lang) -> &'static str,
}

const FILES: [FileTemplate; 10] = [
    FileTemplate {
        path: "VISION.md",
        requirements: &["S4", "S1", "S3", "S5"],
        found_as: VISION,
        text: |l| template!(l, "VISION.md"),
    },
    FileTemplate {
        path: "CONTRIBUTING.md",
        requirements: &["P2", "P13", "F7", "F16"],
        found_as: CONTRIBUTING,
        text: |l| template!(l, "CONTRIBUTING.md"),
    },
    FileTemplate {
        path: "CODE_OF_CONDUCT.md",
        requirements: &["P1"],
        found_as: CODE_OF_CONDUCT,
        text: |l| template!(l, "CODE_OF_CONDUCT.md"),
    },
    FileTemplate {
        path: "SECURITY.md",
        requirements: &["F4"],
        found_as: SECURITY,
        text: |l| template!(l, "SECURITY.md"),
    },
    FileTemplate {
        path: "MAINTAINERS.md",
        requirements: &["F7", "G3", "P7"],
        found_as: MAINTAINERS,
        text: |l| template!(l, "MAINTAINERS.md"),
    },
    FileTemplate {
        path: "GOVERNANCE.md",
        requirements: &["P4", "G6", "G7", "P5"],
        found_as: GOVERNANCE,
        text: |l| template!(l, "GOVERNANCE.md"),
    },
    FileTemplate {
        path: "docs/architecture.md",
        requirements: &["F7", "F18"],
        found_as: ARCHITECTURE,
        text: |l| template!(l, "architecture.md"),
    },
    FileTemplate {
        path: ".github/ISSUE_TEMPLATE/bug_report.md",
        requirements: &["P3"],
        found_as: BUG_REPORT_TEMPLATE,
        text: |l| template!(l, "bug_report.md"),
    },
    FileTemplate {
        path: ".github/PULL_REQUEST_TEMPLATE.md",
        requirements: &["P3"],
        found_as: PULL_REQUEST_TEMPLATE,
        text: |l| template!(l, "pull_request_template.md"),
    },
    FileTemplate {
        path: ".github/dependabot.yml",
        requirements: &["P8"],
        found_as: DEPENDENCY_UPDATES,
        text: |l| template!(l, "dependabot.yml"),
    },
];

/// A README section the fix can insert: the headings that already count for it, and its text.
struct SectionTemplate {
    requirements: &'static [&'static str],
    headings: &'static [&'static str],
    /// The README already answers this (beyond a matching heading), e.g. an intro paragraph
    /// answers "what is it".
    answered: fn(&crate::evidence::DescriptionQuestions) -> bool,
    text: fn(Lang) -> &'static str,
}

fn never(_: &crate::evidence::DescriptionQuestions) -> bool {
    false
}

const SECTIONS: [SectionTemplate; 10] = [
    SectionTemplate {
        requirements: &["F5"],
        headings: &crate::evidence::WHAT_HEADINGS,
        answered: |q| q.what.is_some(),
        text: |l| template!(l, "readme/what.md"),
    },
    SectionTemplate {
        requirements: &["F5"],
        headings: &crate::evidence::NEEDS_HEADINGS,
        answered: |q| q.needs.is_some(),
        text: |l| template!(l, "readme/needs.md"),
    },
    SectionTemplate {
        requirements: &["F5", "R1"],
        headings: &crate::evidence::VALUE_HEADINGS,
        answered: |q| q.value.is_some(),
        text: |l| template!(l, "readme/value.md"),
    },
    SectionTemplate {
        requirements: &["R3"],
        headings: &crate::evidence::AUDIENCE_HEADINGS,
        answered: never,
        text: |l| template!(l, "readme/audience.md"),
    },
    SectionTemplate {
        requirements: &["F7"],
        headings: &crate::evidence::HOW_IT_WORKS_HEADINGS,
        answered: never,
        text: |l| template!(l, "readme/how.md"),
    },
    SectionTemplate {
        requirements: &["F7"],
        headings: &crate::evidence::ARCHITECTURE_HEADINGS,
        answered: never,
        text: |l| template!(l, "readme/architecture.md"),
    },
    SectionTemplate {
        requirements: &["F7"],
        headings: &crate::evidence::FEATURES_HEADINGS,
        answered: never,
        text: |l| template!(l, "readme/features.md"),
    },
    SectionTemplate {
        requirements: &["F7"],
        headings: &crate::evidence::INSTALL_HEADINGS,
        answered: never,
        // The two halves F7 asks of the section, which the fix also inserts one by one.
        text: |l| match l {
            Lang::Da => concat!(
                "## Installation\n\n",
                include_str!("templates/da/readme/install-development.md"),
                "\n",
                include_str!("templates/da/readme/install-production.md"),
            ),
            Lang::En => concat!(
                "## How to install and run\n\n",
                include_str!("templates/en/readme/install-development.md"),
                "\n",
                include_str!("templates/en/readme/install-production.md"),
            ),
        },
    },
    SectionTemplate {
        requirements: &["F7"],
        headings: &crate::evidence::EXAMPLE_HEADINGS,
        answered: never,
        text: |l| template!(l, "readme/examples.md"),
    },
    SectionTemplate {
        requirements: &["F5", "G3", "F10"],
        headings: &crate::evidence::CONTACT_HEADINGS,
        answered: |q| q.contact.is_some(),
        text: |l| template!(l, "readme/contact.md"),
    },
];

/// The files `os2gov fix --only ID` can write for a requirement: a new file from a template,
/// or `README.md` for the sections it inserts. Empty when no file closes the requirement. The
/// renderers name them in the next steps.
pub fn scaffolds(id: &str) -> Vec<&'static str> {
    let mut paths: Vec<&'static str> = Vec::new();
    let in_readme = id.eq_ignore_ascii_case("F7")
        || SECTIONS
            .iter()
            .any(|s| s.requirements.iter().any(|r| r.eq_ignore_ascii_case(id)));
    if in_readme {
        paths.push("README.md");
    }
    paths.extend(
        FILES
            .iter()
            .filter(|f| f.requirements.iter().any(|r| r.eq_ignore_ascii_case(id)))
            .map(|f| f.path),
    );
    paths
}

/// The open requirements the fix is for (those `scaffolds` names a file for, within `only`) that
/// nothing in `plan` addresses: what is left to do by hand, e.g. F7's text left from the
/// template, so that an empty plan never reads as "nothing to do" while one is still open.
pub fn left_by_hand<'r>(
    report: &'r Report,
    plan: &[Planned],
    only: Option<&[String]>,
) -> Vec<&'r crate::engine::report::Finding> {
    report
        .requirements
        .iter()
        // `wanted` asks for an open requirement within `only`.
        .filter(|f| !scaffolds(&f.id).is_empty() && wanted(&[f.id.as_str()], report, only))
        .filter(|f| !plan.iter().any(|p| p.requirements.contains(&f.id.as_str())))
        .collect()
}

fn wanted(requirements: &[&str], report: &Report, only: Option<&[String]>) -> bool {
    requirements.iter().any(|id| {
        unmet(report, id) && only.is_none_or(|ids| ids.iter().any(|o| o.eq_ignore_ascii_case(id)))
    })
}

/// The README with the missing sections inserted before its footer (a closing `---` rule and
/// what follows it), or at its end; every existing byte is kept.
fn insert_sections(existing: &str, insert: &str) -> String {
    let lines: Vec<&str> = existing.split_inclusive('\n').collect();
    let footer = footer_start(existing);
    let (head, tail) = (lines[..footer].concat(), lines[footer..].concat());
    let mut out = head;
    if !out.is_empty() && !out.ends_with('\n') {
        out.push('\n');
    }
    if !out.is_empty() && !out.ends_with("\n\n") {
        out.push('\n');
    }
    out.push_str(insert);
    if !tail.is_empty() {
        out.push('\n');
        out.push_str(&tail);
    }
    out
}

/// `lines` with each `(index, text)` inserted before line `index` (0-based; the length means the
/// end), a blank line kept on either side; every existing byte stays.
fn insert_at(existing: &str, mut inserts: Vec<(usize, String)>) -> String {
    let lines: Vec<&str> = existing.split_inclusive('\n').collect();
    inserts.sort_by_key(|(index, _)| *index);
    let mut out = String::with_capacity(existing.len());
    let mut next = inserts.into_iter().peekable();
    for i in 0..=lines.len() {
        while let Some((_, text)) = next.next_if(|(index, _)| *index == i) {
            if !out.is_empty() && !out.ends_with('\n') {
                out.push('\n');
            }
            if !out.is_empty() && !out.ends_with("\n\n") {
                out.push('\n');
            }
            out.push_str(&text);
            if lines.get(i).is_some_and(|l| !l.trim().is_empty()) {
                out.push('\n');
            }
        }
        if let Some(line) = lines.get(i) {
            out.push_str(line);
        }
    }
    out
}

/// The template's install subsection `text` (written as `###`) one level below `parent`.
fn relevel(text: &str, parent: u8) -> String {
    let hashes = "#".repeat(usize::from(parent.clamp(1, 5)) + 1);
    match text.strip_prefix("### ") {
        Some(rest) => format!("{hashes} {rest}"),
        None => text.to_string(),
    }
}

/// What F7 still asks of the sections a README already has: the mission statement under the
/// title, and the install section's missing halves, each placed where the template has it.
fn f7_halves(
    text: &str,
    doc: &Doc,
    ctx: &crate::evidence::Ctx,
    facts: &Facts,
    lang: Lang,
) -> Vec<(usize, String)> {
    let mut inserts = Vec::new();
    if ctx.intro_paragraph().is_none() {
        // Under the title (and its badge lines), else at the top.
        let after_title = doc
            .sections
            .iter()
            .find(|s| s.level == 1)
            .map(|s| {
                let lines: Vec<&str> = text.lines().collect();
                let mut i = s.line as usize;
                while lines.get(i).is_some_and(|l| {
                    let t = l.trim();
                    // A setext title's underline, blank lines and badge lines belong to the title.
                    t.is_empty()
                        || t.chars().all(|c| c == '=')
                        || t.starts_with("[![")
                        || t.starts_with("![")
                }) {
                    i += 1;
                }
                i
            })
            .unwrap_or(0);
        inserts.push((
            after_title,
            facts.fill(template!(lang, "readme/mission.md")),
        ));
    }
    if let Some(&index) = doc
        .find_headings(&crate::evidence::INSTALL_HEADINGS)
        .first()
    {
        let section = &doc.sections[index];
        let halves = crate::evidence::install_halves(&doc.text_under(index));
        let end = doc.sections[index + 1..]
            .iter()
            .find(|s| s.level <= section.level)
            .map(|s| s.line as usize - 1)
            .unwrap_or_else(|| footer_start(text));
        let mut missing = String::new();
        for (covered, half) in [
            (
                halves.development,
                template!(lang, "readme/install-development.md"),
            ),
            (
                halves.production,
                template!(lang, "readme/install-production.md"),
            ),
        ] {
            if !covered {
                if !missing.is_empty() {
                    missing.push('\n');
                }
                missing.push_str(&relevel(half, section.level));
            }
        }
        if !missing.is_empty() {
            inserts.push((end, missing));
        }
    }
    inserts
}

/// The line where the README's footer (a closing `---` rule near the end) starts, else its end.
fn footer_start(existing: &str) -> usize {
    let lines: Vec<&str> = existing.split_inclusive('\n').collect();
    let tail_start = lines.len().saturating_sub(6);
    (tail_start..lines.len())
        .rev()
        .find(|&i| {
            let t = lines[i].trim();
            t == "---" || t == "***" || t == "___"
        })
        .unwrap_or(lines.len())
}

/// Plans the fix. `only` restricts it to some requirement ids (`--only F7,P2`).
pub fn plan(
    snapshot: &Snapshot,
    report: &Report,
    facts: &Facts,
    lang: Lang,
    only: Option<&[String]>,
) -> Vec<Planned> {
    let mut planned = Vec::new();

    let readme = snapshot
        .files
        .iter()
        .filter(|(p, _)| !p.contains('/') && p.to_ascii_lowercase().starts_with("readme"))
        .find_map(|(p, e)| e.as_text().map(|t| (p.clone(), t.to_string())));
    let readme_has_readme = snapshot
        .files
        .keys()
        .any(|p| !p.contains('/') && p.to_ascii_lowercase().starts_with("readme"));
    let doc = readme.as_ref().map(|(p, t)| Doc::parse(p, t));
    let ctx = crate::evidence::Ctx::new(snapshot, Vec::new(), None);
    let questions = ctx.description_questions();
    let mut sections = String::new();
    let mut section_ids: Vec<&'static str> = Vec::new();
    for section in &SECTIONS {
        if !wanted(section.requirements, report, only) {
            continue;
        }
        let present = (section.answered)(&questions)
            || doc
                .as_ref()
                .is_some_and(|d| !d.find_headings(section.headings).is_empty());
        if present {
            continue;
        }
        if !sections.is_empty() {
            sections.push('\n');
        }
        sections.push_str(&facts.fill((section.text)(lang)));
        for id in section.requirements {
            if !section_ids.contains(id) {
                section_ids.push(id);
            }
        }
    }
    let f7 = wanted(&["F7"], report, only);
    let footer_missing = f7 && !ctx.readme_footer_complete();
    let halves = match (&readme, &doc) {
        (Some((_, text)), Some(doc)) if f7 => f7_halves(text, doc, &ctx, facts, lang),
        _ => Vec::new(),
    };
    if !halves.is_empty() && !section_ids.contains(&"F7") {
        section_ids.push("F7");
    }
    match readme {
        Some((path, text)) if !sections.is_empty() || footer_missing || !halves.is_empty() => {
            let mut insert = sections;
            if footer_missing {
                if !insert.is_empty() {
                    insert.push('\n');
                }
                insert.push_str(&facts.fill(template!(lang, "readme/footer.md")));
            }
            let after = insert_at(&text, halves);
            let after = if insert.is_empty() {
                after
            } else {
                insert_sections(&after, &insert)
            };
            planned.push(Planned {
                path,
                after,
                before: Some(text),
                requirements: section_ids,
            });
        }
        None if !readme_has_readme && (!sections.is_empty() || footer_missing) => {
            let mut text = format!("# {}\n\n", facts.product);
            if f7 {
                text.push_str(&facts.fill(template!(lang, "readme/mission.md")));
                text.push('\n');
                if !section_ids.contains(&"F7") {
                    section_ids.push("F7");
                }
            }
            text.push_str(&sections);
            text.push('\n');
            text.push_str(&facts.fill(template!(lang, "readme/footer.md")));
            planned.push(Planned {
                path: "README.md".into(),
                before: None,
                after: text,
                requirements: section_ids,
            });
        }
        _ => {}
    }

    for file in &FILES {
        if !wanted(file.requirements, report, only)
            || exists(snapshot, file.found_as.stems, file.found_as.dirs)
        {
            continue;
        }
        if snapshot.files.contains_key(file.path) {
            continue;
        }
        planned.push(Planned {
            path: file.path.to_string(),
            before: None,
            after: facts.fill((file.text)(lang)),
            requirements: file.requirements.to_vec(),
        });
    }
    let config_wanted = only.is_none_or(|ids| ids.iter().any(|o| o.eq_ignore_ascii_case("config")));
    if config_wanted
        && !snapshot
            .files
            .contains_key(crate::engine::config::FILE_NAME)
    {
        planned.push(Planned {
            path: crate::engine::config::FILE_NAME.to_string(),
            before: None,
            after: facts.fill(template!(lang, "os2gov.toml")),
            requirements: Vec::new(),
        });
    }
    planned
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn sections_go_before_the_footer_and_the_rest_is_kept() {
        let readme = "# X\n\nIntro.\n\n---\n*footer*\n";
        let out = insert_sections(readme, "## New\n\nTODO(os2gov): y\n");
        assert_eq!(
            out,
            "# X\n\nIntro.\n\n## New\n\nTODO(os2gov): y\n\n---\n*footer*\n"
        );
        assert_eq!(
            insert_sections("# X\nno newline", "## A\n"),
            "# X\nno newline\n\n## A\n"
        );
    }

    #[test]
    fn inserted_text_gets_a_blank_line_on_either_side_and_the_rest_is_kept() {
        let readme = "# X\n## Install\ndev\n## Next\nend";
        let out = insert_at(
            readme,
            vec![(3, "### Prod\n".into()), (1, "Intro.\n".into())],
        );
        assert_eq!(
            out,
            "# X\n\nIntro.\n\n## Install\ndev\n\n### Prod\n\n## Next\nend"
        );
        assert_eq!(insert_at("a\n", vec![(1, "b\n".into())]), "a\n\nb\n");
        assert_eq!(insert_at("", vec![(0, "b\n".into())]), "b\n");
        assert_eq!(relevel("### Drift\n\ntext\n", 3), "#### Drift\n\ntext\n");
    }

    #[test]
    fn every_template_carries_a_placeholder() {
        for lang in [Lang::Da, Lang::En] {
            for file in &FILES {
                assert!((file.text)(lang).contains("TODO(os2gov)"), "{}", file.path);
            }
            for section in &SECTIONS {
                assert!((section.text)(lang).contains("TODO(os2gov)"));
            }
            for half in [
                template!(lang, "readme/mission.md"),
                template!(lang, "readme/install-development.md"),
                template!(lang, "readme/install-production.md"),
            ] {
                assert!(half.contains("TODO(os2gov)"));
            }
        }
    }
}
