//! Unit tests of the good-practice helpers (the requirements' own cases are in tests/requirements.rs).

use super::stewardship::{months_since, newest_date};

#[test]
fn dates_in_names() {
    assert_eq!(
        newest_date("referat-2024-03-01.md referat_2025_11.pdf"),
        Some((2025, 11))
    );
    assert_eq!(newest_date("20230915-minutes"), Some((2023, 9)));
    assert_eq!(newest_date("version 12345"), None);
    // 2026-11-27 is 13 months after 2025-10.
    assert_eq!(months_since(1_795_737_600, (2025, 10)), 13);
}
