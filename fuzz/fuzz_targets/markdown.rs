//! Document structure: the Markdown, reStructuredText and plain-text readers, and every query the
//! rules make of a document, on any text.
#![no_main]

use libfuzzer_sys::fuzz_target;
use os2gov::parse::markdown::Doc;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    for path in ["README.md", "docs/index.rst", "LICENSE.txt"] {
        let doc = Doc::parse(path, text);
        let _ = doc.all_text();
        for index in 0..=doc.sections.len() {
            let _ = doc.text_under(index);
            let _ = doc.links_under(index);
        }
        let _ = doc.find_headings(&["installation", "kontakt", "bidrag", "license"]);
    }
});
