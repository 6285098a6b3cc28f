//! The licence ids this crate knows: the OSI-approved SPDX ids and common others, in the SPDX
//! list's spelling, and the ids a REUSE-style file name carries.

/// Common OSI-approved SPDX ids (GNU ids without `-only`/`-or-later`).
pub(super) const OSI: &str =
    "0BSD AAL AFL-1.1 AFL-1.2 AFL-2.0 AFL-2.1 AFL-3.0 AGPL-3.0 Apache-1.1 Apache-2.0 \
APL-1.0 APSL-2.0 Artistic-1.0 Artistic-2.0 BlueOak-1.0.0 BSD-1-Clause BSD-2-Clause \
BSD-2-Clause-Patent BSD-3-Clause BSD-3-Clause-LBNL BSL-1.0 CAL-1.0 CDDL-1.0 CECILL-2.1 CPAL-1.0 \
CPL-1.0 ECL-1.0 ECL-2.0 EFL-2.0 Entessa EPL-1.0 EPL-2.0 EUDatagrid EUPL-1.1 EUPL-1.2 Fair \
GPL-2.0 GPL-3.0 HPND IPA IPL-1.0 ISC LGPL-2.0 LGPL-2.1 LGPL-3.0 LiLiQ-P-1.1 LiLiQ-R-1.1 \
LiLiQ-Rplus-1.1 LPL-1.02 LPPL-1.3c MirOS MIT MIT-0 MIT-Modern-Variant Motosoto MPL-1.0 MPL-1.1 \
MPL-2.0 MPL-2.0-no-copyleft-exception MS-PL MS-RL MulanPSL-2.0 Multics NASA-1.3 Naumen NCSA \
NGPL Nokia NPOSL-3.0 NTP OCLC-2.0 OFL-1.1 OGTSL OLDAP-2.8 OSL-1.0 OSL-2.0 OSL-2.1 OSL-3.0 \
PHP-3.0 PHP-3.01 PostgreSQL Python-2.0 QPL-1.0 RPL-1.1 RPL-1.5 RPSL-1.0 RSCPL SimPL-2.0 SISSL \
Sleepycat SPL-1.0 UCL-1.0 Unicode-3.0 Unicode-DFS-2016 Unlicense UPL-1.0 VSL-1.0 W3C \
Watcom-1.0 Xnet Zlib ZPL-2.0 ZPL-2.1";

/// Valid SPDX ids that are not OSI-approved but turn up in public-sector repositories.
pub(super) const OTHER: &str =
    "AGPL-1.0 BSD-4-Clause BUSL-1.1 CC0-1.0 CC-BY-3.0 CC-BY-4.0 CC-BY-NC-4.0 \
CC-BY-NC-ND-4.0 CC-BY-NC-SA-4.0 CC-BY-ND-4.0 CC-BY-SA-3.0 CC-BY-SA-4.0 CC-PDDC Elastic-2.0 \
GFDL-1.2 GFDL-1.3 GPL-1.0 JSON OFL-1.0 OpenSSL SSPL-1.0 Unicode-TOU WTFPL X11 \
NLOD-2.0 OGL-UK-3.0 DL-DE-BY-2.0 etalab-2.0";

/// The ids of both tables, (OSI-approved, others), for the test that checks them against the SPDX
/// licence list (the `spdx` crate); not part of the API.
#[doc(hidden)]
pub fn id_tables() -> (Vec<&'static str>, Vec<&'static str>) {
    (
        OSI.split_ascii_whitespace().collect(),
        OTHER.split_ascii_whitespace().collect(),
    )
}

/// True for a licence id this crate knows (OSI list plus common others), and for `LicenseRef-…`.
pub fn is_known_spdx(id: &str) -> bool {
    let lower = id.to_ascii_lowercase();
    if lower.starts_with("licenseref-") || lower.starts_with("documentref-") {
        return id.len() > "licenseref-".len();
    }
    canonical(id).is_some()
}

/// The SPDX id a REUSE-style file name carries: `LICENSES/MPL-2.0.txt` → `MPL-2.0`. Only known
/// ids (and `LicenseRef-…`) count, so `LICENSE.txt` or `COPYING` give `None`.
pub fn spdx_from_filename(name: &str) -> Option<String> {
    let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
    let stem = match base.rsplit_once('.') {
        Some((stem, ext))
            if ["txt", "md", "markdown", "rst", "html", "htm"]
                .iter()
                .any(|e| ext.eq_ignore_ascii_case(e)) =>
        {
            stem
        }
        _ => base,
    };
    if !stem
        .chars()
        .all(|c| c.is_ascii_alphanumeric() || ".-+".contains(c))
    {
        return None;
    }
    if stem.len() > 11 && stem[..11].eq_ignore_ascii_case("licenseref-") {
        return Some(format!("LicenseRef-{}", &stem[11..]));
    }
    canonical(stem)
}

pub(super) fn is_gnu(id: &str) -> bool {
    let upper = id.to_ascii_uppercase();
    ["GPL-", "LGPL-", "AGPL-", "GFDL-"]
        .iter()
        .any(|p| upper.starts_with(p))
}

/// The id without `+`, and for GNU ids without `-only`/`-or-later`.
pub(super) fn base_id(id: &str) -> &str {
    let id = id.strip_suffix('+').unwrap_or(id);
    let lower = id.to_ascii_lowercase();
    for suffix in ["-or-later", "-only"] {
        if lower.ends_with(suffix) && is_gnu(id) {
            return &id[..id.len() - suffix.len()];
        }
    }
    id
}

pub(super) fn lookup(table: &'static str, id: &str) -> Option<&'static str> {
    table
        .split_ascii_whitespace()
        .find(|t| t.eq_ignore_ascii_case(id))
}

/// The id in the SPDX list's spelling, keeping a `-only`/`-or-later`/`+` suffix; `None` if unknown.
pub(super) fn canonical(id: &str) -> Option<String> {
    let base = base_id(id);
    let known = lookup(OSI, base).or_else(|| lookup(OTHER, base))?;
    let suffix = id[base.len()..].to_ascii_lowercase();
    Some(format!("{known}{suffix}"))
}
