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
        assert!(e.message.contains("control character"), "{text:?}: {e}");
        assert!(e.message.contains(code), "{text:?}: {e}");
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
