//! Every requirement (R1–R4, F1–F7, F10–F22, S1–S5, G1–G14, P1–P13) on fixture repositories
//! built here: a "complete" baseline that meets everything it can, and variations that remove or
//! break one thing. Declarations (governance report, self-assessment), contradictions, config
//! exceptions, the required level, the score and bad input are covered at the end.

mod common;

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

// ---------------------------------------------------------------------------------------------
// Baseline
// ---------------------------------------------------------------------------------------------

/// The most valuable test: on a repository that does everything right, every check that can
/// run offline finds its evidence, and nothing contradicts the report.
#[test]
fn baseline_meets_every_requirement_it_can_check_offline() {
    let r = baseline().check();
    let mut wrong = Vec::new();
    for f in &r.requirements {
        let expected = match (f.id.as_str(), f.method) {
            // Offline: visibility/archiving and fork status need metadata; the ✅ stands.
            ("F1" | "F12", _) => Verdict::Declared,
            // Response times need GitHub's open issues; P rows are not in the report.
            ("P9", _) => Verdict::Unknown,
            (_, Method::Declared) => Verdict::Declared,
            _ => Verdict::Met,
        };
        if f.verdict != expected {
            wrong.push(format!(
                "{} is {} (expected {}): {} {:?}",
                f.id,
                f.verdict.as_str(),
                expected.as_str(),
                f.message,
                f.evidence
            ));
        }
    }
    assert!(wrong.is_empty(), "\n{}", wrong.join("\n"));
    assert!(r.contradictions.is_empty(), "{:?}", r.contradictions);
    assert_eq!(r.requirements.len(), 56);
    // Every mandatory requirement is compliant: the highest level is achieved.
    assert_eq!(r.achieved_level, Some(Level::Three));
    assert!(r.passed);
}

#[test]
fn baseline_with_metadata_is_fully_verified_where_it_can_be() {
    let r = check_snapshot(&with_metadata(baseline().snapshot()));
    for id in ["F1", "F12", "P9"] {
        verdict(&r, id, Verdict::Met);
    }
    let f1 = finding(&r, "F1");
    assert_eq!(
        f1.evidence[0].url.as_deref(),
        Some("https://github.com/OS2offdig/os2test")
    );
    // Only the declared-only requirements are not verified by the tool.
    let not_met: Vec<&str> = r
        .requirements
        .iter()
        .filter(|f| f.verdict != Verdict::Met)
        .map(|f| f.id.as_str())
        .collect();
    let declared_only: Vec<&str> = r
        .requirements
        .iter()
        .filter(|f| f.method == Method::Declared)
        .map(|f| f.id.as_str())
        .collect();
    assert_eq!(not_met, declared_only);
    assert_eq!(r.achieved_level, Some(Level::Three));
    assert_eq!(r.score, 100);
}

#[test]
fn baseline_without_a_report_leaves_declarations_unknown() {
    let r = baseline_files().check();
    for f in &r.requirements {
        match (f.id.as_str(), f.method) {
            ("F1" | "F12" | "P9", _) | (_, Method::Declared) => {
                assert_eq!(f.verdict, Verdict::Unknown, "{}: {}", f.id, f.message)
            }
            ("P11", _) => assert_eq!(f.verdict, Verdict::NotMet, "{}", f.message),
            _ => assert_eq!(f.verdict, Verdict::Met, "{}: {}", f.id, f.message),
        }
    }
    verdict(&r, "F3", Verdict::Unknown);
    says(finding(&r, "F3"), "Not declared");
    assert_eq!(r.achieved_level, None, "F1 and F3 are unknown offline");
    assert_eq!(r.required_level.source, LevelSource::Default);
}

#[test]
fn baseline_evidence_points_at_file_and_line() {
    let r = baseline().check();
    evidence_at(finding(&r, "R1"), "README.md", line_of(README, "## Value"));
    evidence_at(
        finding(&r, "R3"),
        "README.md",
        line_of(README, "## Who is it for"),
    );
    evidence_at(finding(&r, "F2"), "LICENSE", 1);
    says(finding(&r, "F2"), "MPL-2.0");
    evidence_file(finding(&r, "F4"), "SECURITY.md");
    let f5 = finding(&r, "F5");
    for heading in ["## About", "## Purpose", "## Value", "## Contact"] {
        evidence_at(f5, "README.md", line_of(README, heading));
    }
    let f10 = finding(&r, "F10");
    evidence_at(
        f10,
        "README.md",
        line_of(README, "https://os2.eu/produkt/os2test"),
    );
    assert_eq!(
        f10.evidence[0].url.as_deref(),
        Some("https://os2.eu/produkt/os2test")
    );
    let f11 = finding(&r, "F11");
    evidence_at(f11, "README.md", line_of(README, "atlassian.net"));
    says(f11, "1 of the last 1 commits (100 %)");
    evidence_at(
        finding(&r, "G3"),
        "README.md",
        line_of(README, "## Contact"),
    );
    evidence_file(finding(&r, "S4"), "VISION.md");
    evidence_file(finding(&r, "F19"), "Dockerfile");
    evidence_at(
        finding(&r, "G6"),
        "GOVERNANCE.md",
        line_of(GOVERNANCE, "## Steering group"),
    );
    evidence_file(finding(&r, "P12"), "publiccode.yml");
    says(finding(&r, "P8"), ".github/workflows/ci.yml");
    says(finding(&r, "P8"), ".github/dependabot.yml");
    says(finding(&r, "P5"), "2026-10");
}

// ---------------------------------------------------------------------------------------------
// Relevans
// ---------------------------------------------------------------------------------------------

#[test]
fn r1_value_section_missing_is_not_met() {
    let r = baseline_files()
        .edit("README.md", "## Value", "## Savings")
        .check();
    let f = verdict(&r, "R1", Verdict::NotMet);
    says(f, "No section on value");
    // F5 names what is missing.
    says(verdict(&r, "F5", Verdict::NotMet), "what value it creates");
}

#[test]
fn r1_danish_headings_with_and_without_diacritics() {
    for heading in [
        "## Værdi",
        "## Vaerdi",
        "## VÆRDI FOR KOMMUNEN",
        "## Gevinster",
        "## Benefits",
    ] {
        let r = baseline_files()
            .edit("README.md", "## Value", heading)
            .check();
        let f = verdict(&r, "R1", Verdict::Met);
        evidence_at(f, "README.md", line_of(README, "## Value"));
    }
}

#[test]
fn r1_in_docs_counts() {
    let r = baseline_files()
        .edit("README.md", "## Value", "## Savings")
        .set(
            "docs/benefits.md",
            "# Benefits\n\nEach municipality saves two hours of staff time every week per booking desk.\n",
        )
        .check();
    evidence_at(verdict(&r, "R1", Verdict::Met), "docs/benefits.md", 1);
}

#[test]
fn r1_value_only_in_a_code_block_does_not_count() {
    let r = baseline_files()
        .edit("README.md", "## Value\n", "```markdown\n## Value\n")
        .edit(
            "README.md",
            "rooms and equipment.\n\n## Who",
            "rooms and equipment.\n```\n\n## Who",
        )
        .check();
    verdict(&r, "R1", Verdict::NotMet);
}

#[test]
fn r1_value_only_in_vendored_folders_does_not_count() {
    let text = "# Value\n\nThis library saves every user a lot of time and money each week.\n";
    let r = baseline_files()
        .edit("README.md", "## Value", "## Savings")
        .set("vendor/lib/README.md", text)
        .set("node_modules/pkg/docs/value.md", text)
        .set("docs/third_party/value.md", text)
        .check();
    verdict(&r, "R1", Verdict::NotMet);
}

#[test]
fn r3_target_group_met_and_declared_fallback() {
    let r = baseline_files()
        .edit("README.md", "## Who is it for", "## Målgruppe")
        .check();
    evidence_at(
        verdict(&r, "R3", Verdict::Met),
        "README.md",
        line_of(README, "## Who is it for"),
    );

    let without = baseline_files().edit("README.md", "## Who is it for", "## Scale");
    verdict(&without.check(), "R3", Verdict::Unknown);
    let declared = without.clone().set(REPORT, &full_report(&[])).check();
    says(verdict(&declared, "R3", Verdict::Declared), "Declared ✅");
    let explained = without
        .set(
            REPORT,
            &full_report(&[("R3", "❌", "Kun relevant for Aarhus indtil videre")]),
        )
        .check();
    says(
        verdict(&explained, "R3", Verdict::Explained),
        "Kun relevant for Aarhus",
    );
}

// ---------------------------------------------------------------------------------------------
// Declared requirements: the governance report decides
// ---------------------------------------------------------------------------------------------

const DECLARED_IDS: [&str; 13] = [
    "R2", "R4", "F3", "F21", "F22", "G2", "G4", "G5", "G11", "G12", "G13", "S1", "S3",
];

/// Every D id (and S1/S3 without their section) is unknown without a report.
#[test]
fn declared_requirements_are_unknown_without_a_report() {
    let r = baseline_files()
        .set("VISION.md", "# Vision\n\nShort.\n")
        .check();
    for id in DECLARED_IDS {
        let f = verdict(&r, id, Verdict::Unknown);
        says(f, "Not declared");
    }
}

#[test]
fn declared_requirements_follow_the_markers() {
    let ids = [
        "R2", "R4", "F3", "F21", "F22", "G2", "G4", "G5", "G11", "G12", "G13",
    ];
    let cases: [(&str, &str, Verdict); 7] = [
        (
            "✅",
            "Godkendt af direktionen 2025-03-01",
            Verdict::Declared,
        ),
        (
            "❌",
            "Ikke relevant for et sandkasseprodukt endnu",
            Verdict::Explained,
        ),
        ("❌", "", Verdict::NotMet),
        (
            "➖",
            "Produktet har ingen politisk dimension",
            Verdict::Explained,
        ),
        ("➖", "", Verdict::Unknown),
        ("❓", "Vi er i tvivl", Verdict::Unknown),
        ("", "", Verdict::Unknown),
    ];
    for (marker, doc, expected) in cases {
        let rows: Vec<(&str, &str, &str)> = ids.iter().map(|id| (*id, marker, doc)).collect();
        let r = baseline_files()
            .set(REPORT, &governance_report("", &rows))
            .check();
        for id in ids {
            let f = finding(&r, id);
            assert_eq!(
                f.verdict, expected,
                "{id} with {marker:?}/{doc:?}: {}",
                f.message
            );
            if !doc.is_empty() && expected != Verdict::Unknown {
                says(f, doc);
            }
        }
    }
}

#[test]
fn declared_messages_name_the_report() {
    let rows = [
        ("F3", "✅", ""),
        ("R2", "❌", ""),
        ("R4", "➖", ""),
        ("G2", "❓", ""),
    ];
    let r = baseline_files()
        .set(REPORT, &governance_report("", &rows))
        .check();
    // ✅ without documentation is still declared, with a note.
    let f3 = verdict(&r, "F3", Verdict::Declared);
    says(f3, "without documentation");
    says(f3, REPORT);
    says(verdict(&r, "R2", Verdict::NotMet), "Declared ❌");
    says(
        verdict(&r, "R4", Verdict::Unknown),
        "without an explanation",
    );
    says(verdict(&r, "G2", Verdict::Unknown), "in doubt");
}

#[test]
fn self_assessment_json_is_applied_like_the_report() {
    let json = r#"{
  "productName": "OS2test",
  "filledBy": "Jens Hansen",
  "filledDate": "2026-05-06",
  "generatedAt": "2026-05-06T10:00:00Z",
  "krav": [
    {"id": "F3", "kategori": "Formkrav", "krav": "Udbudsregler", "produktniveau": "sandkasse", "retningslinjer": "", "efterlevet": "Ja", "dokumentation": "Udbud gennemført i 2024"},
    {"id": "R2", "kategori": "Relevans", "krav": "Accept", "produktniveau": "2", "retningslinjer": "", "efterlevet": "Nej", "dokumentation": "Ledelsen behandler det i januar"},
    {"id": "R4", "kategori": "Relevans", "krav": "Strategier", "produktniveau": "3", "retningslinjer": "", "efterlevet": "Nej", "dokumentation": ""},
    {"id": "G2", "kategori": "Governance", "krav": "Sekretariatet", "produktniveau": "1", "retningslinjer": "", "efterlevet": "Ved ikke", "dokumentation": ""},
    {"id": "G4", "kategori": "Governance", "krav": "Bestyrelsen", "produktniveau": "1", "retningslinjer": "", "efterlevet": null, "dokumentation": ""},
    {"id": "F19", "kategori": "Formkrav", "krav": "Container", "produktniveau": "2", "retningslinjer": "", "efterlevet": "Ja", "dokumentation": "Dockerfile"}
  ]
}"#;
    let r = baseline_files()
        .remove("Dockerfile")
        .set("docs/self-assessment/2026-05-06.json", json)
        .check();
    says(verdict(&r, "F3", Verdict::Declared), "Udbud gennemført");
    says(
        verdict(&r, "R2", Verdict::Explained),
        "Ledelsen behandler det",
    );
    verdict(&r, "R4", Verdict::NotMet);
    verdict(&r, "G2", Verdict::Unknown);
    verdict(&r, "G4", Verdict::Unknown);
    verdict(&r, "G5", Verdict::Unknown);
    // "Ja" on an automatic requirement whose check finds nothing is a contradiction too.
    verdict(&r, "F19", Verdict::NotMet);
    assert!(r.contradictions.iter().any(|c| c.id == "F19"));
    assert!(r
        .notes
        .iter()
        .any(|n| n.contains("docs/self-assessment/2026-05-06.json")));
}

#[test]
fn report_rows_take_precedence_over_the_self_assessment() {
    let json = r#"{"krav": [{"id": "F3", "efterlevet": "Nej", "dokumentation": ""},
                            {"id": "R2", "efterlevet": "Ja", "dokumentation": "Accepteret"}]}"#;
    let r = baseline_files()
        .set("docs/self-assessment/a.json", json)
        .set(
            REPORT,
            &governance_report("", &[("F3", "✅", "Udbud 2024")]),
        )
        .check();
    verdict(&r, "F3", Verdict::Declared);
    // R2 has no marker in the report: the self-assessment answers.
    verdict(&r, "R2", Verdict::Declared);
}

#[test]
fn broken_self_assessment_is_a_note_not_an_error() {
    let r = baseline_files()
        .set("docs/self-assessment/x.json", "{ not json")
        .check();
    assert!(
        r.notes.iter().any(|n| n.contains("not valid JSON")),
        "{:?}",
        r.notes
    );
    verdict(&r, "F3", Verdict::Unknown);
}

// ---------------------------------------------------------------------------------------------
// Contradictions
// ---------------------------------------------------------------------------------------------

#[test]
fn tick_on_an_automatic_requirement_without_evidence_is_a_contradiction() {
    let r = baseline().remove("SECURITY.md").check();
    let f4 = verdict(&r, "F4", Verdict::NotMet);
    says(f4, "Declared ✅");
    says(f4, "No SECURITY.md");
    let c = r
        .contradictions
        .iter()
        .find(|c| c.id == "F4")
        .expect("F4 contradiction");
    assert_eq!(c.declared, "✅ met");
    assert!(c.found.contains("No SECURITY.md"), "{}", c.found);
    let p11 = verdict(&r, "P11", Verdict::NotMet);
    says(p11, "contradicts");
    says(p11, "F4");
}

#[test]
fn cross_where_evidence_is_found_is_met_and_listed() {
    let r = baseline()
        .set(
            REPORT,
            &full_report(&[("F19", "❌", "Vi leverer ikke containere")]),
        )
        .check();
    evidence_file(verdict(&r, "F19", Verdict::Met), "Dockerfile");
    let c = r
        .contradictions
        .iter()
        .find(|c| c.id == "F19")
        .expect("F19 contradiction");
    assert_eq!(c.declared, "❌ not met");
    assert!(c.found.contains("Dockerfile"), "{}", c.found);
    says(verdict(&r, "P11", Verdict::NotMet), "F19");
}

#[test]
fn doubt_or_empty_with_evidence_is_simply_met() {
    let r = baseline()
        .set(REPORT, &full_report(&[("F19", "❓", ""), ("F4", "", "")]))
        .check();
    verdict(&r, "F19", Verdict::Met);
    verdict(&r, "F4", Verdict::Met);
    assert!(r.contradictions.is_empty(), "{:?}", r.contradictions);
    // The report is incomplete, though: F4 has no marker.
    says(verdict(&r, "P11", Verdict::NotMet), "F4");
}

#[test]
fn cross_on_an_a_d_requirement_without_evidence_stays_not_met() {
    let r = baseline_files()
        .remove("GOVERNANCE.md")
        .set(REPORT, &full_report(&[("G6", "❌", "")]))
        .check();
    says(verdict(&r, "G6", Verdict::NotMet), "Declared ❌");
    assert!(r.contradictions.is_empty(), "{:?}", r.contradictions);
}

// ---------------------------------------------------------------------------------------------
// Formkrav
// ---------------------------------------------------------------------------------------------

#[test]
fn f1_offline_recent_is_unknown_and_old_is_not_met() {
    let r = baseline_files().check();
    says(verdict(&r, "F1", Verdict::Unknown), "offline");
    let old = baseline_files().days_ago(400).check();
    says(verdict(&old, "F1", Verdict::NotMet), "400 days old");
    // Just inside the 12 months.
    let recent = baseline_files().days_ago(360).check();
    verdict(&recent, "F1", Verdict::Unknown);
}

#[test]
fn f1_with_metadata() {
    let snapshot = baseline_files().snapshot();
    verdict(
        &check_snapshot(&with_metadata(snapshot.clone())),
        "F1",
        Verdict::Met,
    );
    let mut archived = with_metadata(snapshot.clone());
    if let Fetched::Got { value } = &mut archived.github {
        value.archived = true;
    }
    says(
        verdict(&check_snapshot(&archived), "F1", Verdict::NotMet),
        "archived",
    );
    let mut private = with_metadata(snapshot);
    if let Fetched::Got { value } = &mut private.github {
        value.private = true;
    }
    says(
        verdict(&check_snapshot(&private), "F1", Verdict::NotMet),
        "private",
    );
}

#[test]
fn f2_licence_missing_or_only_in_a_manifest() {
    let r = baseline_files().remove("LICENSE").check();
    says(verdict(&r, "F2", Verdict::NotMet), "No licence file");
    let manifest = baseline_files()
        .remove("LICENSE")
        .set(
            "package.json",
            "{\"name\": \"os2test\", \"license\": \"MPL-2.0\"}\n",
        )
        .check();
    let f2 = verdict(&manifest, "F2", Verdict::NotMet);
    says(f2, "package.json");
    says(f2, "MPL-2.0");
}

#[test]
fn f2_licence_in_a_subfolder_does_not_count() {
    let r = baseline_files()
        .remove("LICENSE")
        .set("backend/LICENSE", LICENSE)
        .set("vendor/lib/LICENSE", LICENSE)
        .check();
    verdict(&r, "F2", Verdict::NotMet);
}

#[test]
fn f2_symlink_inside_the_repository_is_followed() {
    let r = baseline_files()
        .remove("LICENSE")
        .set("LICENSES/MPL-2.0.txt", LICENSE)
        .link("LICENSE", "LICENSES/MPL-2.0.txt")
        .check();
    let f2 = verdict(&r, "F2", Verdict::Met);
    evidence_at(f2, "LICENSE", 1);
    assert_eq!(
        f2.evidence[0].note.as_deref(),
        Some("symlink → LICENSES/MPL-2.0.txt")
    );
}

#[test]
fn f2_other_osi_licence_is_met_with_a_note_and_non_osi_is_not() {
    let mit = "MIT License\n\nCopyright (c) 2026 Aarhus Kommune\n\nPermission is hereby granted, free of charge, to any person obtaining a copy\nof this software. The above copyright notice and this permission notice shall be included\nin all copies or substantial portions of the Software.\n";
    let r = baseline_files()
        .set("LICENSE", mit)
        .edit("publiccode.yml", "license: MPL-2.0", "license: MIT")
        .check();
    let f2 = verdict(&r, "F2", Verdict::Met);
    says(f2, "MIT");
    says(f2, "OS2's standard is MPL-2.0");

    let proprietary = baseline_files()
        .set(
            "LICENSE",
            "Copyright 2026 Aarhus Kommune. All rights reserved.\n",
        )
        .check();
    says(
        verdict(&proprietary, "F2", Verdict::NotMet),
        "not an OSI-approved licence",
    );
}

#[test]
fn f2_disagreeing_publiccode_is_not_met() {
    let r = baseline_files()
        .edit("publiccode.yml", "license: MPL-2.0", "license: EUPL-1.2")
        .check();
    let f2 = verdict(&r, "F2", Verdict::NotMet);
    says(f2, "EUPL-1.2");
    evidence_file(f2, "publiccode.yml");
}

#[test]
fn f4_security_file_anywhere_expected_in_any_case() {
    for path in ["security.md", ".github/SECURITY.md", "docs/Security.rst"] {
        let r = baseline_files()
            .remove("SECURITY.md")
            .set(path, SECURITY)
            .check();
        evidence_file(verdict(&r, "F4", Verdict::Met), path);
    }
    let nested = baseline_files()
        .remove("SECURITY.md")
        .set("backend/SECURITY.md", SECURITY)
        .check();
    verdict(&nested, "F4", Verdict::NotMet);
}

#[test]
fn f4_security_section_needs_a_contact() {
    let readme_with = |section: &str| {
        baseline_files().remove("SECURITY.md").edit(
            "README.md",
            "## Contact",
            &format!("{section}\n\n## Contact"),
        )
    };
    let r =
        readme_with("## Security\n\nReport vulnerabilities to security@os2test.dk in confidence.")
            .check();
    let f4 = verdict(&r, "F4", Verdict::Met);
    assert_eq!(f4.evidence[0].path.as_deref(), Some("README.md"));
    let r =
        readme_with("## Sikkerhed\n\nVi tager sikkerhed alvorligt og krypterer alle data.").check();
    let f4 = verdict(&r, "F4", Verdict::NotMet);
    says(f4, "gives no contact");
    assert_eq!(f4.evidence[0].path.as_deref(), Some("README.md"));
    let r = baseline_files().remove("SECURITY.md").check();
    says(verdict(&r, "F4", Verdict::NotMet), "No SECURITY.md");
}

#[test]
fn f5_lists_what_is_missing() {
    let r = baseline_files()
        .edit(
            "README.md",
            "Jens Hansen, product owner (tovholder): jens.hansen@aarhus.dk",
            "Write to us.",
        )
        .edit("README.md", "## Purpose", "## Background")
        .check();
    let f5 = verdict(&r, "F5", Verdict::NotMet);
    says(f5, "which needs it covers");
    says(f5, "who the contact person is");
    assert!(
        !f5.message.contains("what the product is"),
        "{}",
        f5.message
    );
    // The found answers are still evidence.
    evidence_at(f5, "README.md", line_of(README, "## About"));
}

#[test]
fn f5_danish_headings() {
    let readme = "# OS2test\n\n## Hvad er OS2test?\n\nOS2test er et bookingsystem til kommunernes mødelokaler, udstyr og biler.\n\n## Formål\n\nKommunerne har brug for ét fælles bookingværktøj i stedet for mange regneark.\n\n## Værdi\n\nHver kommune sparer licensudgifter og medarbejdertid, og borgerne får ét sted at booke.\n\n## Kontaktperson\n\nJens Hansen (jens.hansen@aarhus.dk), tovholder i Aarhus Kommune.\n";
    let r = Repo::empty().set("README.md", readme).check();
    let f5 = verdict(&r, "F5", Verdict::Met);
    for (heading, line) in [
        ("Hvad er", 3),
        ("Formål", 7),
        ("Værdi", 11),
        ("Kontakt", 15),
    ] {
        evidence_at(f5, "README.md", line);
        assert!(readme
            .lines()
            .nth(line as usize - 1)
            .is_some_and(|l| l.contains(heading)));
    }
    verdict(&r, "R1", Verdict::Met);
    verdict(&r, "G3", Verdict::Met);
}

#[test]
fn f5_what_from_the_first_paragraph_and_om_as_a_whole_word() {
    // No "About" heading: the first paragraph under the title answers "what".
    let r = baseline_files()
        .edit("README.md", "## About", "## Omkostninger")
        .edit(
            "README.md",
            "OS2test lets municipalities book meeting rooms, equipment and cars in one shared web application.\n",
            "",
        )
        .check();
    // "Omkostninger" (costs) starts with "om" but is not the heading "Om …" (About).
    let f5 = verdict(&r, "F5", Verdict::NotMet);
    says(f5, "what the product is");

    let r = baseline_files()
        .edit("README.md", "## About", "## Om OS2test")
        .check();
    verdict(&r, "F5", Verdict::Met);
    let r = baseline_files()
        .edit("README.md", "## About", "## Background")
        .check();
    verdict(&r, "F5", Verdict::Met);
}

#[test]
fn f5_contact_needs_an_email() {
    let r = baseline_files()
        .edit(
            "README.md",
            "Jens Hansen, product owner (tovholder): jens.hansen@aarhus.dk",
            "Jens Hansen, product owner (tovholder), Aarhus Kommune",
        )
        .check();
    says(
        verdict(&r, "F5", Verdict::NotMet),
        "who the contact person is",
    );
}

#[test]
fn f5_and_g3_a_functional_mailbox_is_not_a_contact_person() {
    let r = baseline_files()
        .edit(
            "README.md",
            "Jens Hansen, product owner (tovholder): jens.hansen@aarhus.dk",
            "Contact: support@os2test.dk",
        )
        .set(
            "MAINTAINERS.md",
            "# Maintainers\n\nKontakt: info@os2test.dk\n",
        )
        .edit(
            "publiccode.yml",
            "  contacts:\n    - name: Jens Hansen\n      email: jens.hansen@aarhus.dk\n",
            "",
        )
        .check();
    says(
        verdict(&r, "F5", Verdict::NotMet),
        "who the contact person is",
    );
    says(
        verdict(&r, "G3", Verdict::NotMet),
        "No named contact person",
    );
}

#[test]
fn f5_no_readme() {
    let r = baseline_files().remove("README.md").check();
    says(verdict(&r, "F5", Verdict::NotMet), "No README");
    says(verdict(&r, "F7", Verdict::NotMet), "No README");
}

#[test]
fn f6_owner_from_the_origin_remote() {
    for (url, expected) in [
        ("https://github.com/OS2mo/x", Verdict::Met),
        ("git@github.com:OS2web/x.git", Verdict::Met),
        ("https://github.com/os2offdig/x.git", Verdict::Met),
        ("https://github.com/someone/x", Verdict::NotMet),
        ("https://gitlab.com/OS2mo/x", Verdict::Unknown),
    ] {
        let r = baseline_files().origin(Some(url)).check();
        verdict(&r, "F6", expected);
    }
    let r = baseline_files().origin(None).check();
    says(verdict(&r, "F6", Verdict::Unknown), "unknown");
    let r = baseline_files()
        .origin(Some("https://github.com/someone/x"))
        .check();
    says(finding(&r, "F6"), "someone is not one of OS2's");
}

#[test]
fn f6_config_adds_organisations() {
    let r = baseline_files()
        .origin(Some("https://github.com/AarhusKommune/os2test"))
        .set("os2gov.toml", "organisations = [\"AarhusKommune\"]\n")
        .check();
    verdict(&r, "F6", Verdict::Met);
}

#[test]
fn f7_template_followed_in_english_and_danish() {
    let danish = "# OS2test\n\nOS2test lader kommuner booke mødelokaler, udstyr og biler i én fælles webapplikation.\n\n## Sådan virker det\n\nBrowseren taler med et REST-API.\n\n### Arkitektur\n\nPython og PostgreSQL.\n\n### Nøglefunktioner\n\n- Booking\n\n## Installér og kør\n\n### Udviklingsmiljø\n\nKør `docker compose up`.\n\n### Drift\n\nBrug Helm-chartet i os2test-deploy.\n\n## Eksempler\n\nSe nedenfor.\n\n---\n\nLicens: MPL-2.0 | Bidrag: se CONTRIBUTING.md | Kontakt: jens.hansen@aarhus.dk\n";
    let r = baseline_files().set("README.md", danish).check();
    let f7 = verdict(&r, "F7", Verdict::Met);
    evidence_at(f7, "README.md", 5);
    evidence_file(f7, "MAINTAINERS.md");
    evidence_file(f7, "docs/architecture.md");

    // Without diacritics, and the other spellings SPEC §8 lists.
    let ascii = danish
        .replace("## Sådan virker det", "## Saadan virker det")
        .replace("### Nøglefunktioner", "### Funktioner")
        .replace("## Installér og kør", "## Kom i gang");
    verdict(
        &baseline_files().set("README.md", &ascii).check(),
        "F7",
        Verdict::Met,
    );
    let hvordan = danish.replace("## Sådan virker det", "## Hvordan virker det?");
    verdict(
        &baseline_files().set("README.md", &hvordan).check(),
        "F7",
        Verdict::Met,
    );
}

#[test]
fn f7_missing_parts_are_listed() {
    let r = baseline_files()
        .remove("MAINTAINERS.md")
        .remove("docs/architecture.md")
        .edit("README.md", "## :star: Examples", "## Usage")
        .check();
    let f7 = verdict(&r, "F7", Verdict::NotMet);
    says(f7, "MAINTAINERS.md");
    says(f7, "docs/architecture.md");
    says(f7, "Examples");
    assert!(!f7.message.contains("How it works"), "{}", f7.message);
}

#[test]
fn f7_install_section_covers_development_and_production() {
    let r = baseline_files()
        .edit(
            "README.md",
            "### Production\n\nDeploy the container image with the Helm chart; see [operations](docs/operations.md).\n",
            "",
        )
        .check();
    let f7 = verdict(&r, "F7", Verdict::NotMet);
    says(f7, "production deployment");
    assert!(!f7.message.contains("development set-up"), "{}", f7.message);
    evidence_at(
        f7,
        "README.md",
        line_of(README, "## ▶️ How to Install and Run"),
    );

    let r = baseline_files()
        .edit(
            "README.md",
            "### Development\n\nRun `docker compose up` and open the application on port 8000.\n",
            "",
        )
        .check();
    let f7 = verdict(&r, "F7", Verdict::NotMet);
    says(f7, "development set-up");
    assert!(
        !f7.message.contains("production deployment"),
        "{}",
        f7.message
    );
}

#[test]
fn f7_template_placeholders_are_not_met() {
    let r = baseline_files()
        .edit(
            "README.md",
            "### Key Features\n",
            "### Key Features\n\n> Replace this with a brief explaination of the main features.\n",
        )
        .check();
    let f7 = verdict(&r, "F7", Verdict::NotMet);
    says(f7, "text left from the template");
    let line = line_of(README, "### Key Features") + 2;
    evidence_at(f7, "README.md", line);

    let r = baseline_files()
        .set(
            "MAINTAINERS.md",
            "# Maintainers\n\n| [Maintainer 1] | [@username1] | [Role] | [maintainer usernames] |\n",
        )
        .check();
    evidence_at(verdict(&r, "F7", Verdict::NotMet), "MAINTAINERS.md", 3);
}

#[test]
fn f7_headings_in_code_blocks_do_not_count() {
    let r = baseline_files()
        .edit(
            "README.md",
            "## :star: Examples\n",
            "```\n## Examples\n```\n",
        )
        .check();
    says(verdict(&r, "F7", Verdict::NotMet), "Examples");
}

#[test]
fn f7_the_untouched_os2_docs_template_is_not_met() {
    let template = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/os2/os2-docs-template/README.md"),
    )
    .expect("template");
    let r = baseline_files().set("README.md", &template).check();
    let f7 = verdict(&r, "F7", Verdict::NotMet);
    says(f7, "text left from the template");
    verdict(&r, "F5", Verdict::NotMet);
}

#[test]
fn f10_and_g1_product_page() {
    // GOVERNANCE.md links pages under the product page (charter, minutes): they count too.
    let without = baseline_files()
        .edit(
            "README.md",
            "- Product page: [OS2test on os2.eu](https://os2.eu/produkt/os2test)\n",
            "",
        )
        .remove("GOVERNANCE.md");
    let r = without.check();
    says(verdict(&r, "F10", Verdict::NotMet), "os2.eu/produkt");
    verdict(&r, "G1", Verdict::Unknown);
    // Another product's page deep in the docs is an integration, not this product's page.
    let r = without
        .clone()
        .set(
            "docs/integrations.md",
            "# Integrations\n\nOS2test reads roles from [OS2rollekatalog](https://os2.eu/produkt/os2rollekatalog).\n",
        )
        .check();
    verdict(&r, "F10", Verdict::NotMet);
    // The product's own page in the docs counts.
    let r = without
        .set(
            "docs/about.md",
            "# About\n\nSee [the product page](https://www.os2.eu/produkt/os2test).\n",
        )
        .check();
    evidence_at(verdict(&r, "F10", Verdict::Met), "docs/about.md", 3);
    evidence_at(verdict(&r, "G1", Verdict::Met), "docs/about.md", 3);
}

#[test]
fn f11_jira_link_and_issue_references() {
    // 1 of 1 (the import commit) plus 2 of 4 more: 3 of 5 = 60 %.
    let r = baseline_files()
        .commits(&[
            "OS2TEST-12: booking of cars",
            "Fix typo",
            "Closes #12",
            "Bump deps",
        ])
        .check();
    let f11 = verdict(&r, "F11", Verdict::Met);
    says(f11, "3 of the last 5 commits (60 %)");

    // 1 of 5 = 20 % < 30 %.
    let r = baseline_files()
        .first_message("Initial import")
        .commits(&["Fix typo", "Refactor", "Bump deps", "Update #12 docs"])
        .check();
    let f11 = verdict(&r, "F11", Verdict::NotMet);
    says(f11, "1 of the last 5 commits (20 %)");

    // Exactly 30 % is enough.
    let r = baseline_files()
        .first_message("Initial import")
        .commits(&[
            "a", "b", "c", "d", "e", "f", "KEY-1 g", "KEY-2 h", "KEY-3 i",
        ])
        .check();
    says(verdict(&r, "F11", Verdict::Met), "(30 %)");
}

#[test]
fn f11_needs_a_tracker_offline() {
    let without_jira = baseline_files().edit(
        "README.md",
        "- Backlog: [Jira](https://os2web.atlassian.net/jira/software/c/projects/OS2TEST/boards/1)\n",
        "",
    );
    let r = without_jira.check();
    says(
        verdict(&r, "F11", Verdict::Unknown),
        "GitHub Issues could not be checked",
    );
    // Jira from the config counts as a tracker offline.
    let r = without_jira
        .clone()
        .set(
            "os2gov.toml",
            "[jira]\nurl = \"https://os2web.atlassian.net\"\nproject = \"OS2TEST\"\n",
        )
        .check();
    evidence_file(verdict(&r, "F11", Verdict::Met), "os2gov.toml");
    // Too few references fail even without a known tracker.
    let r = without_jira
        .first_message("Initial import")
        .commits(&["a", "b"])
        .check();
    verdict(&r, "F11", Verdict::NotMet);
}

#[test]
fn f12_from_metadata_else_declared() {
    let snapshot = baseline_files().snapshot();
    verdict(&check_snapshot(&snapshot), "F12", Verdict::Unknown);
    verdict(
        &check_snapshot(&with_metadata(snapshot.clone())),
        "F12",
        Verdict::Met,
    );
    let mut fork = with_metadata(snapshot);
    if let Fetched::Got { value } = &mut fork.github {
        value.fork = true;
    }
    says(
        verdict(&check_snapshot(&fork), "F12", Verdict::NotMet),
        "fork",
    );
}

#[test]
fn f13_to_f15_links_or_sections() {
    let bare = baseline_files()
        .edit("README.md", "- Presentation: [slides](https://os2.eu/sites/default/files/os2test-slides.pptx)\n", "")
        .edit("README.md", "- For management: [business case](https://os2.eu/sites/default/files/os2test-business-case.pdf)\n", "")
        .edit("README.md", "- Adoption: [implementation guide](https://faq.os2.eu/os2test/implementation)\n", "");
    let r = bare.check();
    for id in ["F13", "F14", "F15"] {
        verdict(&r, id, Verdict::Unknown);
    }
    let r = bare.clone().set(REPORT, &full_report(&[])).check();
    for id in ["F13", "F14", "F15"] {
        verdict(&r, id, Verdict::Declared);
    }
    let r = bare
        .set(
            "docs/adoption.md",
            "# Implementeringsvejledning\n\nSådan tager en kommune OS2test i brug: udpeg en superbruger, importer lokalerne og informer medarbejderne.\n\n## Slides\n\nBrug præsentationen fra netværksmødet, når I præsenterer løsningen for ledelsen i kommunen.\n",
        )
        .check();
    evidence_at(verdict(&r, "F15", Verdict::Met), "docs/adoption.md", 1);
    evidence_at(verdict(&r, "F13", Verdict::Met), "docs/adoption.md", 5);
    verdict(&r, "F14", Verdict::Unknown);
}

#[test]
fn f16_coding_standards() {
    let r = baseline_files().remove(".editorconfig").check();
    let f16 = verdict(&r, "F16", Verdict::Met);
    evidence_at(
        f16,
        "CONTRIBUTING.md",
        line_of(CONTRIBUTING, "## Code style"),
    );
    let r = baseline_files()
        .remove(".editorconfig")
        .edit("CONTRIBUTING.md", "## Code style", "## Formatting")
        .check();
    says(verdict(&r, "F16", Verdict::NotMet), "Neither");
    let r = baseline_files()
        .edit("CONTRIBUTING.md", "## Code style", "## Formatting")
        .check();
    evidence_file(verdict(&r, "F16", Verdict::Met), ".editorconfig");
    // Linter configuration deep in vendored code is not the product's.
    let r = baseline_files()
        .remove(".editorconfig")
        .edit("CONTRIBUTING.md", "## Code style", "## Formatting")
        .set("vendor/.eslintrc", "{}\n")
        .check();
    verdict(&r, "F16", Verdict::NotMet);
}

#[test]
fn f17_operations_of_substance() {
    let r = baseline_files().check();
    evidence_at(verdict(&r, "F17", Verdict::Met), "docs/operations.md", 1);
    let r = baseline_files()
        .set("docs/operations.md", "# Operations\n\nRuns in Docker.\n")
        .check();
    verdict(&r, "F17", Verdict::Unknown);
    let r = baseline_files()
        .remove("docs/operations.md")
        .set(
            REPORT,
            &full_report(&[("F17", "➖", "Hver kommune drifter selv; se driftsaftalen")]),
        )
        .check();
    verdict(&r, "F17", Verdict::Explained);
}

#[test]
fn f18_architecture_framework() {
    let r = baseline_files().check();
    evidence_file(verdict(&r, "F18", Verdict::Met), "docs/architecture.md");
    let r = baseline_files()
        .edit("docs/architecture.md", "## Rammearkitektur", "## Standards")
        .edit(
            "docs/architecture.md",
            "fællesoffentlige rammearkitektur",
            "common standards",
        )
        .check();
    verdict(&r, "F18", Verdict::Unknown);
}

#[test]
fn f19_container_formats() {
    verdict(
        &baseline_files().remove("Dockerfile").check(),
        "F19",
        Verdict::NotMet,
    );
    for path in [
        "deploy/Dockerfile",
        "Containerfile",
        "docker-compose.yml",
        "compose.yaml",
        "charts/os2test/Chart.yaml",
        "backend/Dockerfile.prod",
    ] {
        let r = baseline_files()
            .remove("Dockerfile")
            .set(path, DOCKERFILE)
            .check();
        evidence_file(verdict(&r, "F19", Verdict::Met), path);
    }
    for path in [
        "vendor/x/Dockerfile",
        "node_modules/x/Dockerfile",
        "tests/fixtures/Dockerfile",
        "sub/docker-compose.yml",
    ] {
        let r = baseline_files()
            .remove("Dockerfile")
            .set(path, DOCKERFILE)
            .check();
        verdict(&r, "F19", Verdict::NotMet);
    }
}

#[test]
fn f20_user_documentation() {
    let without = baseline_files()
        .edit(
            "README.md",
            "- Guides and questions: [OS2test on Loop](https://faq.os2.eu/os2test)\n",
            "",
        )
        .edit(
            "README.md",
            "- Adoption: [implementation guide](https://faq.os2.eu/os2test/implementation)\n",
            "",
        );
    says(
        verdict(&without.check(), "F20", Verdict::NotMet),
        "faq.os2.eu",
    );
    let r = without
        .clone()
        .set(
            "docs/brugervejledning.md",
            "# Brugervejledning\n\nSådan booker du.\n",
        )
        .check();
    evidence_file(verdict(&r, "F20", Verdict::Met), "docs/brugervejledning.md");
    let r = baseline_files().check();
    let f20 = verdict(&r, "F20", Verdict::Met);
    assert_eq!(
        f20.evidence[0].url.as_deref(),
        Some("https://faq.os2.eu/os2test")
    );
}

#[test]
fn declared_only_formkrav_f3_f21_f22() {
    let r = baseline_files()
        .set(
            REPORT,
            &governance_report(
                "",
                &[
                    ("F3", "✅", "Udbud gennemført 2024"),
                    ("F21", "❌", "Ikke relevant før niveau 3"),
                    ("F22", "❓", ""),
                ],
            ),
        )
        .check();
    verdict(&r, "F3", Verdict::Declared);
    verdict(&r, "F21", Verdict::Explained);
    verdict(&r, "F22", Verdict::Unknown);
}

// ---------------------------------------------------------------------------------------------
// Strategisk sammenhæng
// ---------------------------------------------------------------------------------------------

#[test]
fn s1_s3_s5_os2_strategy_section() {
    let r = baseline_files().check();
    for id in ["S1", "S3", "S5"] {
        evidence_at(verdict(&r, id, Verdict::Met), "VISION.md", 1);
    }
    // A vision that never mentions OS2 says nothing about OS2's strategy.
    let own_only = "# Vision\n\nThe booking system every municipality reaches for first: simple for citizens, cheap to run, and owned by the municipalities that use it, with features added only when two of them need them and a product small enough for a new supplier to take over.\n";
    let r = baseline_files().set("VISION.md", own_only).check();
    for id in ["S1", "S3", "S5"] {
        verdict(&r, id, Verdict::Unknown);
    }
    verdict(&r, "S4", Verdict::Met);
    let r = baseline_files()
        .set("VISION.md", own_only)
        .set(
            REPORT,
            &full_report(&[("S5", "❌", "Ikke beskrevet endnu; planlagt 2027")]),
        )
        .check();
    verdict(&r, "S1", Verdict::Declared);
    verdict(&r, "S5", Verdict::Explained);
}

#[test]
fn s2_open_source_section() {
    let r = baseline_files().check();
    evidence_at(
        verdict(&r, "S2", Verdict::Met),
        "VISION.md",
        line_of(VISION, "## Open source"),
    );
    let r = baseline_files()
        .edit("VISION.md", "## Open source and innovation", "## Licence")
        .check();
    verdict(&r, "S2", Verdict::Unknown);
    let r = baseline_files()
        .edit(
            "VISION.md",
            "## Open source and innovation",
            "## Åben kildekode",
        )
        .check();
    verdict(&r, "S2", Verdict::Met);
}

#[test]
fn s4_vision_file_or_section() {
    for path in ["vision.md", "docs/VISION.md", "doc/Vision.rst"] {
        let r = baseline_files()
            .remove("VISION.md")
            .set(path, VISION)
            .check();
        evidence_file(verdict(&r, "S4", Verdict::Met), path);
    }
    let r = baseline_files().remove("VISION.md").check();
    says(verdict(&r, "S4", Verdict::NotMet), "No VISION.md");
    let r = baseline_files()
        .set("VISION.md", "# Vision\n\nTo be written.\n")
        .check();
    let s4 = verdict(&r, "S4", Verdict::NotMet);
    says(s4, "not filled in");
    evidence_file(s4, "VISION.md");
    let r = baseline_files()
        .set(
            "VISION.md",
            &format!("{VISION}\nTODO(os2gov): describe the strategic goals\n"),
        )
        .check();
    verdict(&r, "S4", Verdict::NotMet);
    // A Strategi section of substance in the README.
    let r = baseline_files()
        .remove("VISION.md")
        .edit(
            "README.md",
            "## Contact",
            "## Strategi\n\nOS2test skal være det bookingsystem, alle kommuner vælger først: enkelt for borgerne, billigt at drive og ejet af de kommuner, der bruger det. Nye funktioner kommer kun med, når mindst to kommuner har brug for dem, og produktet holdes så lille, at en ny leverandør kan overtage det på en måned.\n\n## Contact",
        )
        .check();
    evidence_file(verdict(&r, "S4", Verdict::Met), "README.md");
}

// ---------------------------------------------------------------------------------------------
// Governance
// ---------------------------------------------------------------------------------------------

#[test]
fn g3_contact_person_sources() {
    let no_readme_contact = baseline_files().edit(
        "README.md",
        "Jens Hansen, product owner (tovholder): jens.hansen@aarhus.dk",
        "See MAINTAINERS.md.",
    );
    let r = no_readme_contact.check();
    evidence_file(verdict(&r, "G3", Verdict::Met), "MAINTAINERS.md");
    let r = no_readme_contact
        .clone()
        .set("MAINTAINERS.md", "# Maintainers\n\n- @jenshansen\n")
        .check();
    let g3 = verdict(&r, "G3", Verdict::Met);
    evidence_file(g3, "publiccode.yml");
    says(g3, "Jens Hansen");
    let r = no_readme_contact
        .set("MAINTAINERS.md", "# Maintainers\n\n- @jenshansen\n")
        .edit(
            "publiccode.yml",
            "  contacts:\n    - name: Jens Hansen\n      email: jens.hansen@aarhus.dk\n",
            "",
        )
        .check();
    says(
        verdict(&r, "G3", Verdict::NotMet),
        "No named contact person",
    );
}

#[test]
fn g6_steering_group() {
    let r = baseline_files().remove("GOVERNANCE.md").check();
    verdict(&r, "G6", Verdict::Unknown);
    let r = baseline_files()
        .remove("GOVERNANCE.md")
        .set(
            "docs/organisation.md",
            "# Organisering\n\n## Styregruppe\n\nStyregruppen består af tre direktører fra de deltagende kommuner; den godkender budgettet og årshjulet og refererer til bestyrelsen.\n",
        )
        .check();
    evidence_at(verdict(&r, "G6", Verdict::Met), "docs/organisation.md", 3);
}

#[test]
fn g7_coordination_group_and_charter() {
    let r = baseline_files().check();
    let g7 = verdict(&r, "G7", Verdict::Met);
    evidence_at(
        g7,
        "GOVERNANCE.md",
        line_of(GOVERNANCE, "## Coordination group"),
    );
    assert!(g7.evidence.iter().any(|e| e
        .url
        .as_deref()
        .is_some_and(|u| u.ends_with("kommissorium"))));
    let r = baseline_files()
        .edit("GOVERNANCE.md", "Its mandate is set out in\nthe [kommissorium](https://os2.eu/produkt/os2test/kommissorium).", "")
        .check();
    says(verdict(&r, "G7", Verdict::Unknown), "charter");
}

#[test]
fn g8_g9_g10_g14_sections_and_links() {
    let r = baseline_files().check();
    for id in ["G8", "G9", "G10", "G14"] {
        verdict(&r, id, Verdict::Met);
    }
    let bare = baseline_files()
        .remove("GOVERNANCE.md")
        .edit(
            "README.md",
            "- Community: [OS2test user forum](https://os2.eu/netvaerk/os2test)\n",
            "",
        )
        .edit(
            "README.md",
            "- Guides and questions: [OS2test on Loop](https://faq.os2.eu/os2test)\n",
            "",
        )
        .edit(
            "README.md",
            "- Adoption: [implementation guide](https://faq.os2.eu/os2test/implementation)\n",
            "",
        );
    let r = bare.check();
    for id in ["G8", "G9", "G10", "G14"] {
        verdict(&r, id, Verdict::Unknown);
    }
    let r = bare
        .clone()
        .set(
            "docs/samarbejde.md",
            "# Samarbejde\n\n## Projektmodel\n\nVi arbejder i sprints på to uger med fælles backlog og demo for koordinationsgruppen.\n\n## Brugergruppe\n\nBrugergruppen mødes fire gange om året efter årshjulet på os2.eu og deler erfaringer.\n\nKommunerne har underskrevet tilslutningsaftalen for 2026.\n",
        )
        .check();
    evidence_at(verdict(&r, "G8", Verdict::Met), "docs/samarbejde.md", 3);
    evidence_at(verdict(&r, "G14", Verdict::Met), "docs/samarbejde.md", 7);
    evidence_file(verdict(&r, "G10", Verdict::Met), "docs/samarbejde.md");
    verdict(&r, "G9", Verdict::Unknown);
    // G14: a Loop link alone is a community.
    let r = bare
        .edit(
            "README.md",
            "## Contact",
            "Questions: <https://faq.os2.eu/os2test>\n\n## Contact",
        )
        .check();
    verdict(&r, "G14", Verdict::Met);
}

// ---------------------------------------------------------------------------------------------
// Good practice
// ---------------------------------------------------------------------------------------------

#[test]
fn p1_code_of_conduct() {
    let r = baseline_files().remove("CODE_OF_CONDUCT.md").check();
    says(verdict(&r, "P1", Verdict::NotMet), "No CODE_OF_CONDUCT.md");
    let r = baseline_files()
        .remove("CODE_OF_CONDUCT.md")
        .set(".github/code_of_conduct.md", "# Code of conduct\n")
        .check();
    evidence_file(
        verdict(&r, "P1", Verdict::Met),
        ".github/code_of_conduct.md",
    );
    let r = baseline_files()
        .remove("CODE_OF_CONDUCT.md")
        .edit(
            "CONTRIBUTING.md",
            "## Code style",
            "We follow [OS2's code of conduct](https://os2.eu/side/code-conduct).\n\n## Code style",
        )
        .check();
    let p1 = verdict(&r, "P1", Verdict::Met);
    evidence_at(
        p1,
        "CONTRIBUTING.md",
        line_of(CONTRIBUTING, "## Code style"),
    );
}

#[test]
fn p2_contributing_file_or_section() {
    let r = baseline_files()
        .remove("CONTRIBUTING.md")
        .set(
            "docs/contributing.rst",
            "Contributing\n============\n\nOpen a pull request.\n",
        )
        .check();
    evidence_file(verdict(&r, "P2", Verdict::Met), "docs/contributing.rst");
    let r = baseline_files().remove("CONTRIBUTING.md").check();
    verdict(&r, "P2", Verdict::NotMet);
    verdict(&r, "P13", Verdict::NotMet);
    says(verdict(&r, "F7", Verdict::NotMet), "CONTRIBUTING");
    let r = baseline_files()
        .remove("CONTRIBUTING.md")
        .edit(
            "README.md",
            "## Contact",
            "## Contributing\n\nWe welcome bug reports, features and documentation. Open an issue first, then a pull request against main; a maintainer reviews it within five business days and merges it when the tests pass and the change fits the roadmap.\n\n## Contact",
        )
        .check();
    evidence_file(verdict(&r, "P2", Verdict::Met), "README.md");
}

#[test]
fn p3_issue_or_pull_request_templates() {
    let r = baseline_files()
        .remove(".github/PULL_REQUEST_TEMPLATE.md")
        .check();
    says(
        verdict(&r, "P3", Verdict::Met),
        "pull-request template is recommended",
    );
    let r = baseline_files()
        .remove(".github/PULL_REQUEST_TEMPLATE.md")
        .remove(".github/ISSUE_TEMPLATE/bug_report.md")
        .check();
    verdict(&r, "P3", Verdict::NotMet);
    // The chooser config alone is no template.
    let r = baseline_files()
        .remove(".github/PULL_REQUEST_TEMPLATE.md")
        .remove(".github/ISSUE_TEMPLATE/bug_report.md")
        .set(
            ".github/ISSUE_TEMPLATE/config.yml",
            "blank_issues_enabled: false\n",
        )
        .check();
    verdict(&r, "P3", Verdict::NotMet);
}

#[test]
fn p4_governance_description() {
    let r = baseline_files().check();
    evidence_file(verdict(&r, "P4", Verdict::Met), "GOVERNANCE.md");
    let r = baseline_files()
        .set(
            "GOVERNANCE.md",
            "# Governance\n\nThe coordination group decides priorities. The tovholder coordinates.\n",
        )
        .check();
    let p4 = verdict(&r, "P4", Verdict::NotMet);
    says(p4, "how contributors become maintainers");
    assert!(!p4.message.contains("decision process"), "{}", p4.message);
    let r = baseline_files().remove("GOVERNANCE.md").check();
    says(verdict(&r, "P4", Verdict::NotMet), "No GOVERNANCE.md");
}

#[test]
fn p5_meeting_minutes_and_their_age() {
    let r = baseline_files().check();
    let p5 = verdict(&r, "P5", Verdict::Met);
    evidence_at(
        p5,
        "GOVERNANCE.md",
        line_of(GOVERNANCE, "[Minutes 2026-10-14]"),
    );
    let r = baseline_files()
        .edit("GOVERNANCE.md", "2026-10-14", "2025-09-30")
        .check();
    says(
        verdict(&r, "P5", Verdict::NotMet),
        "2025-09 (14 months ago)",
    );
    let r = baseline_files()
        .edit(
            "GOVERNANCE.md",
            "[Minutes 2026-10-14](https://os2.eu/produkt/os2test/referat-2026-10-14)",
            "[Minutes](https://os2.eu/produkt/os2test/referater)",
        )
        .check();
    verdict(&r, "P5", Verdict::Unknown);
    let r = baseline_files()
        .edit(
            "GOVERNANCE.md",
            "[Minutes 2026-10-14](https://os2.eu/produkt/os2test/referat-2026-10-14)",
            "on the product page",
        )
        .set(
            "docs/referater/2026-11-02-koordinationsgruppe.md",
            "# Referat\n",
        )
        .check();
    evidence_file(
        verdict(&r, "P5", Verdict::Met),
        "docs/referater/2026-11-02-koordinationsgruppe.md",
    );
    let r = baseline_files()
        .edit(
            "GOVERNANCE.md",
            "[Minutes 2026-10-14](https://os2.eu/produkt/os2test/referat-2026-10-14)",
            "on the product page",
        )
        .edit(
            "GOVERNANCE.md",
            "## Meetings\n\nThe coordination group's minutes are published",
            "## Publication\n\nThe coordination group's notes are published",
        )
        .check();
    says(verdict(&r, "P5", Verdict::NotMet), "No meeting minutes");
    // A "Meetings" section without a date: found, but its age cannot be told.
    let r = baseline_files()
        .edit(
            "GOVERNANCE.md",
            "[Minutes 2026-10-14](https://os2.eu/produkt/os2test/referat-2026-10-14)",
            "on the product page",
        )
        .check();
    says(
        verdict(&r, "P5", Verdict::Unknown),
        "date could not be read",
    );
}

#[test]
fn p6_roadmap() {
    evidence_file(
        verdict(&baseline_files().check(), "P6", Verdict::Met),
        "ROADMAP.md",
    );
    let r = baseline_files()
        .remove("ROADMAP.md")
        .edit(
            "VISION.md",
            "the roadmap is decided together",
            "priorities are decided together",
        )
        .check();
    verdict(&r, "P6", Verdict::NotMet);
    let r = baseline_files()
        .remove("ROADMAP.md")
        .edit(
            "README.md",
            "## Contact",
            "See the [roadmap](https://os2.eu/produkt/os2test/roadmap).\n\n## Contact",
        )
        .check();
    verdict(&r, "P6", Verdict::Met);
}

#[test]
fn p7_two_maintainers() {
    evidence_file(
        verdict(&baseline_files().check(), "P7", Verdict::Met),
        "MAINTAINERS.md",
    );
    // One person with both a GitHub handle and an e-mail is still one maintainer.
    let one = "# Maintainers\n\n| Name | GitHub | Contact |\n|---|---|---|\n| Jens Hansen | @jenshansen | jens.hansen@aarhus.dk |\n";
    let r = baseline_files().set("MAINTAINERS.md", one).check();
    says(verdict(&r, "P7", Verdict::NotMet), "Only 1");
    // Two handles on one line are two people.
    let r = baseline_files()
        .set(
            "MAINTAINERS.md",
            "# Maintainers\n\nThe maintainers are @jenshansen and @mettelarsen.\n",
        )
        .check();
    says(verdict(&r, "P7", Verdict::Met), "2 maintainers");
    // CODEOWNERS adds a second person.
    let r = baseline_files()
        .set("MAINTAINERS.md", one)
        .set(
            ".github/CODEOWNERS",
            "# owners\n* @jenshansen @mettelarsen\n",
        )
        .check();
    says(verdict(&r, "P7", Verdict::Met), "2 maintainers");
    let r = baseline_files()
        .set("MAINTAINERS.md", one)
        .edit(
            "publiccode.yml",
            "      email: jens.hansen@aarhus.dk\n",
            "      email: jens.hansen@aarhus.dk\n    - name: Mette Larsen\n      email: mette.larsen@magenta.dk\n",
        )
        .check();
    says(verdict(&r, "P7", Verdict::Met), "2 maintainers");
}

#[test]
fn p8_ci_and_dependency_updates() {
    let r = baseline_files().remove(".github/workflows/ci.yml").check();
    let p8 = verdict(&r, "P8", Verdict::NotMet);
    says(p8, "No CI configuration");
    let r = baseline_files()
        .remove(".github/workflows/ci.yml")
        .set(".github/workflows/ci.yml.disabled", CI)
        .check();
    verdict(&r, "P8", Verdict::NotMet);
    for path in [
        ".gitlab-ci.yml",
        "Jenkinsfile",
        ".circleci/config.yml",
        "azure-pipelines.yml",
    ] {
        let r = baseline_files()
            .remove(".github/workflows/ci.yml")
            .set(path, CI)
            .check();
        evidence_file(verdict(&r, "P8", Verdict::Met), path);
    }
    let r = baseline_files().remove(".github/dependabot.yml").check();
    says(
        verdict(&r, "P8", Verdict::Met),
        "Dependabot/Renovate configuration; one is recommended",
    );
}

#[test]
fn p9_response_times_need_metadata() {
    let snapshot = baseline_files().snapshot();
    verdict(&check_snapshot(&snapshot), "P9", Verdict::Unknown);
    let mut overdue = with_metadata(snapshot);
    overdue.open_items = Fetched::Got {
        value: vec![
            OpenItem {
                number: 7,
                pull_request: false,
                url: "https://github.com/OS2offdig/os2test/issues/7".into(),
                created_at: NOW - 40 * DAY,
                first_response_at: None,
            },
            OpenItem {
                number: 8,
                pull_request: true,
                url: "https://github.com/OS2offdig/os2test/pull/8".into(),
                created_at: NOW - 40 * DAY,
                first_response_at: Some(NOW - 39 * DAY),
            },
            OpenItem {
                number: 9,
                pull_request: false,
                url: "https://github.com/OS2offdig/os2test/issues/9".into(),
                created_at: NOW - 5 * DAY,
                first_response_at: None,
            },
        ],
    };
    let r = check_snapshot(&overdue);
    let p9 = verdict(&r, "P9", Verdict::NotMet);
    says(p9, "#7");
    assert!(
        !p9.message.contains("#8") && !p9.message.contains("#9"),
        "{}",
        p9.message
    );
}

#[test]
fn p10_documentation_placement() {
    let r = baseline_files().check();
    assert_eq!(verdict(&r, "P10", Verdict::Met).evidence.len(), 4);
    let r = baseline_files()
        .edit("README.md", "- Product page: [OS2test on os2.eu](https://os2.eu/produkt/os2test)\n", "")
        .edit("README.md", "- Presentation: [slides](https://os2.eu/sites/default/files/os2test-slides.pptx)\n", "")
        .edit("README.md", "- For management: [business case](https://os2.eu/sites/default/files/os2test-business-case.pdf)\n", "")
        .edit("README.md", "- Community: [OS2test user forum](https://os2.eu/netvaerk/os2test)\n", "")
        .remove("GOVERNANCE.md")
        .remove("CODE_OF_CONDUCT.md")
        .check();
    says(
        verdict(&r, "P10", Verdict::NotMet),
        "communication (os2.eu link)",
    );
    // Without a Jira link, GitHub Issues cannot be known offline.
    let r = baseline_files()
        .edit("README.md", "- Backlog: [Jira](https://os2web.atlassian.net/jira/software/c/projects/OS2TEST/boards/1)\n", "")
        .check();
    says(verdict(&r, "P10", Verdict::Unknown), "backlog");
}

#[test]
fn p11_governance_report_presence_completeness_and_format() {
    says(
        verdict(&baseline_files().check(), "P11", Verdict::NotMet),
        "No governance report",
    );
    let r = baseline().check();
    evidence_file(verdict(&r, "P11", Verdict::Met), REPORT);
    let r = baseline()
        .set(REPORT, &full_report(&[("G13", "", ""), ("G14", "", "")]))
        .check();
    says(
        verdict(&r, "P11", Verdict::NotMet),
        "2 rows without a marker (G13, G14)",
    );
    // The untouched template is a report with nothing filled in.
    let r = baseline_files()
        .set(REPORT, &governance_report("", &[]))
        .check();
    says(
        verdict(&r, "P11", Verdict::NotMet),
        "43 rows without a marker",
    );
    // An old-format report (check boxes): its markers are not applied.
    let old = "# OS2test governance report\n\nProduktniveau: 2\n\n- [x] R1 Løsningen skaber lokal værdi\n- [x] F3 Udbudsregler\n";
    let r = baseline_files().set(REPORT, old).check();
    says(verdict(&r, "P11", Verdict::NotMet), "old format");
    verdict(&r, "F3", Verdict::Unknown);
    assert_eq!(r.required_level.level, Level::Two);
    // A report in a vendored folder is not the product's.
    let r = baseline_files()
        .set(&format!("vendor/x/{REPORT}"), &full_report(&[]))
        .check();
    verdict(&r, "P11", Verdict::NotMet);
    verdict(&r, "F3", Verdict::Unknown);
}

#[test]
fn p12_publiccode() {
    let r = baseline_files().remove("publiccode.yml").check();
    says(verdict(&r, "P12", Verdict::NotMet), "No publiccode.yml");
    let r = baseline_files()
        .edit(
            "publiccode.yml",
            "publiccodeYmlVersion: \"0.4\"",
            "publiccodeYmlVersion: \"0.2\"",
        )
        .check();
    let p12 = verdict(&r, "P12", Verdict::NotMet);
    says(p12, "0.2");
    evidence_at(p12, "publiccode.yml", 1);
    let r = baseline_files()
        .edit("publiccode.yml", "    - da\n", "    - danish\n")
        .check();
    verdict(&r, "P12", Verdict::NotMet);
}

#[test]
fn p13_contributing_answers_four_questions() {
    let r = baseline_files()
        .edit(
            "CONTRIBUTING.md",
            "We answer new issues and pull requests within five business days.\n",
            "",
        )
        .edit("CONTRIBUTING.md", "## Response time", "## Answers")
        .check();
    let p13 = verdict(&r, "P13", Verdict::NotMet);
    says(p13, "expected response time");
    assert!(!p13.message.contains("reviewed"), "{}", p13.message);
    evidence_file(p13, "CONTRIBUTING.md");
    let template = std::fs::read_to_string(
        Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../shared/os2/os2-docs-template/PROJECT_CONTRIBUTING_TEMPLATE.md"),
    )
    .expect("template");
    let r = baseline_files().set("CONTRIBUTING.md", &template).check();
    verdict(&r, "P13", Verdict::NotMet);
    verdict(&r, "P2", Verdict::Met);
}

// ---------------------------------------------------------------------------------------------
// Config: exceptions and the required level
// ---------------------------------------------------------------------------------------------

#[test]
fn exception_explains_a_missing_requirement() {
    let r = baseline_files()
        .remove("Dockerfile")
        .set(
            "os2gov.toml",
            "[exceptions]\nF19 = \"We ship Debian packages\"\n",
        )
        .check();
    let f19 = verdict(&r, "F19", Verdict::Explained);
    says(f19, "Excepted in os2gov.toml: We ship Debian packages");
    // A met requirement stays met.
    let r = baseline_files()
        .set(
            "os2gov.toml",
            "[exceptions]\nF19 = \"We ship Debian packages\"\n",
        )
        .check();
    verdict(&r, "F19", Verdict::Met);
    // Good practice and declared requirements can be excepted too; ids in any case.
    let r = baseline_files()
        .remove("publiccode.yml")
        .set("os2gov.toml", "[exceptions]\np12 = \"Not in a catalogue yet\"\nF3 = \"Developed in-house\"\nF1 = \"Mirror\"\n")
        .check();
    verdict(&r, "P12", Verdict::Explained);
    verdict(&r, "F3", Verdict::Explained);
    verdict(&r, "F1", Verdict::Explained);
}

#[test]
fn required_level_precedence() {
    let report = full_report_with_prose("Produktniveau: 2", &[]);
    // Report only.
    let r = baseline_files().set(REPORT, &report).check();
    assert_eq!(
        (r.required_level.level, r.required_level.source),
        (Level::Two, LevelSource::Report)
    );
    // Config beats report.
    let with_config = baseline_files()
        .set(REPORT, &report)
        .set("os2gov.toml", "level = \"1\"\n");
    let r = with_config.check();
    assert_eq!(
        (r.required_level.level, r.required_level.source),
        (Level::One, LevelSource::Config)
    );
    // The flag beats both.
    let r = with_config.check_with(Options {
        level: Some(Level::Three),
        ..english()
    });
    assert_eq!(
        (r.required_level.level, r.required_level.source),
        (Level::Three, LevelSource::Flag)
    );
    // Neither: sandkasse by default.
    let r = baseline_files().set(REPORT, &full_report(&[])).check();
    assert_eq!(
        (r.required_level.level, r.required_level.source),
        (Level::Sandkasse, LevelSource::Default)
    );
    // Config alone.
    let r = baseline_files()
        .set("os2gov.toml", "level = \"2\"\n")
        .check();
    assert_eq!(
        (r.required_level.level, r.required_level.source),
        (Level::Two, LevelSource::Config)
    );
}

#[test]
fn config_language_and_flag() {
    let fixture = baseline_files().set("os2gov.toml", "language = \"da\"\n");
    let r = fixture.check_with(Options::default());
    assert_eq!(r.lang, Lang::Da);
    says(finding(&r, "R1"), "Værdien er beskrevet");
    let r = fixture.check();
    assert_eq!(r.lang, Lang::En);
}

#[test]
fn broken_config_is_an_error_naming_the_line() {
    let e = baseline_files()
        .set("os2gov.toml", "level = \"2\"\n[exceptions]\nF19 = \n")
        .try_check(english())
        .expect_err("broken toml");
    assert!(e.to_string().starts_with("os2gov.toml:3"), "{e}");
    let e = baseline_files()
        .set(
            "os2gov.toml",
            "level = \"1\"\n\n[exceptions]\nX99 = \"why\"\n",
        )
        .try_check(english())
        .expect_err("unknown id");
    assert!(e.to_string().starts_with("os2gov.toml:4"), "{e}");
    assert!(e.to_string().contains("X99"), "{e}");
    let e = baseline_files()
        .set("os2gov.toml", "[exceptions]\nF19 = \"\"\n")
        .try_check(english())
        .expect_err("empty explanation");
    assert!(e.to_string().contains("F19"), "{e}");
}

// ---------------------------------------------------------------------------------------------
// Score
// ---------------------------------------------------------------------------------------------

/// The four README questions, a licence and a security policy, and a report declaring F1 and
/// F3: every sandkasse requirement is compliant, level 1 is not.
fn sandbox_repo() -> Repo {
    Repo::empty()
        .set(
            "README.md",
            "# OS2test\n\n## About\n\nOS2test is a booking system for the rooms and cars of municipalities.\n\n## Purpose\n\nMunicipalities need one shared booking tool instead of many spreadsheets.\n\n## Value\n\nEach municipality saves licence costs and staff time every single week.\n\n## Contact\n\nJens Hansen, jens.hansen@aarhus.dk\n",
        )
        .set("LICENSE", LICENSE)
        .set("SECURITY.md", SECURITY)
        .set(
            REPORT,
            &governance_report(
                "",
                &[
                    ("F1", "✅", "https://github.com/OS2offdig/os2test"),
                    ("F3", "✅", "Udviklet af kommunen selv"),
                ],
            ),
        )
}

#[test]
fn sandbox_fixture_achieves_sandkasse() {
    let r = sandbox_repo().check();
    for id in ["R1", "F2", "F4", "F5"] {
        verdict(&r, id, Verdict::Met);
    }
    verdict(&r, "F1", Verdict::Declared);
    verdict(&r, "F3", Verdict::Declared);
    assert_eq!(r.achieved_level, Some(Level::Sandkasse));
    assert_eq!(r.required_level.level, Level::Sandkasse);
    assert!(r.passed);
    let sandbox = &r.levels[0];
    assert_eq!(
        (sandbox.compliant, sandbox.mandatory, sandbox.complete),
        (6, 6, true)
    );
    assert!(!r.levels[1].complete);
    // Required level 1 (from the flag): not passed.
    let r = sandbox_repo().check_with(Options {
        level: Some(Level::One),
        ..english()
    });
    assert_eq!(r.achieved_level, Some(Level::Sandkasse));
    assert!(!r.passed);
    // One sandkasse requirement missing: nothing achieved.
    let r = sandbox_repo().remove("SECURITY.md").check();
    assert_eq!(r.achieved_level, None);
    assert!(!r.passed);
}

#[test]
fn score_arithmetic_on_a_small_case() {
    // Required level sandkasse: 6 mandatory requirements, no recommendations.
    // Compliant: R1, F2, F4, F5 met; F1, F3 declared → 6/6 = 100, verified 4/6 = 0.667.
    let r = sandbox_repo().check();
    assert_eq!(r.score, 100);
    assert!(
        (r.verified_share - 0.667).abs() < 1e-9,
        "{}",
        r.verified_share
    );

    // Required level 1: 16 mandatory (6 + 10) and 6 recommendations (P1, P2, P8, P10, P11,
    // P12) at ½ → 19. The fixture's compliant ones up to level 1:
    let r = sandbox_repo().check_with(Options {
        level: Some(Level::One),
        ..english()
    });
    let compliant: Vec<&str> = r
        .requirements
        .iter()
        .filter(|f| f.level <= Level::One && f.verdict.is_compliant())
        .map(|f| f.id.as_str())
        .collect();
    // G3: the README's contact. P11: not complete, so not-met.
    assert_eq!(compliant, vec!["R1", "F1", "F2", "F3", "F4", "F5", "G3"]);
    let in_scope: Vec<&Finding> = r
        .requirements
        .iter()
        .filter(|f| f.level <= Level::One)
        .collect();
    assert_eq!(in_scope.iter().filter(|f| !f.recommended).count(), 16);
    assert_eq!(in_scope.iter().filter(|f| f.recommended).count(), 6);
    // 7 mandatory compliant / 19 = 36.84 → 37; verified: 5 met / 7 compliant = 0.714.
    assert_eq!(r.score, 37);
    assert!(
        (r.verified_share - 0.714).abs() < 1e-9,
        "{}",
        r.verified_share
    );

    // Add a code of conduct (P1, a recommendation: ½): 7.5/19 = 39.47 → 39; 5.5/7.5 = 0.733.
    let r = sandbox_repo()
        .set("CODE_OF_CONDUCT.md", "# Code of conduct\n\nBe kind.\n")
        .check_with(Options {
            level: Some(Level::One),
            ..english()
        });
    verdict(&r, "P1", Verdict::Met);
    assert_eq!(r.score, 39);
    assert!(
        (r.verified_share - 0.733).abs() < 1e-9,
        "{}",
        r.verified_share
    );
}

// ---------------------------------------------------------------------------------------------
// Bad input
// ---------------------------------------------------------------------------------------------

#[test]
fn invalid_utf8_readme_is_read_lossily_with_a_note() {
    let mut bytes = README.as_bytes().to_vec();
    // "Caf\xe9" in Latin-1 inside the value section.
    let at = README.find("Each municipality").expect("value text");
    bytes.splice(at..at, b"Caf\xe9 owners: ".iter().copied());
    let r = baseline_files().bytes("README.md", bytes).check();
    assert!(
        r.notes
            .iter()
            .any(|n| n.contains("README.md is not valid UTF-8")),
        "{:?}",
        r.notes
    );
    verdict(&r, "R1", Verdict::Met);
    verdict(&r, "F5", Verdict::Met);
}

#[test]
fn binary_licence_is_not_met() {
    let mut bytes = LICENSE.as_bytes().to_vec();
    bytes.insert(10, 0);
    let r = baseline_files().bytes("LICENSE", bytes).check();
    let f2 = verdict(&r, "F2", Verdict::NotMet);
    says(f2, "binary");
    evidence_file(f2, "LICENSE");
}

#[test]
fn licence_symlink_out_of_the_repository_is_not_followed() {
    let r = baseline_files()
        .remove("LICENSE")
        .link("LICENSE", "../../etc/passwd")
        .check();
    let f2 = verdict(&r, "F2", Verdict::NotMet);
    says(f2, "not followed");
    says(f2, "../../etc/passwd");
    // A broken symlink is unreadable too.
    let r = baseline_files()
        .remove("LICENSE")
        .link("LICENSE", "LICENSES/missing.txt")
        .check();
    says(verdict(&r, "F2", Verdict::NotMet), "cannot be read");
}

#[test]
fn huge_readme_is_not_parsed() {
    let mut big = README.to_string();
    while big.len() <= 2 * 1024 * 1024 {
        big.push_str("Filler text that makes the README far too large to parse. ");
    }
    let r = baseline_files().set("README.md", &big).check();
    let f5 = verdict(&r, "F5", Verdict::NotMet);
    says(f5, "too large");
    verdict(&r, "R1", Verdict::NotMet);
    says(verdict(&r, "F7", Verdict::NotMet), "README.md is too large");
    evidence_file(f5, "README.md");
}

#[test]
fn garbage_governance_report_is_noted_not_fatal() {
    let r = baseline_files()
        .bytes(
            REPORT,
            b"\xff\xfe garbage | | |\n| a | b |\n|---|---|\n| c | d |\n".to_vec(),
        )
        .check();
    verdict(&r, "P11", Verdict::NotMet);
    verdict(&r, "F3", Verdict::Unknown);
    assert!(r.notes.iter().any(|n| n.contains(REPORT)), "{:?}", r.notes);
}

#[test]
fn f2_reuse_licences_folder_alone() {
    let r = baseline_files()
        .remove("LICENSE")
        .set("LICENSES/MPL-2.0.txt", LICENSE)
        .check();
    evidence_at(verdict(&r, "F2", Verdict::Met), "LICENSES/MPL-2.0.txt", 1);
}

#[test]
fn links_in_code_blocks_do_not_count() {
    let r = baseline_files()
        .remove("GOVERNANCE.md")
        .edit(
            "README.md",
            "- Product page: [OS2test on os2.eu](https://os2.eu/produkt/os2test)\n",
            "",
        )
        .edit(
            "README.md",
            "curl -X POST https://booking.example.dk/api/bookings -d room=42\n",
            "curl https://os2.eu/produkt/os2test\n# [page](https://os2.eu/produkt/os2test)\n",
        )
        .check();
    verdict(&r, "F10", Verdict::NotMet);
    verdict(&r, "G1", Verdict::Unknown);
}

#[test]
fn rst_readme_is_parsed() {
    let rst = "OS2test\n=======\n\nAbout\n-----\n\nOS2test is a booking system for the rooms and cars of municipalities.\n\nPurpose\n-------\n\nMunicipalities need one shared booking tool instead of many spreadsheets.\n\nValue\n-----\n\nEach municipality saves licence costs and staff time every single week.\n\nContact\n-------\n\nJens Hansen, jens.hansen@aarhus.dk\n";
    let r = baseline_files()
        .remove("README.md")
        .set("README.rst", rst)
        .check();
    let f5 = verdict(&r, "F5", Verdict::Met);
    for line in [4, 9, 14, 19] {
        evidence_at(f5, "README.rst", line);
    }
    evidence_at(verdict(&r, "R1", Verdict::Met), "README.rst", 14);
}

#[test]
fn every_root_readme_is_searched() {
    // The Danish README carries the value section; the English one the rest.
    let r = baseline_files()
        .edit("README.md", "## Value", "## Savings")
        .set(
            "README.da.md",
            "# OS2test\n\n## Værdi\n\nHver kommune sparer licensudgifter og medarbejdertid hver eneste uge.\n",
        )
        .check();
    evidence_at(verdict(&r, "R1", Verdict::Met), "README.da.md", 3);
    // A README in a subfolder is not the product's README.
    let r = baseline_files()
        .edit("README.md", "## Value", "## Savings")
        .set(
            "backend/README.md",
            "# Backend\n\n## Value\n\nHver kommune sparer licensudgifter og medarbejdertid hver eneste uge.\n",
        )
        .check();
    verdict(&r, "R1", Verdict::NotMet);
}

#[test]
fn governance_report_names_and_places() {
    for path in [
        "docs/OS2test_governancerapport.md",
        "OS2test-Governance-Report.md",
        "doc/governance_report.md",
    ] {
        let r = baseline_files().set(path, &full_report(&[])).check();
        evidence_file(verdict(&r, "P11", Verdict::Met), path);
        verdict(&r, "F3", Verdict::Declared);
    }
}

#[test]
fn navigation_links_are_no_mission_statement() {
    // The template's navigation line right under the title is not a description of the product.
    let r = baseline_files()
        .edit(
            "README.md",
            "OS2test lets municipalities book meeting rooms, equipment and cars in one shared web application.\n",
            "",
        )
        .check();
    says(
        verdict(&r, "F7", Verdict::NotMet),
        "mission statement under the title",
    );
    // F5's "what" is still answered by the About section.
    verdict(&r, "F5", Verdict::Met);
    let r = baseline_files()
        .edit(
            "README.md",
            "OS2test lets municipalities book meeting rooms, equipment and cars in one shared web application.\n",
            "",
        )
        .edit("README.md", "## About", "## Background")
        .check();
    says(verdict(&r, "F5", Verdict::NotMet), "what the product is");
}

#[test]
fn danish_headings_for_target_group_and_security() {
    for heading in [
        "## Målgruppe",
        "## Maalgruppe",
        "## Hvem kan bruge OS2test?",
    ] {
        let r = baseline_files()
            .edit("README.md", "## Who is it for", heading)
            .check();
        verdict(&r, "R3", Verdict::Met);
    }
    let r = baseline_files()
        .remove("SECURITY.md")
        .edit(
            "README.md",
            "## Contact",
            "## Sårbarheder\n\nRapportér sårbarheder fortroligt til sikkerhed@os2test.dk.\n\n## Contact",
        )
        .check();
    evidence_file(verdict(&r, "F4", Verdict::Met), "README.md");
}

#[test]
fn mentions_point_at_their_own_line() {
    let r = baseline_files().check();
    let f18 = verdict(&r, "F18", Verdict::Met);
    evidence_at(
        f18,
        "docs/architecture.md",
        line_of(
            ARCHITECTURE,
            "OS2test follows the fællesoffentlige rammearkitektur",
        ),
    );
    let g10 = verdict(&r, "G10", Verdict::Met);
    evidence_at(
        g10,
        "GOVERNANCE.md",
        line_of(
            GOVERNANCE,
            "The participating municipalities sign the tilslutningsaftale",
        ),
    );
}

#[test]
fn safety_and_unsafe_are_no_project_model() {
    let r = baseline_files()
        .remove("GOVERNANCE.md")
        .set(
            "docs/safety.md",
            "# Safety\n\nThe booking engine never double-books a room, even when two requests arrive together.\n\nSee the [unsafe code guidelines](https://doc.rust-lang.org/nomicon/) for the parser.\n",
        )
        .check();
    verdict(&r, "G8", Verdict::Unknown);
    let r = baseline_files()
        .remove("GOVERNANCE.md")
        .set(
            "docs/process.md",
            "# Process\n\n## SAFe\n\nWe plan in program increments of ten weeks with all the suppliers together.\n",
        )
        .check();
    verdict(&r, "G8", Verdict::Met);
}

#[test]
fn f4_a_url_or_email_is_a_contact_but_https_in_prose_is_not() {
    let with = |section: &str| {
        baseline_files()
            .remove("SECURITY.md")
            .edit(
                "README.md",
                "## Contact",
                &format!("{section}\n\n## Contact"),
            )
            .check()
    };
    let r = with("## Security\n\nAll traffic uses HTTPS and passwords are hashed with Argon2.");
    verdict(&r, "F4", Verdict::NotMet);
    let r = with(
        "## Security\n\nReport vulnerabilities through [our form](https://os2test.dk/security).",
    );
    verdict(&r, "F4", Verdict::Met);
    let r = with("## Security\n\nReport vulnerabilities at https://os2test.dk/security please.");
    verdict(&r, "F4", Verdict::Met);
}

/// Online, a Jira lookup that failed leaves F11 undecided: the link alone no longer passes.
#[test]
fn f11_jira_lookup_failure_online_is_unknown_not_met() {
    let mut snapshot = with_metadata(baseline_files().snapshot());
    if let Fetched::Got { value } = &mut snapshot.github {
        value.has_issues = false;
    }
    let offline = check_snapshot(&snapshot);
    verdict(&offline, "F11", Verdict::Met);
    snapshot.jira = Fetched::Unknown {
        reason: os2gov::Msg::new("forbindelsen blev afvist", "connection refused"),
    };
    let failed = check_snapshot(&snapshot);
    let f11 = verdict(&failed, "F11", Verdict::Unknown);
    says(f11, "could not be checked: connection refused");
    snapshot.jira = Fetched::Got {
        value: os2gov::base::model::JiraMeta {
            base_url: "https://os2web.atlassian.net".into(),
            project: "OS2TEST".into(),
            exists: false,
            public: false,
            last_issue_updated: None,
        },
    };
    let missing = check_snapshot(&snapshot);
    says(
        verdict(&missing, "F11", Verdict::NotMet),
        "not publicly readable",
    );
}

#[test]
fn community_files_that_were_not_read_never_count() {
    // A name alone proves nothing: a symlink out of the repository, a loop or a dangling link
    // makes F4, P1, P2 and P4 not met, and the finding names the file and why.
    let r = baseline_files()
        .remove("SECURITY.md")
        .link("SECURITY.md", "/etc/shadow")
        .remove("CONTRIBUTING.md")
        .link("CONTRIBUTING.md", "/proc/self/environ")
        .remove("CODE_OF_CONDUCT.md")
        .link("CODE_OF_CONDUCT.md", "CODE_OF_CONDUCT.md")
        .remove("GOVERNANCE.md")
        .link("GOVERNANCE.md", "docs/missing.md")
        .check();
    let f4 = verdict(&r, "F4", Verdict::NotMet);
    says(
        f4,
        "SECURITY.md is a symlink out of the repository (/etc/shadow)",
    );
    evidence_file(f4, "SECURITY.md");
    says(
        verdict(&r, "P2", Verdict::NotMet),
        "CONTRIBUTING.md is a symlink out of the repository (/proc/self/environ)",
    );
    says(
        verdict(&r, "P1", Verdict::NotMet),
        "CODE_OF_CONDUCT.md is unreadable",
    );
    says(
        verdict(&r, "P4", Verdict::NotMet),
        "GOVERNANCE.md is unreadable",
    );
}

#[test]
fn templates_that_were_not_read_never_count() {
    let r = baseline_files()
        .remove(".github/ISSUE_TEMPLATE/bug_report.md")
        .link(".github/ISSUE_TEMPLATE/bug_report.md", "/etc/passwd")
        .remove(".github/PULL_REQUEST_TEMPLATE.md")
        .link(".github/PULL_REQUEST_TEMPLATE.md", "/dev/zero")
        .check();
    verdict(&r, "P3", Verdict::NotMet);
}
