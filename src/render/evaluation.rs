//! The evaluation in OS2's evaluation template (`os2/assessment_template.md`): the document
//! information, the sections a person writes, the four theme tables with the template's columns,
//! the counts per level and per theme × level computed from the rows, and pie charts whose
//! colours are bound to the lights whatever the slice sizes. Also a short text summary and JSON.

use super::markdown_cell as cell;
use crate::base::model::{Lang, Level};
use crate::evaluate::file::{EvaluationFile, InfoLine, Section};
use crate::evaluate::{Counts, Evaluation, Light, Row};
use crate::rules::Theme;

const THEMES: [(Theme, &str, &str, &str); 4] = [
    (Theme::Relevans, "🌍", "RELEVANS", "RELEVANCE"),
    (Theme::Formkrav, "🛠️", "FORMKRAV", "FORMAL REQUIREMENTS"),
    (
        Theme::StrategiskSammenhaeng,
        "🏛️",
        "STRATEGISK SAMMENHÆNG",
        "STRATEGIC ALIGNMENT",
    ),
    (Theme::Governance, "👥", "GOVERNANCE", "GOVERNANCE"),
];

fn colour(light: Light) -> &'static str {
    match light {
        Light::Green => "#008000",
        Light::Yellow => "#FFFF00",
        Light::Red => "#FF0000",
        Light::White => "#D3D3D3",
    }
}

/// `33 %` in Danish (with a non-breaking space), `33%` in English.
fn percent(part: usize, whole: usize, lang: Lang) -> String {
    let value = (part * 100 + whole / 2).checked_div(whole).unwrap_or(0);
    match lang {
        Lang::Da => format!("{value}\u{a0}%"),
        Lang::En => format!("{value}%"),
    }
}

fn level_cell(level: Level, lang: Lang) -> &'static str {
    match (level, lang) {
        (Level::Sandkasse, Lang::Da) => "Sandkasse",
        (Level::Sandkasse, Lang::En) => "Sandbox",
        (Level::One, _) => "1",
        (Level::Two, _) => "2",
        (Level::Three, _) => "3",
    }
}

/// The slices of a pie in the order mermaid draws and colours them: largest first, ties in the
/// order given (its sort is stable), empty slices left out. Mermaid gives `pie1` to the first,
/// so binding `pieN` to the N-th slice's light keeps green green whichever slice is largest.
pub fn pie_order(counts: &Counts) -> Vec<(Light, usize)> {
    let mut slices: Vec<(Light, usize)> = Light::ALL
        .into_iter()
        .map(|l| (l, counts.get(l)))
        .filter(|(_, n)| *n > 0)
        .collect();
    slices.sort_by_key(|slice| std::cmp::Reverse(slice.1));
    slices
}

fn pie(title: &str, counts: &Counts, lang: Lang) -> String {
    let order = pie_order(counts);
    if order.is_empty() {
        return String::new();
    }
    let variables = order
        .iter()
        .enumerate()
        .map(|(i, (light, _))| format!("  \"pie{}\": \"{}\"", i + 1, colour(*light)))
        .collect::<Vec<_>>()
        .join(",\n");
    let mut out = format!("```mermaid\n%%{{init: {{\"themeVariables\": {{\n{variables}\n}}}}}}%%\npie showData\n  title {title}\n");
    for (light, n) in &order {
        out.push_str(&format!(
            "  \"{} {}\" : {n}\n",
            light.label(lang),
            percent(*n, counts.total(), lang)
        ));
    }
    out.push_str("```\n\n");
    out
}

fn count_cells(counts: &Counts) -> String {
    Light::ALL
        .iter()
        .map(|l| counts.get(*l).to_string())
        .collect::<Vec<_>>()
        .join(" | ")
}

fn inline_counts(counts: &Counts) -> String {
    Light::ALL
        .iter()
        .map(|l| format!("{} {}", l.symbol(), counts.get(*l)))
        .collect::<Vec<_>>()
        .join(" ")
}

fn row_line(row: &Row, lang: Lang) -> String {
    let light = row
        .written
        .clone()
        .unwrap_or_else(|| row.light.symbol().to_string());
    let basis = if row.written.is_some() {
        // A person's text, as written (it is already a table cell).
        row.basis.clone()
    } else {
        let links: Vec<String> = row
            .evidence
            .iter()
            .take(3)
            .map(|c| match &c.link {
                Some(link) => format!(
                    "[{}]({})",
                    cell(&c.label()),
                    link.replace('|', "%7C").replace(')', "%29")
                ),
                None => cell(&c.label()),
            })
            .collect();
        let mut text = cell(&row.basis);
        if !links.is_empty() {
            text.push_str(" — ");
            text.push_str(&links.join(", "));
        }
        text
    };
    format!(
        "| {} | {} | {} | {} | {light} | {basis} |\n",
        row.id,
        level_cell(row.level, lang),
        cell(&row.requirement),
        cell(&row.criterion),
    )
}

struct Words {
    title: &'static str,
    info: &'static str,
    version: &'static str,
    organisation: &'static str,
    site: &'static str,
    report: &'static str,
    no_report: &'static str,
    not_found: &'static str,
    repositories: &'static str,
    main: &'static str,
    evaluator: &'static str,
    draft: &'static str,
    proposal: &'static str,
    proposed: &'static str,
    declared: &'static str,
    no_level: &'static str,
    holds: &'static str,
    nothing_holds: &'static str,
    incomplete: &'static str,
    by_theme: &'static str,
    by_level: &'static str,
    lights: &'static str,
    count_title: &'static str,
    level_col: &'static str,
    theme_col: &'static str,
    total: &'static str,
    overall: &'static str,
    requirements: &'static str,
}

fn words(lang: Lang) -> Words {
    match lang {
        Lang::Da => Words {
            title: "Evaluering af OS2-produkt",
            info: "📄 Dokumentinformation",
            version: "Evalueringsskabelon version",
            organisation: "GitHub organisation",
            site: "OS2 website link",
            report: "Governancerapport",
            no_report: "Ingen rapport lokaliseret",
            not_found: "ikke fundet",
            repositories: "Repositorier",
            main: "hovedrepository",
            evaluator: "[Navn], [e-mail]",
            draft: "Udkast: 🟢/🟡/🔴 er værktøjets vurdering af repositorierne; ⚪ vurderes af sekretariatet. Resumé, overordnet vurdering og anbefaling skrives af en person.",
            proposal: "🤖 Værktøjets forslag",
            proposed: "Foreslået niveau",
            declared: "erklæret i governancerapporten",
            no_level: "intet (sandkassens krav er ikke alle opfyldt)",
            holds: "Det, der mangler for at nå",
            nothing_holds: "Alle krav op til niveau 3 er opfyldt.",
            incomplete: "Ikke alt kunne læses; de berørte rækker er ⚪",
            by_theme: "➡️ Antal krav fordelt på tema",
            by_level: "➡️ Antal krav fordelt på niveau",
            lights: "🏷️ Hvad betyder trafiklysene?",
            count_title: "📊 Optælling af vurderinger pr. niveau og tema",
            level_col: "Niveau",
            theme_col: "Tema / Niveau",
            total: "I alt",
            overall: "Samlet",
            requirements: "krav",
        },
        Lang::En => Words {
            title: "Evaluation of OS2 product",
            info: "📄 Document information",
            version: "Evaluation template version",
            organisation: "GitHub organisation",
            site: "OS2 website link",
            report: "Governance report",
            no_report: "No report found",
            not_found: "not found",
            repositories: "Repositories",
            main: "main repository",
            evaluator: "[Name], [email]",
            draft: "Draft: 🟢/🟡/🔴 are the tool's assessment of the repositories; ⚪ is for the secretariat. The summary, overall assessment and recommendation are written by a person.",
            proposal: "🤖 The tool's proposal",
            proposed: "Proposed level",
            declared: "declared in the governance report",
            no_level: "none (not every sandbox requirement is met)",
            holds: "What is missing to reach",
            nothing_holds: "Every requirement up to level 3 is met.",
            incomplete: "Not everything could be read; the rows affected are ⚪",
            by_theme: "➡️ Requirements by theme",
            by_level: "➡️ Requirements by level",
            lights: "🏷️ What do the traffic lights mean?",
            count_title: "📊 Assessments per level and theme",
            level_col: "Level",
            theme_col: "Theme / Level",
            total: "Total",
            overall: "Overall",
            requirements: "requirements",
        },
    }
}

fn meaning(light: Light, lang: Lang) -> &'static str {
    match (light, lang) {
        (Light::Green, Lang::Da) => "Kravet er fuldt opfyldt og fungerer som forventet.",
        (Light::Green, Lang::En) => "The requirement is fully met and works as expected.",
        (Light::Yellow, Lang::Da) => {
            "Kravet er delvist opfyldt, men der er mangler, som bør adresseres."
        }
        (Light::Yellow, Lang::En) => {
            "The requirement is partly met, with gaps that should be addressed."
        }
        (Light::Red, Lang::Da) => "Kravet er ikke opfyldt, og der er behov for handling.",
        (Light::Red, Lang::En) => "The requirement is not met, and action is needed.",
        (Light::White, Lang::Da) => "Ikke vurderet af værktøjet; sekretariatet vurderer kravet.",
        (Light::White, Lang::En) => "Not assessed by the tool; the secretariat assesses it.",
    }
}

fn section(out: &mut String, which: Section, kept: Option<&EvaluationFile>, lang: Lang) {
    out.push_str(&format!("## {}\n", which.heading(lang)));
    let text = kept
        .and_then(|k| k.sections.get(&which))
        .filter(|t| !t.trim().is_empty())
        .map(String::as_str)
        .unwrap_or(which.placeholder(lang));
    out.push_str(text);
    out.push_str("\n\n");
}

/// The evaluation as Markdown in OS2's template. With `kept`, an earlier evaluation file's
/// sections and document-information lines are written as the person left them.
pub fn markdown(e: &Evaluation, kept: Option<&EvaluationFile>) -> String {
    let lang = e.lang;
    let w = words(lang);
    let mut out = format!("# {}: {}\n\n", w.title, e.product);
    let info_line = |info: InfoLine, default: String| -> String {
        kept.and_then(|k| k.info.get(&info))
            .cloned()
            .unwrap_or(default)
    };
    out.push_str(&format!("> **{}**  \n", w.info));
    out.push_str(&format!("> **{}:** {}  \n", w.version, e.template_version));
    out.push_str(&format!(
        "{}  \n",
        info_line(
            InfoLine::Date,
            format!("> **{}:** {}", InfoLine::Date.label(lang), e.date)
        )
    ));
    out.push_str(&format!(
        "{}  \n",
        info_line(
            InfoLine::Evaluator,
            format!("> **{}:** {}", InfoLine::Evaluator.label(lang), w.evaluator)
        )
    ));
    out.push_str(&format!(
        "> **{}:** {}  \n",
        w.organisation,
        e.organisation.as_deref().unwrap_or(w.not_found)
    ));
    out.push_str(&format!(
        "> **{}:** {}  \n",
        w.site,
        e.site.as_deref().unwrap_or(w.not_found)
    ));
    out.push_str(&format!(
        "> **{}:** {}  \n",
        w.report,
        e.governance_report
            .as_deref()
            .map(cell)
            .unwrap_or_else(|| w.no_report.to_string())
    ));
    let repositories = e
        .repositories
        .iter()
        .map(|r| {
            if *r == e.main_repository && e.repositories.len() > 1 {
                format!("{r} ({}, {})", w.main, e.main_chosen.reason().get(lang))
            } else {
                r.clone()
            }
        })
        .collect::<Vec<_>>()
        .join(", ");
    out.push_str(&format!("> **{}:** {repositories}\n\n", w.repositories));
    out.push_str(&format!("<!-- os2gov: {} -->\n\n", w.draft));

    section(&mut out, Section::Summary, kept, lang);

    out.push_str(&format!("## {}\n\n", w.proposal));
    let proposed = e
        .proposed_level
        .map(|l| l.label(lang).to_string())
        .unwrap_or_else(|| w.no_level.to_string());
    match e.declared_level {
        Some(declared) => out.push_str(&format!(
            "- {}: **{proposed}** ({}: {})\n",
            w.proposed,
            w.declared,
            declared.label(lang)
        )),
        None => out.push_str(&format!("- {}: **{proposed}**\n", w.proposed)),
    }
    match e.target_level {
        Some(next) if !e.gaps.is_empty() => {
            out.push_str(&format!("- {} {}:\n", w.holds, next.label(lang)));
            for gap in &e.gaps {
                out.push_str(&format!(
                    "  - {} {} {} ({})\n",
                    gap.light.symbol(),
                    gap.id,
                    cell(&gap.title),
                    gap.level.label(lang)
                ));
            }
        }
        _ => out.push_str(&format!("- {}\n", w.nothing_holds)),
    }
    for why in &e.incomplete {
        out.push_str(&format!("- {}: {}\n", w.incomplete, cell(why)));
    }
    out.push('\n');

    for (theme, icon, da, en) in THEMES {
        let name = match lang {
            Lang::Da => da,
            Lang::En => en,
        };
        out.push_str(&format!("## {icon} {name}\n\n"));
        out.push_str(match lang {
            Lang::Da => {
                "| # | Niveau | Krav | Vurderingskriterie | Vurdering | Vurderingsgrundlag |\n"
            }
            Lang::En => {
                "| # | Level | Requirement | Criterion | Assessment | Basis of assessment |\n"
            }
        });
        out.push_str("|---|---|---|---|---|---|\n");
        for row in e.rows.iter().filter(|r| r.theme == theme) {
            out.push_str(&row_line(row, lang));
        }
        out.push('\n');
    }
    out.push_str("---\n\n");

    // Counts, all computed from the rows above.
    out.push_str(&format!("### {}\n", w.by_theme));
    for (theme, _, _, _) in THEMES {
        let ids: Vec<&str> = e
            .rows
            .iter()
            .filter(|r| r.theme == theme)
            .map(|r| r.id.as_str())
            .collect();
        out.push_str(&format!(
            "* {}: *{} {}* ({}–{})\n",
            theme.label(lang),
            ids.len(),
            w.requirements,
            ids.first().copied().unwrap_or(""),
            ids.last().copied().unwrap_or("")
        ));
    }
    out.push_str(&format!(
        "* *{}: {} {}*\n\n",
        w.total,
        e.rows.len(),
        w.requirements
    ));

    out.push_str(&format!("### {}\n", w.by_level));
    let mut running = 0;
    for level in Level::ALL {
        let n = e.rows.iter().filter(|r| r.level == level).count();
        running += n;
        if level == Level::Sandkasse {
            out.push_str(&format!(
                "* {}: *{n} {}*\n",
                level.label(lang),
                w.requirements
            ));
        } else {
            let total = match lang {
                Lang::Da => "i alt",
                Lang::En => "in all",
            };
            out.push_str(&format!(
                "* {}: *{n} {}* ({running} {total})\n",
                level.label(lang),
                w.requirements
            ));
        }
    }
    out.push_str(&format!(
        "* *{}: {} {}*\n\n---\n\n",
        w.total,
        e.rows.len(),
        w.requirements
    ));

    out.push_str(&format!("### {}\n", w.lights));
    for light in Light::ALL {
        out.push_str(&format!(
            "- {} **{}** → {}\n",
            light.symbol(),
            light.label(lang),
            meaning(light, lang)
        ));
    }
    out.push_str("\n---\n\n");

    out.push_str(&format!("### {}\n\n", w.count_title));
    out.push_str(&format!("| {} |", w.level_col));
    for light in Light::ALL {
        out.push_str(&format!(" {} {} |", light.symbol(), light.label(lang)));
    }
    out.push_str(&format!(" {} |\n|---|---|---|---|---|---|\n", w.total));
    for level in Level::ALL {
        let c = e.counts_at(level);
        out.push_str(&format!(
            "| {} | {} | {} |\n",
            level.label(lang),
            count_cells(&c),
            c.total()
        ));
    }
    let all = e.counts();
    out.push_str(&format!(
        "| **{}** | {} | {} |\n\n",
        w.overall,
        count_cells(&all),
        all.total()
    ));

    out.push_str(&format!("| {} |", w.theme_col));
    for level in Level::ALL {
        let n = e.rows.iter().filter(|r| r.level == level).count();
        out.push_str(&format!(
            " {}<br/>({n} {}) |",
            level.label(lang),
            w.requirements
        ));
    }
    out.push_str(&format!(" {} |\n|---|---|---|---|---|---|\n", w.total));
    for (theme, _, _, _) in THEMES {
        out.push_str(&format!("| {} |", theme.label(lang)));
        let mut sum = Counts::default();
        for level in Level::ALL {
            let c = e.counts_of(theme, level);
            sum.green += c.green;
            sum.yellow += c.yellow;
            sum.red += c.red;
            sum.white += c.white;
            out.push_str(&format!(" {} |", inline_counts(&c)));
        }
        out.push_str(&format!(" {} |\n", inline_counts(&sum)));
    }
    out.push_str(&format!("| **{}** |", w.overall));
    for level in Level::ALL {
        out.push_str(&format!(" {} |", inline_counts(&e.counts_at(level))));
    }
    out.push_str(&format!(" {} |\n\n", inline_counts(&all)));

    for level in Level::ALL {
        let c = e.counts_at(level);
        out.push_str(&pie(
            &format!("{} ({} {})", level.label(lang), c.total(), w.requirements),
            &c,
            lang,
        ));
    }
    out.push_str(&pie(
        &format!("{} ({} {})", w.overall, all.total(), w.requirements),
        &all,
        lang,
    ));
    out.push_str("---\n\n");

    section(&mut out, Section::Overall, kept, lang);
    out.push_str("---\n\n");
    section(&mut out, Section::Recommendation, kept, lang);
    out
}

/// A short summary for the terminal: the proposal, the counts per level, and each row's light.
pub fn text(e: &Evaluation) -> String {
    let lang = e.lang;
    let w = words(lang);
    let mut out = format!("{}: {}\n", w.title, e.product);
    if e.repositories.len() > 1 {
        out.push_str(&format!(
            "{}: {}; {}: {} ({})\n",
            w.repositories,
            e.repositories.join(", "),
            w.main,
            e.main_repository,
            e.main_chosen.reason().get(lang)
        ));
    }
    let proposed = e
        .proposed_level
        .map(|l| l.label(lang).to_string())
        .unwrap_or_else(|| w.no_level.to_string());
    out.push_str(&format!("{}: {proposed}\n", w.proposed));
    for level in Level::ALL {
        let c = e.counts_at(level);
        out.push_str(&format!(
            "  {:<10} {}\n",
            level.label(lang),
            inline_counts(&c)
        ));
    }
    for why in &e.incomplete {
        out.push_str(&format!("{}: {why}\n", w.incomplete));
    }
    for row in &e.rows {
        out.push_str(&format!(
            "{} {:<4} {}\n",
            row.light.symbol(),
            row.id,
            row.basis
        ));
    }
    out
}

/// The evaluation as pretty JSON (`schema/evaluation.schema.json`).
pub fn json(e: &Evaluation) -> String {
    serde_json::to_string_pretty(e).unwrap_or_else(|err| format!("{{\"error\":\"{err}\"}}")) + "\n"
}
