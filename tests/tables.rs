//! The tables the project keeps by hand instead of depending on a library at run time, checked
//! against the well-kept source they come from: SPDX ids against the SPDX licence list (the
//! `spdx` crate), OS2's organisations against OS2's published YAML file read by a YAML parser.

use std::collections::BTreeSet;
use std::path::Path;

#[test]
fn licence_ids_are_spdx_ids_with_the_right_osi_flag() {
    let (osi, other) = os2gov::parse::licence::id_tables();
    assert!(osi.len() > 50 && other.len() > 10);
    for id in &osi {
        let known = spdx::license_id(id).unwrap_or_else(|| panic!("{id} is not an SPDX id"));
        assert_eq!(known.name, *id, "{id}: spelled as the SPDX list spells it");
        assert!(
            known.is_osi_approved(),
            "{id} is in the OSI table but not OSI-approved"
        );
    }
    for id in &other {
        let known = spdx::license_id(id).unwrap_or_else(|| panic!("{id} is not an SPDX id"));
        assert_eq!(known.name, *id, "{id}: spelled as the SPDX list spells it");
        assert!(
            !known.is_osi_approved(),
            "{id} is OSI-approved: it belongs in the OSI table"
        );
    }
    let unique: BTreeSet<&str> = osi.iter().chain(&other).copied().collect();
    assert_eq!(
        unique.len(),
        osi.len() + other.len(),
        "an id in both tables"
    );
}

#[test]
fn osi_verdicts_agree_with_the_spdx_list() {
    // Never OSI-approved where the SPDX list says otherwise, for every id of the list, and the
    // -only / -or-later forms of the GNU licences follow their base id.
    for (name, _, _) in spdx::identifiers::LICENSES {
        let listed = spdx::license_id(name).expect("listed");
        if os2gov::parse::licence::is_osi_approved(name) {
            assert!(listed.is_osi_approved(), "{name} called OSI-approved");
        }
    }
    for id in [
        "GPL-2.0-only",
        "GPL-3.0-or-later",
        "LGPL-2.1-only",
        "AGPL-3.0-or-later",
    ] {
        assert!(os2gov::parse::licence::is_osi_approved(id), "{id}");
        assert!(spdx::license_id(id).expect("listed").is_osi_approved());
    }
}

#[test]
fn os2_organisations_match_the_published_list() {
    let shared =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../shared/os2/dk-public-sector-ospo.yml");
    let shipped =
        Path::new(env!("CARGO_MANIFEST_DIR")).join("src/base/profile/dk-public-sector-ospo.yml");
    let shipped_text = std::fs::read_to_string(&shipped).expect("shipped list");
    if let Ok(published) = std::fs::read_to_string(&shared) {
        assert_eq!(
            shipped_text, published,
            "src/base/profile/dk-public-sector-ospo.yml is stale: copy ../shared/os2/dk-public-sector-ospo.yml"
        );
    }
    let yaml: serde_yaml_ng::Value = serde_yaml_ng::from_str(&shipped_text).expect("valid YAML");
    let mut from_yaml = BTreeSet::new();
    for (_, ospo) in yaml.as_mapping().expect("a mapping of OSPOs") {
        for url in ospo
            .get("code")
            .and_then(|c| c.as_sequence())
            .into_iter()
            .flatten()
            .filter_map(|u| u.as_str())
        {
            if let Some(rest) = url.strip_prefix("https://github.com/") {
                let org = rest.split('/').next().unwrap_or("");
                if !org.is_empty() {
                    from_yaml.insert(org.to_ascii_lowercase());
                }
            }
        }
    }
    assert!(from_yaml.len() > 10);
    let ours: BTreeSet<String> = os2gov::base::profile::os2_organisations()
        .into_iter()
        .collect();
    // SPEC §8 adds four organisations to the published list; everything else is the list's.
    let added: BTreeSet<String> = ["os2offdig", "os2web", "os2sandbox", "os2kitos"]
        .iter()
        .map(|s| s.to_string())
        .collect();
    let expected: BTreeSet<String> = from_yaml.union(&added).cloned().collect();
    assert_eq!(ours, expected);
}
