use super::*;

fn full(text: &str) -> Result<ValidConfig, ConfigError> {
    validate("os2gov.toml", &read_toml("os2gov.toml", text)?)
}

fn subset(text: &str) -> Result<ValidConfig, ConfigError> {
    validate("os2gov.toml", &subset::read("os2gov.toml", text)?)
}

const VALID: &[&str] = &[
    "",
    "\n\n# only a comment\n   \n",
    "level = \"2\"\nlanguage = \"en\"\norganisations = [\"MyMunicipality\"]\n[exceptions]\nf19 = \"We ship Debian packages.\"\n[jira]\nurl = \"https://os2web.atlassian.net/\"\nproject = \"os2mo\"\n",
    "level = 'sandkasse'\r\nlanguage = 'da'\r\n[exceptions]\r\nF19 = 'C:\\path \"quoted\"'\r\n",
    "level=\"1\"\t# kommentar\nlanguage\t=\t\"da\"#x\n",
    "[exceptions]\nF19 = \"Vi leverer \\\"Debian\\\"-pakker\\n\\tfordi \\u00e6\\U0001F600 \\\\ \\b\\f\\r\"\nP7 = \"æøå # ikke en kommentar\"\n",
    "organisations = [\n  \"OS2web\", # kommentar\n  'MyMunicipality',\n\n]\n",
    "organisations = []\nlevel = \"3\"\n",
    "organisations=[\"a\",\"b\" ,  \"c\"]",
    "\"level\" = \"1\"\n[ \"exceptions\" ]\n'F19' = \"x\"\n\"p7\" = \"y\"\n",
    "[jira]\nurl = \"http://jira.example.dk\"\n[exceptions]\n",
    "[jira]\nproject = \"  \"\nurl = \"https://os2web.atlassian.net\"\n",
    "# os2gov's konfiguration for OS2mo: https://github.com/OS2offdig/os2gov\n# Det niveau, OS2 kræver af produktet: sandkasse, 1, 2 eller 3.\nlevel = \"2\"\nlanguage = \"da\"\n\n# Følg eller forklar: et krav, der ikke er relevant, med begrundelsen.\n[exceptions]\n# F19 = \"Leveres som Debian-pakke, fordi ...\"\n",
    "\u{feff}level = \"1\"\n",
    "[exceptions]\nf19 = \"a\"\nF19 = \"b\"\nP7 = \"c\"\nF1 = \"d\"\n",
    "level = \"2\"",
    "[product]\nname = \"OS2faktor\"\nrepositories = [\n  \"github:OS2faktor/os2faktor-login\", # login\n  '../mfa-client',\n]\nos2eu = \"https://www.os2.eu/os2faktor\"\nmain = \"OS2faktor/os2faktor-login\"\n",
    "level = \"1\"\n[product]\n[exceptions]\nF19 = \"x\"\n",
    "[product]\nrepositories = [\"github:OS2faktor\", \"github:os2faktor\", \"  a  \"]\nname = \" Navn \"\n",
    "[ \"product\" ]\n\"os2eu\" = 'http://os2.eu/produkt/x'\n",
];

/// Each with one error, on the line given.
const ERRORS: &[(&str, usize)] = &[
    ("language = \"da\"\nlevel = \"5\"\n", 2),
    ("language = \"de\"\n", 1),
    ("level = \"1\"\n\nlevle = \"2\"\n", 3),
    ("[exceptions]\nX99 = \"why\"\n", 2),
    ("[exceptions]\nF19 = \"  \"\n", 2),
    ("level = \"1\"\norganisations = [\"a/b\"]\n", 2),
    ("organisations = [\"ok\", \"two words\"]\n", 1),
    ("[jira]\nurl = \"ftp://x\"\n", 2),
    ("level = \"1\"\n[jira]\nproject = \"OS2MO\"\n", 2),
    ("level = 2\n", 1),
    ("level = true\n", 1),
    ("organisations = \"OS2web\"\n", 1),
    ("organisations = [\"a\", 1]\n", 1),
    ("[exceptions]\nF19 = 3\n", 2),
    ("level = \n", 1),
    ("level = \"2\"\nlevel = \"3\"\n", 2),
    ("[exceptions]\nF19 = \"a\"\nF19 = \"b\"\n", 3),
    (
        "[exceptions]\n[jira]\nurl = \"https://x\"\n[exceptions]\n",
        4,
    ),
    ("level = \"1\"\n[foo]\nx = \"y\"\n", 2),
    ("[jira]\nurl = \"https://x\"\nboard = \"y\"\n", 3),
    ("level = \"2\n", 1),
    ("language = \"da\"\nlevel = \"\\x\"\n", 2),
    ("level = \"\\u12\"\n", 1),
    ("level = \"2\" x\n", 1),
    ("level \"2\"\n", 1),
    ("\"jira.url\" = \"https://x\"\n", 1),
    ("organisations = [\"a\" \"b\"]\n", 1),
    ("[exceptions\nF19 = \"x\"\n", 1),
    // Valid TOML, but not a config: both refuse it (the subset as beyond what it reads).
    ("[exceptions.more]\nF19 = \"x\"\n", 1),
    ("level = \"1\"\n[[exceptions]]\n", 2),
    // [product]: each broken value on its line, naming its key.
    (
        "[product]\nname = \"OS2faktor\"\nos2eu = \"www.os2.eu/os2faktor\"\n",
        3,
    ),
    ("[product]\nos2eu = \"https://os2.eu/a b\"\n", 2),
    ("[product]\nname = \"  \"\n", 2),
    ("[product]\nmain = \"\"\n", 2),
    (
        "[product]\nname = \"x\"\nrepositories = [\"github:a/b\", \" \"]\n",
        3,
    ),
    ("[product]\nrepositories = \"github:a/b\"\n", 2),
    ("[product]\nrepositories = [\"github:\"]\n", 2),
    ("[product]\nname = 3\n", 2),
    ("[product]\nname = \"a\"\nname = \"b\"\n", 3),
    ("[product]\nsite = \"https://os2.eu\"\n", 2),
    ("[product]\n[jira]\nurl = \"https://x\"\n[product]\n", 4),
    // Control characters: TOML allows none but tab in a comment.
    ("level = \"1\" # niveau\u{1}\n", 1),
    ("# os2gov\n# \u{7f}\nlevel = \"1\"\n", 2),
    ("[exceptions]\nF19 = \"x\" # \u{1b}[31m\n", 2),
    ("level = \"1\"\n#\u{0}\n", 2),
];

/// TOML the full parser reads and the subset reader refuses, saying so: (config, line).
const BEYOND: &[(&str, usize)] = &[
    ("level = \"1\"\njira.url = \"https://x\"\n", 2),
    ("jira = { url = \"https://x\" }\n", 1),
    ("[exceptions]\nF19 = \"\"\"\nLang forklaring.\n\"\"\"\n", 2),
    ("[exceptions]\nF19 = '''Vi leverer pakker.'''\n", 2),
    ("[product]\nname = \"\"\"\nOS2faktor\"\"\"\n", 2),
    ("product.name = \"OS2faktor\"\n", 1),
];

#[test]
fn same_config_for_valid_files() {
    for text in VALID {
        let full = full(text);
        assert!(full.is_ok(), "{text:?}: {full:?}");
        assert_eq!(subset(text), full, "{text:?}");
    }
}

#[test]
fn same_error_line_for_each_error() {
    for (text, line) in ERRORS {
        let full = full(text).expect_err(text);
        let subset = subset(text).expect_err(text);
        assert_eq!(
            (full.line, subset.line),
            (Some(*line), Some(*line)),
            "{text:?}:\n  toml:   {full}\n  subset: {subset}"
        );
        // Bad values name their key in both (the full parser's own errors need not).
        if full.key.is_some() {
            assert_eq!(subset.key, full.key, "{text:?}");
        }
        // Both say it in Danish: the subset in its own words, the full parser's translated.
        for e in [&full, &subset] {
            assert_eq!(
                super::tests::english_words(&e.message.da),
                [] as [&str; 0],
                "{text:?}: {:?}",
                e.message.da
            );
        }
    }
}

#[test]
fn beyond_the_subset_is_an_error_saying_so() {
    for (text, line) in BEYOND {
        assert!(full(text).is_ok(), "{text:?}");
        let e = subset(text).expect_err(text);
        assert_eq!(e.line, Some(*line), "{text:?}: {e}");
        assert!(
            e.message
                .en
                .contains("beyond the TOML this build of os2gov reads"),
            "{text:?}: {e}"
        );
        assert!(
            e.message
                .da
                .contains("er ud over den TOML, denne udgave af os2gov læser"),
            "{text:?}: {:?}",
            e.message.da
        );
        assert_eq!(
            super::tests::english_words(&e.message.da),
            [] as [&str; 0],
            "{text:?}"
        );
    }
}
