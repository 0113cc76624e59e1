#![cfg(not(target_arch = "wasm32"))]
//! The exports and the accessibility helpers of the pure core: the Chrome
//! trace (CONTRACT.md section 4), the timeline SVG, the share snippets, the
//! narration, the shortcuts and the table view.

use async_playground::core::embed_msg::url_params;
use async_playground::core::export::chrome_trace;
use async_playground::core::json::{self, Json};
use async_playground::core::keys::{shortcut, Shortcut};
use async_playground::core::model::tasks::tasks_at;
use async_playground::core::narrate::narrate;
use async_playground::core::params::{parse_query, PageState};
use async_playground::core::share::{embed_code, link, RESIZE_SCRIPT};
use async_playground::core::svg::{axis_ms, timeline_svg, xml_escape, Palette};
use async_playground::core::table::waited_on;
use async_playground::core::trace::{Event, EventKind, RunOutcome, TaskId, Trace};
use async_playground::lessons::{self, lookup};
use async_playground::runtime::Run;

fn page(q: &str) -> PageState {
    parse_query(q, &lookup)
}

fn simulate(q: &str) -> (PageState, Trace) {
    let p = page(q);
    assert!(p.notices.is_empty(), "{:?}", p.notices);
    let lesson = lessons::find(p.example.expect("example")).expect("lesson");
    let t = Run::simulate(lesson.main_fn(p.values.clone()));
    (p, t)
}

fn num(v: &Json, key: &str) -> f64 {
    match v.get(key) {
        Some(Json::Num(n)) => *n,
        other => panic!("{key}: {other:?}"),
    }
}

fn str_of<'a>(v: &'a Json, key: &str) -> &'a str {
    v.get(key).and_then(Json::as_str).unwrap_or_default()
}

#[test]
fn trace_export_has_one_track_per_task_and_their_times() {
    let (p, trace) = simulate("example=semaphore&tasks=5&limit=2&delay=300");
    let params = url_params(&p);
    let text = chrome_trace(&trace, "semaphore", &params);
    let doc = json::parse(&text).expect("valid JSON");
    let Some(Json::Arr(events)) = doc.get("traceEvents") else {
        panic!("traceEvents")
    };
    let tasks = tasks_at(&trace, None);
    let tracks: Vec<&Json> = events
        .iter()
        .filter(|e| str_of(e, "ph") == "M" && str_of(e, "name") == "thread_name")
        .collect();
    assert_eq!(tracks.len(), tasks.len(), "one track per task");
    for (t, track) in tasks.iter().zip(&tracks) {
        assert_eq!(
            track.get("args").map(|a| str_of(a, "name")),
            Some(t.name.as_str())
        );
        let tid = num(track, "tid");
        let slices: Vec<&Json> = events
            .iter()
            .filter(|e| str_of(e, "ph") == "X" && e.get("tid") == Some(&Json::Num(tid)))
            .collect();
        assert!(!slices.is_empty());
        let start = slices.iter().map(|e| num(e, "ts")).fold(f64::MAX, f64::min);
        let end = slices
            .iter()
            .map(|e| num(e, "ts") + num(e, "dur"))
            .fold(0.0, f64::max);
        assert_eq!(start, t.start_ms * 1000.0, "{} start", t.name);
        assert_eq!(Some(end), t.end_ms.map(|e| e * 1000.0), "{} end", t.name);
        // Each state slice is named after its state.
        for s in &slices {
            assert!(
                ["ready", "running", "sleeping", "waiting", "created", "fetching"]
                    .contains(&str_of(s, "name")),
                "{s:?}"
            );
        }
    }
    // Waves of two: download(4) ends at 900 ms = 900000 µs.
    let last = tasks.last().expect("tasks");
    assert_eq!(last.name, "download(4)");
    assert_eq!(last.end_ms, Some(900.0));
    // Instants for prints and wake-ups.
    let instants: Vec<&str> = events
        .iter()
        .filter(|e| str_of(e, "ph") == "i")
        .map(|e| str_of(e, "name"))
        .collect();
    assert!(instants.contains(&"print"));
    assert!(instants.contains(&"wake-up"));
    assert!(instants.contains(&"run ended"));
    let other = doc.get("otherData").expect("otherData");
    assert_eq!(str_of(other, "format"), "async-playground-trace");
    assert_eq!(num(other, "version"), 1.0);
    assert_eq!(str_of(other, "example"), "semaphore");
    let ps = other.get("params").expect("params");
    assert_eq!(str_of(ps, "tasks"), "5");
    assert_eq!(str_of(ps, "limit"), "2");
    assert_eq!(str_of(ps, "delay"), "300");
}

#[test]
fn trace_export_marks_cancellations_and_escapes_text() {
    let mut t = Trace::new(1);
    let ev = |task, at_ms, kind| Event {
        run: 1,
        task: TaskId(task),
        at_ms,
        kind,
    };
    t.push(ev(
        0,
        0.0,
        EventKind::Spawned {
            name: "main()".into(),
        },
    ));
    t.push(ev(0, 0.0, EventKind::Running));
    t.push(ev(
        0,
        0.5,
        EventKind::Printed {
            line: "say \"hi\"\n\t<b>\u{1}".into(),
        },
    ));
    t.push(ev(0, 0.5, EventKind::Sleeping { until_ms: 1000.0 }));
    t.push(ev(0, 400.25, EventKind::Cancelled));
    t.push(Event {
        run: 1,
        task: TaskId::LOOP,
        at_ms: 400.25,
        kind: EventKind::RunEnded {
            outcome: RunOutcome::Stopped,
        },
    });
    let text = chrome_trace(&t, "coroutine", &[("delay".into(), "1000".into())]);
    let doc = json::parse(&text).expect("valid JSON");
    let Some(Json::Arr(events)) = doc.get("traceEvents") else {
        panic!()
    };
    let print = events
        .iter()
        .find(|e| str_of(e, "name") == "print")
        .expect("print");
    assert_eq!(
        print.get("args").map(|a| str_of(a, "line")),
        Some("say \"hi\"\n\t<b>\u{1}")
    );
    assert!(events
        .iter()
        .any(|e| str_of(e, "name") == "cancelled" && num(e, "ts") == 400250.0));
    let sleeping = events
        .iter()
        .find(|e| str_of(e, "name") == "sleeping")
        .expect("sleeping");
    assert_eq!(num(sleeping, "ts"), 500.0);
    assert_eq!(num(sleeping, "dur"), 399750.0);
    assert_eq!(str_of(doc.get("otherData").expect("o"), "state"), "stopped");
}

#[test]
fn svg_has_a_lane_per_task_and_escapes_names() {
    let (_, trace) = simulate("example=semaphore&tasks=4&limit=2&delay=200");
    let mut tasks = tasks_at(&trace, None);
    tasks[1].name = "<evil & \"name\">".into();
    let svg = timeline_svg(
        &tasks,
        axis_ms(400.0, 400.0),
        400.0,
        "semaphore <run>",
        &Palette::default(),
    );
    assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
    assert!(svg.ends_with("</svg>"));
    assert_eq!(svg.matches("<g>").count(), tasks.len());
    assert!(svg.contains("&lt;evil &amp; &quot;name&quot;&gt;"));
    assert!(!svg.contains("<evil"));
    assert!(svg.contains("semaphore &lt;run&gt;"));
    assert!(svg.contains("url(#p-waiting)"), "waiting has its pattern");
    assert_eq!(axis_ms(900.0, 0.0), 1000.0);
    assert_eq!(xml_escape("a'b"), "a&#39;b");
}

#[test]
fn share_snippets() {
    let p = page("example=semaphore&tasks=6&limit=2&delay=300&autorun=1&embed=1&theme=dark");
    let base = "https://example.org/play/";
    assert_eq!(
        link(base, &p),
        "https://example.org/play/?example=semaphore&tasks=6&limit=2&delay=300&theme=dark"
    );
    let code = embed_code(base, &p, "A \"concurrency\" limit", 7);
    assert!(code.starts_with("<iframe src=\"https://example.org/play/?example=semaphore&amp;tasks=6&amp;limit=2&amp;delay=300&amp;embed=1&amp;theme=dark\""), "{code}");
    assert!(code.contains("title=\"async playground: A &quot;concurrency&quot; limit\""));
    assert!(code.contains("loading=\"lazy\""));
    assert!(code.contains("height=\"830\""));
    assert!(RESIZE_SCRIPT.contains("\"resize\""));
    assert!(RESIZE_SCRIPT.contains("e.source"));
}

#[test]
fn narration_tells_a_few_and_summarises_many() {
    let (_, trace) = simulate("example=coroutine&delay=2000");
    let tasks = tasks_at(&trace, None);
    let upto = trace
        .events()
        .iter()
        .position(|e| matches!(e.kind, EventKind::Sleeping { .. }))
        .expect("sleeps")
        + 1;
    let mut partial = Trace::new(trace.run);
    for e in &trace.events()[..upto] {
        partial.push(e.clone());
    }
    assert_eq!(
        narrate(&partial, 0, &tasks),
        "main() is sleeping until 2.0 s."
    );
    let rest = narrate(&trace, upto, &tasks);
    assert_eq!(rest, "main() is done. Run finished after 2.0 s.");
    assert_eq!(narrate(&trace, trace.len(), &tasks), "");

    let (_, big) = simulate("example=semaphore&tasks=40&limit=5&delay=100");
    let tasks = tasks_at(&big, None);
    let all = narrate(&big, 0, &tasks);
    assert!(all.starts_with("41 tasks changed: 41 done."), "{all}");
    assert!(all.len() < 120, "{all}");
}

#[test]
fn shortcuts_leave_typing_alone() {
    assert_eq!(
        shortcut("r", false, false, false, false),
        Some(Shortcut::Run)
    );
    assert_eq!(
        shortcut("S", false, false, false, false),
        Some(Shortcut::Stop)
    );
    assert_eq!(
        shortcut("?", false, false, false, false),
        Some(Shortcut::Help)
    );
    assert_eq!(shortcut("r", false, false, false, true), None, "typing");
    assert_eq!(
        shortcut("r", true, false, false, false),
        None,
        "Ctrl+R reloads"
    );
    assert_eq!(shortcut("r", false, false, true, false), None);
    assert_eq!(
        shortcut("Escape", false, false, false, true),
        Some(Shortcut::Close)
    );
    assert_eq!(shortcut("x", false, false, false, false), None);
}

#[test]
fn table_lists_what_each_task_waited_on() {
    let (_, trace) = simulate("example=semaphore&tasks=4&limit=1&delay=100");
    let tasks = tasks_at(&trace, None);
    let main = waited_on(&tasks[0]);
    assert_eq!(main.len(), 1, "{main:?}");
    assert!(main[0].starts_with("gather"), "{main:?}");
    assert!(
        waited_on(&tasks[1]).is_empty(),
        "the first download never waits"
    );
    assert_eq!(waited_on(&tasks[2]), vec!["Semaphore(1)".to_string()]);
}
