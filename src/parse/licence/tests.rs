use super::manifest::first_of_each;
use super::names::name_table;
use super::pattern::{Pattern, Spans};
use super::*;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../shared/corpus/");

fn corpus(path: &str) -> String {
    std::fs::read_to_string(format!("{CORPUS}{path}")).expect("corpus file")
}

fn id(text: &str) -> Option<(String, Method)> {
    identify(text).map(|i| (i.spdx, i.how))
}

#[test]
fn corpus_root_licences() {
    // OS2compliance and kitos: the canonical MPL-2.0 text, ending with Exhibit B
    // ("Incompatible With Secondary Licenses") — still plain MPL-2.0.
    for path in [
        "OS2compliance/OS2compliance/files/LICENSE",
        "os2kitos/kitos/files/LICENSE",
    ] {
        assert_eq!(
            id(&corpus(path)),
            Some(("MPL-2.0".into(), Method::Text)),
            "{path}"
        );
    }
    // OS2iot-docs: Creative Commons Attribution-ShareAlike 4.0, a documentation licence.
    let iot = identify(&corpus("OS2iot/OS2iot-docs/files/LICENSE")).expect("identified");
    assert_eq!((iot.spdx.as_str(), iot.how), ("CC-BY-SA-4.0", Method::Text));
    assert!(!is_osi_approved(&iot.spdx));
}

#[test]
fn corpus_os2mo_symlink_and_reuse() {
    // LICENSE is a symlink; its stored target names REUSE's LICENSES/MPL-2.0.txt.
    let link = corpus("OS2mo/os2mo/files/LICENSE.SYMLINK");
    let target = link
        .trim()
        .rsplit("-> ")
        .next()
        .unwrap_or("")
        .trim()
        .to_string();
    assert_eq!(target, "LICENSES/MPL-2.0.txt");
    assert_eq!(spdx_from_filename(&target).as_deref(), Some("MPL-2.0"));
    // The REUSE copy is reflowed (different line breaks and indentation) but still recognised.
    let text = corpus(&format!("OS2mo/os2mo/files/{target}"));
    assert_eq!(id(&text), Some(("MPL-2.0".into(), Method::Text)));
    assert!(is_osi_approved("MPL-2.0"));
}

#[test]
fn corpus_vendored_ckeditor() {
    // "All rights reserved" and an MIT list for bundled libraries, but the grant is GPL-2.0+.
    let text = corpus(
        "OS2compliance/OS2compliance/files/src/main/resources/static/vendor/ckeditor5/LICENSE-ckeditor5.md",
    );
    assert_eq!(id(&text), Some(("GPL-2.0-or-later".into(), Method::Name)));
}

#[test]
fn edge_cases() {
    assert_eq!(identify(""), None);
    assert_eq!(identify("  \n\t "), None);
    let garbage: Vec<u8> = (0u8..=255).cycle().take(2000).collect();
    assert_eq!(identify(&String::from_utf8_lossy(&garbage)), None);
    assert_eq!(identify("\u{1}\u{2}\u{3}\u{FFFD}\u{FFFD}abc"), None);
    assert_eq!(identify("Hello world, this is a README."), None);
    assert_eq!(
        id("// SPDX-License-Identifier: MIT OR Apache-2.0\n"),
        Some(("MIT OR Apache-2.0".into(), Method::SpdxHeader))
    );
    assert_eq!(
        id("/* SPDX-License-Identifier: GPL-2.0-only */"),
        Some(("GPL-2.0-only".into(), Method::SpdxHeader))
    );
    assert_eq!(
        id("<!-- SPDX-License-Identifier: MPL-2.0 -->"),
        Some(("MPL-2.0".into(), Method::SpdxHeader))
    );
    assert_eq!(
        id("Copyright 2024 Acme A/S. All rights reserved."),
        Some((PROPRIETARY.into(), Method::Text))
    );
    assert!(!is_osi_approved(PROPRIETARY));
}

#[test]
fn names() {
    let cases = [
        ("Licensed under the MIT License.", "MIT"),
        ("Dette projekt er udgivet under MIT-licensen.", "MIT"),
        ("This Source Code Form is subject to the terms of the Mozilla Public License, v. 2.0.", "MPL-2.0"),
        ("License: MPL-2.0", "MPL-2.0"),
        ("Licensed under the Apache License, Version 2.0 (the \"License\");", "Apache-2.0"),
        ("The Apache Software License, Version 2.0", "Apache-2.0"),
        ("Licensed under the EUPL-1.2", "EUPL-1.2"),
        ("European Union Public Licence v. 1.1", "EUPL-1.1"),
        ("GPLv3+", "GPL-3.0-or-later"),
        ("GPL-3.0-or-later", "GPL-3.0-or-later"),
        ("GNU GPL v2", "GPL-2.0-only"),
        ("LGPL-2.1-or-later", "LGPL-2.1-or-later"),
        ("under the terms of the GNU Lesser General Public License version 3", "LGPL-3.0-only"),
        (
            "it under the terms of the GNU Affero General Public License as published by the Free \
             Software Foundation, either version 3 of the License, or (at your option) any later version.",
            "AGPL-3.0-or-later",
        ),
        ("Released under the BSD 3-Clause License", "BSD-3-Clause"),
        ("ISC License", "ISC"),
        ("Eclipse Public License - v 2.0", "EPL-2.0"),
        ("Content is CC BY-SA 4.0", "CC-BY-SA-4.0"),
        ("Creative Commons Attribution 4.0 International", "CC-BY-4.0"),
        ("Released to the public domain with CC0.", "CC0-1.0"),
        ("See the Unlicense.", "Unlicense"),
    ];
    for (text, want) in cases {
        assert_eq!(id(text), Some((want.to_string(), Method::Name)), "{text}");
    }
}

/// Stand-ins with the characteristic phrases (no full texts are kept in the crate).
#[test]
fn texts_by_phrases() {
    let gpl3 = "GNU GENERAL PUBLIC LICENSE\n Version 3, 29 June 2007\n... TERMS AND CONDITIONS ...\n\
                How to Apply These Terms to Your New Programs\n... either version 3 of the License, or\n\
                (at your option) any later version.";
    assert_eq!(id(gpl3), Some(("GPL-3.0-only".into(), Method::Text)));
    let notice = "This program is free software: you can redistribute it under the terms of the GNU General \
                  Public License as published by the Free Software Foundation, either version 3 of the \
                  License, or (at your option) any later version.\n\n";
    assert_eq!(
        id(&format!("{notice}{gpl3}")),
        Some(("GPL-3.0-or-later".into(), Method::Text))
    );
    assert_eq!(
        id(&format!("SPDX: GPL-3.0-or-later\n{gpl3}")),
        Some(("GPL-3.0-or-later".into(), Method::Text))
    );
    let lgpl3 = "GNU LESSER GENERAL PUBLIC LICENSE Version 3, 29 June 2007 ... incorporates the terms and \
                 conditions of version 3 of the GNU General Public License ... 0. Additional Definitions.";
    assert_eq!(id(lgpl3), Some(("LGPL-3.0-only".into(), Method::Text)));
    let agpl = "GNU AFFERO GENERAL PUBLIC LICENSE Version 3, 19 November 2007 TERMS AND CONDITIONS";
    assert_eq!(id(agpl), Some(("AGPL-3.0-only".into(), Method::Text)));
    let gpl2 = "GNU GENERAL PUBLIC LICENSE Version 2, June 1991 ... GNU Library General Public License ... \
                TERMS AND CONDITIONS FOR COPYING, DISTRIBUTION AND MODIFICATION";
    assert_eq!(id(gpl2), Some(("GPL-2.0-only".into(), Method::Text)));
    let lgpl21 =
        "GNU LESSER GENERAL PUBLIC LICENSE Version 2.1, February 1999 TERMS AND CONDITIONS FOR \
                  COPYING, DISTRIBUTION AND MODIFICATION";
    assert_eq!(id(lgpl21), Some(("LGPL-2.1-only".into(), Method::Text)));
    let mit = "MIT License\n\nCopyright (c) 2024 OS2\n\nPermission is hereby granted, free of charge, to any \
               person obtaining a copy of this software ... The above copyright notice and this permission \
               notice shall be included in all copies or substantial portions of the Software.";
    assert_eq!(id(mit), Some(("MIT".into(), Method::Text)));
    let apache =
        "Apache License\n Version 2.0, January 2004\n http://www.apache.org/licenses/\n\n \
                  TERMS AND CONDITIONS FOR USE, REPRODUCTION, AND DISTRIBUTION";
    assert_eq!(id(apache), Some(("Apache-2.0".into(), Method::Text)));
    let bsd =
        "Redistribution and use in source and binary forms, with or without modification, are \
               permitted provided that the following conditions are met:";
    assert_eq!(id(bsd), Some(("BSD-2-Clause".into(), Method::Text)));
    let bsd3 = format!(
        "{bsd} 3. Neither the name of the copyright holder nor the names of its contributors \
                        may be used to endorse or promote products derived from this software"
    );
    assert_eq!(id(&bsd3), Some(("BSD-3-Clause".into(), Method::Text)));
    let isc = "ISC License\n\nPermission to use, copy, modify, and/or distribute this software for any purpose \
               with or without fee is hereby granted, provided that the above copyright notice and this \
               permission notice appear in all copies.";
    assert_eq!(id(isc), Some(("ISC".into(), Method::Text)));
    let eupl = "EUROPEAN UNION PUBLIC LICENCE v. 1.2\nEUPL © the European Union 2007, 2016";
    assert_eq!(id(eupl), Some(("EUPL-1.2".into(), Method::Text)));
    let eupl11 = "European Union Public Licence V. 1.1\nEUPL © the European Community 2007";
    assert_eq!(id(eupl11), Some(("EUPL-1.1".into(), Method::Text)));
    let epl = "Eclipse Public License - v 2.0\n THE ACCOMPANYING PROGRAM IS PROVIDED UNDER THE TERMS OF THIS \
               ECLIPSE PUBLIC LICENSE";
    assert_eq!(id(epl), Some(("EPL-2.0".into(), Method::Text)));
    let unlicense = "This is free and unencumbered software released into the public domain.";
    assert_eq!(id(unlicense), Some(("Unlicense".into(), Method::Text)));
    let cc0 = "Creative Commons Legal Code\n\nCC0 1.0 Universal\n\n Statement of Purpose";
    assert_eq!(id(cc0), Some(("CC0-1.0".into(), Method::Text)));
    assert!(!is_osi_approved("CC0-1.0"));
    let ccby =
        "Attribution 4.0 International\n\n Creative Commons Corporation (\"Creative Commons\")";
    assert_eq!(id(ccby), Some(("CC-BY-4.0".into(), Method::Text)));
}

#[test]
fn osi() {
    for ok in [
        "MPL-2.0",
        "mit",
        "GPL-3.0-only",
        "GPL-3.0-or-later",
        "GPL-2.0+",
        "LGPL-2.1-only",
        "EUPL-1.2",
    ] {
        assert!(is_osi_approved(ok), "{ok}");
    }
    assert!(is_osi_approved("MIT OR Apache-2.0"));
    assert!(is_osi_approved("(MIT AND BSD-3-Clause)"));
    assert!(is_osi_approved(
        "GPL-2.0-or-later WITH Classpath-exception-2.0"
    ));
    for bad in [
        "CC0-1.0",
        "CC-BY-4.0",
        "MIT OR CC0-1.0",
        "MIT AND WTFPL",
        "",
        "NOASSERTION",
        "MIT OR",
        "(MIT",
    ] {
        assert!(!is_osi_approved(bad), "{bad}");
    }
    assert!(!is_osi_approved("MIT-only"));
}

#[test]
fn expressions_and_known_ids() {
    assert_eq!(
        spdx_ids("MIT OR Apache-2.0"),
        Some(vec!["MIT".to_string(), "Apache-2.0".to_string()])
    );
    assert_eq!(
        spdx_ids("(MIT OR (BSD-2-Clause AND ISC))").map(|v| v.len()),
        Some(3)
    );
    assert_eq!(
        spdx_ids("GPL-2.0 WITH Classpath-exception-2.0"),
        Some(vec!["GPL-2.0".to_string()])
    );
    assert_eq!(spdx_ids("MIT/Apache-2.0"), None);
    assert_eq!(spdx_ids("MIT OR OR ISC"), None);
    assert_eq!(spdx_ids("MIT)"), None);
    assert!(is_known_spdx("LicenseRef-OS2"));
    assert!(is_known_spdx("gpl-3.0-or-later"));
    assert!(!is_known_spdx("MPL-2"));
}

#[test]
fn filenames() {
    assert_eq!(
        spdx_from_filename("LICENSES/MPL-2.0.txt").as_deref(),
        Some("MPL-2.0")
    );
    assert_eq!(
        spdx_from_filename("mpl-2.0.txt").as_deref(),
        Some("MPL-2.0")
    );
    assert_eq!(
        spdx_from_filename("GPL-3.0-or-later.txt").as_deref(),
        Some("GPL-3.0-or-later")
    );
    assert_eq!(
        spdx_from_filename("CC-BY-4.0.md").as_deref(),
        Some("CC-BY-4.0")
    );
    assert_eq!(
        spdx_from_filename("LicenseRef-Magenta.txt").as_deref(),
        Some("LicenseRef-Magenta")
    );
    assert_eq!(spdx_from_filename("MIT"), Some("MIT".to_string()));
    for none in ["LICENSE", "LICENSE.txt", "COPYING", "README.md", "x.y.txt"] {
        assert_eq!(spdx_from_filename(none), None, "{none}");
    }
}

#[test]
fn manifests() {
    assert_eq!(
        manifest_licence("package.json", r#"{"name":"x","license":"MIT"}"#).as_deref(),
        Some("MIT")
    );
    assert_eq!(
        manifest_licence("web/package.json", r#"{"license":{"type":"ISC"}}"#).as_deref(),
        Some("ISC")
    );
    assert_eq!(
        manifest_licence(
            "package.json",
            r#"{"license":"SEE LICENSE IN LICENSE.txt"}"#
        ),
        None
    );
    assert_eq!(manifest_licence("package.json", "{not json"), None);
    assert_eq!(manifest_licence("package.json", r#"{"name":"x"}"#), None);
    assert_eq!(
        manifest_licence("composer.json", r#"{"license":["MIT","GPL-3.0-or-later"]}"#).as_deref(),
        Some("MIT OR GPL-3.0-or-later")
    );
    // TOML manifests are read only with the `toml` feature.
    #[cfg(feature = "toml")]
    {
        assert_eq!(
            manifest_licence(
                "Cargo.toml",
                "[package]\nname = \"x\"\nlicense = \"MPL-2.0\"\n"
            )
            .as_deref(),
            Some("MPL-2.0")
        );
        assert_eq!(
            manifest_licence("Cargo.toml", "[package]\nlicense = \"MIT/Apache-2.0\"\n").as_deref(),
            Some("MIT OR Apache-2.0")
        );
        assert_eq!(
            manifest_licence(
                "Cargo.toml",
                "[workspace.package]\nlicense = \"EUPL-1.2\"\n[package]\nlicense.workspace = true\n"
            )
            .as_deref(),
            Some("EUPL-1.2")
        );
        assert_eq!(
            manifest_licence("Cargo.toml", "[package]\nlicense-file = \"LICENSE\"\n"),
            None
        );
        assert_eq!(manifest_licence("Cargo.toml", "[package\n"), None);
        assert_eq!(
            manifest_licence(
                "pyproject.toml",
                "[project]\nname = \"x\"\nlicense = \"MPL-2.0\"\n"
            )
            .as_deref(),
            Some("MPL-2.0")
        );
        assert_eq!(
            manifest_licence(
                "pyproject.toml",
                "[project]\nlicense = { text = \"MIT License\" }\n"
            )
            .as_deref(),
            Some("MIT")
        );
        assert_eq!(
            manifest_licence(
                "pyproject.toml",
                "[project]\nlicense = { file = \"LICENSE\" }\n"
            ),
            None
        );
        assert_eq!(
            manifest_licence("pyproject.toml", "[tool.poetry]\nlicense = \"MPL-2.0\"\n").as_deref(),
            Some("MPL-2.0")
        );
    }
    let pom = "<project><!-- <licenses><license><name>MIT</name></license></licenses> -->\
               <name>app</name><licenses><license><name>Mozilla Public License Version 2.0</name>\
               <url>https://mozilla.org/MPL/2.0/</url></license></licenses></project>";
    assert_eq!(manifest_licence("pom.xml", pom).as_deref(), Some("MPL-2.0"));
    assert_eq!(
        manifest_licence("pom.xml", "<project><name>x</name></project>"),
        None
    );
    assert_eq!(manifest_licence("README.md", "license: MIT"), None);
}

/// Each `</name>` closes the last `<name>` before it, in one pass over the POM.
#[test]
fn pom_names_in_one_pass() {
    // 2,000 nested <license><name>: the innermost name is the licence. Searching for a
    // `</name>` from every `<name>` gave 2,000 names of markup (and took 15 s).
    let nested = format!(
        "<project><licenses>{}2.0{}</licenses></project>",
        "<license><name>Mozilla Public License ".repeat(2000),
        "</name></license>".repeat(2000)
    );
    assert_eq!(
        manifest_licence("pom.xml", &nested).as_deref(),
        Some("MPL-2.0")
    );
    // 1 MiB of names left open, then one closed: one name (a minute before).
    let unclosed = format!(
        "<project><licenses><license>{}<name>MIT</name></license></licenses></project>",
        "<name>x".repeat(149_000)
    );
    assert_eq!(
        manifest_licence("pom.xml", &unclosed).as_deref(),
        Some("MIT")
    );
    // A licence named again is one licence; different ones keep their order.
    let repeated = format!(
        "<project><licenses>{}<license><name>Apache-2.0</name></license>{}</licenses></project>",
        "<license><name>MIT</name></license>".repeat(30_000),
        "<license><name>MIT</name></license>".repeat(30_000)
    );
    assert_eq!(
        manifest_licence("pom.xml", &repeated).as_deref(),
        Some("MIT OR Apache-2.0")
    );
    assert_eq!(
        first_of_each(["b", "a", "b", "c", "a"].map(String::from).to_vec()),
        ["b", "a", "c"]
    );
}

/// The backtracking matcher finds the same matches and groups as a regex engine, for every
/// name pattern, on the test texts, the corpus's licence texts and edge cases.
#[test]
fn name_patterns_match_like_a_regex_engine() {
    let mut texts: Vec<String> = [
        "mpl2 mpl v2 mplv 2 mpl 2 0 mpl 1 1 mozilla public licensed version 2 0",
        "apache 2 apache software license v 2 0 apache2 apachev2 apache license version 2",
        "licensed under the terms of the mit licensed mit license mit expat licenses",
        "gplv3 + gpl 2 0 only lgpl version 2 1 or later agpl v3 gplv 4 gpl v 3 1",
        "gnu lesser general public license version 2 1 of the license or at your option any later version",
        "general public licenses as published by the free software foundation either version 3 only",
        "cc by nc sa 4 0 cc by sa 3 0 cc by 5 0 creative commons attribution noncommercial noderivs 3 0",
        "bsd 3 clause 3 clause bsd simplified bsd new bsd2 isc license zlib licensing cc0 unlicense",
        "eupl 1 2 eupl v 1 1 european union public licens version 1 2 epl v 2 epl 1 0 boost software license 1 0",
        "æmit license mpl 2æ gpl3 x_gpl 3 gpl 3_ 2gpl 3",
        "",
        " ",
    ]
    .iter()
    .map(|t| t.to_string())
    .collect();
    for path in [
        "OS2compliance/OS2compliance/files/LICENSE",
        "OS2iot/OS2iot-docs/files/LICENSE",
        "OS2compliance/OS2compliance/files/src/main/resources/static/vendor/ckeditor5/LICENSE-ckeditor5.md",
    ] {
        texts.push(norm(&corpus(path)));
    }
    let mut found = 0;
    for (source, _) in name_table() {
        let ours = Pattern::new(&source).expect("in the subset");
        let theirs = regex_lite::Regex::new(&source).expect("a regex");
        for text in &texts {
            let want: Vec<Spans> = theirs
                .captures_iter(text)
                .map(|c| {
                    (0..c.len())
                        .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                        .collect()
                })
                .collect();
            let got: Vec<Spans> = ours.matches(text).collect();
            assert_eq!(got, want, "{source} on {:?}", &text[..text.len().min(80)]);
            found += got.len();
        }
    }
    assert!(
        found > 40,
        "the texts exercise the patterns ({found} matches)"
    );
    for bad in [r"a(b", r"a)b", r"\d", r"a*", r"(?i)a", "[a-z]", "?"] {
        assert!(Pattern::new(bad).is_none(), "{bad}");
    }
}

#[test]
fn sameness() {
    assert!(same_licence("GPL-3.0", "GPL-3.0-only"));
    assert!(same_licence("gpl-3.0", "GPL-3.0-or-later"));
    assert!(!same_licence("GPL-3.0-only", "GPL-3.0-or-later"));
    assert!(same_licence("GPL-2.0+", "GPL-2.0-or-later"));
    assert!(same_licence("mpl-2.0", "MPL-2.0"));
    assert!(!same_licence("MPL-2.0", "MIT"));
    assert!(same_licence("MIT OR Apache-2.0", "Apache-2.0 OR MIT"));
    assert!(!same_licence("MIT OR Apache-2.0", "MIT AND Apache-2.0"));
    assert!(!same_licence("NOASSERTION", "NOASSERTION"));
    assert!(!same_licence("", "MIT"));
}
