//! os2gov.toml, differentially: the full reader (the `toml` crate, the CLI's) and the subset
//! reader (the browser build's) must give the same config, or both refuse it. The one allowed
//! difference is TOML the subset reader says it does not read (dotted keys, inline tables,
//! multi-line strings), which the full reader may accept.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let (full, subset) = os2gov::engine::config::parse_both("os2gov.toml", text);
    match (&full, &subset) {
        (Ok(a), Ok(b)) => assert_eq!(a, b, "the readers disagree on {text:?}"),
        (Err(_), Err(_)) => {}
        (Ok(_), Err(e)) if e.message.en.contains("beyond the TOML this build") => {}
        _ => panic!("the readers disagree on {text:?}:\n  toml:   {full:?}\n  subset: {subset:?}"),
    }
    for e in [&full, &subset]
        .into_iter()
        .filter_map(|r| r.as_ref().err())
    {
        assert!(
            !e.message.en.trim().is_empty() && !e.message.da.trim().is_empty(),
            "an error without a message on {text:?}: {e:?}"
        );
    }
});
