#![cfg(not(target_arch = "wasm32"))]
//! The embed messages (CONTRACT.md section 3): what is understood, what is
//! ignored, how set-params is validated, and the JSON sent to the parent.

use async_playground::core::embed_msg::{
    apply_params, parse_incoming, parse_incoming_text, ready, resize, run_finished, run_started,
    url_params, Finished, Incoming,
};
use async_playground::core::json::{self, write_num, write_str, Json};
use async_playground::core::model::tasks::tasks_at;
use async_playground::core::params::{parse_query, PageState};
use async_playground::lessons::{self, lookup};
use async_playground::runtime::Run;
use proptest::prelude::*;

fn page(q: &str) -> PageState {
    parse_query(q, &lookup)
}

fn pairs(list: &[(&str, &str)]) -> Vec<(String, String)> {
    list.iter()
        .map(|(k, v)| (k.to_string(), v.to_string()))
        .collect()
}

#[test]
fn the_three_accepted_messages() {
    assert_eq!(
        parse_incoming_text(r#"{"source":"async-playground","type":"run"}"#),
        Some(Incoming::Run { params: None })
    );
    assert_eq!(
        parse_incoming_text(r#"{"source":"async-playground","type":"stop","extra":[1,2]}"#),
        Some(Incoming::Stop)
    );
    assert_eq!(
        parse_incoming_text(
            r#"{"type":"set-params","source":"async-playground","params":{"tasks":4,"mode":"gather","return_exceptions":true,"speed":1.5}}"#
        ),
        Some(Incoming::SetParams {
            params: pairs(&[
                ("tasks", "4"),
                ("mode", "gather"),
                ("return_exceptions", "1"),
                ("speed", "1.5")
            ])
        })
    );
    assert_eq!(
        parse_incoming_text(
            r#"{"source":"async-playground","type":"run","params":{"delay":"200"}}"#
        ),
        Some(Incoming::Run {
            params: Some(pairs(&[("delay", "200")]))
        })
    );
}

#[test]
fn anything_else_is_ignored() {
    for text in [
        "",
        "null",
        "\"run\"",
        "42",
        "[]",
        "{}",
        r#"{"type":"run"}"#,
        r#"{"source":"someone-else","type":"run"}"#,
        r#"{"source":"async-playground"}"#,
        r#"{"source":"async-playground","type":"RUN"}"#,
        r#"{"source":"async-playground","type":"launch"}"#,
        r#"{"source":"async-playground","type":7}"#,
        r#"{"source":["async-playground"],"type":"run"}"#,
        r#"{"source":"async-playground","type":"set-params"}"#,
        r#"{"source":"async-playground","type":"set-params","params":"tasks=3"}"#,
        r#"{"source":"async-playground","type":"set-params","params":[["tasks",3]]}"#,
        r#"{"source":"async-playground","type":"set-params","params":{"tasks":null}}"#,
        r#"{"source":"async-playground","type":"set-params","params":{"tasks":{"v":3}}}"#,
        r#"{"source":"async-playground","type":"set-params","params":{"":3}}"#,
        r#"{"source":"async-playground","type":"run","params":5}"#,
        r#"{"source":"async-playground","type":"run"} trailing"#,
        r#"{"source":"async-playground","type":"run""#,
        r#"{"source":"async-playground",,"type":"run"}"#,
    ] {
        assert_eq!(parse_incoming_text(text), None, "{text}");
    }
    // Too long to look at.
    let long = format!(
        r#"{{"source":"async-playground","type":"run","pad":"{}"}}"#,
        "x".repeat(70_000)
    );
    assert_eq!(parse_incoming_text(&long), None);
}

#[test]
fn json_reader_handles_escapes_and_depth() {
    assert_eq!(
        json::parse(r#"  {"a" : "x\"\\\/\n\u00e9\ud83d\ude00" , "b":[true,false,null,-1.5e2]} "#),
        Some(Json::Obj(vec![
            ("a".into(), Json::Str("x\"\\/\né😀".into())),
            (
                "b".into(),
                Json::Arr(vec![
                    Json::Bool(true),
                    Json::Bool(false),
                    Json::Null,
                    Json::Num(-150.0)
                ])
            ),
        ]))
    );
    // A lone surrogate becomes U+FFFD rather than an error or a panic.
    assert_eq!(
        json::parse(r#""\ud800x""#),
        Some(Json::Str("\u{FFFD}x".into()))
    );
    let deep = format!("{}{}", "[".repeat(200), "]".repeat(200));
    assert_eq!(json::parse(&deep), None);
    let ok = format!("{}{}", "[".repeat(10), "]".repeat(10));
    assert!(json::parse(&ok).is_some());
    for bad in [
        "tru",
        "-",
        "1e",
        "\"\u{1}\"",
        "{\"a\"}",
        "[1,]",
        "\"\\x\"",
        "\"\\u12\"",
    ] {
        assert_eq!(json::parse(bad), None, "{bad}");
    }
}

#[test]
fn json_writer_escapes_strings_and_numbers() {
    let mut s = String::new();
    write_str(&mut s, "a\"b\\c\nd\u{1}e\u{2028}</script>");
    assert_eq!(s, r#""a\"b\\c\nd\u0001e\u2028</script>""#);
    assert_eq!(
        json::parse(&s),
        Some(Json::Str("a\"b\\c\nd\u{1}e\u{2028}</script>".into()))
    );
    for (v, want) in [
        (3.0, "3"),
        (-0.5, "-0.5"),
        (f64::NAN, "null"),
        (f64::INFINITY, "null"),
        (1e20, "100000000000000000000"),
    ] {
        let mut s = String::new();
        write_num(&mut s, v);
        assert_eq!(s, want);
    }
}

#[test]
fn set_params_is_validated_like_the_url() {
    let cur = page("example=semaphore&tasks=6&limit=2&delay=300&embed=1&theme=dark");
    let next = apply_params(
        &cur,
        &pairs(&[
            ("limit", "0"),
            ("delay", "abc"),
            ("tasks", "4"),
            ("bogus", "1"),
        ]),
        &lookup,
    );
    assert_eq!(next.example, Some("semaphore"));
    assert_eq!(next.values.int("tasks"), 4);
    assert_eq!(next.values.int("limit"), 1);
    assert!(next.embed, "page-level keys are kept");
    let notices = next.notices.join("\n");
    assert!(notices.contains("limit 0 is below 1; using 1"), "{notices}");
    assert!(
        notices.contains("delay \"abc\" is not a whole number"),
        "{notices}"
    );
    assert!(
        notices.contains("\"bogus\" is not a parameter of semaphore"),
        "{notices}"
    );
    // The same as the URL would give.
    let by_url = page("example=semaphore&tasks=4&limit=0&delay=abc&embed=1&theme=dark&bogus=1");
    assert_eq!(next, by_url);
}

#[test]
fn set_params_can_switch_the_lesson() {
    let cur = page("example=semaphore&tasks=6&limit=2&delay=300&embed=1");
    let next = apply_params(
        &cur,
        &pairs(&[("example", "coroutine"), ("delay", "250")]),
        &lookup,
    );
    assert_eq!(next.example, Some("coroutine"));
    assert_eq!(next.values.int("delay"), 250);
    assert!(next.notices.is_empty(), "{:?}", next.notices);
    assert!(next.embed);
}

#[test]
fn url_params_are_the_lesson_values_as_written() {
    let p = page("example=semaphore&tasks=6&limit=2&delay=300&embed=1&autorun=1&theme=dark");
    assert_eq!(
        url_params(&p),
        pairs(&[("tasks", "6"), ("limit", "2"), ("delay", "300")])
    );
    let p = page("example=coroutine&delay=300&speed=2");
    assert_eq!(url_params(&p), pairs(&[("delay", "300"), ("speed", "2")]));
}

#[test]
fn outgoing_messages_have_the_contract_fields() {
    let params = pairs(&[("tasks", "6"), ("limit", "2")]);
    let r = json::parse(&ready("semaphore", &params)).expect("json");
    assert_eq!(
        r.get("source").and_then(Json::as_str),
        Some("async-playground")
    );
    assert_eq!(r.get("type").and_then(Json::as_str), Some("ready"));
    let s = json::parse(&run_started("semaphore", &params)).expect("json");
    assert_eq!(s.get("type").and_then(Json::as_str), Some("run-started"));
    assert_eq!(
        s.get("params"),
        Some(&Json::Obj(vec![
            ("tasks".into(), Json::Str("6".into())),
            ("limit".into(), Json::Str("2".into()))
        ]))
    );
    let r = json::parse(&resize(431.2)).expect("json");
    assert_eq!(r.get("height"), Some(&Json::Num(432.0)));

    let p = page("example=semaphore&tasks=3&limit=2&delay=100");
    let lesson = lessons::find("semaphore").expect("lesson");
    let trace = Run::simulate(lesson.main_fn(p.values.clone()));
    let tasks = tasks_at(&trace, None);
    let params = url_params(&p);
    let text = run_finished(&Finished {
        example: "semaphore",
        params: &params,
        state: "finished",
        elapsed_ms: trace.last_ms(),
        tasks: &tasks,
    });
    let f = json::parse(&text).expect("json");
    assert_eq!(f.get("type").and_then(Json::as_str), Some("run-finished"));
    assert_eq!(f.get("example").and_then(Json::as_str), Some("semaphore"));
    assert_eq!(f.get("state").and_then(Json::as_str), Some("finished"));
    assert_eq!(f.get("elapsed_ms"), Some(&Json::Num(200.0)));
    let Some(Json::Arr(ts)) = f.get("tasks") else {
        panic!("tasks: {text}")
    };
    assert_eq!(ts.len(), 4);
    assert_eq!(ts[0].get("name").and_then(Json::as_str), Some("main()"));
    assert_eq!(
        ts[3].get("name").and_then(Json::as_str),
        Some("download(2)")
    );
    assert_eq!(ts[3].get("state").and_then(Json::as_str), Some("done"));
    assert_eq!(ts[3].get("start_ms"), Some(&Json::Num(0.0)));
    assert_eq!(ts[3].get("end_ms"), Some(&Json::Num(200.0)));
}

fn write_json(v: &Json, out: &mut String) {
    match v {
        Json::Null => out.push_str("null"),
        Json::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
        Json::Num(n) => write_num(out, *n),
        Json::Str(s) => write_str(out, s),
        Json::Arr(items) => {
            out.push('[');
            for (i, x) in items.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_json(x, out);
            }
            out.push(']');
        }
        Json::Obj(members) => {
            out.push('{');
            for (i, (k, x)) in members.iter().enumerate() {
                if i > 0 {
                    out.push(',');
                }
                write_str(out, k);
                out.push(':');
                write_json(x, out);
            }
            out.push('}');
        }
    }
}

fn arb_json() -> impl Strategy<Value = Json> {
    let word = prop_oneof![
        Just("async-playground".to_string()),
        Just("source".to_string()),
        Just("type".to_string()),
        Just("run".to_string()),
        Just("stop".to_string()),
        Just("set-params".to_string()),
        Just("params".to_string()),
        Just("tasks".to_string()),
        Just("example".to_string()),
        Just("semaphore".to_string()),
        ".{0,8}",
    ];
    let leaf = prop_oneof![
        Just(Json::Null),
        any::<bool>().prop_map(Json::Bool),
        (-1e6f64..1e6).prop_map(Json::Num),
        word.clone().prop_map(Json::Str),
    ];
    leaf.prop_recursive(4, 48, 6, move |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..6).prop_map(Json::Arr),
            prop::collection::vec((word.clone(), inner), 0..6).prop_map(Json::Obj),
        ]
    })
}

fn json_ish() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            Just("{"),
            Just("}"),
            Just("["),
            Just("]"),
            Just(":"),
            Just(","),
            Just("\"source\""),
            Just("\"async-playground\""),
            Just("\"type\""),
            Just("\"set-params\""),
            Just("\"run\""),
            Just("\"params\""),
            Just("\"tasks\""),
            Just("-0.5e3"),
            Just("1e999"),
            Just("true"),
            Just("null"),
            Just("\"\\ud83d\""),
            Just("\"\\u00"),
            Just("\\"),
            Just("\""),
            Just(" "),
            Just("é"),
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(1500))]

    /// Any text: never a panic.
    #[test]
    fn any_text_is_safe(text in ".{0,300}") {
        let _ = parse_incoming_text(&text);
    }

    /// JSON-ish token soup: never a panic; whatever parses writes back and
    /// parses to the same value.
    #[test]
    fn json_ish_text_is_safe(text in json_ish()) {
        if let Some(v) = json::parse(&text) {
            let mut out = String::new();
            write_json(&v, &mut out);
            prop_assert_eq!(json::parse(&out), Some(v));
        }
        let _ = parse_incoming_text(&text);
    }

    /// Arbitrary JSON values: they round-trip through the writer and the
    /// reader; the message parser never panics and accepts only our shape.
    #[test]
    fn any_json_value_is_safe(v in arb_json()) {
        let mut text = String::new();
        write_json(&v, &mut text);
        let back = json::parse(&text);
        prop_assert_eq!(back.as_ref(), Some(&v));
        if let Some(m) = parse_incoming(&v) {
            prop_assert_eq!(v.get("source").and_then(Json::as_str), Some("async-playground"));
            if let Incoming::SetParams { params } = m {
                let cur = page("example=semaphore&tasks=6&limit=2&delay=300");
                let next = apply_params(&cur, &params, &lookup);
                // Whatever was asked, the values stay within their ranges.
                if next.example == Some("semaphore") {
                    prop_assert!((1..=10_000).contains(&next.values.int("tasks")));
                    prop_assert!((1..=100).contains(&next.values.int("limit")));
                }
            }
        }
    }
}
