use super::check::is_bcp47;
use super::keys::{key_line, KeyLines, SCANS};
use super::*;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/");

fn corpus(path: &str) -> String {
    std::fs::read_to_string(format!("{CORPUS}{path}")).expect("corpus file")
}

fn english(v: &Validation) -> Vec<(Option<u32>, String)> {
    v.problems
        .iter()
        .map(|p| (p.line, p.message.en.clone()))
        .collect()
}

fn has(v: &Validation, line: Option<u32>, needle: &str) -> bool {
    v.problems
        .iter()
        .any(|p| p.line == line && p.message.en.contains(needle))
}

const LONG: &str = "A system that municipalities use to keep track of their organisation, employees and \
                    their roles, and which shares that information with other systems automatically.";

fn minimal_04() -> String {
    format!(
        "publiccodeYmlVersion: \"0.4\"\n\
         name: Medusa\n\
         url: https://github.com/OS2/medusa.git\n\
         platforms:\n  - web\n\
         categories:\n  - it-development\n\
         developmentStatus: stable\n\
         softwareType: standalone/web\n\
         description:\n  en:\n    shortDescription: Booking for libraries\n    longDescription: >\n      {LONG}\n    features:\n      - Booking\n\
         legal:\n  license: MPL-2.0\n\
         maintenance:\n  type: community\n  contacts:\n    - name: Jens Hansen\n      email: jens@example.dk\n\
         localisation:\n  localisationReady: true\n  availableLanguages:\n    - da\n    - en\n"
    )
}

#[test]
fn corpus_os2mo_is_valid() {
    let v = validate(&corpus("OS2mo/os2mo/files/publiccode.yml"));
    assert_eq!(english(&v), vec![], "OS2mo's publiccode.yml (0.4) is valid");
    let pc = v.parsed.expect("parsed");
    assert_eq!(pc.version.as_deref(), Some("0.4"));
    assert_eq!(pc.name.as_deref(), Some("OS2mo"));
    assert_eq!(
        pc.url.as_deref(),
        Some("https://github.com/OS2mo/os2mo.git")
    );
    assert_eq!(pc.licence.as_deref(), Some("MPL-2.0"));
    assert_eq!(pc.maintenance_type.as_deref(), Some("contract"));
    // "contacts omitted": the contractor Magenta ApS is not a contact.
    assert!(pc.contacts.is_empty());
    assert_eq!(pc.languages, vec!["en", "da"]);
}

#[test]
fn corpus_os2mo_danish_short_description_counts_characters() {
    // 148 characters but 150 bytes (å, ø), plus the folded scalar's newline: still within 150.
    let text = corpus("OS2mo/os2mo/files/publiccode.yml");
    assert!(text.contains("støttesystemer."));
    assert!(!has(&validate(&text), Some(82), "shortDescription"));
    let longer = text.replace("støttesystemer.", "støttesystemerne!!!");
    assert!(has(
        &validate(&longer),
        Some(82),
        "description.da.shortDescription has 152 characters"
    ));
}

#[test]
fn corpus_os2iot_is_invalid() {
    // OS2iot-docs' Publiccode.yml: version 0.2, and broken YAML — `type: "internal", "community"`
    // (line 64) is not YAML, nor is the `features:` block (line 45) a list.
    let v = validate(&corpus("OS2iot/OS2iot-docs/files/Publiccode.yml"));
    assert!(v.parsed.is_none());
    let first = &v.problems[0];
    assert!(
        first
            .message
            .en
            .starts_with("publiccode.yml is not valid YAML"),
        "{:?}",
        first
    );
    // libyaml stops at `legal:` (line 59) while reading the stray text of line 46 as a key.
    assert_eq!(first.line, Some(59));
    assert!(first.message.en.contains("line 46"), "{first:?}");
    assert!(
        has(
            &v,
            Some(3),
            "publiccodeYmlVersion is \"0.2\", an outdated version"
        ),
        "{:?}",
        english(&v)
    );
    assert_eq!(v.problems.len(), 2);
}

#[test]
fn minimal_04_is_valid() {
    let v = validate(&minimal_04());
    assert_eq!(english(&v), vec![]);
    let pc = v.parsed.expect("parsed");
    assert_eq!(
        pc.contacts,
        vec![Contact {
            name: "Jens Hansen".into(),
            email: Some("jens@example.dk".into())
        }]
    );
    assert_eq!(pc.maintenance_type.as_deref(), Some("community"));
}

#[test]
fn version_07_without_categories_is_valid() {
    let text = minimal_04()
        .replace("\"0.4\"", "0.7.0")
        .replace("categories:\n  - it-development\n", "")
        .replace(
            "maintenance:",
            "organisation:\n  name: OS2\n  uri: https://os2.eu\nmaintenance:",
        );
    let v = validate(&text);
    assert_eq!(english(&v), vec![]);
    // The same document as 0.4 lacks its mandatory categories.
    let v04 = validate(&text.replace("0.7.0", "0.4.0"));
    assert!(
        has(&v04, None, "Mandatory key missing: categories."),
        "{:?}",
        english(&v04)
    );
}

#[test]
fn versions() {
    for (version, ok) in [
        ("0.4", true),
        ("0.4.0", true),
        ("0.5", true),
        ("0.6.1", true),
        ("0.7", true),
        ("0.3", false),
        ("0.2", false),
        ("0.8", false),
        ("1.0", false),
        ("zero", false),
    ] {
        let v = validate(&minimal_04().replace("\"0.4\"", &format!("\"{version}\"")));
        assert_eq!(v.is_valid(), ok, "{version}: {:?}", english(&v));
        if !ok {
            assert!(has(&v, Some(1), &format!("\"{version}\"")), "{version}");
        }
    }
    let unquoted = validate(&minimal_04().replace("\"0.4\"", "0.4"));
    assert!(unquoted.is_valid(), "{:?}", english(&unquoted));
}

#[test]
fn missing_and_wrong_values() {
    let text = "publiccodeYmlVersion: '0.4'\nname: X\nurl: not a url\nplatforms: []\n\
                developmentStatus: done\nsoftwareType: standalone\nreleaseDate: 01-01-2021\n\
                description:\n  dk:\n    shortDescription: x\n    longDescription: too short\n\
                legal:\n  license: MPL 2\n\
                maintenance:\n  type: internal\n  contact:\n    - name: OS2\n\
                localisation:\n  localisationReady: yes\n  availableLanguages:\n    - english\n\
                colour: blue\n";
    let v = validate(text);
    let problems = english(&v);
    for (line, needle) in [
        (Some(3), "url must be a URL"),
        (Some(4), "platforms must be a list"),
        (None, "Mandatory key missing: categories."),
        (Some(5), "developmentStatus is \"done\""),
        (Some(6), "softwareType is \"standalone\""),
        (Some(7), "releaseDate must be a date"),
        (
            Some(9),
            "\"dk\" is a country code, not a language code (BCP 47); use \"da\"",
        ),
        (Some(11), "description.dk.longDescription has 9 characters"),
        (Some(8), "features (in at least one language)"),
        (
            Some(13),
            "legal.license \"MPL 2\" is not a valid SPDX expression",
        ),
        (
            Some(16),
            "Unknown key maintenance.contact in publiccode.yml. Did you mean contacts?",
        ),
        (
            Some(14),
            "maintenance.contacts is mandatory when maintenance.type is internal",
        ),
        (
            Some(19),
            "localisation.localisationReady must be true or false",
        ),
        (Some(20), "\"english\" is not a BCP 47 language tag"),
        (Some(22), "Unknown key colour"),
    ] {
        assert!(has(&v, line, needle), "{line:?} {needle}: {problems:#?}");
    }
    assert_eq!(v.problems.len(), 15, "{problems:#?}");
    let pc = v.parsed.expect("parsed");
    assert_eq!(pc.languages, vec!["dk"]);
    assert_eq!(pc.licence.as_deref(), Some("MPL 2"));
}

#[test]
fn missing_sections() {
    let v = validate("publiccodeYmlVersion: '0.5'\nname: X\n");
    let problems = english(&v);
    for key in [
        "url",
        "platforms",
        "developmentStatus",
        "softwareType",
        "description",
        "legal.license",
        "maintenance.type",
        "localisation.localisationReady",
        "localisation.availableLanguages",
    ] {
        assert!(
            v.problems
                .iter()
                .any(|p| p.message.en == format!("Mandatory key missing: {key}.")),
            "{key}: {problems:#?}"
        );
    }
    assert!(!problems.iter().any(|(_, m)| m.contains("categories")));
}

#[test]
fn licences_and_contacts() {
    let unknown = validate(&minimal_04().replace("license: MPL-2.0", "license: MIT OR Foo-1.0"));
    assert!(
        has(
            &unknown,
            Some(18),
            "names Foo-1.0, which is not a known SPDX licence id"
        ),
        "{:?}",
        english(&unknown)
    );
    let dual = validate(&minimal_04().replace(
        "license: MPL-2.0",
        "license: (MIT OR Apache-2.0) AND LicenseRef-OS2",
    ));
    assert!(dual.is_valid(), "{:?}", english(&dual));
    let contract = validate(&minimal_04().replace(
        "type: community\n  contacts:\n    - name: Jens Hansen\n      email: jens@example.dk\n",
        "type: contract\n  contacts:\n    - email: jens(at)example.dk\n",
    ));
    let problems = english(&contract);
    assert!(
        has(&contract, Some(19), "maintenance.contractors is mandatory"),
        "{problems:#?}"
    );
    assert!(
        has(
            &contract,
            Some(21),
            "Contact no. 1 in maintenance.contacts has no name"
        ),
        "{problems:#?}"
    );
    assert!(
        has(&contract, Some(21), "invalid e-mail: jens(at)example.dk"),
        "{problems:#?}"
    );
    let long_short = validate(&minimal_04().replace("Booking for libraries", &"æ".repeat(151)));
    assert!(
        has(&long_short, Some(12), "has 151 characters"),
        "{:?}",
        english(&long_short)
    );
}

#[test]
fn garbage() {
    for text in [
        "",
        "   \n",
        "just a string",
        "- a\n- list\n",
        "{{{{",
        "key: [unclosed",
        "\u{0}\u{1}\u{2}",
        "a: b\na: c\n",
    ] {
        let v = validate(text);
        assert!(!v.is_valid(), "{text:?}");
    }
    let v = validate("name: [unclosed\n");
    assert!(v.problems[0].line.is_some(), "{:?}", english(&v));
    let binary: Vec<u8> = (0u8..=255).cycle().take(4096).collect();
    assert!(!validate(&String::from_utf8_lossy(&binary)).is_valid());
    let deep = "a: ".repeat(500) + "b";
    assert!(!validate(&deep).is_valid());
    let nested = "[".repeat(10_000);
    assert!(!validate(&nested).is_valid());
}

/// The scan each problem's line came from before the index (one pass over the file per
/// problem), kept as the reference the index must agree with.
fn key_line_by_scan(text: &str, path: &[&str]) -> Option<u32> {
    let mut best = None;
    let mut depth = 0usize;
    let mut parent_indent: Option<usize> = None;
    for (i, line) in text.lines().enumerate() {
        let Some(want) = path.get(depth) else {
            break;
        };
        let trimmed = line.trim_start();
        if trimmed.is_empty() || trimmed.starts_with('#') || trimmed.starts_with("---") {
            continue;
        }
        let indent = line.len() - trimmed.len();
        match parent_indent {
            Some(parent) if indent <= parent => break,
            None if indent > 0 => continue,
            _ => {}
        }
        let item = trimmed.strip_prefix("- ").unwrap_or(trimmed);
        let Some((key, rest)) = item.split_once(':') else {
            continue;
        };
        let key = key.trim().trim_matches(['"', '\'']);
        if key == *want && (rest.is_empty() || rest.starts_with([' ', '\t'])) {
            best = u32::try_from(i + 1).ok();
            depth += 1;
            parent_indent = Some(indent);
        }
    }
    best
}

#[test]
fn key_index_agrees_with_the_line_by_line_scan() {
    let mut texts = vec![
        corpus("OS2mo/os2mo/files/publiccode.yml"),
        corpus("OS2iot/OS2iot-docs/files/Publiccode.yml"),
        minimal_04(),
        "# c\nlegal:\n  # x\n  license: MIT\nmaintenance:\n  contacts:\n    - name: A\n".into(),
        // Repeated keys, a block that ends and starts again, list items, quoted keys, tabs,
        // keys without a space after the colon, a document marker, a key deeper than its
        // sibling, and a top-level key that is indented.
        "a:\n  b:\n    c: 1\n  b: 2\na:\n  c: 3\n---\n'q':\n  - b: x\n    c:\ty\n \
         d: 1\nd:\n    e: 1\n  e: 2\n  f:x\n  f:\n\"g\": 1\n"
            .into(),
    ];
    // Deterministic pseudo-random YAML-ish texts over a few keys and indents.
    let mut seed: u64 = 0x9e37_79b9_7f4a_7c15;
    for _ in 0..200 {
        let mut text = String::new();
        for _ in 0..30 {
            seed = seed
                .wrapping_mul(6_364_136_223_846_793_005)
                .wrapping_add(1_442_695_040_888_963_407);
            let r = (seed >> 33) as usize;
            let indent = " ".repeat((r % 4) * 2);
            let key = ["a", "b", "c", "d"][(r >> 3) % 4];
            let line = match (r >> 6) % 6 {
                0 => format!("{indent}{key}:\n"),
                1 => format!("{indent}- {key}: v\n"),
                2 => format!("{indent}# {key}:\n"),
                3 => format!("{indent}text {key}\n"),
                4 => "\n".to_string(),
                _ => format!("{indent}{key}: x\n"),
            };
            text.push_str(&line);
        }
        texts.push(text);
    }
    let keys = ["a", "b", "c", "d", "q", "g", "e", "f", "x"];
    for text in &texts {
        let index = KeyLines::new(text);
        let mut paths: Vec<Vec<&str>> = keys.iter().map(|k| vec![*k]).collect();
        for k1 in keys {
            for k2 in keys {
                paths.push(vec![k1, k2]);
                for k3 in ["a", "b", "c", "license", "contacts", "name"] {
                    paths.push(vec![k1, k2, k3]);
                }
            }
        }
        for key in [
            "legal",
            "maintenance",
            "description",
            "publiccodeYmlVersion",
        ] {
            for sub in ["license", "type", "contacts", "en", "da", "name"] {
                paths.push(vec![key, sub]);
                paths.push(vec![key, sub, "shortDescription"]);
            }
        }
        for path in &paths {
            assert_eq!(
                index.line(path),
                key_line_by_scan(text, path),
                "{path:?} in {text:?}"
            );
        }
    }
}

#[test]
fn one_scan_for_any_number_of_problems() {
    // 20,000 unknown keys and 20,000 description languages: 40,000 problems with a line each.
    // A scan of the file per problem read 40,000 × 80,000 lines; the index reads it once.
    let mut text = String::from("publiccodeYmlVersion: \"0.9\"\ndescription:\n");
    for i in 0..20_000 {
        text.push_str(&format!("  l{i:05}x:\n    shortDescription: Short {i}\n"));
    }
    for i in 0..20_000 {
        text.push_str(&format!("unknownKey{i:05}: v\n"));
    }
    let before = SCANS.with(std::cell::Cell::get);
    let v = validate(&text);
    assert_eq!(SCANS.with(std::cell::Cell::get) - before, 1);
    assert!(has(&v, Some(1), "publiccodeYmlVersion is \"0.9\""));
    assert!(has(&v, Some(40_003), "Unknown key unknownKey00000"));
    assert!(has(&v, Some(60_002), "Unknown key unknownKey19999"));
    assert!(has(&v, Some(3), "\"l00000x\" is not a BCP 47 language tag"));
    assert!(has(
        &v,
        Some(40_001),
        "\"l19999x\" is not a BCP 47 language tag"
    ));
    assert!(v.problems.len() > 40_000, "{}", v.problems.len());
    // A valid file needs no line at all, so it is not scanned.
    let before = SCANS.with(std::cell::Cell::get);
    assert!(validate(&minimal_04()).is_valid());
    assert_eq!(SCANS.with(std::cell::Cell::get), before);
}

#[test]
fn tags_and_lines() {
    for ok in ["da", "en", "en-GB", "sl-IT-nedis", "zh-Hant", "fil"] {
        assert!(is_bcp47(ok), "{ok}");
    }
    for bad in ["", "e", "english", "en_GB", "dä", "en-", "12"] {
        assert!(!is_bcp47(bad), "{bad}");
    }
    let text = "# c\nlegal:\n  # x\n  license: MIT\nmaintenance:\n  contacts:\n    - name: A\n";
    assert_eq!(key_line(text, &["legal", "license"]), Some(4));
    assert_eq!(key_line(text, &["maintenance", "contacts"]), Some(6));
    assert_eq!(key_line(text, &["maintenance", "type"]), Some(5));
    assert_eq!(key_line(text, &["name"]), None);
}
