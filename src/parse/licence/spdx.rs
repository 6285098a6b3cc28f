//! SPDX expressions: their ids, whether they are OSI-approved, and whether two name the same
//! licence.

use super::ids::{base_id, is_gnu, lookup, OSI};

/// True when every licence of the SPDX expression is OSI-approved. `-only`, `-or-later` and `+`
/// are accepted; for `A OR B` as for `A AND B` all parts must be approved (a conservative reading:
/// the project could otherwise be used under the unapproved choice). `WITH` exceptions are ignored.
pub fn is_osi_approved(spdx: &str) -> bool {
    match spdx_ids(spdx) {
        Some(ids) if !ids.is_empty() => ids.iter().all(|id| lookup(OSI, base_id(id)).is_some()),
        _ => false,
    }
}

/// The licence ids of an SPDX expression (exceptions after `WITH` left out), in order;
/// `None` when the expression is malformed (empty, unbalanced parentheses, a stray operator,
/// characters SPDX does not allow).
pub fn spdx_ids(expr: &str) -> Option<Vec<String>> {
    let tokens = tokens(expr)?;
    let mut ids = Vec::new();
    let mut depth = 0usize;
    // An operand (id or "(") is expected next; otherwise an operator or ")".
    let mut want_operand = true;
    // The next operand is an exception after WITH, not a licence.
    let mut exception = false;
    for token in &tokens {
        let t = token.as_str();
        if want_operand {
            if t == "(" && !exception {
                depth += 1;
            } else if is_id_token(t) && !is_operator(t) {
                if !exception {
                    ids.push(t.to_string());
                }
                exception = false;
                want_operand = false;
            } else {
                return None;
            }
        } else if t == ")" && depth > 0 {
            depth -= 1;
        } else if t.eq_ignore_ascii_case("with") {
            exception = true;
            want_operand = true;
        } else if is_operator(t) {
            want_operand = true;
        } else {
            return None;
        }
    }
    (depth == 0 && !want_operand).then_some(ids)
}

/// True when two SPDX declarations name the same licence, case-insensitively. A bare GNU id
/// (`GPL-3.0`, as GitHub reports it) equals both its `-only` and its `-or-later` form, because
/// GitHub cannot tell them apart from the licence text; `-only` and `-or-later` differ. `+` equals
/// `-or-later`. Pure `OR`/`AND` lists compare as sets. `NOASSERTION`, `NONE` and empty never match.
pub fn same_licence(a: &str, b: &str) -> bool {
    let (Some(x), Some(y)) = (Canon::of(a), Canon::of(b)) else {
        return false;
    };
    if x.ops != y.ops || x.ids.len() != y.ids.len() {
        return false;
    }
    x.ids
        .iter()
        .zip(&y.ids)
        .all(|((base_a, later_a), (base_b, later_b))| {
            base_a == base_b && (later_a.is_none() || later_b.is_none() || later_a == later_b)
        })
}

/// A comparable form of an expression: operators used, and ids as (base, or-later flag) sorted
/// when the expression is a flat list of one operator.
struct Canon {
    ops: Vec<String>,
    ids: Vec<(String, Option<bool>)>,
}

impl Canon {
    fn of(expr: &str) -> Option<Canon> {
        let trimmed = expr.trim();
        if trimmed.is_empty()
            || trimmed.eq_ignore_ascii_case("noassertion")
            || trimmed.eq_ignore_ascii_case("none")
        {
            return None;
        }
        let tokens = tokens(trimmed)?;
        let mut ops: Vec<String> = Vec::new();
        let mut ids = Vec::new();
        let mut flat = true;
        for t in &tokens {
            let upper = t.to_ascii_uppercase();
            match upper.as_str() {
                "(" | ")" => flat = false,
                "AND" | "OR" | "WITH" => {
                    if !ops.contains(&upper) {
                        ops.push(upper);
                    }
                }
                _ => ids.push(split_later(&upper)),
            }
        }
        if ops.len() > 1 {
            flat = false;
        }
        if flat {
            ids.sort();
        }
        ops.sort();
        Some(Canon { ops, ids })
    }
}

/// `GPL-3.0-OR-LATER` → (`GPL-3.0`, Some(true)); `GPL-3.0-ONLY` → Some(false); bare GNU → None.
fn split_later(upper: &str) -> (String, Option<bool>) {
    if let Some(b) = upper.strip_suffix('+') {
        return (b.to_string(), Some(true));
    }
    if let Some(b) = upper.strip_suffix("-OR-LATER").filter(|b| is_gnu(b)) {
        return (b.to_string(), Some(true));
    }
    if let Some(b) = upper.strip_suffix("-ONLY").filter(|b| is_gnu(b)) {
        return (b.to_string(), Some(false));
    }
    (
        upper.to_string(),
        if is_gnu(upper) { None } else { Some(false) },
    )
}

fn is_operator(t: &str) -> bool {
    ["and", "or", "with"]
        .iter()
        .any(|o| t.eq_ignore_ascii_case(o))
}

fn is_id_token(t: &str) -> bool {
    t.chars().next().is_some_and(|c| c.is_ascii_alphanumeric())
        && t.chars()
            .all(|c| c.is_ascii_alphanumeric() || ".-+:".contains(c))
}

/// Splits an SPDX expression into ids, operators and parentheses; `None` on foreign characters.
pub(super) fn tokens(expr: &str) -> Option<Vec<String>> {
    let mut out = Vec::new();
    let mut word = String::new();
    for c in expr.chars() {
        if c == '(' || c == ')' || c.is_ascii_whitespace() {
            if !word.is_empty() {
                out.push(std::mem::take(&mut word));
            }
            if c == '(' || c == ')' {
                out.push(c.to_string());
            }
        } else if c.is_ascii_alphanumeric() || ".-+:".contains(c) {
            word.push(c);
        } else {
            return None;
        }
    }
    if !word.is_empty() {
        out.push(word);
    }
    (!out.is_empty()).then_some(out)
}
