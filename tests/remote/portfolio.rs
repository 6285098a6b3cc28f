//! `os2gov evaluate` and `os2gov portfolio` against the local GitHub: organisations as
//! products, one of them rate limited mid-scan, and the budget printed before the scan.

use super::incomplete::{mount_org, org_with_rate_limit_mid_scan};
use super::*;

fn mount_rate_limit(s: &Servers, remaining: u64) {
    s.on(
        &s.api,
        Mock::given(method("GET")).and(path("/rate_limit")).respond_with(
            ResponseTemplate::new(200).set_body_json(serde_json::json!({
                "resources": {},
                "rate": {"limit": 60, "remaining": remaining, "reset": NOW + 1800, "used": 60 - remaining}
            })),
        ),
    );
}

fn os2test(s: &Servers) {
    let login = Repo {
        owner: "OS2test",
        name: "login",
        ..good_repo()
    };
    mount_repo(s, &login);
    mount_org(s, "OS2test", &[&login]);
}

#[test]
fn a_portfolio_of_organisations_marks_the_one_read_incompletely_in_every_format() {
    let s = servers();
    org_with_rate_limit_mid_scan(&s);
    os2test(&s);
    mount_rate_limit(&s, 40);
    let started = std::time::Instant::now();
    let out = cli(
        &s,
        &[
            "portfolio",
            "OS2mo",
            "OS2test",
            "--format",
            "json",
            "--lang",
            "en",
        ],
    );
    let elapsed = started.elapsed();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(3), "{stderr}");
    // The budget comes first, before anything is scanned.
    let first = stderr.lines().next().unwrap_or("");
    assert!(
        first.contains("Portfolio: 2 organisations, 4 repositories; up to about 26 requests")
            && first.contains("GitHub: 40 of 60 left (resets "),
        "{stderr}"
    );
    assert!(
        stderr.contains("1 of 2 products could not be read completely; the first, OS2mo"),
        "{stderr}"
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    let products = json["products"].as_array().expect("products");
    assert_eq!(products.len(), 2);
    assert_eq!(products[0]["product"], "OS2mo");
    let why = products[0]["incomplete"].as_str().unwrap_or("");
    assert!(why.contains("b-second"), "{why}");
    assert!(products[1].get("incomplete").is_none(), "{}", products[1]);
    let rate_limited = s
        .paths(&s.api)
        .iter()
        .filter(|p| p.as_str() != "/rate_limit")
        .count();
    println!("portfolio of the test server's 2 organisations (4 repositories): {elapsed:?}, {rate_limited} REST requests");

    // The same scan in the other formats says so too.
    for (format, marker) in [
        ("markdown", "OS2mo ⚠"),
        ("csv", "not read completely"),
        ("html", "<tr class=\"incomplete\">"),
    ] {
        let out = cli(
            &s,
            &[
                "portfolio",
                "OS2mo",
                "OS2test",
                "--format",
                format,
                "--lang",
                "en",
            ],
        );
        assert_eq!(out.status.code(), Some(3));
        let text = String::from_utf8_lossy(&out.stdout);
        assert!(text.contains(marker), "{format}: {text}");
    }
}

#[test]
fn an_organisation_evaluated_as_one_product_cites_its_repositories() {
    let s = servers();
    os2test(&s);
    let out = cli(
        &s,
        &[
            "evaluate",
            "github:OS2test",
            "--format",
            "json",
            "--lang",
            "en",
        ],
    );
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(0), "{stderr}");
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert_eq!(json["product"], "OS2test");
    assert_eq!(json["organisation"], "https://github.com/OS2test");
    assert_eq!(json["repositories"], serde_json::json!(["OS2test/login"]));
    let rows = json["rows"].as_array().expect("rows");
    assert_eq!(rows.len(), 43);
    let f1 = rows.iter().find(|r| r["id"] == "F1").expect("F1");
    assert_eq!(f1["light"], "green", "{f1}");
    assert!(
        f1["basis"]
            .as_str()
            .unwrap_or("")
            .contains("the main repository OS2test/login"),
        "{f1}"
    );
}

#[test]
fn a_rate_limit_mid_scan_makes_the_products_rows_white_never_red() {
    let s = servers();
    org_with_rate_limit_mid_scan(&s);
    let out = cli(
        &s,
        &[
            "evaluate",
            "github:OS2mo",
            "--format",
            "json",
            "--lang",
            "en",
        ],
    );
    assert_eq!(
        out.status.code(),
        Some(3),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let json: serde_json::Value = serde_json::from_slice(&out.stdout).expect("JSON");
    assert!(json["incomplete"].as_array().is_some_and(|a| !a.is_empty()));
}
