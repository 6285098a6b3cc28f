//! SPEC §4: per-level compliance, achieved level, pass/fail, headline score and verified share.
//!
//! - Per level L: compliant mandatory requirements / mandatory requirements of L and below.
//! - Achieved level: the highest level whose mandatory requirements (and those below) are all
//!   compliant; none when even the sandbox level is not.
//! - Score = 100 × (compliant mandatory + ½ × compliant recommended) / (mandatory + ½ × recommended),
//!   over the requirements up to the required level, rounded to a whole number.
//! - Verified share = the same weighting, `met` / compliant.

use crate::base::model::Level;
use crate::engine::report::{Finding, LevelCompliance, Verdict};

/// The formulas above, in the words `--explain score` and the docs print.
pub const FORMULA_EN: &str = "score = 100 × (compliant mandatory + ½ × compliant recommended) ÷ (mandatory + ½ × recommended), over the requirements of the required level and below; verified share = the same sum counting only `met` ÷ the same sum counting every compliant verdict (met, declared, explained); achieved level = the highest level whose mandatory requirements, and those of every level below, are all compliant.";
pub const FORMULA_DA: &str = "score = 100 × (opfyldte obligatoriske + ½ × opfyldte anbefalinger) ÷ (obligatoriske + ½ × anbefalinger), for kravene på det krævede niveau og niveauerne under; verificeret andel = samme sum med kun de krav, værktøjet selv fandt opfyldt (opfyldt), ÷ samme sum med alle overholdte vurderinger (opfyldt, erklæret, forklaret); opnået niveau = det højeste niveau, hvor alle obligatoriske krav på niveauet og niveauerne under er opfyldt.";

pub struct Score {
    pub levels: Vec<LevelCompliance>,
    pub achieved: Option<Level>,
    pub score: u32,
    pub verified_share: f64,
}

pub fn score(findings: &[Finding], required: Level) -> Score {
    let levels: Vec<LevelCompliance> = Level::ALL
        .iter()
        .map(|&level| {
            let mandatory: Vec<&Finding> = findings
                .iter()
                .filter(|f| !f.recommended && f.level <= level)
                .collect();
            let compliant = mandatory
                .iter()
                .filter(|f| f.verdict.is_compliant())
                .count();
            LevelCompliance {
                level,
                compliant,
                mandatory: mandatory.len(),
                complete: compliant == mandatory.len(),
            }
        })
        .collect();
    let achieved = levels
        .iter()
        .take_while(|l| l.complete)
        .last()
        .map(|l| l.level);
    let weight = |f: &Finding| if f.recommended { 0.5 } else { 1.0 };
    let in_scope: Vec<&Finding> = findings.iter().filter(|f| f.level <= required).collect();
    let total: f64 = in_scope.iter().map(|f| weight(f)).sum();
    let compliant: f64 = in_scope
        .iter()
        .filter(|f| f.verdict.is_compliant())
        .map(|f| weight(f))
        .sum();
    let met: f64 = in_scope
        .iter()
        .filter(|f| f.verdict == Verdict::Met)
        .map(|f| weight(f))
        .sum();
    let score = if total > 0.0 {
        (100.0 * compliant / total).round() as u32
    } else {
        100
    };
    let verified_share = if compliant > 0.0 {
        ((met / compliant) * 1000.0).round() / 1000.0
    } else {
        0.0
    };
    Score {
        levels,
        achieved,
        score,
        verified_share,
    }
}
