use super::*;

#[test]
fn full_config() {
    let config = parse(
        "os2gov.toml",
        "level = \"2\"\nlanguage = \"en\"\norganisations = [\"MyMunicipality\"]\n[exceptions]\nf19 = \"We ship Debian packages.\"\n[jira]\nurl = \"https://os2web.atlassian.net/\"\nproject = \"os2mo\"\n",
    )
    .expect("valid");
    assert_eq!(config.level, Some(Level::Two));
    assert_eq!(config.language, Some(Lang::En));
    assert_eq!(config.exception("F19"), Some("We ship Debian packages."));
    assert_eq!(
        config.jira,
        Some(JiraConfig {
            url: "https://os2web.atlassian.net".into(),
            project: Some("OS2MO".into())
        })
    );
    assert_eq!(config.organisations, vec!["mymunicipality"]);
}

#[test]
fn errors_name_key_and_line() {
    let e = parse("os2gov.toml", "language = \"da\"\nlevel = \"5\"\n").expect_err("bad level");
    assert_eq!((e.line, e.key.as_deref()), (Some(2), Some("level")));
    assert!(
        e.to_string().starts_with("os2gov.toml:2: key `level`"),
        "{e}"
    );

    let e = parse("os2gov.toml", "level = \"1\"\n\nlevle = \"2\"\n").expect_err("unknown key");
    assert_eq!(e.line, Some(3));
    assert!(e.to_string().contains("levle"), "{e}");

    let e = parse("os2gov.toml", "[exceptions]\nX99 = \"why\"\n").expect_err("unknown id");
    assert_eq!(e.line, Some(2));
    let e = parse("os2gov.toml", "[exceptions]\nF19 = \"  \"\n").expect_err("empty");
    assert!(e.to_string().contains("F19"));
    let e = parse("os2gov.toml", "level = \n").expect_err("broken toml");
    assert_eq!(e.line, Some(1));
    assert!(parse("os2gov.toml", "[jira]\nurl = \"ftp://x\"\n").is_err());
}

/// A control character in a comment is refused by TOML; the error names it (the full
/// parser's own message for it is empty) and the subset reader refuses it too.
#[test]
fn control_character_in_a_comment() {
    for (text, line, code) in [
        ("level = \"1\" # niveau\u{1}\n", 1, "U+0001"),
        ("# os2gov\n# \u{7f}\nlevel = \"1\"\n", 2, "U+007F"),
        (
            "level = \"1\"\n[exceptions] # \u{1b}[31m\nF19 = \"x\"\n",
            2,
            "U+001B",
        ),
    ] {
        let e = parse("os2gov.toml", text).expect_err(text);
        assert_eq!(e.line, Some(line), "{text:?}: {e}");
        assert!(e.message.en.contains("control character"), "{text:?}: {e}");
        assert!(e.message.en.contains(code), "{text:?}: {e}");
        assert!(e.message.da.contains("kontroltegnet"), "{text:?}: {e}");
        assert!(e.message.da.contains(code), "{text:?}: {e}");
    }
    // A tab is the one control character a comment may hold.
    assert!(parse("os2gov.toml", "level = \"1\" #\tniveau\n").is_ok());
}

/// 50,000 exceptions: every line is found from one index of the text, and the error names
/// the first unknown id in the order of the ids, on its own line.
#[test]
fn many_exceptions() {
    let header = "level = \"1\"\n[exceptions]\n";
    let mut body = String::new();
    for i in (0..50_000).rev() {
        body.push_str(&format!("X{i:05} = \"Not relevant here.\"\n"));
    }
    let text = format!("{header}{body}");
    let e = parse("os2gov.toml", &text).expect_err("unknown ids");
    assert_eq!(e.key.as_deref(), Some("X00000"));
    assert_eq!(e.line, Some(50_002));
    // The same keys, each written twice: the second X49999 (line 50,003) is the first repeat.
    let twice = format!("{header}{body}{body}");
    let e = parse("os2gov.toml", &twice).expect_err("duplicates");
    assert_eq!(e.line, Some(50_003), "{e}");
}

#[test]
fn product_config() {
    let config = parse(
        "os2gov.toml",
        "[product]\nname = \" OS2faktor \"\nrepositories = [\"github:OS2faktor/os2faktor-login\", \"../mfa\", \"github:os2faktor/OS2faktor-login\"]\nos2eu = \"https://www.os2.eu/os2faktor\"\nmain = \"OS2faktor/os2faktor-login\"\n",
    )
    .expect("valid");
    assert_eq!(
        config.product,
        Some(ProductConfig {
            name: Some("OS2faktor".into()),
            // The same repository written twice counts once.
            repositories: vec!["github:OS2faktor/os2faktor-login".into(), "../mfa".into()],
            os2eu: Some("https://www.os2.eu/os2faktor".into()),
            main: Some("OS2faktor/os2faktor-login".into()),
        })
    );
    assert_eq!(
        parse("os2gov.toml", "level = \"1\"\n")
            .expect("valid")
            .product,
        None
    );
    let e = parse("os2gov.toml", "[product]\nos2eu = \"os2.eu/x\"\n").expect_err("not a URL");
    assert_eq!((e.line, e.key.as_deref()), (Some(2), Some("product.os2eu")));
    assert!(e.to_string().contains("os2.eu"), "{e}");
}

#[cfg(feature = "toml")]
#[test]
fn products_file() {
    let products = parse_products(
        "products.toml",
        "[[product]]\nname = \"OS2faktor\"\nrepositories = [\"github:OS2faktor\", \"github:OS2mo/login\"]\nos2eu = \"https://www.os2.eu/os2faktor\"\nmain = \"OS2faktor/core\"\n\n[[product]]\nname = \"OS2mo\"\nrepositories = [\"github:OS2mo\"]\n",
    )
    .expect("products");
    assert_eq!(products.len(), 2);
    assert_eq!(products[0].name.as_deref(), Some("OS2faktor"));
    assert_eq!(
        products[0].repositories,
        ["github:OS2faktor", "github:OS2mo/login"]
    );
    assert_eq!(products[0].main.as_deref(), Some("OS2faktor/core"));
    assert_eq!(products[1].os2eu, None);

    for (text, expected) in [
        (
            "[[product]]\nname = \"A\"\n\n[[product]]\nrepositories = [\"github:B\"]\n",
            "products.toml:4: [[product]]: every product needs a name",
        ),
        (
            "[[product]]\nname = \"A\"\n[[product]]\nname = \"a\"\n",
            "products.toml:3: [[product]]: two products are named \"a\"",
        ),
        (
            "[[product]]\nname = \"A\"\nrepositories = [\"github:X/y\"]\n\n[[product]]\nname = \"B\"\nrepositories = [\"github:x/Y\"]\n",
            "products.toml:5: [[product]]: \"github:X/y\" is in both \"A\" and \"B\"",
        ),
        (
            "[[product]]\nname = \"A\"\n\n[[product]]\nname = \"B\"\nrepositories = [\"\"]\n",
            "products.toml:6: key `product.repositories`",
        ),
        (
            "[[product]]\nname = \"A\"\nos2eu = \"os2.eu/a\"\n",
            "products.toml:3: key `product.os2eu`",
        ),
        ("[[product]]\nnavn = \"A\"\n", "products.toml:2"),
    ] {
        let error = parse_products("products.toml", text).expect_err(text);
        assert!(error.to_string().starts_with(expected), "{text:?}: {error}");
    }
}

/// English words that a Danish message must not hold: a message left untranslated, or the
/// parser's English after `ugyldig TOML: `.
#[cfg(feature = "toml")]
const ENGLISH: &str =
    "expected found unknown invalid missing must needs key field duplicate not is the and or \
     in of table defined twice beyond allow string integer sequence map list value empty";

/// The English words of `ENGLISH` in `text`, word by word.
#[cfg(feature = "toml")]
pub(super) fn english_words(text: &str) -> Vec<&'static str> {
    let words: Vec<String> = text
        .split(|c: char| !c.is_alphabetic())
        .map(str::to_lowercase)
        .collect();
    ENGLISH
        .split_whitespace()
        .filter(|english| words.iter().any(|word| word == english))
        .collect()
}

/// Holds `e` to its English exactly (as before it was bilingual: `Display`, `msg().en`) and its
/// Danish to the same `path:line: ` prefix, the Danish words given and no English word.
#[cfg(feature = "toml")]
fn says_in_both(e: &ConfigError, en: &str, da: &[&str]) {
    assert_eq!(e.to_string(), en);
    let msg = e.msg();
    assert_eq!(msg.en, en);
    let prefix = &en[..en.len() - e.message.en.len()];
    assert_eq!(msg.da, format!("{prefix}{}", e.message.da), "{en}");
    for word in da {
        assert!(msg.da.contains(word), "{word:?} not in {:?}", msg.da);
    }
    assert_eq!(
        english_words(&e.message.da),
        [] as [&str; 0],
        "{:?}",
        msg.da
    );
}

/// (config, the English error as before, words of its Danish).
#[cfg(feature = "toml")]
const BROKEN: &[(&str, &str, &[&str])] = &[
    (
        "language = \"da\"\nlevel = \"5\"\n",
        "os2gov.toml:2: key `level`: expected \"sandkasse\", \"1\", \"2\" or \"3\", found \"5\"",
        &["nøglen `level`: forventede \"sandkasse\", \"1\", \"2\" eller \"3\", fandt \"5\""],
    ),
    (
        "language = \"de\"\n",
        "os2gov.toml:1: key `language`: expected \"da\" or \"en\", found \"de\"",
        &["nøglen `language`: forventede \"da\" eller \"en\", fandt \"de\""],
    ),
    (
        "[exceptions]\nX99 = \"why\"\n",
        "os2gov.toml:2: [exceptions]: unknown requirement id `X99`",
        &["[exceptions]: ukendt krav-id `X99`"],
    ),
    (
        "[exceptions]\nF19 = \"  \"\n",
        "os2gov.toml:2: [exceptions]: `F19` needs an explanation (følg eller forklar)",
        &["`F19`", "forklaring", "(følg eller forklar)"],
    ),
    (
        "organisations = [\"ok\", \"two words\"]\n",
        "os2gov.toml:1: key `organisations`: \"two words\" is not a GitHub organisation name",
        &["nøglen `organisations`", "\"two words\"", "GitHub-organisation"],
    ),
    (
        "[jira]\nurl = \"ftp://x\"\n",
        "os2gov.toml:2: key `jira.url`: expected an http(s) URL, found \"ftp://x\"",
        &["nøglen `jira.url`: forventede", "http(s)-adresse", "fandt \"ftp://x\""],
    ),
    (
        "level = \"1\"\n[jira]\nproject = \"OS2MO\"\n",
        "os2gov.toml:2: missing field `url`",
        &["nøglen `url` mangler"],
    ),
    (
        "[product]\nos2eu = \"os2.eu/x\"\n",
        "os2gov.toml:2: key `product.os2eu`: expected the product page's http(s) URL on os2.eu, found \"os2.eu/x\"",
        &["nøglen `product.os2eu`: forventede", "produktets side på os2.eu", "fandt \"os2.eu/x\""],
    ),
    (
        "[product]\nname = \"  \"\n",
        "os2gov.toml:2: key `product.name`: must not be empty",
        &["nøglen `product.name`", "må ikke være tom"],
    ),
    (
        "[product]\nrepositories = [\"github:\"]\n",
        "os2gov.toml:2: key `product.repositories`: \"github:\" is not a repository (write github:OWNER/REPO, github:OWNER or a path)",
        &["ikke et repository", "github:EJER/REPO, github:EJER eller en sti"],
    ),
    (
        "level = \"1\"\n\nlevle = \"2\"\n",
        "os2gov.toml:3: unknown field `levle`, expected one of `level`, `language`, `organisations`, `exceptions`, `jira`, `product`",
        &["ukendt nøgle `levle`, forventede `level`, `language`, `organisations`, `exceptions`, `jira` eller `product`"],
    ),
    (
        "[jira]\nurl = \"https://x\"\nboard = \"y\"\n",
        "os2gov.toml:3: unknown field `board`, expected `url` or `project`",
        &["ukendt nøgle `board`, forventede `url` eller `project`"],
    ),
    (
        "level = 2\n",
        "os2gov.toml:1: invalid type: integer `2`, expected a string",
        &["forkert type: forventede en streng, fandt heltallet `2`"],
    ),
    (
        "level = true\n",
        "os2gov.toml:1: invalid type: boolean `true`, expected a string",
        &["forventede en streng, fandt sandhedsværdien `true`"],
    ),
    (
        "organisations = \"OS2web\"\n",
        "os2gov.toml:1: invalid type: string \"OS2web\", expected a sequence",
        &["forventede en liste, fandt strengen \"OS2web\""],
    ),
    (
        "level = 1979-05-27\n",
        "os2gov.toml:1: invalid type: map, expected a string",
        &["forventede en streng, fandt en tabel"],
    ),
    (
        "exceptions = 1.5\n",
        "os2gov.toml:1: invalid type: floating point `1.5`, expected a map",
        &["forventede en tabel, fandt kommatallet `1.5`"],
    ),
    (
        "jira = \"x\"\n",
        "os2gov.toml:1: invalid type: string \"x\", expected struct RawJira",
        &["forkert type: forventede en tabel, fandt strengen \"x\""],
    ),
    (
        "jira = [\"x\"]\n",
        "os2gov.toml:1: invalid length 1, expected struct RawJira with 2 elements",
        &["forkert type: forventede en tabel, fandt en liste med 1 værdi"],
    ),
    (
        "organisations = [[\"a\"]]\n",
        "os2gov.toml:1: invalid type: sequence, expected a string",
        &["forventede en streng, fandt en liste"],
    ),
    (
        "level = \n",
        "os2gov.toml:1: invalid string expected `\"`, `'`",
        &["ugyldig streng: forventede `\"` eller `'`"],
    ),
    (
        "level = \"2\" x\n",
        "os2gov.toml:1: expected newline, `#`",
        &["forventede linjeskift eller `#`"],
    ),
    (
        "level = \"2\n",
        "os2gov.toml:1: invalid basic string",
        &["ugyldig streng i \"…\""],
    ),
    (
        "language = \"da\"\nlevel = \"\\x\"\n",
        "os2gov.toml:2: invalid escape sequence expected `b`, `f`, `n`, `r`, `t`, `u`, `U`, `\\`, `\"`",
        &["ugyldig escape-sekvens: forventede `b`, `f`, `n`, `r`, `t`, `u`, `U`, `\\` eller `\"`"],
    ),
    (
        "level = \"\\u12\"\n",
        "os2gov.toml:1: invalid unicode 4-digit hex code",
        &["ugyldig unicode-kode med 4 hexcifre"],
    ),
    (
        "level = \"\\U00110000\"\n",
        "os2gov.toml:1: invalid unicode 8-digit hex code value is out of range",
        &["ugyldig unicode-kode med 8 hexcifre: værdien er uden for det tilladte område"],
    ),
    (
        "level \"2\"\n",
        "os2gov.toml:1: expected `.`, `=`",
        &["forventede `.` eller `=`"],
    ),
    (
        "organisations = [\"a\" \"b\"]\n",
        "os2gov.toml:1: invalid array expected `]`",
        &["ugyldig liste: forventede `]`"],
    ),
    (
        "[exceptions\nF19 = \"x\"\n",
        "os2gov.toml:1: invalid table header expected `.`, `]`",
        &["ugyldig tabeloverskrift: forventede `.` eller `]`"],
    ),
    (
        "level = \"2\"\nlevel = \"3\"\n",
        "os2gov.toml:2: duplicate key `level` in document root",
        &["nøglen `level` står to gange på øverste niveau"],
    ),
    (
        "[exceptions]\nF19 = \"a\"\nF19 = \"b\"\n",
        "os2gov.toml:3: duplicate key `F19` in table `exceptions`",
        &["nøglen `F19` står to gange i tabellen `exceptions`"],
    ),
    (
        "[exceptions]\n[jira]\nurl = \"https://x\"\n[exceptions]\n",
        "os2gov.toml:4: invalid table header duplicate key `\"exceptions\"` in document root",
        &["ugyldig tabeloverskrift: nøglen `\"exceptions\"` står to gange på øverste niveau"],
    ),
    (
        "level = \"1\"\nlevel.x = \"2\"\n",
        "os2gov.toml:2: dotted key `level` attempted to extend non-table type (string)",
        &["nøglen med punktum `level` kan ikke udvide en streng, kun en tabel"],
    ),
    (
        "level = 99999999999999999999\n",
        "os2gov.toml:1: number too large to fit in target type",
        &["tallet er for stort"],
    ),
    (
        "level = \"1\" # niveau\u{1}\n",
        "os2gov.toml:1: invalid TOML: the control character U+0001, which TOML does not allow",
        &["ugyldig TOML: kontroltegnet U+0001, som TOML ikke tillader"],
    ),
];

/// Every broken config says what is wrong in Danish, and in English exactly as before. The
/// subset reader (the browser's) says its errors in Danish too, and those found by checking the
/// values (the same code for both readers) in the same words as the full parser.
#[cfg(feature = "toml")]
#[test]
fn broken_configs_say_it_in_danish_and_the_same_english() {
    for (text, en, da) in BROKEN {
        let e = parse("os2gov.toml", text).expect_err(text);
        says_in_both(&e, en, da);
        match subset::read("os2gov.toml", text).and_then(|raw| validate("os2gov.toml", &raw)) {
            Err(subset) => {
                assert_eq!(
                    english_words(&subset.message.da),
                    [] as [&str; 0],
                    "{subset}"
                );
                if e.key.is_some() {
                    assert_eq!(subset.message, e.message, "{text:?}");
                }
            }
            // Valid TOML beyond what the subset reads is an error there too, so only TOML
            // the subset reads but the full parser refuses would be Ok here.
            Ok(config) => panic!("{text:?}: the subset reader read {config:?}"),
        }
    }
}

/// (products file, the English error as before, words of its Danish).
#[cfg(feature = "toml")]
const BROKEN_PRODUCTS: &[(&str, &str, &[&str])] = &[
    (
        "[[product]]\nname = \"A\"\n[[product]]\nname = \"a\"\n",
        "products.toml:3: [[product]]: two products are named \"a\"",
        &["[[product]]: to produkter hedder \"a\""],
    ),
    (
        "[[product]]\nname = \"A\"\n\n[[product]]\nrepositories = [\"github:B\"]\n",
        "products.toml:4: [[product]]: every product needs a name",
        &["[[product]]: hvert produkt skal have et navn"],
    ),
    (
        "[[product]]\nname = \"A\"\nrepositories = [\"github:X/y\"]\n\n[[product]]\nname = \"B\"\nrepositories = [\"github:x/Y\"]\n",
        "products.toml:5: [[product]]: \"github:X/y\" is in both \"A\" and \"B\"",
        &["\"github:X/y\" er med i både \"A\" og \"B\""],
    ),
    (
        "[[product]]\nname = \"A\"\nos2eu = \"os2.eu/a\"\n",
        "products.toml:3: key `product.os2eu`: expected the product page's http(s) URL on os2.eu, found \"os2.eu/a\"",
        &["nøglen `product.os2eu`: forventede", "fandt \"os2.eu/a\""],
    ),
    (
        "[[product]]\nnavn = \"A\"\n",
        "products.toml:2: unknown field `navn`, expected one of `name`, `repositories`, `os2eu`, `main`",
        &["ukendt nøgle `navn`, forventede `name`, `repositories`, `os2eu` eller `main`"],
    ),
    (
        "foo = 1\n",
        "products.toml:1: unknown field `foo`, expected `product`",
        &["ukendt nøgle `foo`, forventede `product`"],
    ),
    (
        "[product]\nname = \"A\"\n",
        "products.toml:1: invalid type: map, expected a sequence",
        &["forkert type: forventede en liste, fandt en tabel"],
    ),
    (
        "product = [1]\n",
        "products.toml:1: invalid type: integer `1`, expected struct RawListedProduct",
        &["forventede en tabel, fandt heltallet `1`"],
    ),
    (
        "[[product]]\nname = \"a\"\nname = \"b\"\n",
        "products.toml:3: duplicate key `name` in table `product`",
        &["nøglen `name` står to gange i tabellen `product`"],
    ),
    (
        "[[product]]\nname = \"x\" y\n",
        "products.toml:2: expected newline, `#`",
        &["forventede linjeskift eller `#`"],
    ),
];

#[cfg(feature = "toml")]
#[test]
fn broken_products_files_say_it_in_danish_and_the_same_english() {
    for (text, en, da) in BROKEN_PRODUCTS {
        let e = parse_products("products.toml", text).expect_err(text);
        says_in_both(&e, en, da);
    }
}

/// The shapes of the toml crate's messages that no config above meets, and a message of no known
/// shape: the parser's English after `ugyldig TOML: `, so the Danish loses nothing.
#[cfg(feature = "toml")]
#[test]
fn toml_messages_in_danish_by_shape() {
    for (en, da) in [
        ("", "ugyldig TOML"),
        (
            "invalid inline table\nexpected `}`",
            "ugyldig indlejret tabel: forventede `}`",
        ),
        (
            "invalid time\nvalue is out of range",
            "ugyldigt tidspunkt: værdien er uden for det tilladte område",
        ),
        ("invalid floating-point number", "ugyldigt kommatal"),
        ("invalid key", "ugyldig nøgle"),
        (
            "invalid length 0, expected struct RawJira with 2 elements",
            "forkert type: forventede en tabel, fandt en tom liste",
        ),
        (
            "invalid length 3, expected struct RawJira with 2 elements",
            "forkert type: forventede en tabel, fandt en liste med 3 værdier",
        ),
        (
            "dotted key `a.b` attempted to extend non-table type (integer)",
            "nøglen med punktum `a.b` kan ikke udvide et heltal, kun en tabel",
        ),
        ("duplicate key `x`", "nøglen `x` står to gange"),
        (
            "recursion limit exceeded",
            "værdierne er indlejret for dybt",
        ),
        (
            "invalid type: character `x`, expected a string",
            "forkert type: forventede en streng, fandt tegnet `x`",
        ),
        // A string found may hold what looks like the message's own commas.
        (
            "invalid type: string \"a, expected b\", expected a sequence",
            "forkert type: forventede en liste, fandt strengen \"a, expected b\"",
        ),
        (
            "unknown field `x`, expected `a`",
            "ukendt nøgle `x`, forventede `a`",
        ),
        // No known shape: said in Danish to be invalid TOML, the rest as the parser wrote it.
        (
            "invalid digit found in string",
            "ugyldig TOML: invalid digit found in string",
        ),
        (
            "invalid type: unit value, expected a string",
            "ugyldig TOML: invalid type: unit value, expected a string",
        ),
        (
            "invalid table header\nsomething new",
            "ugyldig TOML: invalid table header something new",
        ),
        (
            "unknown field `x`, there are no fields",
            "ugyldig TOML: unknown field `x`, there are no fields",
        ),
    ] {
        assert_eq!(toml_da::danish(en), da, "{en:?}");
        assert_eq!(toml_message(en).da, da, "{en:?}");
    }
}

/// The subset reader (the browser's) in its own words: (config, English, Danish).
#[test]
fn subset_reader_says_it_in_danish() {
    for (text, en, da) in [
        (
            "[foo]\n",
            "os2gov.toml:1: unknown table `[foo]`, expected `[exceptions]`, `[jira]` or `[product]`",
            "os2gov.toml:1: ukendt tabel `[foo]`, forventede `[exceptions]`, `[jira]` eller `[product]`",
        ),
        (
            "[jira]\nboard = \"x\"\n",
            "os2gov.toml:2: unknown key `board` in [jira], expected `url` or `project`",
            "os2gov.toml:2: ukendt nøgle `board` i [jira], forventede `url` eller `project`",
        ),
        (
            "level = 2\n",
            "os2gov.toml:1: key `level`: expected a string in quotes",
            "os2gov.toml:1: nøglen `level`: forventede en streng i anførselstegn",
        ),
        (
            "[product]\nrepositories = 3\n",
            "os2gov.toml:2: key `product.repositories`: expected a list of strings",
            "os2gov.toml:2: nøglen `product.repositories`: forventede en liste af strenge",
        ),
        (
            "level = \"1\"\n[jira]\nproject = \"OS2MO\"\n",
            "os2gov.toml:2: [jira]: missing key `url`",
            "os2gov.toml:2: [jira]: nøglen `url` mangler",
        ),
        (
            "[exceptions]\nF19 = \"a\"\nF19 = \"b\"\n",
            "os2gov.toml:3: duplicate key `F19`",
            "os2gov.toml:3: nøglen `F19` står to gange",
        ),
        (
            "[product]\n[product]\n",
            "os2gov.toml:2: table [product] is defined twice",
            "os2gov.toml:2: tabellen [product] står to gange",
        ),
        (
            "organisations = [\"a\",\n",
            "os2gov.toml:2: invalid TOML: the list is not closed with `]`",
            "os2gov.toml:2: ugyldig TOML: listen er ikke lukket med `]`",
        ),
        (
            "level = \"\u{1}\"\n",
            "os2gov.toml:1: invalid TOML: the control character U+0001 in a string, which TOML does not allow",
            "os2gov.toml:1: ugyldig TOML: kontroltegnet U+0001 i en streng, som TOML ikke tillader",
        ),
        (
            "jira.url = \"https://x\"\n",
            "os2gov.toml:1: A dotted key is beyond the TOML this build of os2gov reads (strings, a list of strings, [exceptions], [jira] and [product]); check the repository with the os2gov command-line tool",
            "os2gov.toml:1: En nøgle med punktum er ud over den TOML, denne udgave af os2gov læser (strenge, en liste af strenge, [exceptions], [jira] og [product]); kontrollér repositoriet med os2gov-kommandolinjeværktøjet",
        ),
    ] {
        let e = subset::read("os2gov.toml", text).expect_err(text);
        assert_eq!(e.to_string(), en);
        assert_eq!(e.msg(), Msg::new(da, en));
    }
}
