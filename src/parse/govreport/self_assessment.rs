//! OS2's self-assessment JSON (`docs/self-assessment/*.json`, shape: SPEC §1).

use super::markers::{answer_marker, clean_documentation};
use super::{canonical_id, cap_problems, find_row, is_current_id, missing, Marker, Row};
use crate::base::model::{Bilingual, Msg};
use crate::msg;
use serde::Serialize;

/// A parsed self-assessment (`docs/self-assessment/*.json`).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct SelfAssessment {
    pub path: String,
    pub product_name: Option<String>,
    pub filled_by: Option<String>,
    pub filled_date: Option<String>,
    pub generated_at: Option<String>,
    /// One row per known requirement id, in file order; `line` is 0.
    pub rows: Vec<Row>,
    /// Entries that were skipped or values that were not understood.
    pub problems: Vec<Msg>,
}

impl SelfAssessment {
    /// The row for `id` (any case, surrounding spaces allowed).
    pub fn row(&self, id: &str) -> Option<&Row> {
        find_row(&self.rows, id)
    }

    /// True when every one of the 43 requirements has an answer.
    pub fn is_complete(&self) -> bool {
        missing(&self.rows).is_empty()
    }

    /// Requirement ids without an answer, in template order.
    pub fn missing_ids(&self) -> Vec<&'static str> {
        missing(&self.rows)
    }
}

/// Why a self-assessment could not be read at all. Every message names the file; `Display` is
/// the English, [`Bilingual`] gives both languages.
#[derive(Debug, thiserror::Error)]
pub enum GovReportError {
    #[error("{}", self.msg().en)]
    Json {
        path: String,
        source: serde_json::Error,
    },
    #[error("{}", self.msg().en)]
    Shape { path: String, what: Msg },
}

impl Bilingual for GovReportError {
    fn msg(&self) -> Msg {
        match self {
            // serde_json's own text (what it expected, line and column) exists in English only.
            GovReportError::Json { path, source } => msg!(
                "{path}: ikke gyldig JSON: {source}",
                "{path}: not valid JSON: {source}"
            ),
            GovReportError::Shape { path, what } => {
                let (da, en) = (&what.da, &what.en);
                msg!(
                    "{path}: ikke en selvevaluering: {da}",
                    "{path}: not a self-assessment: {en}"
                )
            }
        }
    }
}

fn json_string(value: Option<&serde_json::Value>) -> Option<String> {
    match value? {
        serde_json::Value::String(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        serde_json::Value::Number(n) => Some(number_text(n)),
        _ => None,
    }
}

/// A JSON number as written back: whole numbers exactly, others with the shortest digits
/// (`2.5`, `3.0`). Not serde_json's `Display` nor `f64`'s, whose float formatting would add ~4 KB
/// (gzipped) to the browser build for this one use: [`crate::base::text::short_decimal`], and a number
/// that needs more than six decimals is written rounded to six.
fn number_text(n: &serde_json::Number) -> String {
    if let Some(i) = n.as_i64() {
        return i.to_string();
    }
    if let Some(u) = n.as_u64() {
        return u.to_string();
    }
    let x = n.as_f64().unwrap_or_default();
    let text = crate::base::text::short_decimal(x, 6)
        .or_else(|| crate::base::text::short_decimal((x * 1e6).round() / 1e6, 6))
        .unwrap_or_else(|| (x as i128).to_string());
    if text.contains('.') {
        text
    } else {
        text + ".0"
    }
}

/// Parses a self-assessment JSON file (shape: SPEC §1). Malformed JSON or a document without a
/// `krav` list is an error; a bad entry inside the list is a problem and is skipped.
pub fn parse_self_assessment(path: &str, text: &str) -> Result<SelfAssessment, GovReportError> {
    let value: serde_json::Value = serde_json::from_str(text.trim_start_matches('\u{feff}'))
        .map_err(|source| GovReportError::Json {
            path: path.to_string(),
            source,
        })?;
    let shape = |da: &str, en: &str| GovReportError::Shape {
        path: path.to_string(),
        what: Msg::new(da, en),
    };
    let object = value.as_object().ok_or_else(|| {
        shape(
            "øverste niveau er ikke et objekt",
            "the top level is not an object",
        )
    })?;
    let krav = object
        .get("krav")
        .ok_or_else(|| shape("ingen \"krav\"-liste", "no \"krav\" list"))?
        .as_array()
        .ok_or_else(|| shape("\"krav\" er ikke en liste", "\"krav\" is not a list"))?;

    let mut rows: Vec<Row> = Vec::new();
    let mut problems = Vec::new();
    for (index, entry) in krav.iter().enumerate() {
        let n = index + 1;
        let Some(entry) = entry.as_object() else {
            problems.push(Msg::new(
                format!("krav nr. {n} er ikke et objekt"),
                format!("krav entry {n} is not an object"),
            ));
            continue;
        };
        let raw_id = json_string(entry.get("id")).unwrap_or_default();
        let Some(id) = canonical_id(&raw_id).filter(|id| is_current_id(id)) else {
            problems.push(Msg::new(
                format!("krav nr. {n}: ukendt id \"{raw_id}\""),
                format!("krav entry {n}: unknown id \"{raw_id}\""),
            ));
            continue;
        };
        if rows.iter().any(|r| r.id == id) {
            problems.push(Msg::new(
                format!("krav nr. {n}: {id} forekommer flere gange; det første svar gælder"),
                format!("krav entry {n}: {id} appears more than once; the first answer counts"),
            ));
            continue;
        }
        let marker = match entry.get("efterlevet") {
            None | Some(serde_json::Value::Null) => Marker::Empty,
            Some(serde_json::Value::Bool(true)) => Marker::Met,
            Some(serde_json::Value::Bool(false)) => Marker::NotMet,
            Some(serde_json::Value::String(s)) => answer_marker(s).unwrap_or_else(|| {
                problems.push(Msg::new(
                    format!("{id}: ukendt svar \"{s}\" (Ja, Nej eller Ved ikke)"),
                    format!("{id}: unknown answer \"{s}\" (Ja, Nej or Ved ikke)"),
                ));
                Marker::Empty
            }),
            Some(other) => {
                // Named rather than printed as JSON: formatting a JSON value would add ~4 KB
                // (gzipped) to the browser build, which has no other use for it.
                let (da, en) = match other {
                    serde_json::Value::Number(n) => (number_text(n), number_text(n)),
                    serde_json::Value::Array(_) => ("(en liste)".into(), "(a list)".into()),
                    _ => ("(et objekt)".into(), "(an object)".into()),
                };
                problems.push(Msg::new(
                    format!("{id}: ukendt svar {da}"),
                    format!("{id}: unknown answer {en}"),
                ));
                Marker::Empty
            }
        };
        let documentation = json_string(entry.get("dokumentation"))
            .map(|d| clean_documentation(&d))
            .unwrap_or_default();
        rows.push(Row {
            id,
            marker,
            documentation,
            line: 0,
        });
    }

    cap_problems(&mut problems);
    Ok(SelfAssessment {
        path: path.to_string(),
        product_name: json_string(object.get("productName")),
        filled_by: json_string(object.get("filledBy")),
        filled_date: json_string(object.get("filledDate")),
        generated_at: json_string(object.get("generatedAt")),
        rows,
        problems,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::parse::govreport::test_support::da;
    use crate::parse::govreport::REQUIREMENT_IDS;

    #[test]
    fn numbers_read_as_written() {
        for text in [
            "0",
            "42",
            "-7",
            "18446744073709551615",
            "2.5",
            "3.0",
            "-0.125",
            "1234.5678",
        ] {
            let n: serde_json::Number = serde_json::from_str(text).expect("a number");
            assert_eq!(number_text(&n), n.to_string(), "{text}");
        }
        let long: serde_json::Number = serde_json::from_str("0.30000000000000004").expect("n");
        assert_eq!(number_text(&long), "0.3");
    }

    #[test]
    fn self_assessment_json() {
        let mut krav: Vec<serde_json::Value> = REQUIREMENT_IDS
            .iter()
            .map(|id| {
                serde_json::json!({
                    "id": id, "kategori": "x", "krav": "x", "produktniveau": "1",
                    "retningslinjer": "Beskriv ...", "efterlevet": "Ja", "dokumentation": "Se README"
                })
            })
            .collect();
        krav[0]["efterlevet"] = "Nej".into();
        krav[1]["efterlevet"] = "Ved ikke".into();
        krav[2]["efterlevet"] = serde_json::Value::Null;
        krav[2]["dokumentation"] = serde_json::Value::Null;
        if let Some(o) = krav[3].as_object_mut() {
            o.remove("efterlevet");
        }
        krav[4]["efterlevet"] = "Måske".into();
        krav[5]["id"] = " f2 ".into();
        krav[5]["dokumentation"] = "[Ikke udfyldt]".into();
        krav.push(serde_json::json!({"id": "F8", "efterlevet": "Ja"}));
        krav.push(serde_json::json!({"id": "R1", "efterlevet": "Ja"}));
        krav.push(serde_json::json!("nonsense"));
        let doc = serde_json::json!({
            "productName": "OS2demo", "filledBy": "Jens", "filledDate": "2026-05-06",
            "generatedAt": "2026-05-06T10:00:00Z", "krav": krav
        });
        let sa = parse_self_assessment("docs/self-assessment/os2demo.json", &doc.to_string())
            .expect("valid");
        assert_eq!(sa.product_name.as_deref(), Some("OS2demo"));
        assert_eq!(sa.filled_by.as_deref(), Some("Jens"));
        assert_eq!(sa.rows.len(), 43);
        assert!(sa.rows.iter().all(|r| r.line == 0));
        assert_eq!(sa.row("R1").map(|r| r.marker), Some(Marker::NotMet));
        assert_eq!(sa.row("R2").map(|r| r.marker), Some(Marker::Doubt));
        assert_eq!(sa.row("R3").map(|r| r.marker), Some(Marker::Empty));
        assert_eq!(sa.row("R3").map(|r| r.documentation.as_str()), Some(""));
        assert_eq!(sa.row("R4").map(|r| r.marker), Some(Marker::Empty));
        assert_eq!(sa.row("F1").map(|r| r.marker), Some(Marker::Empty));
        let f2 = sa.row("F2").expect("F2");
        assert_eq!((f2.marker, f2.documentation.as_str()), (Marker::Met, ""));
        assert_eq!(
            sa.row("G14").map(|r| r.documentation.as_str()),
            Some("Se README")
        );
        assert_eq!(sa.missing_ids(), ["R3", "R4", "F1"]);
        assert!(!sa.is_complete());
        let problems = da(&sa.problems);
        assert_eq!(problems.len(), 4, "{problems:#?}");
        assert!(problems[0].contains("Måske"));
        assert!(problems[1].contains("ukendt id \"F8\""));
        assert!(problems[2].contains("R1 forekommer flere gange"));
        assert!(problems[3].contains("ikke et objekt"));
    }

    #[test]
    fn malformed_self_assessment_is_an_error_naming_the_path() {
        let path = "docs/self-assessment/broken.json";
        for text in [
            "{\"krav\": [",
            "",
            "[1, 2]",
            "{\"productName\": \"x\"}",
            "{\"krav\": 3}",
        ] {
            let err = parse_self_assessment(path, text).expect_err(text);
            assert!(err.to_string().starts_with(path), "{err}");
            let Msg { da, en } = err.msg();
            assert_eq!(en, err.to_string());
            assert!(
                da.starts_with(path) && da.contains("ikke "),
                "{text:?}: {da}"
            );
            for english in ["not valid", "not a", "top level", "is not"] {
                assert!(!da.contains(english), "{english:?} in {da:?}");
            }
        }
        assert!(matches!(
            parse_self_assessment(path, "{\"krav\": ["),
            Err(GovReportError::Json { .. })
        ));
        let empty = parse_self_assessment(path, "{\"krav\": []}").expect("empty list is valid");
        assert!(empty.rows.is_empty());
        assert_eq!(empty.product_name, None);
    }
}
