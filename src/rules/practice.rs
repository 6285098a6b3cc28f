//! Good practice for maintainers from OS2's seed documents (P1–P13), scored as recommendations.

use super::formkrav::{jira_reference, list_message, placeholder_lines};
use super::{Bilingual as B, Check, Input, Outcome, RestsOn, Theme, FILES};
use crate::base::model::{Evidence, Fetched, Level, Msg};
use crate::base::text::{has_word_prefix, normalize, word_count};
use crate::engine::report::Verdict;
use crate::evidence::{Ctx, LinkKind, Scope, DAY};
use crate::msg;

fn origin_note(ctx: &Ctx, path: &str) -> Evidence {
    let mut e = Evidence::file(path);
    if let Some(origin) = ctx.snapshot.files.get(path).and_then(|f| f.origin.clone()) {
        e.note = Some(origin);
    }
    e
}

requirement!(P1 {
    id: "P1",
    theme: Theme::GoodPractice,
    level: Level::One,
    recommended: true,
    title: B { da: "Adfærdskodeks", en: "Code of conduct" },
    rationale: B { da: "Et adfærdskodeks siger, hvordan vi taler sammen, og hvad der sker, når det går galt; OS2 har et fælles for hele fællesskabet.", en: "A code of conduct says how we treat each other and what happens when that fails; OS2 has one for the whole community." },
    evidence: B { da: "CODE_OF_CONDUCT.md (rod, .github/ eller docs/) eller et link til OS2's adfærdskodeks (os2.eu/side/code-conduct).", en: "CODE_OF_CONDUCT.md (root, .github/ or docs/) or a link to OS2's code of conduct (os2.eu/side/code-conduct)." },
    fix: B { da: "Tilføj CODE_OF_CONDUCT.md, der henviser til OS2's adfærdskodeks.", en: "Add CODE_OF_CONDUCT.md referring to OS2's code of conduct." },
    rests_on: FILES,
    check: Check::Automatic(check_p1),
});

fn check_p1(ctx: &Ctx) -> Outcome {
    const STEMS: [&str; 3] = ["code_of_conduct", "code-of-conduct", "codeofconduct"];
    if let Some(path) = ctx.community_file(&STEMS, COMMUNITY_DIRS) {
        return Outcome::found(
            vec![origin_note(ctx, path)],
            msg!("Adfærdskodeks i {p}.", "Code of conduct in {p}.", p = path),
        );
    }
    let os2_link = ctx.link_where(|kind, url| {
        let lower = url.to_ascii_lowercase();
        matches!(kind, LinkKind::Os2Site | LinkKind::GitHub)
            && (lower.contains("code-conduct")
                || lower.contains("code_of_conduct")
                || lower.contains("adfaerdskodeks"))
    });
    match os2_link {
        Some(e) => Outcome::found(
            vec![e],
            msg!(
                "Link til OS2's adfærdskodeks.",
                "Link to OS2's code of conduct."
            ),
        ),
        None => super::missing_unless_unread(
            ctx,
            &STEMS,
            COMMUNITY_DIRS,
            msg!(
                "Ingen CODE_OF_CONDUCT.md og intet link til OS2's adfærdskodeks.",
                "No CODE_OF_CONDUCT.md and no link to OS2's code of conduct."
            ),
        ),
    }
}

/// Where GitHub looks for community health files.
const COMMUNITY_DIRS: &[&str] = &["", ".github", "docs"];

fn contributing_file<'a>(ctx: &Ctx<'a>) -> Option<&'a str> {
    ctx.community_file(&["contributing"], COMMUNITY_DIRS)
}

requirement!(P2 {
    id: "P2",
    theme: Theme::GoodPractice,
    level: Level::One,
    recommended: true,
    title: B { da: "Vejledning for bidragydere (CONTRIBUTING)", en: "Contributor guide (CONTRIBUTING)" },
    rationale: B { da: "Nye bidragydere skal vide, hvordan de bidrager, før de bruger tid på det.", en: "New contributors must know how to contribute before they spend time on it." },
    evidence: B { da: "CONTRIBUTING (.md/.rst/.txt, rod, .github/ eller docs/) eller et afsnit om bidrag af substans i README.", en: "CONTRIBUTING (.md/.rst/.txt, root, .github/ or docs/) or a contributing section of substance in the README." },
    fix: B { da: "Tilføj CONTRIBUTING.md; `os2gov fix` skriver en skabelon, der besvarer de fire spørgsmål.", en: "Add CONTRIBUTING.md; `os2gov fix` writes a template that answers the four questions." },
    rests_on: FILES,
    check: Check::Automatic(check_p2),
});

fn check_p2(ctx: &Ctx) -> Outcome {
    if let Some(path) = contributing_file(ctx) {
        return Outcome::found(
            vec![origin_note(ctx, path)],
            msg!(
                "Vejledning for bidragydere i {p}.",
                "Contributor guide in {p}.",
                p = path
            ),
        );
    }
    match ctx.section(
        Scope::Readme,
        &["Contributing", "Bidrag", "Contribute", "Medvirken"],
        30,
    ) {
        Some(hit) => Outcome::found(
            vec![hit.evidence()],
            msg!(
                "Afsnit om bidrag under \"{h}\".",
                "Contributing section under \"{h}\".",
                h = hit.heading
            ),
        ),
        None => super::missing_unless_unread(
            ctx,
            &["contributing"],
            COMMUNITY_DIRS,
            msg!(
                "Ingen CONTRIBUTING-fil og intet afsnit om bidrag af substans i README.",
                "No CONTRIBUTING file and no contributing section of substance in the README."
            ),
        ),
    }
}

requirement!(P3 {
    id: "P3",
    theme: Theme::GoodPractice,
    level: Level::Two,
    recommended: true,
    title: B { da: "Skabeloner til issues og pull requests", en: "Issue and pull-request templates" },
    rationale: B { da: "Skabeloner giver bedre fejlrapporter og ensartede bidrag med mindre arbejde for vedligeholderne.", en: "Templates give better bug reports and consistent contributions with less work for maintainers." },
    evidence: B { da: ".github/ISSUE_TEMPLATE/ eller en PULL_REQUEST_TEMPLATE (én af dem; begge anbefales).", en: ".github/ISSUE_TEMPLATE/ or a PULL_REQUEST_TEMPLATE (either; both are recommended)." },
    fix: B { da: "Tilføj .github/ISSUE_TEMPLATE/ og .github/PULL_REQUEST_TEMPLATE.md.", en: "Add .github/ISSUE_TEMPLATE/ and .github/PULL_REQUEST_TEMPLATE.md." },
    rests_on: FILES,
    check: Check::Automatic(check_p3),
});

fn check_p3(ctx: &Ctx) -> Outcome {
    let is_issue_template = |p: &str| {
        let lower = p.to_ascii_lowercase();
        (lower.starts_with(".github/issue_template/") && !lower.ends_with("config.yml"))
            || [
                "issue_template.md",
                ".github/issue_template.md",
                "docs/issue_template.md",
            ]
            .contains(&lower.as_str())
    };
    let is_pr_template = |p: &str| {
        let lower = p.to_ascii_lowercase();
        lower.starts_with(".github/pull_request_template/")
            || [
                "pull_request_template.md",
                ".github/pull_request_template.md",
                "docs/pull_request_template.md",
            ]
            .contains(&lower.as_str())
    };
    let issue = ctx
        .shallow_paths()
        .find(|p| is_issue_template(p) && ctx.was_read(p));
    let pr = ctx
        .shallow_paths()
        .find(|p| is_pr_template(p) && ctx.was_read(p));
    let evidence: Vec<Evidence> = issue
        .iter()
        .chain(pr.iter())
        .map(|p| origin_note(ctx, p))
        .collect();
    match (issue, pr) {
        (Some(_), Some(_)) => Outcome::found(
            evidence,
            msg!(
                "Skabeloner til issues og pull requests.",
                "Issue and pull-request templates."
            ),
        ),
        (Some(_), None) => Outcome::found(
            evidence,
            msg!(
                "Issue-skabelon fundet; en pull request-skabelon anbefales også.",
                "Issue template found; a pull-request template is recommended too."
            ),
        ),
        (None, Some(_)) => Outcome::found(
            evidence,
            msg!(
                "Pull request-skabelon fundet; issue-skabeloner anbefales også.",
                "Pull-request template found; issue templates are recommended too."
            ),
        ),
        (None, None) => Outcome::missing(msg!(
            "Ingen issue- eller pull request-skabeloner.",
            "No issue or pull-request templates."
        )),
    }
}

requirement!(P4 {
    id: "P4",
    theme: Theme::GoodPractice,
    level: Level::Two,
    recommended: true,
    title: B { da: "Governance er dokumenteret", en: "Governance is documented" },
    rationale: B { da: "Åbenhed om, hvem der beslutter og hvordan, skaber tillid og lader bidragydere vokse til vedligeholdere.", en: "Openness about who decides and how builds trust and lets contributors grow into maintainers." },
    evidence: B { da: "GOVERNANCE.md eller et governance-afsnit, der beskriver beslutningsprocessen, rollerne, og hvordan bidragydere bliver vedligeholdere.", en: "GOVERNANCE.md or a governance section describing the decision process, the roles, and how contributors become maintainers." },
    fix: B { da: "Skriv GOVERNANCE.md med beslutningsproces, roller og vejen fra bidragyder til vedligeholder.", en: "Write GOVERNANCE.md with the decision process, roles and the path from contributor to maintainer." },
    rests_on: FILES,
    check: Check::Automatic(check_p4),
});

fn check_p4(ctx: &Ctx) -> Outcome {
    let file = ctx.community_file(&["governance"], COMMUNITY_DIRS);
    let (text, evidence) = match file {
        Some(path) => (
            ctx.text(path).unwrap_or("").to_string(),
            Evidence::file(path),
        ),
        None => match ctx.section(
            Scope::Docs,
            &["Governance", "Styring", "Beslutninger", "Decision"],
            20,
        ) {
            Some(hit) => (hit.text.clone(), hit.evidence()),
            None => {
                return super::missing_unless_unread(
                    ctx,
                    &["governance"],
                    COMMUNITY_DIRS,
                    msg!(
                        "Ingen GOVERNANCE.md og intet governance-afsnit.",
                        "No GOVERNANCE.md and no governance section."
                    ),
                );
            }
        },
    };
    let norm = normalize(&text);
    let has = |words: &[&str]| words.iter().any(|w| has_word_prefix(&norm, &normalize(w)));
    let mut missing = Vec::new();
    if !has(&["beslut", "decision", "decide", "afgør", "prioriter"]) {
        missing.push(Msg::new("beslutningsprocessen", "the decision process"));
    }
    if !has(&[
        "rolle",
        "role",
        "ansvar",
        "responsib",
        "tovholder",
        "styregruppe",
        "koordinationsgruppe",
    ]) {
        missing.push(Msg::new("rollerne", "the roles"));
    }
    let grows = (has(&["maintainer", "vedligeholder"])
        && has(&[
            "bliv", "become", "grow", "nominat", "udnævn", "optag", "promot",
        ]))
        || has(&["committer", "commit access", "skriveadgang"]);
    if !grows {
        missing.push(Msg::new(
            "hvordan bidragydere bliver vedligeholdere",
            "how contributors become maintainers",
        ));
    }
    if missing.is_empty() {
        Outcome::found(
            vec![evidence],
            msg!(
                "Governance beskriver beslutninger, roller og vejen til vedligeholder.",
                "Governance describes decisions, roles and the path to maintainer."
            ),
        )
    } else {
        Outcome::Missing {
            evidence: vec![evidence],
            message: list_message(
                "Governance-beskrivelsen mangler:",
                "The governance description lacks:",
                &missing,
            ),
        }
    }
}

/// The newest year-month in `text` written as YYYY-MM(-DD), YYYY_MM or YYYYMMDD.
fn newest_date(text: &str) -> Option<(i32, u32)> {
    let bytes = text.as_bytes();
    let mut best: Option<(i32, u32)> = None;
    let digits = |s: &[u8]| s.iter().all(u8::is_ascii_digit);
    for i in 0..bytes.len().saturating_sub(5) {
        if i > 0 && bytes[i - 1].is_ascii_digit() {
            continue;
        }
        let Some(year_bytes) = bytes.get(i..i + 4) else {
            continue;
        };
        if !digits(year_bytes) {
            continue;
        }
        let year: i32 = std::str::from_utf8(year_bytes)
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        if !(2000..=2100).contains(&year) {
            continue;
        }
        let month_bytes = match bytes.get(i + 4) {
            Some(b'-' | b'_' | b'.') => bytes.get(i + 5..i + 7),
            Some(b) if b.is_ascii_digit() => bytes.get(i + 4..i + 6),
            _ => None,
        };
        let Some(month_bytes) = month_bytes.filter(|m| digits(m)) else {
            continue;
        };
        let month: u32 = std::str::from_utf8(month_bytes)
            .ok()
            .and_then(|s| s.parse().ok())
            .unwrap_or(0);
        if (1..=12).contains(&month) && best.is_none_or(|b| (year, month) > b) {
            best = Some((year, month));
        }
    }
    best
}

/// Months between a year-month and the snapshot's "now".
fn months_since(now: i64, (year, month): (i32, u32)) -> i64 {
    let (y, m, _) = crate::base::model::civil_date(now);
    (y - i64::from(year)) * 12 + (i64::from(m) - i64::from(month))
}

requirement!(P5 {
    id: "P5",
    theme: Theme::GoodPractice,
    level: Level::Two,
    recommended: true,
    title: B { da: "Mødereferater offentliggøres", en: "Meeting minutes are published" },
    rationale: B { da: "Offentlige referater gør beslutninger gennemsigtige for alle anvendere.", en: "Public minutes make decisions transparent to every adopter." },
    evidence: B { da: "Referater (referat, minutes) i repositoriet eller linket; det nyeste højst 13 måneder gammelt.", en: "Minutes (referat, minutes) in the repository or linked; the newest at most 13 months old." },
    fix: B { da: "Læg referater fra koordinationsgruppens møder på produktsiden på os2.eu og link til dem.", en: "Publish the coordination group's minutes on the os2.eu product page and link to them." },
    rests_on: FILES,
    check: Check::Automatic(check_p5),
});

fn check_p5(ctx: &Ctx) -> Outcome {
    let words = ["referat", "minutes", "mødereferat", "møde-referat"];
    let mut evidence = Vec::new();
    let mut dated: Option<(i32, u32)> = None;
    let mentions_minutes = |p: &str| {
        crate::base::text::contains_ignore_ascii_case(p, "referat")
            || crate::base::text::contains_ignore_ascii_case(p, "minutes")
    };
    for path in ctx.paths().filter(|p| mentions_minutes(p)) {
        let norm = normalize(path);
        if words.iter().any(|w| norm.contains(&normalize(w))) {
            evidence.push(Evidence::file(path));
            dated = dated.max(newest_date(path));
        }
    }
    for (path, link) in ctx.links() {
        let norm = normalize(&format!("{} {}", link.text, link.url));
        if words.iter().any(|w| norm.contains(&normalize(w))) {
            evidence.push(Evidence::link(path, link.line, &link.url));
            dated = dated.max(newest_date(&format!("{} {}", link.text, link.url)));
        }
    }
    if evidence.is_empty() {
        if let Some(hit) = ctx.section(Scope::Docs, &["Referat", "Minutes", "Møder", "Meetings"], 5)
        {
            dated = newest_date(&hit.text);
            evidence.push(hit.evidence());
        }
    }
    if evidence.is_empty() {
        return Outcome::missing(msg!(
            "Ingen mødereferater i repositoriet eller linket.",
            "No meeting minutes in the repository or linked."
        ));
    }
    evidence.truncate(5);
    match dated {
        Some(date) => {
            let age = months_since(ctx.snapshot.now, date);
            if age > 13 {
                Outcome::Missing {
                    evidence,
                    message: msg!(
                        "Nyeste referat er fra {y}-{m:02} ({a} måneder siden).",
                        "The newest minutes are from {y}-{m:02} ({a} months ago).",
                        y = date.0,
                        m = date.1,
                        a = age
                    ),
                }
            } else {
                Outcome::found(
                    evidence,
                    msg!(
                        "Referater offentliggjort; nyeste fra {y}-{m:02}.",
                        "Minutes published; newest from {y}-{m:02}.",
                        y = date.0,
                        m = date.1
                    ),
                )
            }
        }
        None => Outcome::Unknown {
            evidence,
            reason: msg!(
                "Referater fundet, men deres dato kunne ikke læses.",
                "Minutes found, but their date could not be read."
            ),
        },
    }
}

requirement!(P6 {
    id: "P6",
    theme: Theme::GoodPractice,
    level: Level::Two,
    recommended: true,
    title: B { da: "Offentlig roadmap", en: "Public roadmap" },
    rationale: B { da: "En roadmap viser anvendere og leverandører, hvad der kommer, og hvor hjælp er velkommen.", en: "A roadmap shows adopters and suppliers what is coming and where help is welcome." },
    evidence: B { da: "ROADMAP.md, et afsnit Roadmap/Køreplan af substans eller et link til en roadmap.", en: "ROADMAP.md, a Roadmap/Køreplan section of substance, or a link to a roadmap." },
    fix: B { da: "Offentliggør roadmap'en i ROADMAP.md eller link til den fra README.", en: "Publish the roadmap in ROADMAP.md or link to it from the README." },
    rests_on: FILES,
    check: Check::Automatic(check_p6),
});

fn check_p6(ctx: &Ctx) -> Outcome {
    if let Some(path) = ctx.community_file(&["roadmap"], &["", "docs", "doc", ".github"]) {
        if ctx
            .text(path)
            .is_some_and(|t| word_count(t) >= 20 && placeholder_lines(t).is_empty())
        {
            return Outcome::found(
                vec![Evidence::file(path)],
                msg!("Roadmap i {p}.", "Roadmap in {p}.", p = path),
            );
        }
    }
    if let Some(hit) = ctx.section(Scope::Docs, &["Roadmap", "Køreplan", "Udviklingsplan"], 20) {
        return Outcome::found(
            vec![hit.evidence()],
            msg!(
                "Roadmap under \"{h}\".",
                "Roadmap under \"{h}\".",
                h = hit.heading
            ),
        );
    }
    if let Some(e) = ctx.link_mentioning(&["roadmap", "køreplan"]) {
        return Outcome::found(vec![e], msg!("Link til roadmap.", "Link to the roadmap."));
    }
    Outcome::missing(msg!("Ingen offentlig roadmap.", "No public roadmap."))
}

requirement!(P7 {
    id: "P7",
    theme: Theme::GoodPractice,
    level: Level::Two,
    recommended: true,
    title: B { da: "Mindst to vedligeholdere", en: "At least two maintainers" },
    rationale: B { da: "Ansvaret skal deles, så produktet ikke står og falder med én person.", en: "The load must be shared so that the product does not depend on one person." },
    evidence: B { da: "Mindst to forskellige personer i MAINTAINERS.md, CODEOWNERS eller publiccode.yml's kontakter.", en: "At least two distinct people in MAINTAINERS.md, CODEOWNERS or publiccode.yml's contacts." },
    fix: B { da: "Udpeg en ekstra vedligeholder og skriv begge i MAINTAINERS.md.", en: "Appoint a second maintainer and list both in MAINTAINERS.md." },
    rests_on: FILES,
    check: Check::Automatic(check_p7),
});

fn check_p7(ctx: &Ctx) -> Outcome {
    // A person is the set of identifiers (e-mails, GitHub handles) seen together: a maintainers
    // table row that gives one handle and one e-mail is one maintainer, not two. A line with
    // several of either ("@alice and @bob") names several people.
    let mut people: Vec<Vec<String>> = Vec::new();
    let mut evidence = Vec::new();
    let add = |ids: Vec<String>, people: &mut Vec<Vec<String>>| {
        let ids: Vec<String> = ids.iter().map(|id| id.to_ascii_lowercase()).collect();
        if ids.is_empty() {
            return;
        }
        match people
            .iter_mut()
            .find(|p| p.iter().any(|k| ids.contains(k)))
        {
            Some(person) => {
                for id in ids {
                    if !person.contains(&id) {
                        person.push(id);
                    }
                }
            }
            None => people.push(ids),
        }
    };
    if let Some(path) = ctx.community_file(&["maintainers"], &["", ".github", "docs"]) {
        if let Some(text) = ctx.text(path) {
            evidence.push(Evidence::file(path));
            for line in text.lines() {
                let emails = crate::base::text::emails(line);
                let mut handles = github_handles(line);
                handles.sort();
                handles.dedup();
                if emails.len() <= 1 && handles.len() <= 1 {
                    add(emails.into_iter().chain(handles).collect(), &mut people);
                } else {
                    for id in emails.into_iter().chain(handles) {
                        add(vec![id], &mut people);
                    }
                }
            }
        }
    }
    if let Some(path) = ctx.shallow_paths().find(|p| {
        ["codeowners", ".github/codeowners", "docs/codeowners"]
            .contains(&p.to_ascii_lowercase().as_str())
    }) {
        if let Some(text) = ctx.text(path) {
            evidence.push(Evidence::file(path));
            for line in text.lines().filter(|l| !l.trim_start().starts_with('#')) {
                for owner in line.split_whitespace().skip(1) {
                    add(vec![owner.trim_start_matches('@').to_string()], &mut people);
                }
            }
        }
    }
    // publiccode.yml that this build could not read (no YAML parser): its contacts may be the
    // missing ones, so fewer than two elsewhere is unknown rather than not met.
    let mut unread = None;
    if let Some((path, validation)) = ctx.publiccode() {
        if validation.unchecked {
            unread = Some(path);
        }
        if let Some(parsed) = &validation.parsed {
            if !parsed.contacts.is_empty() {
                evidence.push(Evidence::file(path).with_note("maintenance.contacts"));
            }
            for contact in &parsed.contacts {
                let who = contact.email.as_ref().unwrap_or(&contact.name);
                add(vec![who.clone()], &mut people);
            }
        }
    }
    let n = people.len();
    if let (Some(path), true) = (unread, n < 2) {
        evidence.push(Evidence::file(path).with_note("maintenance.contacts"));
        return Outcome::Unknown {
            evidence,
            reason: msg!(
                "{n} vedligeholder(e)/kontakt(er) fundet uden for {p}; dens maintenance.contacts er",
                "{n} maintainer(s)/contact(s) found outside {p}; its maintenance.contacts were",
                n = n,
                p = path
            )
            .join(&crate::parse::publiccode::not_checked_reason()),
        };
    }
    if n >= 2 {
        Outcome::found(
            evidence,
            msg!(
                "{n} vedligeholdere/kontakter.",
                "{n} maintainers/contacts.",
                n = n
            ),
        )
    } else {
        Outcome::Missing {
            evidence,
            message: msg!(
                "Kun {n} vedligeholder/kontakt fundet; mindst to anbefales.",
                "Only {n} maintainer/contact found; at least two are recommended.",
                n = n
            ),
        }
    }
}

/// `@handle` mentions and github.com/handle links in a maintainers file.
fn github_handles(text: &str) -> Vec<String> {
    let mut handles = Vec::new();
    for word in text.split(|c: char| c.is_whitespace() || "()[]<>,;|*".contains(c)) {
        let handle = if let Some(h) = word.strip_prefix('@') {
            h
        } else if let Some(h) = word.strip_prefix("https://github.com/") {
            h.trim_end_matches('/')
        } else {
            continue;
        };
        if !handle.is_empty()
            && !handle.contains('/')
            && handle
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '-')
        {
            handles.push(handle.to_string());
        }
    }
    handles
}

requirement!(P8 {
    id: "P8",
    theme: Theme::GoodPractice,
    level: Level::One,
    recommended: true,
    title: B { da: "Vedligeholdelse er automatiseret", en: "Maintenance is automated" },
    rationale: B { da: "CI og automatiske opdateringer af afhængigheder fanger fejl og sårbarheder uden manuelt arbejde.", en: "CI and automatic dependency updates catch defects and vulnerabilities without manual work." },
    evidence: B { da: "CI-konfiguration (GitHub workflows, .gitlab-ci.yml, Jenkinsfile, azure-pipelines.yml, .travis.yml, bitbucket-pipelines.yml, .circleci/); Dependabot/Renovate noteres. Slåede-fra filer (*.disabled) tæller ikke.", en: "CI configuration (GitHub workflows, .gitlab-ci.yml, Jenkinsfile, azure-pipelines.yml, .travis.yml, bitbucket-pipelines.yml, .circleci/); Dependabot/Renovate is noted. Disabled files (*.disabled) do not count." },
    fix: B { da: "Tilføj en CI-workflow i .github/workflows/ og .github/dependabot.yml.", en: "Add a CI workflow in .github/workflows/ and .github/dependabot.yml." },
    rests_on: FILES,
    check: Check::Automatic(check_p8),
});

fn check_p8(ctx: &Ctx) -> Outcome {
    let disabled = |p: &str| {
        let lower = p.to_ascii_lowercase();
        lower.ends_with(".disable") || lower.ends_with(".disabled")
    };
    let ci: Vec<&str> = ctx
        .shallow_paths()
        .filter(|p| !disabled(p))
        .filter(|p| {
            let lower = p.to_ascii_lowercase();
            (lower.starts_with(".github/workflows/")
                && (lower.ends_with(".yml") || lower.ends_with(".yaml")))
                || [
                    ".gitlab-ci.yml",
                    "jenkinsfile",
                    "azure-pipelines.yml",
                    ".travis.yml",
                    "bitbucket-pipelines.yml",
                    ".drone.yml",
                    ".woodpecker.yml",
                ]
                .contains(&lower.as_str())
                || lower.starts_with(".circleci/")
                || lower.starts_with(".woodpecker/")
        })
        .collect();
    let updates: Option<&str> = ctx.shallow_paths().filter(|p| !disabled(p)).find(|p| {
        let lower = p.to_ascii_lowercase();
        [
            ".github/dependabot.yml",
            ".github/dependabot.yaml",
            "renovate.json",
            "renovate.json5",
            ".renovaterc",
            ".renovaterc.json",
            ".github/renovate.json",
            ".github/renovate.json5",
            ".gitlab/renovate.json",
        ]
        .contains(&lower.as_str())
    });
    let update_note = match updates {
        Some(p) => msg!(
            "Afhængigheder opdateres automatisk ({p}).",
            "Dependencies are updated automatically ({p}).",
            p = p
        ),
        None => msg!(
            "Ingen Dependabot/Renovate-konfiguration; det anbefales.",
            "No Dependabot/Renovate configuration; one is recommended."
        ),
    };
    if ci.is_empty() {
        return Outcome::Missing {
            evidence: updates.map(Evidence::file).into_iter().collect(),
            message: msg!("Ingen CI-konfiguration.", "No CI configuration.").join(&update_note),
        };
    }
    let mut evidence: Vec<Evidence> = ci.iter().take(3).map(|p| Evidence::file(p)).collect();
    evidence.extend(updates.map(Evidence::file));
    Outcome::found(
        evidence,
        msg!(
            "CI: {c}.",
            "CI: {c}.",
            c = ci.iter().take(3).copied().collect::<Vec<_>>().join(", ")
        )
        .join(&update_note),
    )
}

/// An issue or pull request is overdue after this long without any answer.
const RESPONSE_DAYS: i64 = 30;

requirement!(P9 {
    id: "P9",
    theme: Theme::GoodPractice,
    level: Level::Two,
    recommended: true,
    title: B { da: "Issues og pull requests får svar", en: "Issues and pull requests get answers" },
    rationale: B { da: "Bidragydere, der aldrig får svar, kommer ikke igen.", en: "Contributors who never get an answer do not come back." },
    evidence: B { da: "GitHub: intet åbent issue eller pull request uden svar fra en anden end forfatteren i mere end 30 dage.", en: "GitHub: no open issue or pull request without a response from someone other than its author for more than 30 days." },
    fix: B { da: "Gennemgå de ubesvarede issues og pull requests, og aftal en svartid i CONTRIBUTING.md.", en: "Go through the unanswered issues and pull requests, and agree a response time in CONTRIBUTING.md." },
    rests_on: RestsOn::on(&[Input::Metadata, Input::OpenItems]),
    check: Check::Automatic(check_p9),
});

fn check_p9(ctx: &Ctx) -> Outcome {
    match &ctx.snapshot.open_items {
        Fetched::Unknown { reason } => Outcome::unknown(Msg::new(
            format!("Svartider kunne ikke kontrolleres: {}.", reason.da),
            format!("Response times could not be checked: {}.", reason.en),
        )),
        Fetched::Got { value } => {
            let overdue: Vec<_> = value
                .iter()
                .filter(|item| {
                    item.first_response_at.is_none()
                        && ctx.snapshot.now - item.created_at > RESPONSE_DAYS * DAY
                })
                .collect();
            if overdue.is_empty() {
                return Outcome::found(Vec::new(), msg!("Alle {n} åbne issues/pull requests har fået svar eller er under 30 dage gamle.", "All {n} open issues/pull requests have an answer or are under 30 days old.", n = value.len()));
            }
            let numbers = overdue
                .iter()
                .take(10)
                .map(|i| format!("#{}", i.number))
                .collect::<Vec<_>>()
                .join(", ");
            Outcome::Missing {
                evidence: overdue
                    .iter()
                    .take(10)
                    .map(|i| Evidence::url(&i.url))
                    .collect(),
                message: msg!(
                    "{n} åbne issues/pull requests uden svar i over 30 dage: {l}.",
                    "{n} open issues/pull requests without an answer for over 30 days: {l}.",
                    n = overdue.len(),
                    l = numbers
                ),
            }
        }
    }
}

requirement!(P10 {
    id: "P10",
    theme: Theme::GoodPractice,
    level: Level::One,
    recommended: true,
    title: B { da: "Dokumentationen ligger de rigtige steder", en: "Documentation is where it belongs" },
    rationale: B { da: "OS2's tjekliste placerer backlog i Jira/GitHub Issues, teknik i Confluence eller docs/, kommunikation på os2.eu, vejledninger på Loop og kode på GitHub.", en: "OS2's checklist puts the backlog in Jira/GitHub Issues, technical docs in Confluence or docs/, communication on os2.eu, guides on Loop and code on GitHub." },
    evidence: B { da: "Link eller bevis for hver slags: Jira-link eller Issues slået til; Confluence-link eller docs/; os2.eu-link; faq.os2.eu-link eller brugerdokumentation; repositoriet selv.", en: "A link or evidence for each kind: a Jira link or Issues enabled; a Confluence link or docs/; an os2.eu link; a faq.os2.eu link or user docs; the repository itself." },
    fix: B { da: "Link fra README til Jira-projektet, produktsiden på os2.eu og vejledningerne på Loop.", en: "Link from the README to the Jira project, the os2.eu product page and the guides on Loop." },
    rests_on: RestsOn::on(&[Input::Files, Input::Metadata]),
    check: Check::Automatic(check_p10),
});

fn check_p10(ctx: &Ctx) -> Outcome {
    let mut evidence = Vec::new();
    let mut missing = Vec::new();
    let mut unknown = Vec::new();
    match (jira_reference(ctx), &ctx.snapshot.github) {
        (Some((_, _, e)), _) => evidence.push(e),
        (None, Fetched::Got { value }) if value.has_issues => {
            evidence.push(Evidence::url(&format!("{}/issues", value.html_url)))
        }
        (None, Fetched::Got { .. }) => missing.push(Msg::new(
            "backlog (Jira-link eller GitHub Issues)",
            "backlog (Jira link or GitHub Issues)",
        )),
        (None, Fetched::Unknown { .. }) => unknown.push(Msg::new(
            "backlog (GitHub Issues ukendt offline, intet Jira-link)",
            "backlog (GitHub Issues unknown offline, no Jira link)",
        )),
    }
    let docs_folder = ctx
        .paths()
        .find(|p| p.starts_with("docs/") || p.starts_with("doc/"));
    match ctx
        .link_where(|k, _| *k == LinkKind::Confluence)
        .or(docs_folder.map(Evidence::file))
    {
        Some(e) => evidence.push(e),
        None => missing.push(Msg::new(
            "teknisk dokumentation (Confluence-link eller docs/)",
            "technical documentation (Confluence link or docs/)",
        )),
    }
    match ctx.link_where(|k, _| matches!(k, LinkKind::Os2ProductPage | LinkKind::Os2Site)) {
        Some(e) => evidence.push(e),
        None => missing.push(Msg::new(
            "kommunikation (os2.eu-link)",
            "communication (os2.eu link)",
        )),
    }
    let user_docs = ctx.link_where(|k, _| *k == LinkKind::Loop).or_else(|| {
        ctx.paths()
            .filter(|p| crate::evidence::in_docs_folder(p))
            .find(|p| {
                let n = normalize(p);
                (p.starts_with("docs/") || p.starts_with("doc/"))
                    && ["manual", "vejledning", "guide", "faq"]
                        .iter()
                        .any(|w| n.contains(w))
            })
            .map(Evidence::file)
    });
    match user_docs {
        Some(e) => evidence.push(e),
        None => missing.push(Msg::new(
            "vejledninger og spørgsmål/svar (faq.os2.eu-link eller brugerdokumentation)",
            "guides and Q&A (faq.os2.eu link or user documentation)",
        )),
    }
    if !missing.is_empty() {
        return Outcome::Missing {
            evidence,
            message: list_message("Mangler:", "Missing:", &missing),
        };
    }
    if !unknown.is_empty() {
        return Outcome::Unknown {
            evidence,
            reason: list_message("Kunne ikke afgøres:", "Could not be decided:", &unknown),
        };
    }
    Outcome::found(
        evidence,
        msg!(
            "Hver slags dokumentation er linket der, hvor den hører til.",
            "Each kind of documentation is linked where it belongs."
        ),
    )
}

/// P11 rests on the files and, once every other requirement is decided, on whether the report
/// contradicts what the tool found ([`p11_contradicted`]).
const P11_RESTS_ON: RestsOn = RestsOn {
    contradictions: Some(p11_contradicted),
    ..FILES
};

/// A report that contradicts the tool's findings is not the consistent report P11 asks for.
fn p11_contradicted(verdict: Verdict, ids: &str) -> (Verdict, Msg) {
    let verdict = if verdict == Verdict::Met {
        Verdict::NotMet
    } else {
        verdict
    };
    let extra = msg!(
        "Rapporten modsiger værktøjets fund for {i}.",
        "The report contradicts the tool's findings for {i}.",
        i = ids
    );
    (verdict, extra)
}

requirement!(P11 {
    id: "P11",
    theme: Theme::GoodPractice,
    level: Level::One,
    recommended: true,
    title: B { da: "Governance-rapport i OS2's format", en: "Governance report in OS2's format" },
    rationale: B { da: "OS2 beder hvert produkt om at offentliggøre sin udfyldte tjekliste i repositoriet.", en: "OS2 asks every product to publish its filled-in checklist in its repository." },
    evidence: B { da: "En fil med governance_report/governancerapport i navnet i OS2's aktuelle skabelon, alle 43 rækker markeret og uden modsigelser med værktøjets fund.", en: "A file with governance_report/governancerapport in its name in OS2's current template, all 43 rows marked and no contradiction with the tool's findings." },
    fix: B { da: "Kør `os2gov report` for at skrive eller opdatere rapporten, og udfyld de erklærede krav.", en: "Run `os2gov report` to write or update the report, and fill in the declared requirements." },
    rests_on: P11_RESTS_ON,
    check: Check::Automatic(check_p11),
});

/// Judged on the report's presence, format and completeness here; the contradictions come
/// from the engine once it has applied the report to the other requirements.
fn check_p11(ctx: &Ctx) -> Outcome {
    let Some(report) = &ctx.report else {
        return Outcome::missing(msg!(
            "Ingen governance-rapport (en fil med governance_report eller governancerapport i navnet).",
            "No governance report (a file with governance_report or governancerapport in its name)."
        ));
    };
    let evidence = vec![Evidence::file(&report.path)];
    if report.format == crate::parse::govreport::Format::Old {
        return Outcome::Missing {
            evidence,
            message: msg!(
                "{p} bruger et ældre format; flyt til OS2's aktuelle skabelon.",
                "{p} uses an old format; move to OS2's current template.",
                p = report.path
            ),
        };
    }
    let missing = report.missing_ids();
    if !missing.is_empty() {
        return Outcome::Missing {
            evidence,
            message: msg!(
                "{p} er ikke færdig: {n} rækker uden markering ({l}).",
                "{p} is not complete: {n} rows without a marker ({l}).",
                p = report.path,
                n = missing.len(),
                l = missing
                    .iter()
                    .take(8)
                    .copied()
                    .collect::<Vec<_>>()
                    .join(", ")
            ),
        };
    }
    Outcome::found(
        evidence,
        msg!("{p} er komplet.", "{p} is complete.", p = report.path),
    )
}

requirement!(P12 {
    id: "P12",
    theme: Theme::GoodPractice,
    level: Level::One,
    recommended: true,
    title: B { da: "Gyldig publiccode.yml", en: "Valid publiccode.yml" },
    rationale: B { da: "publiccode.yml gør produktet findbart i offentlige softwarekataloger.", en: "publiccode.yml makes the product discoverable in public software catalogues." },
    evidence: B { da: "publiccode.yml i roden, gyldig efter standarden v0.4–v0.7: obligatoriske nøgler, SPDX-licens, BCP-47-sprogkoder, shortDescription højst 150 tegn.", en: "publiccode.yml at the root, valid against the standard v0.4–v0.7: mandatory keys, SPDX licence, BCP-47 language codes, shortDescription at most 150 characters." },
    fix: B { da: "Tilføj eller ret publiccode.yml (se yml.publiccode.tools).", en: "Add or correct publiccode.yml (see yml.publiccode.tools)." },
    rests_on: FILES,
    check: Check::Automatic(check_p12),
});

fn check_p12(ctx: &Ctx) -> Outcome {
    let Some((path, validation)) = ctx.publiccode() else {
        return Outcome::missing(msg!(
            "Ingen publiccode.yml; tilføj en for at blive fundet i offentlige softwarekataloger.",
            "No publiccode.yml; add one to be found in public software catalogues."
        ));
    };
    if validation.unchecked {
        return Outcome::Unknown {
            evidence: vec![Evidence::file(path)],
            reason: msg!("{p} er", "{p} was", p = path)
                .join(&crate::parse::publiccode::not_checked_reason()),
        };
    }
    if validation.problems.is_empty() {
        return Outcome::found(
            vec![Evidence::file(path)],
            msg!("{p} er gyldig.", "{p} is valid.", p = path),
        );
    }
    let evidence = validation
        .problems
        .iter()
        .map(|p| match p.line {
            Some(line) => Evidence::at(path, line),
            None => Evidence::file(path),
        })
        .collect();
    let problems: Vec<Msg> = validation
        .problems
        .iter()
        .map(|p| p.message.clone())
        .collect();
    Outcome::Missing {
        evidence,
        message: list_message(
            &format!("{path} er ugyldig:"),
            &format!("{path} is invalid:"),
            &problems,
        ),
    }
}

requirement!(P13 {
    id: "P13",
    theme: Theme::GoodPractice,
    level: Level::Two,
    recommended: true,
    title: B { da: "CONTRIBUTING besvarer de fire spørgsmål", en: "CONTRIBUTING answers the four questions" },
    rationale: B { da: "Bidragydere skal vide, hvordan bidrag vurderes og accepteres, hvilke bidrag der tages imod, hvornår de kan forvente svar, og hvor meget tid vedligeholderne har.", en: "Contributors must know how contributions are reviewed and accepted, which kinds are welcome, when to expect an answer, and how much time maintainers have." },
    evidence: B { da: "CONTRIBUTING behandler review/accept, typer af bidrag, forventet svartid og vedligeholdernes tid.", en: "CONTRIBUTING covers review/acceptance, kinds of contribution, expected response time, and maintainers' time." },
    fix: B { da: "Udbyg CONTRIBUTING.md med de manglende svar.", en: "Extend CONTRIBUTING.md with the missing answers." },
    rests_on: FILES,
    check: Check::Automatic(check_p13),
});

fn check_p13(ctx: &Ctx) -> Outcome {
    let Some(path) = contributing_file(ctx) else {
        return Outcome::missing(msg!("Ingen CONTRIBUTING-fil.", "No CONTRIBUTING file."));
    };
    let Some(text) = ctx.text(path) else {
        return Outcome::unknown(msg!(
            "{p} kunne ikke læses.",
            "{p} could not be read.",
            p = path
        ));
    };
    let norm = normalize(text);
    let has = |words: &[&str]| words.iter().any(|w| has_word_prefix(&norm, &normalize(w)));
    let questions: [(&[&str], Msg); 4] = [
        (
            &["review", "godkend", "accept", "merge", "flet", "vurder"],
            Msg::new(
                "hvordan bidrag vurderes og accepteres",
                "how contributions are reviewed and accepted",
            ),
        ),
        (
            &[
                "bug",
                "fejlrettelse",
                "fejlrapport",
                "feature",
                "dokumentation",
                "documentation",
                "oversættelse",
                "translation",
                "typer af bidrag",
                "kinds of contribution",
                "types of contribution",
            ],
            Msg::new(
                "hvilke slags bidrag der modtages",
                "which kinds of contribution are accepted",
            ),
        ),
        (
            &[
                "svartid",
                "response time",
                "respond within",
                "svar inden",
                "inden for",
                "within",
                "arbejdsdage",
                "business days",
            ],
            Msg::new("forventet svartid", "expected response time"),
        ),
        (
            &[
                "timer om ugen",
                "hours per week",
                "hours a week",
                "kapacitet",
                "capacity",
                "tid til",
                "time to",
                "frivillig",
                "volunteer",
                "deltid",
                "part-time",
                "part time",
            ],
            Msg::new(
                "hvor meget tid vedligeholderne har",
                "how much time maintainers have",
            ),
        ),
    ];
    let missing: Vec<Msg> = questions
        .iter()
        .filter(|(words, _)| !has(words))
        .map(|(_, m)| m.clone())
        .collect();
    if !placeholder_lines(text).is_empty() {
        return Outcome::Missing {
            evidence: vec![Evidence::file(path)],
            message: msg!(
                "{p} indeholder pladsholdere, der skal udfyldes.",
                "{p} contains placeholders to fill in.",
                p = path
            ),
        };
    }
    if missing.is_empty() {
        Outcome::found(
            vec![Evidence::file(path)],
            msg!(
                "{p} besvarer de fire spørgsmål.",
                "{p} answers the four questions.",
                p = path
            ),
        )
    } else {
        Outcome::Missing {
            evidence: vec![Evidence::file(path)],
            message: list_message(
                &format!("{path} mangler:"),
                &format!("{path} does not say:"),
                &missing,
            ),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_in_names() {
        assert_eq!(
            newest_date("referat-2024-03-01.md referat_2025_11.pdf"),
            Some((2025, 11))
        );
        assert_eq!(newest_date("20230915-minutes"), Some((2023, 9)));
        assert_eq!(newest_date("version 12345"), None);
        // 2026-11-27 is 13 months after 2025-10.
        assert_eq!(months_since(1_795_737_600, (2025, 10)), 13);
    }
}
