//! The self-assessment JSON reader (`docs/self-assessment/*.json`), on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use os2gov::parse::govreport::{self, REQUIREMENT_IDS};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Ok(assessment) =
        govreport::parse_self_assessment("docs/self-assessment/os2mo.json", text)
    {
        for id in REQUIREMENT_IDS {
            let _ = assessment.row(id);
        }
        let _ = assessment.is_complete();
        let _ = assessment.missing_ids();
    }
});
