//! The standard's vocabulary: the keys each section may have and the values it allows.

pub(super) const TOP_KEYS: &[&str] = &[
    "publiccodeYmlVersion",
    "name",
    "applicationSuite",
    "url",
    "landingURL",
    "isBasedOn",
    "softwareVersion",
    "releaseDate",
    "logo",
    "monochromeLogo",
    "inputTypes",
    "outputTypes",
    "platforms",
    "categories",
    "usedBy",
    "fundedBy",
    "roadmap",
    "developmentStatus",
    "softwareType",
    "intendedAudience",
    "description",
    "legal",
    "maintenance",
    "localisation",
    "dependsOn",
    "organisation",
    "organizationUri",
];
pub(super) const DESCRIPTION_KEYS: &[&str] = &[
    "localisedName",
    "genericName",
    "shortDescription",
    "longDescription",
    "documentation",
    "apiDocumentation",
    "features",
    "screenshots",
    "videos",
    "awards",
];
pub(super) const LEGAL_KEYS: &[&str] =
    &["license", "mainCopyrightOwner", "repoOwner", "authorsFile"];
pub(super) const MAINTENANCE_KEYS: &[&str] = &["type", "contractors", "contacts"];
pub(super) const LOCALISATION_KEYS: &[&str] = &["localisationReady", "availableLanguages"];
pub(super) const DEVELOPMENT_STATUS: &[&str] =
    &["concept", "development", "beta", "stable", "obsolete"];
pub(super) const SOFTWARE_TYPE: &[&str] = &[
    "standalone/mobile",
    "standalone/iot",
    "standalone/desktop",
    "standalone/web",
    "standalone/backend",
    "standalone/other",
    "addon",
    "library",
    "configurationFiles",
];
pub(super) const MAINTENANCE_TYPE: &[&str] = &["internal", "contract", "community", "none"];
/// Country codes often written where a language code belongs: (wrong, right).
pub(super) const COUNTRY_NOT_LANGUAGE: &[(&str, &str)] = &[
    ("dk", "da"),
    ("cz", "cs"),
    ("gr", "el"),
    ("jp", "ja"),
    ("cn", "zh"),
];
