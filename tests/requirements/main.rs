//! Every requirement (R1–R4, F1–F7, F10–F22, S1–S5, G1–G14, P1–P13) on fixture repositories
//! built here: a "complete" baseline that meets everything it can, and variations that remove or
//! break one thing. Declarations (governance report, self-assessment), contradictions, config
//! exceptions, the required level, the score and bad input are covered at the end.
//!
//! One file per theme; this file holds the fixture building and the baseline repository they
//! share. Each requirement's cases are named by its id, lower case: `f7_met_…` for a case where
//! the requirement is met, `f7_not_met_…` for one where it is not. For a requirement only the
//! governance report can decide (`Method::Declared`), "met" is declared in the report (verdict
//! `declared`) and "not met" is not declared (verdict `unknown`): `g2_met_declared_…`,
//! `g2_not_met_undeclared_…`. A test that covers more (several ids, or met and not met at once)
//! keeps a name that starts with the first id it is about, or no id at all. The meta-test at the
//! end holds every requirement to both names.

#[path = "../common/mod.rs"]
mod common;

mod bad_input;
mod baseline;
mod config_score;
mod declarations;
mod fixes;
mod formkrav_docs;
mod formkrav_files;
mod governance;
mod practice;
mod reading;
mod relevans;
mod strategi;

use common::{new_repo, Entry, Fixture, DAY, NOW};
use os2gov::adapters::git::open_snapshot;
use os2gov::base::model::{Fetched, OpenItem, RepoMeta};
use os2gov::engine::report::{Finding, LevelSource, Report, Verdict};
use os2gov::engine::{check, EngineError, Options};
use os2gov::rules::Method;
use os2gov::{Lang, Level, Snapshot};
use std::collections::BTreeMap;
use std::path::Path;

// ---------------------------------------------------------------------------------------------
// Fixture building
// ---------------------------------------------------------------------------------------------

#[derive(Clone)]
enum Spec {
    Text(String),
    Bytes(Vec<u8>),
    Link(String),
}

/// A repository to build: files, the `origin` remote, the age of the import commit and further
/// (empty) commits on top of it.
#[derive(Clone)]
struct Repo {
    files: BTreeMap<String, Spec>,
    origin: Option<String>,
    days_ago: i64,
    first_message: String,
    commits: Vec<String>,
}

impl Repo {
    fn empty() -> Repo {
        Repo {
            files: BTreeMap::new(),
            origin: None,
            days_ago: 10,
            first_message: "Initial import (#1)".to_string(),
            commits: Vec::new(),
        }
    }

    fn set(mut self, path: &str, text: &str) -> Repo {
        self.files
            .insert(path.to_string(), Spec::Text(text.to_string()));
        self
    }

    fn bytes(mut self, path: &str, bytes: Vec<u8>) -> Repo {
        self.files.insert(path.to_string(), Spec::Bytes(bytes));
        self
    }

    fn link(mut self, path: &str, target: &str) -> Repo {
        self.files
            .insert(path.to_string(), Spec::Link(target.to_string()));
        self
    }

    fn remove(mut self, path: &str) -> Repo {
        assert!(self.files.remove(path).is_some(), "{path} not in fixture");
        self
    }

    /// Rewrites a text file; panics when the edit changes nothing, so a stale test shows.
    fn edit(mut self, path: &str, from: &str, to: &str) -> Repo {
        let Some(Spec::Text(text)) = self.files.get_mut(path) else {
            panic!("{path} is not a text file of the fixture");
        };
        assert!(text.contains(from), "{path} does not contain {from:?}");
        *text = text.replace(from, to);
        self
    }

    fn origin(mut self, url: Option<&str>) -> Repo {
        self.origin = url.map(str::to_string);
        self
    }

    fn days_ago(mut self, days: i64) -> Repo {
        self.days_ago = days;
        self
    }

    fn first_message(mut self, message: &str) -> Repo {
        self.first_message = message.to_string();
        self
    }

    fn commits(mut self, messages: &[&str]) -> Repo {
        self.commits.extend(messages.iter().map(|m| m.to_string()));
        self
    }

    fn build(&self) -> Fixture {
        let fixture = new_repo();
        let entries: Vec<(&str, Entry)> = self
            .files
            .iter()
            .map(|(path, spec)| {
                let entry = match spec {
                    Spec::Text(text) => Entry::Text(text),
                    Spec::Bytes(bytes) => Entry::Bytes(bytes.clone()),
                    Spec::Link(target) => Entry::Link(target),
                };
                (path.as_str(), entry)
            })
            .collect();
        let start = NOW - self.days_ago * DAY;
        fixture.commit(&entries, &self.first_message, start);
        if !self.commits.is_empty() {
            let messages: Vec<&str> = self.commits.iter().map(String::as_str).collect();
            fixture.empty_commits(&messages, start + 60);
        }
        if let Some(url) = &self.origin {
            fixture.set_origin(url);
        }
        fixture
    }

    fn snapshot(&self) -> Snapshot {
        let fixture = self.build();
        open_snapshot(fixture.path(), None, NOW).expect("snapshot")
    }

    fn try_check(&self, options: Options) -> Result<Report, EngineError> {
        check(&self.snapshot(), &options)
    }

    fn check_with(&self, options: Options) -> Report {
        self.try_check(options).expect("check")
    }

    fn check(&self) -> Report {
        self.check_with(english())
    }
}

fn english() -> Options {
    Options {
        lang: Some(Lang::En),
        ..Options::default()
    }
}

fn check_snapshot(snapshot: &Snapshot) -> Report {
    check(snapshot, &english()).expect("check")
}

fn finding<'a>(report: &'a Report, id: &str) -> &'a Finding {
    report
        .finding(id)
        .unwrap_or_else(|| panic!("no finding {id}"))
}

/// Asserts a verdict and returns the finding, printing its message and evidence on failure.
#[track_caller]
fn verdict<'a>(report: &'a Report, id: &str, expected: Verdict) -> &'a Finding {
    let f = finding(report, id);
    assert_eq!(
        f.verdict, expected,
        "{id}: {} — evidence {:?}",
        f.message, f.evidence
    );
    f
}

#[track_caller]
fn evidence_at(f: &Finding, path: &str, line: u32) {
    assert!(
        f.evidence
            .iter()
            .any(|e| e.path.as_deref() == Some(path) && e.line == Some(line)),
        "{}: expected evidence {path}:{line}, got {:?}",
        f.id,
        f.evidence
    );
}

#[track_caller]
fn evidence_file(f: &Finding, path: &str) {
    assert!(
        f.evidence.iter().any(|e| e.path.as_deref() == Some(path)),
        "{}: expected evidence in {path}, got {:?}",
        f.id,
        f.evidence
    );
}

#[track_caller]
fn says(f: &Finding, needle: &str) {
    assert!(
        f.message.contains(needle),
        "{}: message {:?} does not contain {needle:?}",
        f.id,
        f.message
    );
}

/// Line (1-based) of the first line of `text` that contains `needle`.
fn line_of(text: &str, needle: &str) -> u32 {
    let index = text
        .lines()
        .position(|l| l.contains(needle))
        .unwrap_or_else(|| panic!("{needle:?} not in text"));
    u32::try_from(index + 1).expect("line")
}

// ---------------------------------------------------------------------------------------------
// The baseline: a repository that follows OS2's templates and good practice
// ---------------------------------------------------------------------------------------------

const README: &str = r#"# OS2test

OS2test lets municipalities book meeting rooms, equipment and cars in one shared web application.

[How It Works](#how-it-works) | [Architecture](#architecture) | [How to Install and Run](#how-to-install-and-run)

## About

OS2test is an open-source booking system developed by Danish municipalities together in OS2.

## Purpose

Municipalities need one shared booking tool instead of spreadsheets and small local systems that nobody maintains.

## Value

Each municipality saves licence costs and staff time, and citizens get one place to book public rooms and equipment.

## Who is it for

Every municipality and region that books rooms, equipment or vehicles for employees or citizens can use OS2test.

## 🧭 How It Works

The browser client talks to a REST API, which stores the bookings in a PostgreSQL database.

### Architecture

A Python backend and a TypeScript frontend; see the [architecture documentation](docs/architecture.md).

### Key Features

- Booking of rooms, equipment and cars
- Calendar integration with Outlook and Google

## ▶️ How to Install and Run

### Development

Run `docker compose up` and open the application on port 8000.

### Production

Deploy the container image with the Helm chart; see [operations](docs/operations.md).

## :star: Examples

Book a room from the command line:

```sh
curl -X POST https://booking.example.dk/api/bookings -d room=42
```

## Contact

Jens Hansen, product owner (tovholder): jens.hansen@aarhus.dk

## Documentation and links

- Product page: [OS2test on os2.eu](https://os2.eu/produkt/os2test)
- Guides and questions: [OS2test on Loop](https://faq.os2.eu/os2test)
- Backlog: [Jira](https://os2web.atlassian.net/jira/software/c/projects/OS2TEST/boards/1)
- Presentation: [slides](https://os2.eu/sites/default/files/os2test-slides.pptx)
- For management: [business case](https://os2.eu/sites/default/files/os2test-business-case.pdf)
- Adoption: [implementation guide](https://faq.os2.eu/os2test/implementation)
- Community: [OS2test user forum](https://os2.eu/netvaerk/os2test)

---

*Licensed under the [Mozilla Public License 2.0](LICENSE) | For contribution guidelines, see [CONTRIBUTING.md](CONTRIBUTING.md) | Contact: jens.hansen@aarhus.dk*
"#;

const LICENSE: &str = "Mozilla Public License Version 2.0
==================================

1. Definitions
--------------

1.1. \"Contributor\"
    means each individual or legal entity that creates, contributes to
    the creation of, or owns Covered Software.

1.2. \"Contributor Version\"
    means the combination of the Contributions of others (if any) used
    by a Contributor and that particular Contributor's Contribution.

1.4. \"Covered Software\"
    means Source Code Form to which the initial Contributor has attached
    the notice in Exhibit A, the Executable Form of such Source Code
    Form, and Modifications of such Source Code Form, in each case
    including portions thereof.
";

const SECURITY: &str = "# Security policy

Report vulnerabilities in confidence to security@os2test.dk. We answer within two business days
and support the latest release.
";

const CONTRIBUTING: &str = "# Contributing to OS2test

We welcome bug reports, feature requests, documentation and translations.

## How contributions are reviewed

Open a pull request against `main`. A maintainer reviews it; when the tests pass and one
maintainer approves, it is merged.

## Response time

We answer new issues and pull requests within five business days.

## Maintainers' time

The maintainers have about four hours per week for the project, paid by the municipalities.

## Code style

Python code is formatted with black and checked with ruff; TypeScript follows Prettier.
";

const MAINTAINERS: &str = "# Maintainers

| Name | GitHub | Role | Contact |
|------|--------|------|---------|
| Jens Hansen | @jenshansen | Product owner (tovholder) | jens.hansen@aarhus.dk |
| Mette Larsen | @mettelarsen | Lead developer | mette.larsen@magenta.dk |

## Becoming a maintainer

Contributors with several accepted pull requests can ask an existing maintainer to nominate them.
";

const GOVERNANCE: &str = "# Governance

## Decisions

The coordination group decides the priorities of the product at its quarterly meetings;
technical decisions are made by the maintainers in pull requests.

## Roles

The tovholder coordinates the work and the contact with the OS2 secretariat. Maintainers review
and merge contributions. The steering group sets the budget.

## Steering group (styregruppe)

The steering group has three members from the participating municipalities' management; it
approves the budget and the annual plan and reports to the OS2 board.

## Coordination group (koordinationsgruppe)

The coordination group has one member from each participating municipality; it prioritises
development requests and acts as product owner towards the supplier. Its mandate is set out in
the [kommissorium](https://os2.eu/produkt/os2test/kommissorium).

## Becoming a maintainer

Contributors who have made several accepted pull requests can become maintainers: an existing
maintainer nominates them and the coordination group approves.

## Project model

We work in two-week Scrum sprints with a shared backlog in Jira and a demo for the coordination
group after each sprint.

## Third-party review

An external supplier performs a security audit of the code once a year; the reports are linked
from the product page.

## Funding

The participating municipalities sign the tilslutningsaftale, which shares the cost of
coordination and development.

## Meetings

The coordination group's minutes are published on os2.eu:
[Minutes 2026-10-14](https://os2.eu/produkt/os2test/referat-2026-10-14).
";

const VISION: &str = "# Vision for OS2test

OS2test shall be the booking system every Danish municipality reaches for first: simple for
citizens, cheap to run, and owned by the municipalities that use it. We add features only when
at least two municipalities need them, and we keep the product small enough that a new supplier
can take it over within a month.

## OS2's strategy

OS2test supports OS2's strategy of sharing solutions across municipalities: the code is public,
the roadmap is decided together, and every municipality can join the community.

## Open source and innovation

Everything is developed in the open under the MPL-2.0, and new ideas are tried as experiments in
one municipality before they are offered to all.
";

const ROADMAP: &str = "# Roadmap

- 2027 Q1: calendar integration with Microsoft 365 for all municipalities.
- 2027 Q2: booking of cars with key boxes, together with Aarhus and Odense.
- 2027 Q3: accessibility audit and fixes for WCAG 2.1 AA.
";

const ARCHITECTURE: &str = "# Architecture

OS2test consists of a Python backend, a TypeScript frontend and a PostgreSQL database.

## Components

The API serves the frontend and the calendar integrations; a worker sends reminders.

## Rammearkitektur

OS2test follows the fællesoffentlige rammearkitektur: it uses the common login (MitID Erhverv)
and exposes its data through a documented REST API.
";

const OPERATIONS: &str = "# Operations

OS2test runs as a container on each municipality's own Kubernetes cluster or at a hosting
partner. The supplier maintains the code; each municipality operates its own installation.
Monitoring uses Prometheus, deployment uses the Helm chart, and the database is backed up every
night.
";

const PUBLICCODE: &str = "publiccodeYmlVersion: \"0.4\"
name: OS2test
url: https://github.com/OS2offdig/os2test.git
platforms:
  - web
categories:
  - it-development
developmentStatus: stable
softwareType: standalone/web
description:
  en:
    shortDescription: Booking of rooms, equipment and cars for municipalities
    longDescription: >
      A system that municipalities use to book meeting rooms, equipment and cars, shared across
      the whole organisation, with calendar integration and a public booking page for citizens.
    features:
      - Booking
legal:
  license: MPL-2.0
maintenance:
  type: community
  contacts:
    - name: Jens Hansen
      email: jens.hansen@aarhus.dk
localisation:
  localisationReady: true
  availableLanguages:
    - da
    - en
";

const CI: &str = "name: CI
on: [push, pull_request]
jobs:
  test:
    runs-on: ubuntu-latest
    steps:
      - uses: actions/checkout@v4
      - run: make test
";

const DEPENDABOT: &str = "version: 2
updates:
  - package-ecosystem: pip
    directory: /
    schedule:
      interval: weekly
";

const DOCKERFILE: &str =
    "FROM python:3.12-slim\nCOPY . /app\nCMD [\"python\", \"-m\", \"os2test\"]\n";

fn os2_code_of_conduct() -> String {
    std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/os2/OS2-CODE_OF_CONDUCT.md"),
    )
    .expect("OS2's code of conduct")
}

/// OS2's current governance checklist, with the title replaced, `prose` after the intro and
/// `rows` filled in: (id, marker cell, *Beskrivelse / Dokumentation* cell).
fn governance_report(prose: &str, rows: &[(&str, &str, &str)]) -> String {
    let template = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/os2/governance_template.md"),
    )
    .expect("OS2's governance template");
    let mut out = String::new();
    for line in template.lines() {
        let mut line = line.to_string();
        if line == "# INDSÆT NAVNET PÅ PRODUKTET" {
            line = "# OS2test".to_string();
        } else if line.starts_with("Denne checkliste belyser") && !prose.is_empty() {
            line = format!("{line}\n\n{prose}");
        } else if line.starts_with('|') {
            let mut cells: Vec<String> = line.split('|').map(str::to_string).collect();
            if let Some((_, marker, doc)) = cells
                .get(2)
                .and_then(|id| rows.iter().find(|(r, _, _)| *r == id.trim()))
            {
                cells[1] = format!(" {marker} ");
                cells[4] = format!(" {doc} ");
                line = cells.join("|");
            }
        }
        out.push_str(&line);
        out.push('\n');
    }
    out
}

/// Every row ✅ with documentation, except `overrides`.
fn full_report(overrides: &[(&str, &str, &str)]) -> String {
    full_report_with_prose("", overrides)
}

fn full_report_with_prose(prose: &str, overrides: &[(&str, &str, &str)]) -> String {
    let rows: Vec<(&str, &str, &str)> = os2gov::parse::govreport::REQUIREMENT_IDS
        .iter()
        .map(|id| {
            overrides
                .iter()
                .find(|(o, _, _)| o == id)
                .copied()
                .unwrap_or((id, "✅", "See README.md and GOVERNANCE.md"))
        })
        .collect();
    governance_report(prose, &rows)
}

const REPORT: &str = "OS2test_governance_report.md";

/// The complete repository, without a governance report.
fn baseline_files() -> Repo {
    Repo::empty()
        .origin(Some("https://github.com/OS2offdig/os2test.git"))
        .set("README.md", README)
        .set("LICENSE", LICENSE)
        .set("SECURITY.md", SECURITY)
        .set("CONTRIBUTING.md", CONTRIBUTING)
        .set("MAINTAINERS.md", MAINTAINERS)
        .set("CODE_OF_CONDUCT.md", &os2_code_of_conduct())
        .set("GOVERNANCE.md", GOVERNANCE)
        .set("VISION.md", VISION)
        .set("ROADMAP.md", ROADMAP)
        .set("docs/architecture.md", ARCHITECTURE)
        .set("docs/operations.md", OPERATIONS)
        .set(".github/workflows/ci.yml", CI)
        .set(".github/dependabot.yml", DEPENDABOT)
        .set(
            ".github/ISSUE_TEMPLATE/bug_report.md",
            "---\nname: Bug report\n---\n\nWhat happened?\n",
        )
        .set(
            ".github/PULL_REQUEST_TEMPLATE.md",
            "## What does this change?\n\n## How was it tested?\n",
        )
        .set("Dockerfile", DOCKERFILE)
        .set(".editorconfig", "root = true\n[*]\nindent_style = space\n")
        .set("publiccode.yml", PUBLICCODE)
}

/// The complete repository with a governance report that marks every row ✅.
fn baseline() -> Repo {
    baseline_files().set(REPORT, &full_report(&[]))
}

/// The metadata GitHub would return for the baseline: public, active, not a fork.
fn github_meta() -> RepoMeta {
    RepoMeta {
        owner: "OS2offdig".into(),
        name: "os2test".into(),
        html_url: "https://github.com/OS2offdig/os2test".into(),
        private: false,
        archived: false,
        fork: false,
        default_branch: "main".into(),
        has_issues: true,
        license_spdx: Some("MPL-2.0".into()),
        description: Some("Booking for municipalities".into()),
        homepage: Some("https://os2.eu/produkt/os2test".into()),
        topics: vec!["os2".into()],
        pushed_at: Some(NOW - 2 * DAY),
    }
}

fn with_metadata(mut snapshot: Snapshot) -> Snapshot {
    snapshot.github = Fetched::Got {
        value: github_meta(),
    };
    snapshot.open_items = Fetched::Got { value: Vec::new() };
    snapshot
}

/// A repository with a one-line README and nothing else: most requirements are not met on it,
/// and the ones a governance report can decide are undeclared.
fn bare() -> Repo {
    Repo::empty().set("README.md", "# OS2test\n\nA booking tool.\n")
}

/// [`bare`] with a governance report that marks `id` ❌ without an explanation: where the
/// repository shows nothing, the report's ❌ makes an automatic-or-declared requirement not met.
fn declared_cross(id: &str) -> Report {
    bare()
        .set(REPORT, &governance_report("", &[(id, "❌", "")]))
        .check()
}

// ---------------------------------------------------------------------------------------------
// Every requirement has a met and a not-met case
// ---------------------------------------------------------------------------------------------

/// The names of the `#[test]` functions in `text`.
fn test_names(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut after_test = false;
    for line in text.lines().map(str::trim) {
        if line == "#[test]" {
            after_test = true;
        } else if let Some(rest) = line.strip_prefix("fn ").filter(|_| after_test) {
            let name: String = rest
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric() || *c == '_')
                .collect();
            names.push(name);
            after_test = false;
        } else if !line.starts_with("#[") && !line.starts_with("//") {
            after_test = false;
        }
    }
    names
}

/// The words of a test name that look like a requirement id (`f7`, `g14`).
fn ids_in(name: &str) -> Vec<&str> {
    name.split('_')
        .filter(|w| {
            let mut chars = w.chars();
            chars.next().is_some_and(|c| "rfsgp".contains(c))
                && w.len() > 1
                && chars.all(|c| c.is_ascii_digit())
        })
        .collect()
}

/// What is wrong with `names` as the cases of `ids`: an id without a met or a not-met case, or
/// a name with an id that is no requirement.
fn naming_problems(ids: &[String], names: &[String]) -> Vec<String> {
    let mut problems = Vec::new();
    for id in ids {
        for kind in ["met", "not_met"] {
            let prefix = format!("{id}_{kind}");
            if !names.iter().any(|n| n.starts_with(&prefix)) {
                problems.push(format!("{} has no `fn {prefix}…` case", id.to_uppercase()));
            }
        }
    }
    for name in names {
        for id in ids_in(name) {
            if !ids.iter().any(|known| known == id) {
                problems.push(format!("`{name}` names {id}, which is no requirement"));
            }
        }
    }
    problems
}

#[test]
fn every_requirement_has_a_met_and_a_not_met_case() {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/requirements");
    let mut names = Vec::new();
    for entry in std::fs::read_dir(&dir)
        .expect("tests/requirements")
        .flatten()
    {
        let path = entry.path();
        if path.extension().is_some_and(|e| e == "rs") {
            let text = std::fs::read_to_string(&path).expect("read");
            names.extend(test_names(&text));
        }
    }
    assert!(names.len() > 100, "the tests were not found: {names:?}");
    let ids: Vec<String> = os2gov::rules::all().map(|r| r.id.to_lowercase()).collect();
    assert_eq!(ids.len(), 56);
    let problems = naming_problems(&ids, &names);
    assert!(problems.is_empty(), "{}", problems.join("\n"));
}

/// The meta-test's reading can fail: a missing case, a wrong id and a prefix that only looks
/// alike (`f1_met` is not `f10_met`) are all found.
#[test]
fn the_naming_check_finds_what_is_missing() {
    let ids = vec!["f1".to_string(), "f10".to_string()];
    let text = "#[test]\nfn f1_met_a() {}\n\n#[test]\n/// Doc.\nfn f10_not_met_b() {}\n\n#[test]\nfn f8_met_c() {}\nfn f1_not_met_helper() {}\n";
    let names = test_names(text);
    assert_eq!(names, ["f1_met_a", "f10_not_met_b", "f8_met_c"]);
    assert_eq!(
        naming_problems(&ids, &names),
        [
            "F1 has no `fn f1_not_met…` case",
            "F10 has no `fn f10_met…` case",
            "`f8_met_c` names f8, which is no requirement",
        ]
    );
    assert_eq!(ids_in("f5_and_g3_a_p2p_x1"), ["f5", "g3"]);
}
