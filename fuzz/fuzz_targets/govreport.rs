//! The governance report reader (OS2's Markdown template, current and old formats), and the
//! report writer that updates such a file in place, on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use os2gov::parse::govreport::{self, REQUIREMENT_IDS};

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let report = govreport::parse("docs/OS2mo_GOVERNANCE_REPORT.md", text);
    for id in REQUIREMENT_IDS {
        let _ = report.row(id);
        let _ = report.row(&id.to_ascii_lowercase());
    }
    let _ = report.is_complete();
    let _ = report.missing_ids();
    let _ = report.absent_ids();
});
