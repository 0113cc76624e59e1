#![cfg(not(target_arch = "wasm32"))]
//! URL parameters: ranges, defaults, corrections named in plain words.

use async_playground::core::params::{parse_query, PageState, Theme, Value};
use async_playground::lessons::lookup;
use proptest::prelude::*;

fn page(q: &str) -> PageState {
    parse_query(q, &lookup)
}

#[test]
fn a_valid_url_needs_no_correction() {
    let p = page("?example=semaphore&tasks=12&limit=3&delay=800&speed=2&autorun=1");
    assert!(p.notices.is_empty(), "{:?}", p.notices);
    assert_eq!(p.example, Some("semaphore"));
    assert_eq!(p.values.int("tasks"), 12);
    assert_eq!(p.values.int("limit"), 3);
    assert_eq!(p.values.int("delay"), 800);
    assert_eq!(p.speed, 2.0);
    assert!(p.autorun);
    assert!(!p.embed);
    assert_eq!(p.theme, Theme::Auto);
}

#[test]
fn out_of_range_values_are_clamped_with_a_notice() {
    let p = page("example=semaphore&limit=0&tasks=50000&delay=-5&speed=50");
    assert_eq!(p.values.int("limit"), 1);
    assert_eq!(p.values.int("tasks"), 10_000);
    assert_eq!(p.values.int("delay"), 0);
    assert_eq!(p.speed, 10.0);
    assert_eq!(
        p.notices,
        [
            "limit 0 is below 1; using 1",
            "tasks 50000 is above 10000; using 10000",
            "delay -5 is below 0; using 0",
            "speed 50 is above 10; using 10",
        ]
    );
}

#[test]
fn unparsable_values_fall_back_to_defaults_with_a_notice() {
    let p = page(
        "example=sequential-vs-gather&tasks=abc&mode=parallel&delay=NaN&theme=pink&autorun=maybe",
    );
    assert_eq!(p.values.int("tasks"), 3);
    assert_eq!(p.values.choice("mode"), "gather");
    assert_eq!(p.values.int("delay"), 1000);
    assert_eq!(p.theme, Theme::Auto);
    assert!(!p.autorun);
    assert_eq!(p.notices.len(), 5, "{:?}", p.notices);
    assert!(p.notices[0].starts_with("tasks \"abc\" is not a whole number; using 3"));
    assert!(
        p.notices[1].contains("mode \"parallel\" is not one of sequential, gather; using gather")
    );
}

#[test]
fn unknown_example_shows_the_catalog_with_a_notice() {
    let p = page("example=nope&tasks=3");
    assert_eq!(p.example, None);
    assert_eq!(
        p.notices,
        ["example \"nope\" is unknown; showing the catalog"]
    );
}

#[test]
fn unknown_keys_are_ignored_and_named() {
    let p = page("example=coroutine&delay=5&foo=1");
    assert_eq!(p.values.int("delay"), 5);
    assert_eq!(
        p.notices,
        ["\"foo\" is not a parameter of coroutine; ignored"]
    );
}

#[test]
fn fractions_are_rounded_with_a_notice() {
    let p = page("example=coroutine&delay=2.6");
    assert_eq!(p.values.get("delay"), Some(&Value::Int(3)));
    assert_eq!(p.notices, ["delay 2.6 is not a whole number; using 3"]);
}

#[test]
fn the_query_round_trips() {
    let p = page("example=semaphore&tasks=12&limit=3&delay=800&speed=2.5&embed=1&theme=dark");
    let q = p.to_query();
    assert_eq!(
        q,
        "?example=semaphore&tasks=12&limit=3&delay=800&speed=2.5&embed=1&theme=dark"
    );
    assert_eq!(page(&q), p);
}

#[test]
fn long_values_are_shortened_in_notices() {
    let long = "9".repeat(10_000);
    let p = page(&format!("example=semaphore&tasks={long}"));
    assert_eq!(p.values.int("tasks"), 10_000);
    assert!(p.notices[0].len() < 100, "{}", p.notices[0]);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    /// Any query string: never a panic, values always within their ranges,
    /// and a correction named for every bad value.
    #[test]
    fn any_query_is_safe(q in ".{0,200}") {
        let p = page(&q);
        if let Some(ex) = p.example {
            let lesson = async_playground::lessons::find(ex).expect("known");
            for spec in lesson.params {
                // The value taken is one its spec accepts as it is: in range,
                // in canonical form, with no correction.
                let got = p.values.get(spec.key);
                prop_assert!(got.is_some(), "{} missing", spec.key);
                let got = got.cloned().unwrap_or_else(|| spec.default_value());
                let (again, notice) = spec.validate(&got.to_url());
                prop_assert_eq!(&again, &got, "{} re-validated", spec.key);
                prop_assert!(notice.is_none(), "{} = {:?} is not in range: {:?}", spec.key, got, notice);
            }
        }
        prop_assert!((0.1..=10.0).contains(&p.speed));
        prop_assert_eq!(page(&p.to_query()).values, p.values.clone());
    }

    #[test]
    fn any_value_of_a_known_key_is_clamped_or_named(key in prop::sample::select(vec!["tasks", "limit", "delay"]), raw in ".{0,40}") {
        let q = format!("example=semaphore&{}={}", key, form_urlencoded::byte_serialize(raw.as_bytes()).collect::<String>());
        let p = page(&q);
        let v = p.values.int(key);
        let (lo, hi) = match key { "delay" | "tasks" => (i64::from(key == "tasks"), 10_000), _ => (1, 100) };
        prop_assert!((lo..=hi).contains(&v));
        // A whole number in range, in any notation ("7", "+7", "7.", "7e0"), is taken as it is.
        let exact = raw.trim().parse::<f64>().ok().filter(|n| {
            n.is_finite() && n.fract() == 0.0 && (lo as f64..=hi as f64).contains(n)
        });
        if exact.is_some() {
            prop_assert!(p.notices.is_empty());
        } else {
            prop_assert_eq!(p.notices.len(), 1, "{:?}", p.notices);
            prop_assert!(p.notices[0].starts_with(key));
        }
    }
}

#[test]
fn playhead_compare_and_language_round_trip() {
    let p = page("example=sequential-vs-gather&tasks=3&delay=2000&mode=gather&compare=mode%3Dsequential&t=1500&lang=rust");
    assert!(p.notices.is_empty(), "{:?}", p.notices);
    assert_eq!(p.t, Some(1500.0));
    assert_eq!(p.lang, "rust");
    let other = p.compare.clone().expect("compare");
    assert_eq!(other.choice("mode"), "sequential");
    assert_eq!(other.int("delay"), 2000);
    let q = p.to_query();
    assert_eq!(q, "?example=sequential-vs-gather&tasks=3&delay=2000&mode=gather&compare=mode%3Dsequential&t=1500&lang=rust");
    assert_eq!(page(&q), p);
}

#[test]
fn bad_playhead_and_compare_values_are_named() {
    let p = page("example=semaphore&t=-5&compare=limit%3D0%26bogus%3D1&lang=go");
    assert_eq!(p.t, Some(0.0));
    assert_eq!(p.lang, "python");
    assert_eq!(p.compare.as_ref().map(|v| v.int("limit")), Some(1));
    assert!(
        p.notices.iter().any(|n| n == "t -5 is below 0; using 0"),
        "{:?}",
        p.notices
    );
    assert!(
        p.notices
            .iter()
            .any(|n| n == "compare: limit 0 is below 1; using 1"),
        "{:?}",
        p.notices
    );
    assert!(
        p.notices
            .iter()
            .any(|n| n.starts_with("compare: \"bogus\" is not a parameter")),
        "{:?}",
        p.notices
    );
    assert!(
        p.notices
            .iter()
            .any(|n| n.starts_with("lang \"go\" is not one of python, rust")),
        "{:?}",
        p.notices
    );
}

#[test]
fn a_whole_number_in_decimal_notation_is_taken_but_a_fraction_is_named() {
    for raw in ["7", "+7", "7.", "7.0", "7e0", " 7 "] {
        let p = page(&format!("example=semaphore&tasks={raw}"));
        assert_eq!(p.values.int("tasks"), 7, "{raw}");
        assert!(p.notices.is_empty(), "{raw}: {:?}", p.notices);
    }
    let p = page("example=semaphore&tasks=7.5");
    assert_eq!(p.values.int("tasks"), 8);
    assert_eq!(p.notices, ["tasks 7.5 is not a whole number; using 8"]);
}

#[test]
fn typed_parameters_declare_the_spec_once_and_read_their_values() {
    use async_playground::core::params::{Choice, Flag, Int, Ms, Param, ParamSpec, Text, Values};
    const TASKS: Int = Int::new("tasks", "Tasks", "How many.", 1, 50, 3);
    const RATE: Int = Int::new("rate", "Rate", "Share.", 0, 100, 15).unit("%");
    const DELAY: Ms = Ms::new("delay", "Delay", "How long.", 10_000, 800);
    const TIMEOUT: Ms = Ms::range("timeout", "Timeout", "Limit.", 1, 30_000, 1000);
    const LOCK: Flag = Flag::new("lock", "Lock", "Use it.", false);
    const MODE: Choice = Choice::new("mode", "Mode", "How.", &["a", "b"], "b");
    const URL: Text = Text::new("url", "URL", "Where.", "", 2000);
    // The same specs as the untyped constructors give.
    assert_eq!(
        TASKS.spec(),
        ParamSpec::int("tasks", "Tasks", "How many.", 1, 50, 3, "")
    );
    assert_eq!(
        RATE.spec(),
        ParamSpec::int("rate", "Rate", "Share.", 0, 100, 15, "%")
    );
    assert_eq!(
        DELAY.spec(),
        ParamSpec::ms("delay", "Delay", "How long.", 10_000, 800)
    );
    assert_eq!(
        TIMEOUT.spec(),
        ParamSpec::int("timeout", "Timeout", "Limit.", 1, 30_000, 1000, "ms")
    );
    assert_eq!(Param::spec(LOCK), LOCK.spec());
    assert_eq!(URL.key(), "url");
    let specs = [
        TASKS.spec(),
        RATE.spec(),
        DELAY.spec(),
        TIMEOUT.spec(),
        LOCK.spec(),
        MODE.spec(),
        URL.spec(),
    ];
    let mut v = Values::defaults(&specs);
    assert_eq!(
        (v.of(TASKS), v.of(RATE), v.of(DELAY), v.of(TIMEOUT)),
        (3, 15, 800.0, 1000.0)
    );
    assert_eq!((v.of(LOCK), v.of(MODE), v.of(URL)), (false, "b", ""));
    for (k, raw) in [
        ("tasks", "12"),
        ("delay", "250"),
        ("lock", "1"),
        ("mode", "A"),
        ("url", "http://x/"),
    ] {
        assert_eq!(v.set(&specs, k, raw), None, "{k}={raw}");
    }
    assert_eq!((v.of(TASKS), v.of(DELAY)), (12, 250.0));
    assert_eq!(
        (v.of(LOCK), v.of(MODE), v.of(URL)),
        (true, "a", "http://x/")
    );
    // The string-keyed reads at the boundary agree.
    assert_eq!(v.int("tasks"), v.of(TASKS));
    assert_eq!(v.ms("delay"), v.of(DELAY));
    // A value that is absent reads as the spec's default, not 0.
    let empty = Values::default();
    assert_eq!((empty.of(TASKS), empty.of(DELAY)), (3, 800.0));
    assert_eq!((empty.of(MODE), empty.of(LOCK)), ("b", false));
}

#[test]
fn the_documented_url_keeps_working() {
    use async_playground::lessons::semaphore;
    let p = page("?example=semaphore&tasks=6&limit=2&delay=300");
    assert!(p.notices.is_empty(), "{:?}", p.notices);
    assert_eq!(p.example, Some("semaphore"));
    let keys: Vec<&str> = p.values.iter().map(|(k, _)| k).collect();
    assert_eq!(keys, ["tasks", "limit", "delay"]);
    assert_eq!(
        (
            p.values.int("tasks"),
            p.values.int("limit"),
            p.values.int("delay")
        ),
        (6, 2, 300)
    );
    let claim = (semaphore::LESSON.claim)(&p.values);
    assert!(
        claim.starts_with("6 tasks of 300 ms with Semaphore(2) end at 900 ms (3 waves"),
        "{claim}"
    );
}
