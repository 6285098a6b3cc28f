//! Good practice for stewardship: documented governance (P4), published minutes (P5), a
//! public roadmap (P6), at least two maintainers (P7).

use super::*;
use crate::evidence::community::{GOVERNANCE, MAINTAINERS, ROADMAP};

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
    let file = ctx.community_file(GOVERNANCE.stems, GOVERNANCE.dirs);
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
                return crate::rules::missing_unless_unread(
                    ctx,
                    &GOVERNANCE,
                    msg!(
                        "Ingen GOVERNANCE.md og intet governance-afsnit.",
                        "No GOVERNANCE.md and no governance section."
                    ),
                );
            }
        },
    };
    let norm = normalize(&text);
    // Read once by stem: governance text writes "bidragsyderne", "vedligeholderen", "becoming".
    let stemmed = crate::base::text::Stemmed::new(&norm);
    let has = |words: &[&str]| {
        let vocabulary = crate::base::text::Vocabulary::new(words);
        words.iter().any(|w| has_word_prefix(&norm, &normalize(w)))
            || vocabulary.in_stemmed(&stemmed)
    };
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
    let grows = (has(&["maintainer", "vedligeholder", "committer"])
        && has(&[
            "bliv", "become", "grow", "nominat", "udnævn", "optag", "promot", "udpeg", "appoint",
            "invite", "inviter", "elect", "vælg", "opnå",
        ]))
        || has(&["committer", "commit access", "skriveadgang"])
        // "Vejen fra bidragsyder til vedligeholder", "From contributors to maintainers": the
        // path named without a verb, in any inflection and either spelling.
        || has(&[
            "bidragyder til vedligeholder",
            "contributor to maintainer",
            "contributor into maintainer",
        ]);
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
pub(super) fn newest_date(text: &str) -> Option<(i32, u32)> {
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
pub(super) fn months_since(now: i64, (year, month): (i32, u32)) -> i64 {
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
    if let Some(path) = ctx.community_file(ROADMAP.stems, ROADMAP.dirs) {
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
    if let Some(path) = ctx.community_file(MAINTAINERS.stems, MAINTAINERS.dirs) {
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
                "Vedligeholdere/kontakter fundet uden for {p}: {n}; dens maintenance.contacts er",
                "Maintainers/contacts found outside {p}: {n}; its maintenance.contacts were",
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
        let message = if n == 0 {
            msg!(
                "Ingen vedligeholder eller kontakt fundet; mindst to anbefales.",
                "No maintainer or contact found; at least two are recommended."
            )
        } else {
            msg!(
                "Kun én vedligeholder/kontakt fundet; mindst to anbefales.",
                "Only one maintainer/contact found; at least two are recommended."
            )
        };
        let fix = if n == 0 {
            msg!(
                "Navngiv mindst to vedligeholdere (navn og e-mail eller GitHub-bruger) i MAINTAINERS.md, helst fra forskellige organisationer.",
                "Name at least two maintainers (name and e-mail or GitHub user) in MAINTAINERS.md, preferably from different organisations."
            )
        } else {
            msg!(
                "Udpeg en vedligeholder mere i MAINTAINERS.md, helst fra en anden organisation, så produktet ikke hviler på én person.",
                "Appoint one more maintainer in MAINTAINERS.md, preferably from another organisation, so that the product does not rest on one person."
            )
        };
        Outcome::Missing { evidence, message }.with_fix(fix)
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
