//! licence.rs's own pattern matcher, differentially against regex-lite (as its unit test does on
//! fixed texts): the name patterns that `identify` tries, on any normalised text; and patterns
//! generated within the matcher's subset, on short texts of a small alphabet (where matches and
//! backtracking are dense).
#![no_main]

use libfuzzer_sys::fuzz_target;
use os2gov::parse::licence::fuzzing::{matches, name_patterns, norm};
use std::sync::OnceLock;

type Spans = Vec<Option<(usize, usize)>>;

fn reference(pattern: &str, hay: &str) -> Vec<Spans> {
    let regex = regex_lite::Regex::new(pattern).expect("regex-lite reads the matcher's subset");
    spans(&regex, hay)
}

fn spans(regex: &regex_lite::Regex, hay: &str) -> Vec<Spans> {
    regex
        .captures_iter(hay)
        .map(|c| {
            (0..c.len())
                .map(|i| c.get(i).map(|m| (m.start(), m.end())))
                .collect()
        })
        .collect()
}

/// Bytes to a pattern of the documented subset: literals, `\b`, `\w*`, `\+`, classes, groups
/// with and without capture, alternatives, and `?` after a literal, class or group. Small (a few
/// nodes, two levels) so that backtracking stays cheap.
struct Gen<'a> {
    bytes: &'a [u8],
    nodes: usize,
}

impl Gen<'_> {
    fn next(&mut self) -> u8 {
        let (first, rest) = self
            .bytes
            .split_first()
            .map_or((0, &[][..]), |(f, r)| (*f, r));
        self.bytes = rest;
        first
    }

    fn seq(&mut self, depth: usize, out: &mut String) {
        let items = 1 + usize::from(self.next() % 3);
        for _ in 0..items {
            if self.nodes >= 10 {
                return;
            }
            self.nodes += 1;
            let b = self.next();
            let optional_ok = match b % 9 {
                0 => {
                    out.push_str(r"\b");
                    false
                }
                1 => {
                    out.push_str(r"\w*");
                    false
                }
                2 => {
                    out.push_str(r"\+");
                    true
                }
                3 => {
                    out.push_str("[a1]");
                    true
                }
                4 | 5 if depth < 2 => {
                    out.push_str(if b % 9 == 4 { "(?:" } else { "(" });
                    let alternatives = 1 + usize::from(self.next() % 3);
                    for i in 0..alternatives {
                        if i > 0 {
                            out.push('|');
                        }
                        self.seq(depth + 1, out);
                    }
                    out.push(')');
                    true
                }
                _ => {
                    out.push(char::from(b"ab1 "[usize::from(b / 9) % 4]));
                    true
                }
            };
            if optional_ok && b >= 0x80 {
                out.push('?');
            }
        }
    }
}

/// The name patterns with their regex-lite twins, compiled once: compiling them per input would
/// take most of each run.
fn compiled_name_patterns() -> &'static [(String, regex_lite::Regex)] {
    static COMPILED: OnceLock<Vec<(String, regex_lite::Regex)>> = OnceLock::new();
    COMPILED.get_or_init(|| {
        name_patterns()
            .into_iter()
            .map(|p| {
                let regex = regex_lite::Regex::new(&p).expect("regex-lite reads the name patterns");
                (p, regex)
            })
            .collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    if mode % 2 == 0 {
        let Ok(text) = std::str::from_utf8(rest) else {
            return;
        };
        // `identify` bounds the name scan to 64 KiB; a fuzz input stays well below.
        let hay = norm(text);
        for (pattern, regex) in compiled_name_patterns() {
            let ours = matches(pattern, &hay).expect("a name pattern within the subset");
            assert_eq!(ours, spans(regex, &hay), "{pattern} on {hay:?}");
        }
    } else {
        let split = rest.len().min(usize::from(mode / 2) % 24 + 4);
        let (pattern_bytes, hay_bytes) = rest.split_at(split);
        let mut pattern = String::from("a");
        Gen {
            bytes: pattern_bytes,
            nodes: 0,
        }
        .seq(0, &mut pattern);
        let hay: String = hay_bytes
            .iter()
            .take(48)
            .map(|b| char::from(b"ab1 +_x"[usize::from(*b) % 7]))
            .collect();
        let ours = matches(&pattern, &hay)
            .unwrap_or_else(|| panic!("{pattern} is within the matcher's subset"));
        assert_eq!(ours, reference(&pattern, &hay), "{pattern} on {hay:?}");
    }
});
