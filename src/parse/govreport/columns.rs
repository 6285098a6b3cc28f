//! Where a requirement table keeps its id, 🔽 and documentation columns, read from its header
//! and, when no header names the ids, from its cells. One detector for the reader and for
//! `os2gov report`, so that every table the check reads is one the writer can update.

use super::canonical_id;
use crate::base::text::normalize;

/// Where a requirement table keeps what the reader reads and `os2gov report` writes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Columns {
    pub(crate) id: usize,
    pub(crate) marker: Option<usize>,
    pub(crate) documentation: Option<usize>,
    /// The header names the current template's 🔽 column or the self-assessment's "Efterlevet?".
    pub(crate) current_header: bool,
}

fn header_is_id(raw: &str) -> bool {
    let t = raw.trim();
    t == "#"
        || matches!(
            normalize(t).as_str(),
            "id" | "nr" | "no" | "krav id" | "kravnr"
        )
}

fn header_is_marker(raw: &str) -> bool {
    raw.contains('🔽')
        || raw.contains('⬇')
        || matches!(
            normalize(raw).as_str(),
            "efterlevet" | "opfyldt" | "status" | "markering" | "marker"
        )
}

fn header_is_documentation(raw: &str) -> bool {
    let n = normalize(raw);
    [
        "beskrivelse",
        "dokumentation",
        "documentation",
        "description",
    ]
    .iter()
    .any(|w| n.split(' ').any(|word| word == *w))
}

/// A "Krav" header: with ids in the cells, what makes a table a requirement table.
pub(super) fn header_is_krav(raw: &str) -> bool {
    matches!(normalize(raw).as_str(), "krav" | "requirement")
}

/// The *Krav* column of an old-format table, whose text `report --out` matches to today's.
pub(super) fn krav_column(header: &[String]) -> Option<usize> {
    header
        .iter()
        .position(|h| header_is_krav(h) || normalize(h) == "kriterie")
}

/// Where an old-format table without a documentation header kept its text instead.
pub(super) fn old_documentation_column(header: &[String]) -> Option<usize> {
    header.iter().position(|h| {
        matches!(
            normalize(h).as_str(),
            "henvisning" | "reference" | "dokumentation" | "kommentar"
        )
    })
}

impl Columns {
    /// The 🔽 column, or the first one: where an old check list keeps its boxes.
    pub(super) fn marker_or_first(&self) -> usize {
        self.marker.unwrap_or(0)
    }
}

/// The columns of a table from its header cells and the cells of its rows (as text or as
/// written: only the shape of an id and the header words count, and both survive Markdown).
pub(crate) fn find_columns<H, C>(header: &[H], rows: &[&[C]]) -> Option<Columns>
where
    H: AsRef<str>,
    C: AsRef<str>,
{
    let id_cells = |col: usize| {
        rows.iter()
            .filter(|cells| {
                cells
                    .get(col)
                    .and_then(|c| canonical_id(c.as_ref()))
                    .is_some()
            })
            .count()
    };
    let id = header
        .iter()
        .position(|h| header_is_id(h.as_ref()))
        .or_else(|| {
            // No "#" header: the column where most cells look like requirement ids.
            (0..header.len())
                .map(|col| (id_cells(col), col))
                .filter(|(n, _)| *n > 0)
                .max_by_key(|(n, col)| (*n, std::cmp::Reverse(*col)))
                .map(|(_, col)| col)
        })?;
    let named_marker = header.iter().position(|h| header_is_marker(h.as_ref()));
    let marker = named_marker.or_else(|| {
        // The marker column is the first one; its header may have lost the 🔽.
        (id != 0
            && header
                .first()
                .is_some_and(|h| normalize(h.as_ref()).is_empty()))
        .then_some(0)
    });
    let documentation = header
        .iter()
        .position(|h| header_is_documentation(h.as_ref()))
        .filter(|&c| Some(c) != marker && c != id);
    Some(Columns {
        id,
        marker,
        documentation,
        current_header: named_marker.is_some(),
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn columns(header: &[&str], rows: &[&[&str]]) -> Option<(usize, Option<usize>, Option<usize>)> {
        find_columns(header, rows).map(|c| (c.id, c.marker, c.documentation))
    }

    #[test]
    fn header_spellings() {
        let rows: &[&[&str]] = &[&[" ✅ ", " R1 ", " Værdi ", " ja "]];
        for id in ["#", " ID ", "Nr.", "No", "Krav-id", "Kravnr", "**Nr.**"] {
            for marker in ["🔽", " ⬇️ ", "Efterlevet?", "Status", "Markering"] {
                for documentation in [
                    "Beskrivelse / Dokumentation",
                    "Documentation",
                    "Description",
                    " dokumentation ",
                ] {
                    let header = [marker, id, "Krav", documentation];
                    assert_eq!(
                        columns(&header, rows),
                        Some((1, Some(0), Some(3))),
                        "{header:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn ids_and_markers_without_a_header() {
        // No id header: the column of ids; an unnamed first column is the marker column.
        let rows: &[&[&str]] = &[&["✅", "Værdi", "R1"], &["", "Licens", "**F2**"]];
        assert_eq!(columns(&["", "Krav", ""], rows), Some((2, Some(0), None)));
        assert_eq!(columns(&["Krav", "Beskrivelse"], &[&["x", "y"]]), None);
        // A named first column is no marker column, and the documentation is neither.
        assert_eq!(
            columns(&["Krav", "#", "Dokumentation"], &[&["x", "R1", "y"]]),
            Some((1, None, Some(2)))
        );
        let current = |h: &[&str]| find_columns(h, rows).map(|c| c.current_header);
        assert_eq!(current(&["🔽", "#"]), Some(true));
        assert_eq!(current(&["", "#"]), Some(false));
    }
}
