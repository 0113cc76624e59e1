#![cfg(not(target_arch = "wasm32"))]
//! Fuzzing the URL parser and the embed's `set-params` with well over
//! 10,000 arbitrary inputs: never a panic, every value within its stated
//! range, and no silent correction: whenever the value used differs from
//! what the input said, a notice names the key.

use async_playground::core::embed_msg::apply_params;
use async_playground::core::params::{
    parse_query, Kind, PageState, ParamSpec, GLOBAL_SPECS, RESERVED_KEYS,
};
use async_playground::lessons::{find, lookup, LESSONS};
use proptest::prelude::*;

fn in_range(spec: &ParamSpec, p: &PageState) -> bool {
    let v = p.values.get(spec.key);
    match spec.kind {
        Kind::Int { min, max, .. } => (min..=max).contains(&p.values.int(spec.key)),
        Kind::Float { min, max, .. } => {
            matches!(v, Some(async_playground::core::params::Value::Float(x)) if (min..=max).contains(x))
        }
        Kind::Choice { options, .. } => options.contains(&p.values.choice(spec.key)),
        Kind::Flag { .. } => v.is_some(),
        Kind::Text { max_len, .. } => p.values.text(spec.key).chars().count() <= max_len,
    }
}

/// The checks every parse must pass.
fn check(query: &str) -> Result<(), TestCaseError> {
    let p = parse_query(query, &lookup);
    prop_assert!((0.1..=10.0).contains(&p.speed), "speed {}", p.speed);
    let pairs: Vec<(String, String)> =
        form_urlencoded::parse(query.trim_start_matches('?').as_bytes())
            .map(|(k, v)| (k.into_owned(), v.into_owned()))
            .collect();
    let named = |key: &str| p.notices.iter().any(|n| n.contains(key));
    if let Some(ex) = p.example {
        let lesson = find(ex).ok_or_else(|| TestCaseError::fail("unknown lesson id"))?;
        for spec in lesson.params {
            prop_assert!(in_range(spec, &p), "{} out of range in {query:?}", spec.key);
            // The first value given for the key: used as written, or named.
            if let Some((_, raw)) = pairs.iter().find(|(k, _)| k == spec.key) {
                let used = p
                    .values
                    .get(spec.key)
                    .map(|v| v.to_url())
                    .unwrap_or_default();
                let literal = match spec.kind {
                    // A whole number as written (`5`, `+5`, `05`, `5.0`).
                    Kind::Int { .. } => raw
                        .trim()
                        .parse::<i64>()
                        .ok()
                        .or_else(|| {
                            raw.trim()
                                .parse::<f64>()
                                .ok()
                                .filter(|v| v.is_finite() && v.fract() == 0.0 && v.abs() < 9.0e18)
                                .map(|v| v as i64)
                        })
                        .map(|v| v.to_string()),
                    Kind::Choice { options, .. } => options
                        .iter()
                        .find(|o| o.eq_ignore_ascii_case(raw.trim()))
                        .map(|o| o.to_string()),
                    _ => None,
                };
                if literal.as_deref() != Some(used.as_str())
                    && matches!(spec.kind, Kind::Int { .. } | Kind::Choice { .. })
                {
                    prop_assert!(
                        named(spec.key),
                        "{}={raw:?} became {used} silently: {:?}",
                        spec.key,
                        p.notices
                    );
                }
            }
        }
        // Keys that belong to nothing are named too.
        for (k, _) in &pairs {
            let known = k == "example"
                || GLOBAL_SPECS.iter().any(|s| s.key == k)
                || lesson.params.iter().any(|s| s.key == k)
                || RESERVED_KEYS.contains(&k.as_str());
            if !known {
                prop_assert!(
                    p.notices.iter().any(|n| n.contains("is not a parameter")),
                    "unknown key {k:?} not named: {:?}",
                    p.notices
                );
            }
        }
    } else if let Some((_, raw)) = pairs.iter().find(|(k, _)| k == "example") {
        if !raw.trim().is_empty() {
            prop_assert!(named("example"), "example {raw:?} unknown but not named");
        }
    }
    // Every notice is short enough to read, whatever the input's length.
    for n in &p.notices {
        prop_assert!(n.chars().count() < 200, "notice too long: {n}");
    }
    // What the page writes back parses to the same values with no notice.
    let again = parse_query(&p.to_query(), &lookup);
    prop_assert_eq!(&again.values, &p.values);
    prop_assert!(again.notices.is_empty(), "{:?}", again.notices);
    Ok(())
}

/// A value as hostile inputs write them.
fn value() -> impl Strategy<Value = String> {
    prop_oneof![
        ".{0,40}",
        "[-+]?[0-9]{1,30}(\\.[0-9]{0,5})?(e[-+]?[0-9]{1,3})?",
        Just("NaN".to_string()),
        Just("-inf".to_string()),
        Just("1e308".to_string()),
        Just("<script>alert(1)</script>".to_string()),
        Just("\"><img src=x onerror=alert(1)>".to_string()),
        Just("٣".to_string()),
        "[a-z]{10000}",
        Just(String::from("\u{0}\u{202e}\u{feff}")),
    ]
}

/// A query: an existing lesson with some of its keys, globals and strays.
fn structured() -> impl Strategy<Value = String> {
    let lesson = prop::sample::select(LESSONS.iter().map(|l| l.id).collect::<Vec<_>>());
    (
        lesson,
        prop::collection::vec((0usize..12, value()), 0..8),
        prop::bool::ANY,
    )
        .prop_map(|(id, kvs, dup)| {
            let specs = find(id).map(|l| l.params).unwrap_or_default();
            let mut out = form_urlencoded::Serializer::new(String::new());
            out.append_pair("example", id);
            for (k, v) in kvs {
                let key = match k {
                    0..=5 => specs.get(k % specs.len().max(1)).map_or("tasks", |s| s.key),
                    6 => "speed",
                    7 => "autorun",
                    8 => "theme",
                    9 => "embed",
                    10 => "debug",
                    _ => "stray",
                };
                out.append_pair(key, &v);
                if dup {
                    out.append_pair(key, "1");
                }
            }
            out.finish()
        })
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(6000))]

    /// Arbitrary text as a whole query string.
    #[test]
    fn arbitrary_query_strings(q in ".{0,400}") {
        check(&q)?;
    }

    /// Well-formed queries with hostile values for real keys.
    #[test]
    fn lessons_with_hostile_values(q in structured()) {
        check(&q)?;
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// The embed's `set-params` is validated exactly as the URL: hostile
    /// values land within range, and the result writes back cleanly.
    #[test]
    fn set_params_with_hostile_values(
        base in structured(),
        kvs in prop::collection::vec(("[a-z_]{1,12}", value()), 0..6),
    ) {
        let cur = parse_query(&base, &lookup);
        let next = apply_params(&cur, &kvs, &lookup);
        if let Some(ex) = next.example {
            for spec in find(ex).map(|l| l.params).unwrap_or_default() {
                prop_assert!(in_range(spec, &next), "{} out of range", spec.key);
            }
        }
        prop_assert!((0.1..=10.0).contains(&next.speed));
        let again = parse_query(&next.to_query(), &lookup);
        prop_assert_eq!(&again.values, &next.values);
    }
}

/// The hostile URLs of the end-to-end tests pass the same checks.
#[test]
fn hostile_urls_parse_within_range_and_say_so() {
    for q in [
        "example=semaphore&tasks=1e308&limit=-5&delay=NaN",
        "example=semaphore&tasks=99999999999999999999999999&delay=-inf",
        "example=%3Cscript%3Ealert(1)%3C%2Fscript%3E",
        "example=semaphore&%3Cimg%20src%3Dx%3E=1",
    ] {
        check(q).expect(q);
    }
}
