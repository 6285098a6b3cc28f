use super::*;

#[test]
fn next_page_from_link_header() {
    let answer = Answer {
        body: Vec::new(),
        link: Some(
            "<https://api.github.com/repositories/1/issues?page=2>; rel=\"next\", <https://api.github.com/repositories/1/issues?page=5>; rel=\"last\""
                .into(),
        ),
    };
    assert_eq!(
        answer.next_page().as_deref(),
        Some("https://api.github.com/repositories/1/issues?page=2")
    );
    let last = Answer {
        body: Vec::new(),
        link: Some("<https://x/?page=1>; rel=\"prev\"".into()),
    };
    assert_eq!(last.next_page(), None);
}

#[test]
fn urls() {
    assert_eq!(
        graphql_url("https://api.github.com"),
        "https://api.github.com/graphql"
    );
    assert_eq!(
        graphql_url("https://ghe.example.org/api/v3"),
        "https://ghe.example.org/api/graphql"
    );
    assert_eq!(
        origin_of("http://127.0.0.1:8080/api/v3"),
        "http://127.0.0.1:8080"
    );
    assert_eq!(encode_path("docs/Guide æ.md"), "docs/Guide%20%C3%A6.md");
    assert_eq!(
        encode_query("project=A ORDER BY"),
        "project%3DA%20ORDER%20BY"
    );
}

#[test]
fn rate_limit_headers() {
    let headers = |pairs: &'static [(&'static str, &'static str)]| {
        move |name: &str| {
            pairs
                .iter()
                .find(|(k, _)| *k == name)
                .map(|(_, v)| v.to_string())
        }
    };
    let exhausted = headers(&[
        ("x-ratelimit-remaining", "0"),
        ("x-ratelimit-reset", "1795741200"),
        ("x-ratelimit-limit", "60"),
    ]);
    let e = rate_limit(403, &exhausted, false).expect("limited");
    assert_eq!(
        e,
        FetchError::RateLimited {
            graphql: false,
            reset: Some(1_795_741_200),
            limit: Some(60)
        }
    );
    assert!(
        e.to_msg().en.contains("2026-11-27 01:00 UTC"),
        "{}",
        e.to_msg().en
    );
    assert!(e.to_msg().en.contains("GITHUB_TOKEN"));
    assert!(rate_limit(403, &headers(&[("x-ratelimit-remaining", "12")]), false).is_none());
    assert!(rate_limit(404, &exhausted, false).is_none());
    let secondary = rate_limit(429, &headers(&[("retry-after", "60")]), false).expect("429");
    assert!(matches!(
        secondary,
        FetchError::RateLimited { reset: Some(_), .. }
    ));
}

#[test]
fn error_messages() {
    assert_eq!(error_message(br#"{"message":"Not Found"}"#), "Not Found");
    assert_eq!(
        error_message(
            br#"{"errorMessages":["No project could be found with key 'X'."],"errors":{}}"#
        ),
        "No project could be found with key 'X'."
    );
    assert_eq!(error_message(b"<html>"), "");
}
