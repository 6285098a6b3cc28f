//! OS2's evaluation template (`assessment_template.md`, shipped in `src/base/profile/`): its
//! version, and for each of the 43 requirements the template's own wording — the level as the
//! template writes it, the requirement ("Krav") and the criterion ("Vurderingskriterie") — which
//! the evaluation repeats word for word. English has no template; its wording is ours.

use crate::base::model::Lang;

/// OS2's template as published; `tests/tables.rs` keeps it equal to `../shared/os2/`.
pub const TEMPLATE: &str = include_str!("../base/profile/assessment_template.md");

/// One requirement's row of the template.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct TemplateRow {
    pub id: &'static str,
    /// As the template writes it: "Sandkasse", "1", "2", "3".
    pub level: &'static str,
    pub requirement: &'static str,
    pub criterion: &'static str,
}

/// The template's version ("Evalueringsskabelon version: 0.9").
pub fn version() -> &'static str {
    TEMPLATE
        .lines()
        .find_map(|line| {
            let (_, rest) = line.split_once("version:**")?;
            Some(rest.trim())
        })
        .unwrap_or("")
}

/// Every requirement row of the template, in its order (R, F, S, G).
pub fn rows() -> Vec<TemplateRow> {
    TEMPLATE
        .lines()
        .filter_map(|line| {
            let cells: Vec<&'static str> = line
                .trim()
                .strip_prefix('|')?
                .split('|')
                .map(str::trim)
                .collect();
            let id = *cells.first()?;
            let is_id = id.len() >= 2
                && matches!(id.as_bytes()[0], b'R' | b'F' | b'S' | b'G')
                && id[1..].bytes().all(|b| b.is_ascii_digit());
            if !is_id || cells.len() < 4 {
                return None;
            }
            Some(TemplateRow {
                id,
                level: cells[1],
                requirement: cells[2],
                criterion: cells[3],
            })
        })
        .collect()
}

/// The criterion in `lang`: the template's own text in Danish, our translation in English.
pub fn criterion(row: &TemplateRow, lang: Lang) -> &'static str {
    match lang {
        Lang::Da => row.criterion,
        Lang::En => CRITERIA_EN
            .iter()
            .find(|(id, _)| *id == row.id)
            .map(|(_, text)| *text)
            .unwrap_or(row.criterion),
    }
}

/// The template's criteria in English, by id.
const CRITERIA_EN: [(&str, &str); 43] = [
    ("R1", "Standard: The product gives concrete, documentable value to each authority."),
    ("R2", "Standard: Line management has backed taking part in developing and using it."),
    ("R3", "Standard: It can create value and be reused across authorities."),
    ("R4", "Standard: It supports e.g. the digitisation strategy and joint public-sector goals."),
    ("F1", "Standard: The code base is available and developed openly on GitHub in an organisation OS2 controls."),
    ("F2", "Standard: An approved open-source licence (e.g. MPL-2.0) is clearly stated and applied."),
    ("F3", "Standard: The project follows procurement rules and the law in force."),
    ("F4", "Standard: Security work and/or procedures are documented."),
    ("F5", "Standard: Purpose and value are clearly described, preferably in a README with the code base."),
    ("F6", "Standard: The code is legally handed over and hosted under OS2's GitHub."),
    ("F7", "Standard: Documentation in an open format (e.g. Markdown), using OS2's template."),
    ("F10", "Standard: Information is found on os2.eu."),
    ("F11", "Standard: Tasks (issues) and code changes are tracked publicly and linked to GitHub."),
    ("F12", "Standard: No parallel versions of the code base."),
    ("F13", "Standard: Presentations of the product exist."),
    ("F14", "Standard: Material aimed at management and strategy exists."),
    ("F15", "Standard: Guides and experience are described."),
    ("F16", "Standard: Coding standards documented, relevant documentation for developers."),
    ("F17", "Standard: The operating environment and maintenance procedures are described."),
    ("F18", "Standard: Conformance with the joint public-sector architecture is described."),
    ("F19", "Standard: E.g. Docker is used."),
    ("F20", "Standard: Training material exists."),
    ("F21", "Standard: Material aimed at politicians and the public has been prepared."),
    ("F22", "Standard: A documented process and responsibility for putting it into operation."),
    ("S1", "Standard: It supports OS2's mission and vision."),
    ("S2", "Standard: It furthers innovation and openness."),
    ("S3", "Standard: The link is described."),
    ("S4", "Standard: A formal vision and strategy for the product exists."),
    ("S5", "Standard: A clear link, and it is described."),
    ("G1", "Standard: Listed in OS2's portfolio database, website and annual calendar."),
    ("G2", "Standard: There is regular contact with the secretariat."),
    ("G3", "Standard: A permanent contact person or coordinator is appointed."),
    ("G4", "Standard: The board knows about the project."),
    ("G5", "Standard: Formally approved in the minutes."),
    ("G6", "Standard: An active steering group exists."),
    ("G7", "Standard: An active coordination group exists."),
    ("G8", "Standard: Work follows a documented project model."),
    ("G9", "Standard: Independent code review takes place and the procedure is described."),
    ("G10", "Standard: An OS2 membership agreement exists and is in effect."),
    ("G11", "Standard: Formally approved in the minutes."),
    ("G12", "Standard: A board member takes part."),
    ("G13", "Standard: Funding agreements are in place and a budget is prepared."),
    ("G14", "Standard: An active community, e.g. a user club, forum or other network."),
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_template_has_the_43_requirements_of_the_catalogue_in_its_order() {
        let ids: Vec<&str> = rows().iter().map(|r| r.id).collect();
        let catalogue: Vec<&str> = crate::rules::all()
            .map(|r| r.id)
            .filter(|id| !id.starts_with('P'))
            .collect();
        assert_eq!(ids, catalogue);
        assert_eq!(version(), "0.9");
        let en: Vec<&str> = CRITERIA_EN.iter().map(|(id, _)| *id).collect();
        assert_eq!(en, catalogue);
    }

    #[test]
    fn levels_as_the_template_writes_them() {
        let rows = rows();
        let f7 = rows.iter().find(|r| r.id == "F7").expect("F7");
        assert_eq!(f7.level, "1");
        assert!(f7
            .criterion
            .starts_with("Standard: Dokumentation i åbent format"));
        assert_eq!(rows[0].level, "Sandkasse");
    }
}
