//! The licence that a package manifest declares: package.json, composer.json, Cargo.toml,
//! pyproject.toml and pom.xml readers, each on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for path in [
        "package.json",
        "composer.json",
        "Cargo.toml",
        "pyproject.toml",
        "pom.xml",
    ] {
        if let Some(licence) = os2gov::parse::licence::manifest_licence(path, text) {
            assert!(!licence.trim().is_empty(), "{path}: an empty licence");
        }
    }
});
