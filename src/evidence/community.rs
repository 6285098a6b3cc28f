//! The community files as the requirements look for them and `os2gov fix` writes them: the
//! names that count (lower-case stems, any extension) and the folders they count in. One table,
//! so that a file `fix` would write is found by the check that asks for it, and a file the check
//! finds is one `fix` leaves alone.

/// A community file: its stems and the folders it counts in (`""` is the root).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CommunityFile {
    pub stems: &'static [&'static str],
    pub dirs: &'static [&'static str],
}

/// Where GitHub itself looks for community health files.
pub const COMMUNITY_DIRS: &[&str] = &["", ".github", "docs"];

pub const SECURITY: CommunityFile = CommunityFile {
    stems: &["security"],
    dirs: COMMUNITY_DIRS,
};
pub const CONTRIBUTING: CommunityFile = CommunityFile {
    stems: &["contributing"],
    dirs: COMMUNITY_DIRS,
};
pub const CODE_OF_CONDUCT: CommunityFile = CommunityFile {
    stems: &["code_of_conduct", "code-of-conduct", "codeofconduct"],
    dirs: COMMUNITY_DIRS,
};
pub const MAINTAINERS: CommunityFile = CommunityFile {
    stems: &["maintainers"],
    dirs: COMMUNITY_DIRS,
};
pub const GOVERNANCE: CommunityFile = CommunityFile {
    stems: &["governance"],
    dirs: COMMUNITY_DIRS,
};
pub const VISION: CommunityFile = CommunityFile {
    stems: &["vision"],
    dirs: &["", "docs", "doc"],
};
pub const ROADMAP: CommunityFile = CommunityFile {
    stems: &["roadmap"],
    dirs: &["", "docs", "doc", ".github"],
};
pub const ARCHITECTURE: CommunityFile = CommunityFile {
    stems: &["architecture"],
    dirs: &["docs", "doc", ""],
};
pub const BUG_REPORT_TEMPLATE: CommunityFile = CommunityFile {
    stems: &["bug_report", "bug-report", "issue_template"],
    dirs: &[".github/ISSUE_TEMPLATE", ".github", ""],
};
pub const PULL_REQUEST_TEMPLATE: CommunityFile = CommunityFile {
    stems: &["pull_request_template"],
    dirs: &[".github", "", "docs"],
};
pub const DEPENDENCY_UPDATES: CommunityFile = CommunityFile {
    stems: &["dependabot", "renovate"],
    dirs: &[".github", ""],
};
