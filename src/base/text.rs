//! Text normalisation for matching Danish and English headings without Unicode regex tables:
//! lower-case, æ→ae, ø→oe, å→aa, other Latin diacritics dropped, everything that is not a letter
//! or digit turned into single spaces.

/// Normalises `text` for comparison. `"## 🧭 Sådan Virker Det!"` becomes `"saadan virker det"`.
/// Text that is not UTF-8, decoded as Windows-1252, the WHATWG "windows-1252" that browsers and
/// Danish Windows editors use for Latin-1 text: every byte is a character, so "## V\xe6rdi" is
/// "## Værdi", not a replacement character. The 32 bytes 0x80–0x9F are the only ones that differ
/// from Latin-1; a table this small is not worth a dependency in the browser build
/// (`encoding_rs` is the differential test's reference).
pub fn windows_1252(bytes: &[u8]) -> String {
    const HIGH: [char; 32] = [
        '\u{20AC}', '\u{81}', '\u{201A}', '\u{192}', '\u{201E}', '\u{2026}', '\u{2020}',
        '\u{2021}', '\u{2C6}', '\u{2030}', '\u{160}', '\u{2039}', '\u{152}', '\u{8D}', '\u{17D}',
        '\u{8F}', '\u{90}', '\u{2018}', '\u{2019}', '\u{201C}', '\u{201D}', '\u{2022}', '\u{2013}',
        '\u{2014}', '\u{2DC}', '\u{2122}', '\u{161}', '\u{203A}', '\u{153}', '\u{9D}', '\u{17E}',
        '\u{178}',
    ];
    bytes
        .iter()
        .map(|&b| match b {
            0x80..=0x9F => HIGH[usize::from(b - 0x80)],
            _ => char::from(b),
        })
        .collect()
}

pub fn normalize(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut pending_space = false;
    for ch in text.chars() {
        let folded: Option<&str> = match ch {
            'æ' | 'Æ' => Some("ae"),
            'ø' | 'Ø' => Some("oe"),
            'å' | 'Å' => Some("aa"),
            'ä' | 'Ä' => Some("ae"),
            'ö' | 'Ö' => Some("oe"),
            'ü' | 'Ü' => Some("ue"),
            'ß' => Some("ss"),
            'á' | 'à' | 'â' | 'ã' | 'Á' | 'À' | 'Â' | 'Ã' => Some("a"),
            'é' | 'è' | 'ê' | 'ë' | 'É' | 'È' | 'Ê' | 'Ë' => Some("e"),
            'í' | 'ì' | 'î' | 'ï' | 'Í' | 'Ì' | 'Î' | 'Ï' => Some("i"),
            'ó' | 'ò' | 'ô' | 'õ' | 'Ó' | 'Ò' | 'Ô' | 'Õ' => Some("o"),
            'ú' | 'ù' | 'û' | 'Ú' | 'Ù' | 'Û' => Some("u"),
            'ç' | 'Ç' => Some("c"),
            'ñ' | 'Ñ' => Some("n"),
            _ => None,
        };
        if let Some(f) = folded {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push_str(f);
        } else if ch.is_ascii_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.push(ch.to_ascii_lowercase());
        } else if ch.is_alphanumeric() {
            if pending_space && !out.is_empty() {
                out.push(' ');
            }
            pending_space = false;
            out.extend(ch.to_lowercase());
        } else {
            pending_space = true;
        }
    }
    out
}

/// True when normalised `haystack` contains normalised `phrase` as whole words.
/// Both arguments must already be normalised.
pub fn contains_phrase(haystack: &str, phrase: &str) -> bool {
    if phrase.is_empty() {
        return false;
    }
    let mut start = 0;
    while let Some(pos) = haystack[start..].find(phrase) {
        let begin = start + pos;
        let end = begin + phrase.len();
        let before_ok = begin == 0 || haystack.as_bytes()[begin - 1] == b' ';
        let after_ok = end == haystack.len() || haystack.as_bytes()[end] == b' ';
        if before_ok && after_ok {
            return true;
        }
        start = begin + 1;
        while !haystack.is_char_boundary(start) {
            start += 1;
        }
    }
    false
}

/// True when normalised `haystack` has a word starting with normalised `prefix`
/// (so "bidrag" matches "bidrage" and "bidragsydere").
pub fn has_word_prefix(haystack: &str, prefix: &str) -> bool {
    if prefix.is_empty() {
        return false;
    }
    haystack
        .match_indices(prefix)
        .any(|(begin, _)| begin == 0 || haystack.as_bytes()[begin - 1] == b' ')
}

/// How a requirement's search phrase (plain form; normalised here) matches normalised text: as a
/// word prefix ("bidrag" matches "bidragsydere"), or as whole words when the phrase ends with a
/// space ("Om " matches "om os2mo" but not "omkostninger"; "SAFe " not "safety").
pub fn matches_phrase(normalized: &str, phrase: &str) -> bool {
    let wanted = normalize(phrase);
    if phrase.ends_with(char::is_whitespace) {
        contains_phrase(normalized, &wanted)
    } else {
        has_word_prefix(normalized, &wanted)
    }
}

/// Any of `phrases` (given in plain form) occurs in `normalized` as [`matches_phrase`] reads it.
pub fn mentions_any(normalized: &str, phrases: &[&str]) -> bool {
    phrases.iter().any(|p| matches_phrase(normalized, p))
}

/// Spellings that name the same role, by the folded prefix that starts every inflection of it:
/// Danish writes both "bidragyder" and "bidragsyder", and the Snowball stemmer cuts
/// "vedligeholder" down to the stem it gives "vedligeholdelse" (maintenance), a different thing
/// (F17 must not read a list of maintainers as operations). Such words match by this lemma.
const LEMMAS: [(&str, &str); 4] = [
    ("bidragsyder", "bidragyder"),
    ("bidragyder", "bidragyder"),
    ("vedligeholder", "vedligeholder"),
    ("maintainer", "maintainer"),
];

/// How one normalised word is matched: its lemma from [`LEMMAS`], else as written or by its
/// Snowball stems.
#[derive(Debug, Clone, PartialEq, Eq)]
enum WordKey {
    Lemma(&'static str),
    Stems {
        word: String,
        da: String,
        en: String,
    },
}

fn word_key(word: &str) -> WordKey {
    if let Some((_, lemma)) = LEMMAS.iter().find(|(prefix, _)| word.starts_with(prefix)) {
        return WordKey::Lemma(lemma);
    }
    let (da, en) = stems(word);
    WordKey::Stems {
        word: word.to_string(),
        da,
        en,
    }
}

/// The Danish and English Snowball stems of a folded word. Both stemmers run on the folded word,
/// the text's and the vocabulary's alike, so "værdi" and "vaerdi" get one stem; naming the
/// algorithm here lets the linker leave the crate's other languages out.
#[cfg(feature = "stemming")]
fn stems(word: &str) -> (String, String) {
    use rust_stemmers::{Algorithm, Stemmer};
    (
        Stemmer::create(Algorithm::Danish).stem(word).into_owned(),
        Stemmer::create(Algorithm::English).stem(word).into_owned(),
    )
}

/// Without the `stemming` feature (the browser build) a word is its own stem.
#[cfg(not(feature = "stemming"))]
fn stems(word: &str) -> (String, String) {
    (word.to_string(), word.to_string())
}

/// Whether a word of the text is the vocabulary's `term` word in some inflection. A stem counts
/// when it keeps the term's meaning: more than three letters, and at most two cut from the term
/// ("brugere" → "brug" would also be "brug", use).
fn same_word(text: &WordKey, term: &WordKey) -> bool {
    match (text, term) {
        (WordKey::Lemma(x), WordKey::Lemma(y)) => x == y,
        (
            WordKey::Stems { word, da, en },
            WordKey::Stems {
                word: w,
                da: d,
                en: e,
            },
        ) => {
            let keeps = |stem: &str| stem.len() > 3 && stem.len() + 2 >= w.len();
            word == w || (da == d && keeps(d)) || (en == e && keeps(e))
        }
        _ => false,
    }
}

/// Normalised text read word by word, each word with its stems, so that vocabulary matches in
/// any inflection ("becoming" for "become", "vedligeholderen" for "vedligeholder",
/// "bidragsyderne" for "bidragyder").
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Stemmed {
    words: Vec<WordKey>,
}

impl Stemmed {
    /// `normalized` must already be [`normalize`]d.
    pub fn new(normalized: &str) -> Stemmed {
        Stemmed {
            words: normalized
                .split(' ')
                .filter(|w| !w.is_empty())
                .map(word_key)
                .collect(),
        }
    }

    /// The words of `phrase` (plain form; normalised here) occur one after another, each in
    /// some inflection of its own.
    pub fn has(&self, phrase: &str) -> bool {
        self.has_keys(&phrase_keys(phrase))
    }

    fn has_keys(&self, wanted: &[WordKey]) -> bool {
        !wanted.is_empty()
            && self
                .words
                .windows(wanted.len())
                .any(|run| run.iter().zip(wanted).all(|(a, b)| same_word(a, b)))
    }
}

fn phrase_keys(phrase: &str) -> Vec<WordKey> {
    normalize(phrase)
        .split(' ')
        .filter(|w| !w.is_empty())
        .map(word_key)
        .collect()
}

/// Vocabulary terms (plain form) read the way people write them: as [`matches_phrase`] reads
/// each, or by stem ([`Stemmed::has`]); a whole-word term (trailing space) only as written. The
/// terms are stemmed once, for a search over many headings.
pub struct Vocabulary<'t> {
    terms: &'t [&'t str],
    keys: Vec<Vec<WordKey>>,
}

impl<'t> Vocabulary<'t> {
    pub fn new(terms: &'t [&'t str]) -> Vocabulary<'t> {
        let keys = terms
            .iter()
            .filter(|t| !t.ends_with(char::is_whitespace))
            .map(|t| phrase_keys(t))
            .collect();
        Vocabulary { terms, keys }
    }

    /// Whether `normalized` (already [`normalize`]d) mentions any of the terms.
    pub fn in_text(&self, normalized: &str) -> bool {
        mentions_any(normalized, self.terms) || self.in_stemmed(&Stemmed::new(normalized))
    }

    /// Whether text already read by [`Stemmed::new`] mentions any of the terms by stem.
    pub fn in_stemmed(&self, stemmed: &Stemmed) -> bool {
        self.keys.iter().any(|k| stemmed.has_keys(k))
    }
}

/// Any of `terms` in `normalized`, by [`Vocabulary`].
pub fn mentions_any_term(normalized: &str, terms: &[&str]) -> bool {
    Vocabulary::new(terms).in_text(normalized)
}

/// `text` in double quotes with `"`, `\` and control characters escaped, as `{:?}` writes a
/// string (it also escapes unprintable characters), without `Debug`'s machinery and Unicode
/// tables, which the browser build leaves out.
pub fn quoted(text: &str) -> String {
    let mut out = String::with_capacity(text.len() + 2);
    out.push('"');
    for c in text.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{{{:x}}}", u32::from(c))),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Finds e-mail addresses without a regex: a local part, `@`, and a dotted domain.
pub fn emails(text: &str) -> Vec<String> {
    let mut found = Vec::new();
    for (at, _) in text.match_indices('@') {
        let is_local = |c: char| c.is_ascii_alphanumeric() || "._%+-".contains(c);
        let is_domain = |c: char| c.is_ascii_alphanumeric() || c == '.' || c == '-';
        let local_start = text[..at]
            .char_indices()
            .rev()
            .take_while(|&(_, c)| is_local(c))
            .last()
            .map(|(i, _)| i);
        let Some(local_start) = local_start else {
            continue;
        };
        let domain: String = text[at + 1..]
            .chars()
            .take_while(|&c| is_domain(c))
            .collect();
        let domain = domain.trim_end_matches(['.', '-']);
        let local = text[local_start..at].trim_start_matches(['.', '-']);
        let labels: Vec<&str> = domain.split('.').collect();
        let tld_ok = labels
            .last()
            .is_some_and(|t| t.len() >= 2 && t.chars().all(|c| c.is_ascii_alphabetic()));
        if !local.is_empty() && labels.len() >= 2 && labels.iter().all(|l| !l.is_empty()) && tld_ok
        {
            let address = format!("{local}@{domain}");
            if !found.contains(&address) {
                found.push(address);
            }
        }
    }
    found
}

/// `needle` (ASCII) occurs in `haystack`, ignoring ASCII case, without allocating.
pub fn contains_ignore_ascii_case(haystack: &str, needle: &str) -> bool {
    let needle = needle.as_bytes();
    needle.is_empty()
        || haystack
            .as_bytes()
            .windows(needle.len())
            .any(|w| w.eq_ignore_ascii_case(needle))
}

/// Number of words in `text` (for "of substance" judgements).
pub fn word_count(text: &str) -> usize {
    text.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// `x` in plain decimal notation with the fewest decimals (at most `max_decimals`) that read back
/// as exactly `x`, the digits serde_json and `f64`'s `Display` write for such numbers ("2.5",
/// "46", "0.824"); `None` when no such form exists or `x` is not finite. Integer arithmetic only:
/// any `f64` formatting would bring core's float printing (Grisu and Dragon with their tables,
/// ~4 KB gzipped) into the browser build, which prints only such short numbers.
pub fn short_decimal(x: f64, max_decimals: u32) -> Option<String> {
    const EXACT: f64 = 9_007_199_254_740_992.0; // 2^53: every integer below is exact
    if !x.is_finite() {
        return None;
    }
    for decimals in 0..=max_decimals.min(15) {
        let scale = 10u64.pow(decimals);
        let scaled = (x.abs() * scale as f64).round();
        if scaled >= EXACT {
            return None;
        }
        let units = scaled as u64;
        // Division by a power of ten is correctly rounded, so equality means the decimal text
        // parses back to x.
        if units as f64 / scale as f64 != x.abs() {
            continue;
        }
        let sign = if x.is_sign_negative() && units != 0 {
            "-"
        } else {
            ""
        };
        let (whole, fraction) = (units / scale, units % scale);
        return Some(match decimals {
            0 => format!("{sign}{whole}"),
            _ => format!(
                "{sign}{whole}.{fraction:0width$}",
                width = decimals as usize
            ),
        });
    }
    None
}

/// An I/O error in both languages: the operating system's text is English, so the Danish is the
/// kind's, with the OS error number kept for a search. Only kinds stable in the crate's
/// rust-version (1.85); any other keeps the system's text.
pub fn io_error_msg(e: &std::io::Error) -> crate::base::model::Msg {
    crate::base::model::Msg::new(io_error_da(e), e.to_string())
}

fn io_error_da(e: &std::io::Error) -> String {
    use std::io::ErrorKind as K;
    let da = match e.kind() {
        K::NotFound => "findes ikke",
        K::PermissionDenied => "adgang nægtet",
        K::InvalidData => "ugyldige data",
        K::InvalidInput => "ugyldigt input",
        K::IsADirectory => "er en mappe",
        K::NotADirectory => "er ikke en mappe",
        K::AlreadyExists => "findes allerede",
        K::DirectoryNotEmpty => "mappen er ikke tom",
        K::ReadOnlyFilesystem => "filsystemet er skrivebeskyttet",
        K::StorageFull => "der er ikke mere plads på disken",
        K::FileTooLarge => "filen er for stor",
        K::TooManyLinks => "for mange links",
        K::StaleNetworkFileHandle => "netværksfilen er ikke længere tilgængelig",
        K::UnexpectedEof => "filen sluttede før ventet",
        K::Interrupted => "afbrudt",
        K::TimedOut => "tidsfristen udløb",
        K::WouldBlock => "handlingen ville blokere",
        K::ResourceBusy => "ressourcen er optaget",
        K::OutOfMemory => "ikke nok hukommelse",
        K::Unsupported => "understøttes ikke",
        K::ConnectionRefused => "forbindelsen blev afvist",
        K::ConnectionReset => "forbindelsen blev nulstillet",
        K::BrokenPipe => "forbindelsen blev afbrudt",
        _ => return e.to_string(),
    };
    match (e.raw_os_error(), e.get_ref()) {
        (Some(code), _) => format!("{da} (OS-fejl {code})"),
        // A custom error's own text says more than its kind; it is kept, in English.
        (None, Some(inner)) => format!("{da}: {inner}"),
        (None, None) => da.to_string(),
    }
}

#[cfg(test)]
mod tests {

    #[test]
    fn windows_1252_is_what_browsers_decode() {
        let every: Vec<u8> = (0..=255u8).collect();
        let (reference, _, _) = encoding_rs::WINDOWS_1252.decode(&every);
        assert_eq!(windows_1252(&every), reference);
        assert_eq!(
            windows_1252(b"## V\xe6rdi for kommunerne \x96 \x80 5"),
            "## Værdi for kommunerne – € 5"
        );
    }

    use super::*;

    #[test]
    fn quoted_like_debug() {
        for text in [
            "",
            "2",
            "a\"b",
            "C:\\x",
            "æøå ü",
            "tab\there\nline\r",
            "\u{1}\u{7f}\u{9f}",
        ] {
            assert_eq!(quoted(text), format!("{text:?}"));
        }
    }

    #[test]
    fn folds_danish_letters_and_symbols() {
        assert_eq!(normalize("## 🧭 Sådan Virker Det!"), "saadan virker det");
        assert_eq!(normalize("Værdi for kommunen"), "vaerdi for kommunen");
        assert_eq!(normalize("Nøglefunktioner"), "noeglefunktioner");
        assert_eq!(normalize("Vaerdi"), normalize("Værdi"));
    }

    #[test]
    fn phrase_needs_whole_words() {
        assert!(contains_phrase("how it works", "it works"));
        assert!(!contains_phrase("architectures", "architecture"));
        assert!(has_word_prefix("bidragsydere er velkomne", "bidrag"));
        assert!(!has_word_prefix("ombidrag", "bidrag"));
        assert!(matches_phrase("om os2mo", "Om "));
        assert!(!matches_phrase("omkostninger", "Om "));
        assert!(matches_phrase("omkostninger", "Om"));
        assert!(!matches_phrase("safety", "SAFe "));
    }

    #[test]
    #[cfg(feature = "stemming")]
    fn vocabulary_matches_by_stem_and_spelling_variant() {
        let text = |t: &str| Stemmed::new(&normalize(t));
        // Danish inflections and the two spellings of "bidragyder".
        assert!(text("Bidragsyderne kan blive vedligeholderen").has("bidragyder"));
        assert!(text("bidragydere").has("bidragsyder"));
        assert!(text("Vedligeholderne udpeges").has("vedligeholder"));
        assert!(text("vi udnævner nye").has("udnævn"));
        // English inflections.
        assert!(text("Contributors becoming maintainers").has("become"));
        assert!(text("a contributor who grows into the role").has("grow"));
        assert!(text("commit access is given").has("commit access"));
        // Maintenance is not maintainers, in either language.
        assert!(!text("Vedligeholdelse og drift").has("vedligeholder"));
        assert!(!text("Vedligeholdere").has("vedligeholdelse"));
        assert!(!text("Maintenance").has("maintainer"));
        // Diacritics are folded before stemming, so both spellings meet.
        assert!(text("Værdien for kommunerne").has("vaerdi"));
        assert!(mentions_any_term(
            &normalize("Vi blev udnævnt"),
            &["udnaevnt"]
        ));
        // A whole-word term is matched only as written.
        assert!(!mentions_any_term(&normalize("devs"), &["dev "]));
    }

    #[test]
    fn finds_emails() {
        assert_eq!(
            emails("Kontakt: Jens Hansen (jens.hansen@aarhus.dk), or <x@y>."),
            vec!["jens.hansen@aarhus.dk"]
        );
        assert!(emails("@someone on GitHub").is_empty());
        assert!(emails("user@localhost").is_empty());
    }

    #[test]
    fn short_decimals_read_back_exactly_and_match_display() {
        for tenths in -20_000i32..=20_000 {
            let x = f64::from(tenths) / 10.0;
            assert_eq!(short_decimal(x, 1), Some(x.to_string()), "{x}");
        }
        for thousandths in 0..=1000u32 {
            let x = f64::from(thousandths) / 1000.0;
            assert_eq!(short_decimal(x, 3), Some(x.to_string()), "{x}");
        }
        for text in [
            "2.5",
            "-0.125",
            "1234.5678",
            "0.1",
            "0.3",
            "2.675",
            "1e15",
            "123456.000001",
        ] {
            let x: f64 = text.parse().expect("number");
            assert_eq!(short_decimal(x, 15), Some(x.to_string()), "{text}");
        }
        assert_eq!(short_decimal(1.0 / 3.0, 15), None);
        assert_eq!(short_decimal(0.25, 1), None);
        assert_eq!(short_decimal(f64::NAN, 3), None);
        assert_eq!(short_decimal(f64::INFINITY, 3), None);
        assert_eq!(short_decimal(1e300, 3), None);
        assert_eq!(short_decimal(-0.0, 1).as_deref(), Some("0"));
    }
}
