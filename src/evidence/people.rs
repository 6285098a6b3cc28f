//! Whether a text names a person with an e-mail address (a contact person, a maintainer).

/// The words [`word_count`] counts, without the punctuation around them ("Install." is the link
/// text "Install" followed by a full stop).
pub(super) fn words_of(text: &str) -> impl Iterator<Item = &str> {
    text.split_whitespace()
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| !w.is_empty())
}

/// Capitalised words that label a contact line rather than name a person ("Contact:
/// support@…", "Skriv til sekretariatet på …"). Compared in lower case.
pub(super) const CONTACT_LABELS: [&str; 35] = [
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
pub(super) const ORGANISATION_WORDS: [&str; 16] = [
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

pub(super) fn looks_like_a_name(word: &str) -> bool {
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
