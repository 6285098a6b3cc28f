//! The headings by which the README and docs answer OS2's questions (SPEC §8) and the OS2 docs
//! template's sections (F7): one table, read by the requirements and by `os2gov fix`.

use super::*;

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
