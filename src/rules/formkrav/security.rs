//! Formkrav on security (F4): a security policy or section that says how to report a
//! vulnerability.

use super::*;
use crate::evidence::community::SECURITY;

const SECURITY_HEADINGS: [&str; 5] = [
    "Security",
    "Sikkerhed",
    "Sårbarhed",
    "Vulnerab",
    "Reporting a vulnerability",
];

requirement!(F4 {
    id: "F4",
    theme: Theme::Formkrav,
    level: Level::Sandkasse,
    recommended: false,
    title: B { da: "Der er tænkt på sikkerheden i løsningen", en: "Security has been considered" },
    rationale: B {
        da: "Sårbarheder skal kunne rapporteres fortroligt til nogen, der handler på dem.",
        en: "Vulnerabilities must be reportable in confidence to someone who acts on them.",
    },
    evidence: B {
        da: "SECURITY.md (i roden, .github/ eller docs/), eller et sikkerhedsafsnit i README/docs med en kontakt til rapportering.",
        en: "SECURITY.md (root, .github/ or docs/), or a security section in the README/docs with a reporting contact.",
    },
    fix: B {
        da: "Tilføj SECURITY.md med hvordan sårbarheder rapporteres (e-mail), hvilke versioner der understøttes, og hvordan sikkerhed er indtænkt.",
        en: "Add SECURITY.md saying how to report vulnerabilities (e-mail), which versions are supported and how security is built in.",
    },
    rests_on: FILES,
    check: Check::Automatic(check_f4),
});

fn check_f4(ctx: &Ctx) -> Outcome {
    if let Some(path) = ctx.community_file(SECURITY.stems, SECURITY.dirs) {
        let mut evidence = Evidence::file(path);
        if let Some(origin) = ctx.snapshot.files.get(path).and_then(|e| e.origin.clone()) {
            evidence.note = Some(origin);
        }
        return Outcome::found(
            vec![evidence],
            msg!(
                "Sikkerhedspolitik i {p}.",
                "Security policy in {p}.",
                p = path
            ),
        );
    }
    // A reporting contact is an e-mail address or a web/mailto link in the section (a form,
    // GitHub's security advisories); "https" in prose ("all traffic uses https") is none.
    let mut sections: Vec<(Hit, bool)> = Vec::new();
    for file in ctx.documents(Scope::Docs) {
        for index in file.doc.find_headings(&SECURITY_HEADINGS) {
            let text = file.doc.text_under(index);
            if crate::base::text::word_count(&text) == 0 {
                continue;
            }
            let contact = !crate::base::text::emails(&text).is_empty()
                || file.doc.links_under(index).iter().any(|l| {
                    let url = l.url.to_ascii_lowercase();
                    url.starts_with("http://")
                        || url.starts_with("https://")
                        || url.starts_with("mailto:")
                });
            let section = &file.doc.sections[index];
            let hit = Hit {
                path: file.path.clone(),
                line: section.line,
                heading: section.heading.clone(),
                text,
            };
            sections.push((hit, contact));
        }
    }
    let with_contact = sections
        .iter()
        .find(|(_, contact)| *contact)
        .map(|(hit, _)| hit);
    match (with_contact, sections.first().map(|(hit, _)| hit)) {
        (Some(hit), _) => Outcome::found(
            vec![hit.evidence()],
            msg!(
                "Sikkerhedsafsnit med kontakt under \"{h}\".",
                "Security section with a contact under \"{h}\".",
                h = hit.heading
            ),
        ),
        // A security section is half of F4: what is missing is the contact.
        (None, Some(hit)) => Outcome::Missing {
            evidence: vec![hit.evidence()],
            message: msg!(
                "Afsnittet \"{h}\" angiver ingen kontakt til at rapportere sårbarheder.",
                "The section \"{h}\" gives no contact for reporting vulnerabilities.",
                h = hit.heading
            ),
        }
        .partly(),
        (None, None) => crate::rules::missing_unless_unread(
            ctx,
            &SECURITY,
            msg!(
                "Ingen SECURITY.md og intet sikkerhedsafsnit med en kontakt.",
                "No SECURITY.md and no security section with a contact."
            ),
        ),
    }
}
