//! Good practice in the files OS2 reads: a governance report in OS2's format (P11) and a valid
//! publiccode.yml (P12).

use super::*;

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
    title: B { da: "Governancerapport i OS2's format", en: "Governance report in OS2's format" },
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
            "Ingen governancerapport (en fil med governance_report eller governancerapport i navnet).",
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
