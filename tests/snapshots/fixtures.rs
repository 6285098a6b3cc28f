//! The small repositories the snapshot, schema and CLI tests share: a nearly empty one, a good one
//! (level 1 met, declared in its governance report) and one whose governance report contradicts
//! what the tool finds, with repository text that tries to break Markdown tables and inject HTML.
//! Included with `#[path = "snapshots/fixtures.rs"] mod fixtures;` next to `mod common;`.
#![allow(dead_code)]

use crate::common::{repo_with, Entry, Fixture};
use os2gov::parse::govreport::REQUIREMENT_IDS;

/// A README with a title and nothing else.
pub fn nearly_empty() -> Fixture {
    repo_with(&[("README.md", Entry::Text("# Demo\n"))], 10)
}

pub const GOOD_README: &str = "# OS2demo

OS2demo lets citizens and staff book meeting rooms in municipal buildings from any browser.

## Formål

OS2demo gør det nemt for borgere og medarbejdere at booke lokaler i kommunens bygninger uden at ringe.

## Værdi

Kommunerne sparer tid på manuel booking og får bedre udnyttelse af lokalerne, hvilket frigør kvadratmeter.

## 🧭 How It Works

A small web service with a PostgreSQL database serves the booking calendar to the browser.

#### Architecture

The service is one container and one database; see [architecture](docs/architecture.md) for details.

#### Key Features

Booking of rooms, shared calendars, reminders by e-mail and reports on room usage for the municipality.

## ▶️ How to Install and Run

#### Setting up a development environment

Install Docker and run `docker compose up` in the root of the repository to start everything.

#### Deploying to production

Use the published container image with your own PostgreSQL database and set the environment variables.

## Examples

Open http://localhost:8080 in a browser and book the first room on the list for tomorrow.

## Kontakt

Tovholder: Jane Jensen, jane@example.dk, Aarhus Kommune, er kontaktperson for produktet.

Læs mere på [os2.eu](https://os2.eu/produkt/os2demo).

---

*This project is licensed under the terms of the [LICENSE](LICENSE) | For contribution guidelines, see [CONTRIBUTING.md](CONTRIBUTING.md) | Contact: Jane Jensen*
";

const LICENSE: &str = "Mozilla Public License Version 2.0\n==================================\n";

/// A governance report in OS2's current template: one table per theme with every checklist row,
/// the marker and documentation from `row` (empty when it returns `None`).
pub fn governance_report(
    level: &str,
    row: impl Fn(&str) -> Option<(&'static str, String)>,
) -> String {
    let mut out = format!(
        "# OS2demo\n\nDenne checkliste belyser efterlevelsen af OS2's niveaukrav for produktet.\n\nProduktniveau: {level}\n"
    );
    let mut theme = ' ';
    for id in REQUIREMENT_IDS {
        let first = id.chars().next().unwrap_or(' ');
        if first != theme {
            theme = first;
            let heading = match first {
                'R' => "RELEVANS",
                'F' => "FORMKRAV",
                'S' => "STRATEGISK SAMMENHÆNG",
                _ => "GOVERNANCE",
            };
            out.push_str(&format!(
                "\n## {heading}\n\n| 🔽 | # | Krav | Beskrivelse / Dokumentation | Produktniveau | Retningslinjer |\n| --- | --- | --- | --- | --- | --- |\n"
            ));
        }
        let rule = os2gov::rules::find(id).expect("catalogued");
        let (marker, documentation) = row(id).unwrap_or(("", String::new()));
        out.push_str(&format!(
            "| {marker} | {id} | {} | {documentation} | {} | |\n",
            rule.title.da,
            rule.level.as_str()
        ));
    }
    out
}

/// Meets level 1 on its own files and its governance report's declarations; level 2 and 3 rows
/// are marked ❓.
pub fn good() -> Fixture {
    let report = governance_report("1", |id| {
        let rule = os2gov::rules::find(id)?;
        Some(if rule.level <= os2gov::Level::One {
            (
                "✅",
                format!("Se README.md og referat fra bestyrelsesmødet om {id}."),
            )
        } else {
            ("❓", String::new())
        })
    });
    let fixture = repo_with(
        &[
            ("README.md", Entry::Text(GOOD_README)),
            ("LICENSE", Entry::Text(LICENSE)),
            (
                "SECURITY.md",
                Entry::Text("# Security\n\nReport vulnerabilities to security@example.dk. We answer within two working days.\n"),
            ),
            (
                "MAINTAINERS.md",
                Entry::Text("# Maintainers\n\n- Jane Jensen, jane@example.dk\n- Ole Olsen, ole@example.dk\n"),
            ),
            (
                "CONTRIBUTING.md",
                Entry::Text("# Contributing\n\nOpen an issue first, then a pull request that references it. Tests must pass and code is reviewed by a maintainer before merge.\n"),
            ),
            (
                "docs/architecture.md",
                Entry::Text("# Architecture\n\nOne web container and one PostgreSQL database.\n"),
            ),
            ("OS2demo_governance_report.md", Entry::Text(&report)),
        ],
        20,
    );
    fixture.set_origin("https://github.com/OS2offdig/os2demo.git");
    fixture
}

/// The governance report declares F4 ✅ without a security policy in sight and F2 ❌ next to a
/// licence; its cells and the config carry `|`, newlines, HTML and an @-mention.
pub fn contradicting() -> Fixture {
    let report = governance_report("1", |id| match id {
        "F2" => Some((
            "❌",
            "Licensen er ikke valgt endnu <img src=x onerror=alert(1)> \\| @OS2offdig/admins"
                .to_string(),
        )),
        "F4" => Some(("✅", "Se SECURITY.md".to_string())),
        "F3" => Some(("✅", "Udbud gennemført <b>2024</b>".to_string())),
        _ => None,
    });
    let fixture = repo_with(
        &[
            (
                "README.md",
                Entry::Text("# OS2contra\n\nA demonstration of a governance report that says one thing while the repository shows another.\n"),
            ),
            ("LICENSE", Entry::Text(LICENSE)),
            (
                "os2gov.toml",
                Entry::Text("[exceptions]\nF19 = \"\"\"\nWe ship Debian packages | not containers.\n<script>alert(1)</script> *really*\n\"\"\"\n"),
            ),
            ("OS2contra_governance_report.md", Entry::Text(&report)),
        ],
        400,
    );
    fixture.set_origin("https://github.com/OS2offdig/os2contra.git");
    fixture
}
