//! `os2gov action`: the GitHub Action's run ([`os2gov::app::action`]) and its exit code.

use crate::{now, print_out};
use anyhow::Result;
use std::process::ExitCode;

pub(crate) fn run_action() -> Result<ExitCode> {
    use os2gov::app::action::{self, Inputs, Runner};
    let env: std::collections::HashMap<String, String> = std::env::vars().collect();
    let runner = Runner::from_env(&env);
    let outcome = Inputs::from_env(&env, &runner).and_then(|inputs| {
        let comments = action::comment_client(&runner, &inputs);
        action::run(&inputs, &runner, now(), comments.as_deref())
    });
    match outcome {
        Ok(outcome) => {
            print_out(&outcome.log);
            Ok(if outcome.failed {
                ExitCode::from(1)
            } else {
                ExitCode::SUCCESS
            })
        }
        Err(error) => {
            // One line for the step's log, escaped as every workflow command is: the message
            // can quote the repository's own files.
            use os2gov::render::annotations::{command, Command};
            // The Action's language is Danish unless the `lang` input says otherwise (a bad
            // `lang` input itself is told in Danish).
            let lang = env
                .get("INPUT_LANG")
                .and_then(|l| os2gov::Lang::parse(l.trim()))
                .unwrap_or(os2gov::Lang::Da);
            print_out(&command(
                Command::Error,
                &[("title", "os2gov")],
                error.0.get(lang),
            ));
            Ok(ExitCode::from(2))
        }
    }
}
