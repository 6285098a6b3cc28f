//! Licence identification for F2 (SPEC §5, §8 "Licence"): which SPDX licence a licence file holds,
//! whether it is OSI-approved, what a package manifest declares, and whether two declarations
//! (ours, GitHub's, publiccode.yml's) name the same licence.
//!
//! No licence texts are embedded. A text is recognised by a few characteristic phrases (title plus
//! one body phrase) after [`norm`]alising it to lower-case words, so reflowed or re-indented copies
//! (such as REUSE's `LICENSES/MPL-2.0.txt`) match as well as the canonical layout.
//!
//! GNU licences: the full text of the GPL, AGPL and LGPL-2.x ends with "How to Apply These Terms",
//! whose sample notice itself says "either version 3 of the License, or (at your option) any later
//! version". The full text alone therefore cannot show that a project chose "or later", and is
//! reported as `-only` (e.g. `GPL-3.0-only`). It becomes `-or-later` when that wording occurs once
//! more than the sample notice accounts for (a notice above or below the text), or when a short
//! mention before the text says so ("GPL-3.0-or-later", "version 3 or later").

/// How a licence was recognised.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Method {
    /// An `SPDX-License-Identifier:` line.
    SpdxHeader,
    /// Characteristic phrases of the licence text itself.
    Text,
    /// A short mention such as "Licensed under the MIT License" or a licence notice.
    Name,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Identified {
    pub spdx: String,
    pub how: Method,
}

/// SPDX id for a proprietary text ("All rights reserved" and no licence grant).
pub const PROPRIETARY: &str = "LicenseRef-Proprietary";

mod ids;
mod manifest;
mod names;
mod pattern;
mod spdx;
mod text;

pub use ids::{id_tables, is_known_spdx, spdx_from_filename};
pub use manifest::manifest_licence;
pub use spdx::{is_osi_approved, same_licence, spdx_ids};

use names::by_name;
use text::{by_text, find_phrase, looks_binary, norm, spdx_header};

/// Identifies the licence in `text`: an SPDX header first, then the licence text, then a short
/// mention; a text that only reserves all rights is [`PROPRIETARY`]. `None` for empty or binary
/// input and for text that names no licence.
pub fn identify(text: &str) -> Option<Identified> {
    if looks_binary(text) {
        return None;
    }
    if let Some(spdx) = spdx_header(text) {
        return Some(Identified {
            spdx,
            how: Method::SpdxHeader,
        });
    }
    let n = norm(text);
    if n.is_empty() {
        return None;
    }
    if let Some(spdx) = by_text(&n) {
        return Some(Identified {
            spdx,
            how: Method::Text,
        });
    }
    // Mentions sit near the top; bounding the regex scan keeps megabyte inputs fast.
    let mut head = n.len().min(64 * 1024);
    while !n.is_char_boundary(head) {
        head -= 1;
    }
    if let Some((_, spdx)) = by_name(&n[..head]) {
        return Some(Identified {
            spdx,
            how: Method::Name,
        });
    }
    if find_phrase(&n, "all rights reserved").is_some() {
        return Some(Identified {
            spdx: PROPRIETARY.to_string(),
            how: Method::Text,
        });
    }
    None
}

/// For the fuzz targets in `fuzz/` only (built with `--cfg fuzzing`): the pattern matcher and the
/// name patterns, so that a target can hold the matcher to a regex engine on any text.
#[cfg(fuzzing)]
#[doc(hidden)]
pub mod fuzzing {
    /// The successive leftmost matches of `pattern` in `hay`, each as the spans of its groups;
    /// `None` for a pattern outside the matcher's subset.
    pub fn matches(pattern: &str, hay: &str) -> Option<Vec<Vec<Option<(usize, usize)>>>> {
        Some(
            super::pattern::Pattern::new(pattern)?
                .matches(hay)
                .collect(),
        )
    }

    /// The sources of the name patterns that [`super::identify`] tries.
    pub fn name_patterns() -> Vec<String> {
        super::names::name_table()
            .into_iter()
            .map(|(p, _)| p)
            .collect()
    }

    /// The text as the name patterns see it.
    pub fn norm(text: &str) -> String {
        super::text::norm(text)
    }
}

#[cfg(test)]
mod tests;
