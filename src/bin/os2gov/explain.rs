//! `os2gov rules` and `os2gov explain`: the requirements, and one of them or the score, explained.

use crate::args::RulesFormat;
use crate::print_out;
use anyhow::{Context, Result};
use os2gov::base::model::Lang;
use os2gov::rules;
use std::process::ExitCode;

pub(crate) fn run_rules(lang: Option<Lang>, format: RulesFormat) -> Result<ExitCode> {
    let out = match format {
        RulesFormat::Text => rules::docs::list(lang.unwrap_or_default()),
        RulesFormat::Markdown => rules::docs::requirements_markdown(),
    };
    print_out(&out);
    Ok(ExitCode::SUCCESS)
}

pub(crate) fn run_explain(id: &str, lang: Option<Lang>) -> Result<ExitCode> {
    let lang = lang.unwrap_or_default();
    if id.trim().eq_ignore_ascii_case("score") {
        let formula = match lang {
            Lang::Da => os2gov::engine::score::FORMULA_DA,
            Lang::En => os2gov::engine::score::FORMULA_EN,
        };
        print_out(&format!("{formula}\n"));
        return Ok(ExitCode::SUCCESS);
    }
    if id.trim().eq_ignore_ascii_case("evaluation") {
        print_out(&os2gov::evaluate::explanation(lang));
        return Ok(ExitCode::SUCCESS);
    }
    let rule = rules::find(id).with_context(|| {
        crate::say(
            format!("ukendt krav-id {id:?}: `os2gov rules` viser kravene, `os2gov explain score` forklarer scoren"),
            format!("unknown requirement id {id:?}: `os2gov rules` lists them, `os2gov explain score` explains the score"),
        )
    })?;
    print_out(&rules::docs::explain(rule, lang));
    Ok(ExitCode::SUCCESS)
}
