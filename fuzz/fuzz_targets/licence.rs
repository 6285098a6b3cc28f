//! Licence identification (SPDX header, licence text, short mention), SPDX expressions, REUSE
//! file names and the sameness of two declarations, on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use os2gov::parse::licence;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(found) = licence::identify(text) {
        assert!(!found.spdx.is_empty(), "an empty licence id from {text:?}");
    }
    // The SPDX readers on the whole text and on each of its first lines, as a manifest's or
    // GitHub's declaration would reach them.
    let (first, rest) = text.split_once('\n').unwrap_or((text, ""));
    let second = rest.lines().next().unwrap_or("");
    for expr in [text, first, second] {
        let _ = licence::spdx_ids(expr);
        let _ = licence::is_osi_approved(expr);
        let _ = licence::is_known_spdx(expr);
        let _ = licence::spdx_from_filename(expr);
    }
    // Naming the same licence is a symmetric relation.
    assert_eq!(
        licence::same_licence(first, second),
        licence::same_licence(second, first),
        "same_licence({first:?}, {second:?})"
    );
});
