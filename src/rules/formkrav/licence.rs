//! Formkrav on the licence (F2): an OSI-approved licence at the root, MPL-2.0 as OS2's standard.

use super::*;

/// Root licence files by SPEC §8: LICENSE*, LICENCE*, COPYING*, or REUSE's LICENSES/.
fn root_licence_files<'a>(ctx: &Ctx<'a>) -> Vec<&'a str> {
    ctx.shallow_paths()
        .filter(|p| {
            let lower = p.to_ascii_lowercase();
            (!lower.contains('/')
                && (lower.starts_with("license")
                    || lower.starts_with("licence")
                    || lower.starts_with("copying")))
                || (lower.starts_with("licenses/") && lower.matches('/').count() == 1)
        })
        .collect()
}

requirement!(F2 {
    id: "F2",
    theme: Theme::Formkrav,
    level: Level::Sandkasse,
    recommended: false,
    title: B { da: "Open source-licenskriterier overholdes", en: "Open-source licence criteria are met" },
    rationale: B {
        da: "Uden en OSI-godkendt licens må andre ikke lovligt genbruge koden. OS2's standard er MPL-2.0.",
        en: "Without an OSI-approved licence others may not legally reuse the code. OS2's standard is MPL-2.0.",
    },
    evidence: B {
        da: "En licensfil i roden (LICENSE*, LICENCE*, COPYING* eller REUSE's LICENSES/) med en OSI-godkendt licens, genkendt fra teksten; symlinks følges inden for repositoriet. Skal stemme med GitHubs og publiccode.yml's licens.",
        en: "A root licence file (LICENSE*, LICENCE*, COPYING* or REUSE's LICENSES/) with an OSI-approved licence recognised from its text; symlinks are followed inside the repository. Must agree with GitHub's and publiccode.yml's licence.",
    },
    fix: B {
        da: "Læg licensteksten for MPL-2.0 (OS2's standard) eller en anden OSI-godkendt licens i LICENSE i roden.",
        en: "Put the text of MPL-2.0 (OS2's standard) or another OSI-approved licence in LICENSE at the root.",
    },
    rests_on: RestsOn::on(&[Input::Files, Input::Metadata]),
    check: Check::Automatic(check_f2),
});

fn check_f2(ctx: &Ctx) -> Outcome {
    let files = root_licence_files(ctx);
    let mut problems: Vec<Msg> = Vec::new();
    let mut found: Option<(String, &str)> = None;
    for path in &files {
        let entry = ctx.snapshot.files.get(*path);
        let via = entry.and_then(|e| e.symlink_to.clone());
        match entry.map(|e| &e.content) {
            Some(Content::Text { text, .. }) => {
                let identified = crate::parse::licence::identify(text)
                    .map(|i| i.spdx)
                    .or_else(|| {
                        path.to_ascii_lowercase()
                            .starts_with("licenses/")
                            .then(|| {
                                crate::parse::licence::spdx_from_filename(
                                    path.rsplit('/').next().unwrap_or(path),
                                )
                            })
                            .flatten()
                    });
                match identified {
                    Some(spdx) if found.is_none() => found = Some((spdx, path)),
                    Some(_) => {}
                    None => problems.push(msg!(
                        "{p}: licensen kunne ikke genkendes.",
                        "{p}: the licence could not be recognised.",
                        p = path
                    )),
                }
                let _ = via;
            }
            Some(Content::SymlinkOutside { target }) => problems.push(msg!(
                "{p} er et symlink ud af repositoriet ({t}) og følges ikke.",
                "{p} is a symlink out of the repository ({t}) and is not followed.",
                p = path,
                t = target
            )),
            Some(Content::Broken { reason }) => problems.push(msg!(
                "{p} kan ikke læses: {r}.",
                "{p} cannot be read: {r}.",
                p = path,
                r = reason
            )),
            Some(Content::Binary) => problems.push(msg!(
                "{p} er en binær fil.",
                "{p} is a binary file.",
                p = path
            )),
            Some(Content::TooLarge { size }) => problems.push(msg!(
                "{p} er for stor til at læse ({s} bytes).",
                "{p} is too large to read ({s} bytes).",
                p = path,
                s = size
            )),
            Some(Content::NotLoaded) | None => {}
        }
    }
    let Some((spdx, path)) = found else {
        let mut message = if files.is_empty() {
            msg!(
                "Ingen licensfil i roden (LICENSE, COPYING, LICENSES/).",
                "No licence file at the root (LICENSE, COPYING, LICENSES/)."
            )
        } else {
            Msg::default()
        };
        for p in &problems {
            message = message.join(p);
        }
        // A file is there but says nothing this tool recognises: its text is what to replace.
        let mut fix = (!files.is_empty()).then(|| {
            msg!(
                "Læg den fulde, uændrede licenstekst (fx MPL-2.0, OS2's standard, fra spdx.org/licenses) i {f} som en almindelig tekstfil i repositoriet, så licensen kan genkendes.",
                "Put the full, unmodified licence text (e.g. MPL-2.0, OS2's standard, from spdx.org/licenses) in {f} as a plain text file in the repository, so that the licence can be recognised.",
                f = files.join(", ")
            )
        });
        for manifest in ctx.shallow_paths().filter(|p| !p.contains('/')) {
            if let Some(declared) = ctx
                .text(manifest)
                .and_then(|t| crate::parse::licence::manifest_licence(manifest, t))
            {
                message = message.join(&msg!(
                    "{m} angiver {l}, men en licens kun i et pakkemanifest er ikke nok.",
                    "{m} declares {l}, but a licence only in a package manifest is not enough.",
                    m = manifest,
                    l = declared
                ));
                // The manifest says which licence the product means: its text is the fix.
                let target = if files.is_empty() {
                    "LICENSE".to_string()
                } else {
                    files.join(", ")
                };
                fix = Some(msg!(
                    "Læg den fulde licenstekst for {l}, som {m} angiver, i {t} i roden (teksten fra spdx.org/licenses/{l}.html).",
                    "Put the full text of {l}, which {m} declares, in {t} at the root (the text from spdx.org/licenses/{l}.html).",
                    m = manifest,
                    l = declared,
                    t = target
                ));
                break;
            }
        }
        let evidence = files.iter().map(|p| Evidence::file(p)).collect();
        let missing = Outcome::Missing { evidence, message };
        return match fix {
            Some(fix) => missing.with_fix(fix),
            None => missing,
        };
    };
    let mut evidence = vec![Evidence::at(path, 1)];
    if let Some(target) = ctx
        .snapshot
        .files
        .get(path)
        .and_then(|e| e.symlink_to.as_deref())
    {
        evidence[0].note = Some(format!("symlink → {target}"));
    }
    if !crate::parse::licence::is_osi_approved(&spdx) {
        return Outcome::Missing {
            evidence,
            message: msg!(
                "{l} er ikke en OSI-godkendt licens.",
                "{l} is not an OSI-approved licence.",
                l = spdx
            ),
        }
        .with_fix(msg!(
            "Udgiv koden under en OSI-godkendt licens (opensource.org/licenses), helst MPL-2.0 (OS2's standard): erstat teksten i {f}. Et licensskift kræver rettighedshavernes samtykke.",
            "Release the code under an OSI-approved licence (opensource.org/licenses), preferably MPL-2.0 (OS2's standard): replace the text in {f}. Changing the licence needs the copyright holders' consent.",
            f = path
        ));
    }
    let mut disagreements = Vec::new();
    if let Fetched::Got { value } = &ctx.snapshot.github {
        if let Some(theirs) = value
            .license_spdx
            .as_deref()
            .filter(|l| *l != "NOASSERTION")
        {
            if !crate::parse::licence::same_licence(&spdx, theirs) {
                disagreements.push(msg!(
                    "GitHub registrerer {t}",
                    "GitHub detects {t}",
                    t = theirs
                ));
            }
        }
    }
    let mut unread = None;
    if let Some((pc_path, validation)) = ctx.publiccode() {
        if validation.unchecked {
            unread = Some(pc_path);
        }
        if let Some(theirs) = validation
            .parsed
            .as_ref()
            .and_then(|p| p.licence.as_deref())
        {
            if !crate::parse::licence::same_licence(&spdx, theirs) {
                disagreements.push(msg!(
                    "{p} angiver {t}",
                    "{p} declares {t}",
                    p = pc_path,
                    t = theirs
                ));
                evidence.push(Evidence::file(pc_path));
            }
        }
    }
    if !disagreements.is_empty() {
        let mut message = msg!(
            "{f} indeholder {l}, men:",
            "{f} holds {l}, but:",
            f = path,
            l = spdx
        );
        for d in &disagreements {
            message = message.join(d);
        }
        return Outcome::Missing { evidence, message }.with_fix(msg!(
            "Angiv den samme licens overalt: er {l} i {f} den rigtige, så ret de andre angivelser (publiccode.yml's legal.license; GitHub læser licensen fra licensfilerne i roden) til {l}; ellers skift teksten i {f}.",
            "Name the same licence everywhere: if {l} in {f} is right, change the other statements (publiccode.yml's legal.license; GitHub reads the licence from the licence files at the root) to {l}; otherwise replace the text in {f}.",
            f = path,
            l = spdx
        ));
    }
    // publiccode.yml that this build could not read (no YAML parser): its licence may disagree.
    if let Some(pc_path) = unread {
        evidence.push(Evidence::file(pc_path).with_note("legal.license"));
        return Outcome::Unknown {
            evidence,
            reason: msg!(
                "{l} (OSI-godkendt) i {f}, men licensen i {p} (legal.license) er ikke sammenlignet:",
                "{l} (OSI-approved) in {f}, but the licence in {p} (legal.license) was not compared:",
                l = spdx,
                f = path,
                p = pc_path
            )
            .join(&crate::parse::publiccode::not_checked_reason()),
        }
        .with_fix(msg!(
            "Kontrollér, at legal.license i {p} er {l} som i {f}.",
            "Check that legal.license in {p} is {l}, as in {f}.",
            l = spdx,
            f = path,
            p = pc_path
        ));
    }
    let mut message = msg!(
        "{l} (OSI-godkendt) i {f}.",
        "{l} (OSI-approved) in {f}.",
        l = spdx,
        f = path
    );
    if !spdx.eq_ignore_ascii_case("MPL-2.0") {
        message = message.join(&msg!(
            "OS2's standard er MPL-2.0.",
            "OS2's standard is MPL-2.0."
        ));
    }
    Outcome::found(evidence, message)
}
