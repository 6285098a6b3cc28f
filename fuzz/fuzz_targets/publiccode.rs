//! The publiccode.yml validator (YAML, then the standard's keys and values), on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let validation = os2gov::parse::publiccode::validate(text);
    // A file that parsed is valid exactly when nothing was found wrong with it.
    assert_eq!(validation.is_valid(), validation.problems.is_empty());
    for problem in &validation.problems {
        assert!(
            !problem.message.da.is_empty() && !problem.message.en.is_empty(),
            "a problem without a message in both languages: {problem:?}"
        );
    }
});
