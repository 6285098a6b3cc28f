//! What OS2's documentation template asks of a README beyond its headings, read by F7 and by
//! `os2gov fix` alike, so that the fix inserts exactly the halves the requirement finds missing.

use super::{Ctx, DEVELOPMENT_WORDS, PRODUCTION_WORDS};
use crate::base::text::{has_word_prefix, mentions_any, normalize};

/// Which halves of the install section the template asks for its text covers: a development
/// set-up and a production deployment.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct InstallHalves {
    pub development: bool,
    pub production: bool,
}

/// The halves `section_text` (the install section with its subsections) covers.
pub fn install_halves(section_text: &str) -> InstallHalves {
    let text = normalize(section_text);
    InstallHalves {
        development: mentions_any(&text, &DEVELOPMENT_WORDS),
        production: mentions_any(&text, &PRODUCTION_WORDS),
    }
}

/// The three things the template's footer names; a README that mentions each (in its text or
/// its links) has the footer's substance, wherever it stands.
const FOOTER_TOPICS: [&[&str]; 3] = [
    &["licens", "license", "licence"],
    &["contributing", "bidrag"],
    &["kontakt", "contact", "maintainer"],
];

impl Ctx<'_> {
    /// True when the READMEs name the licence, how to contribute and a contact, in text or links.
    pub fn readme_footer_complete(&self) -> bool {
        let text: String = self
            .readmes
            .iter()
            .map(|r| normalize(&r.doc.all_text()))
            .collect::<Vec<_>>()
            .join(" ");
        let links: Vec<String> = self
            .readmes
            .iter()
            .flat_map(|r| r.doc.links.iter().map(|l| l.url.to_ascii_lowercase()))
            .collect();
        FOOTER_TOPICS.iter().all(|words| {
            words.iter().any(|w| has_word_prefix(&text, &normalize(w)))
                || links
                    .iter()
                    .any(|l| words.iter().any(|w| l.contains(&w.to_ascii_lowercase())))
        })
    }
}
