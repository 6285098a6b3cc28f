//! Unit tests of the Formkrav helpers (the requirements' own cases are in tests/requirements.rs).

use super::channels::{percent, references_issue};
use super::*;

#[test]
fn issue_references() {
    for yes in [
        "Fix #12",
        "OS2MO-123: add",
        "Merge pull request #5 from x",
        "(#7)",
        "[IOT-1] thing",
        "closes GH-3",
    ] {
        assert!(references_issue(yes), "{yes}");
    }
    for no in [
        "Fix typo",
        "bump to v1-2",
        "UTF-8 handling",
        "color #fff",
        "x&#39;s",
        "a-1 b",
    ] {
        assert!(!references_issue(no), "{no}");
    }
}

#[test]
fn percent_rounds_like_float_formatting() {
    for (part, whole) in [
        (0, 7),
        (1, 3),
        (2, 3),
        (1, 8),
        (3, 8),
        (30, 100),
        (1, 200),
        (3, 200),
        (7, 7),
        (99, 100),
    ] {
        let float = format!("{:.0}", part as f64 * 100.0 / whole as f64);
        assert_eq!(percent(part, whole).to_string(), float, "{part}/{whole}");
    }
}

#[test]
fn placeholders_found_by_line() {
    assert_eq!(
        placeholder_lines("# T\n> Replace with a brief\nok\nTODO(os2gov): x\n"),
        vec![2, 4]
    );
}
