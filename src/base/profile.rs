//! OS2's profile data shipped in the crate: the GitHub organisations that count as OS2's (F6).

/// OS2's own list of its code organisations, as published in `dk-public-sector-ospo.yml`.
const OSPO_LIST: &str = include_str!("profile/dk-public-sector-ospo.yml");

/// Organisations SPEC §8 adds to the published list.
const ALSO_OS2: [&str; 4] = ["OS2offdig", "OS2web", "OS2sandbox", "os2kitos"];

/// OS2's GitHub organisations, lower-case, from the shipped list plus SPEC's additions.
pub fn os2_organisations() -> Vec<String> {
    let mut orgs: Vec<String> = Vec::new();
    let mut in_code = false;
    for line in OSPO_LIST.lines() {
        let trimmed = line.trim();
        if trimmed.starts_with("code:") {
            in_code = true;
            continue;
        }
        if in_code {
            let Some(entry) = trimmed.strip_prefix("- ") else {
                if !trimmed.is_empty() && !trimmed.starts_with('#') {
                    in_code = false;
                }
                continue;
            };
            // The organisation is the first path segment; anything after it (a repository path,
            // a trailing comment) is not part of the name.
            let org = entry
                .trim_start_matches("https://github.com/")
                .split(|c: char| c == '/' || c.is_whitespace())
                .next()
                .unwrap_or("");
            if !org.is_empty() && !entry.contains("gitlab") {
                orgs.push(org.to_ascii_lowercase());
            }
        }
    }
    for org in ALSO_OS2 {
        orgs.push(org.to_ascii_lowercase());
    }
    orgs.sort();
    orgs.dedup();
    orgs
}

#[cfg(test)]
mod tests {
    #[test]
    fn list_has_os2_orgs() {
        let orgs = super::os2_organisations();
        for org in [
            "os2mo",
            "os2iot",
            "os2forms",
            "os2offdig",
            "os2kitos",
            "skadesokonomi",
            "os2compliance",
        ] {
            assert!(orgs.contains(&org.to_string()), "{org}");
        }
        assert!(orgs.iter().all(|o| !o.contains(' ')));
    }
}
