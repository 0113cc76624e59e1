#![cfg(not(target_arch = "wasm32"))]
//! Predict, then run: every lesson's questions scored against recorded
//! logs of the lesson's own program (the interpreter on the virtual clock,
//! as the page runs it), and the generic questions of a program of one's
//! own.

mod common;

use async_playground::core::predict::{self, Ask, Input, Question, Scored, GENERIC};
use async_playground::core::trace::Trace;
use async_playground::lessons::{self, LESSONS};

/// The lesson's Python with the query's values, and its recorded run.
fn run(query: &str) -> (String, Trace) {
    let p = common::page(query);
    assert!(p.notices.is_empty(), "{:?}", p.notices);
    let lesson = lessons::find(p.example.expect("example")).expect("lesson");
    let src = (lesson.python)(&p.values);
    (src.clone(), interp(&src))
}

fn interp(src: &str) -> Trace {
    let src = src.to_string();
    std::thread::Builder::new()
        .stack_size(64 << 20)
        .spawn(move || async_playground::runtime::python_host::simulate(&src))
        .expect("thread")
        .join()
        .expect("the interpreter does not panic")
        .expect("the program compiles")
}

fn q(lesson: &str, id: &str) -> &'static Question {
    let l = lessons::find(lesson).expect("lesson");
    l.predict
        .iter()
        .find(|q| q.key == id)
        .unwrap_or_else(|| panic!("{lesson} has no question {id}"))
}

/// The raw form value that is right for `q` on this run, checked to be the
/// only right one among its choices (or, for numbers, that a value off by
/// more than the tolerance is wrong).
fn right_value(q: &'static Question, trace: &Trace, src: &str) -> String {
    let input = predict::input(q, src).expect("askable");
    let s = predict::score(q, "", trace, src);
    assert_eq!(s.correct, None, "{}: an empty answer is not scored", q.key);
    assert!(!s.why.is_empty(), "{}: a sentence of why", q.key);
    assert!(s.evidence.at_ms.is_some(), "{}: a moment", q.key);
    match input {
        Input::Choice(cs) => {
            let right: Vec<&str> = cs
                .iter()
                .filter(|c| predict::score(q, &c.value, trace, src).correct == Some(true))
                .map(|c| c.value.as_str())
                .collect();
            assert_eq!(
                right.len(),
                1,
                "{}: exactly one right choice: {right:?}",
                q.key
            );
            for c in &cs {
                if c.value != right[0] {
                    assert_eq!(predict::score(q, &c.value, trace, src).correct, Some(false));
                }
            }
            right[0].to_string()
        }
        Input::Seconds => {
            let v: f64 = s.expected.parse().expect("seconds");
            let tol = predict::tolerance_s(v);
            assert_eq!(
                score(q, &format!("{}", v + tol * 0.9), trace, src).correct,
                Some(true)
            );
            assert_eq!(
                score(q, &format!("{}", v + tol * 1.5), trace, src).correct,
                Some(false)
            );
            assert_eq!(
                score(q, &format!("{}", v - tol * 1.5), trace, src).correct,
                Some(false)
            );
            s.expected
        }
        Input::Whole => {
            let v: i64 = s.expected.parse().expect("a whole number");
            assert_eq!(
                score(q, &format!("{}", v + 1), trace, src).correct,
                Some(false)
            );
            s.expected
        }
    }
}

fn score(q: &'static Question, a: &str, trace: &Trace, src: &str) -> Scored {
    predict::score(q, a, trace, src)
}

/// The right answers of a lesson's questions for a query, by key.
fn answers(query: &str) -> Vec<(&'static str, String)> {
    let (src, trace) = run(query);
    let lesson = lessons::find(common::page(query).example.expect("example")).expect("lesson");
    predict::askable(lesson.predict, &src, true)
        .into_iter()
        .map(|(q, _)| (q.key, right_value(q, &trace, &src)))
        .collect()
}

fn answer(query: &str, key: &str) -> String {
    answers(query)
        .into_iter()
        .find(|(k, _)| *k == key)
        .map(|(_, v)| v)
        .unwrap_or_else(|| panic!("{query}: no question {key}"))
}

#[test]
fn every_lesson_asks_one_to_three_questions_all_scored_from_its_log() {
    let mut asked = 0;
    for l in LESSONS {
        assert!(
            (1..=3).contains(&l.predict.len()),
            "{}: one to three questions",
            l.id
        );
        let all = answers(&format!("example={}", l.id));
        assert_eq!(
            all.len(),
            l.predict.len(),
            "{}: every question is askable",
            l.id
        );
        asked += all.len();
    }
    assert!(asked >= 19 * 2 - 4, "{asked} questions");
}

#[test]
fn the_defaults_give_the_answers_the_lessons_teach() {
    let expect = [
        ("coroutine", "end-time", "1"),
        ("coroutine", "last-print", "8"),
        ("sequential-vs-gather", "max-in-flight", "3"),
        ("async-iterator", "count-got", "5"),
        ("context-manager", "last-print", "17"),
        ("create-task", "count-a", "3"),
        ("create-task", "worker-a-end", "cancelled"),
        ("daemon", "count-heartbeats", "3"),
        ("daemon", "heartbeat-end", "cancelled"),
        ("daemon", "ending", "finish"),
        ("semaphore", "max-in-flight", "3"),
        ("semaphore", "end-time", "2.4"),
        ("semaphore-inside", "max-in-flight", "6"),
        ("gather-errors", "ending", "finish"),
        ("gather-errors", "last-job-end", "cancelled"),
        ("gather-errors", "end-time", "1.05"),
        ("timeout", "slow-end", "cancelled"),
        ("retry", "count-failed", "2"),
        ("retry", "end-time", "0.9"),
        ("queue", "max-in-flight", "3"),
        ("race-condition", "counter", "3"),
        ("deadlock", "ending", "hang"),
        ("deadlock", "last-print", "25"),
        ("blocking-call", "end-time", "2"),
        ("blocking-call", "first-print", "20"),
        ("forgotten-await", "count-saved", "1"),
        ("fetch", "max-in-flight", "5"),
        ("batch-llm", "max-in-flight", "4"),
        ("executor", "ending", "finish"),
    ];
    for (lesson, key, want) in expect {
        assert_eq!(
            answer(&format!("example={lesson}"), key),
            want,
            "{lesson} {key}"
        );
    }
}

#[test]
fn the_answers_follow_the_parameters() {
    assert_eq!(
        answer(
            "example=semaphore&tasks=9&limit=2&delay=800",
            "max-in-flight"
        ),
        "2"
    );
    assert_eq!(
        answer("example=semaphore&tasks=9&limit=2&delay=800", "end-time"),
        "4"
    );
    assert_eq!(
        answer(
            "example=sequential-vs-gather&mode=sequential",
            "max-in-flight"
        ),
        "1"
    );
    assert_eq!(
        answer("example=sequential-vs-gather&mode=sequential", "end-time"),
        "3"
    );
    assert_eq!(answer("example=deadlock&order=same", "ending"), "finish");
    assert_eq!(answer("example=race-condition&lock=1", "counter"), "9");
    assert_eq!(answer("example=timeout&timeout=3000", "slow-end"), "done");
    assert_eq!(answer("example=retry&failures=5", "ending"), "fail");
    assert_eq!(
        answer("example=gather-errors&fail=9", "last-job-end"),
        "done"
    );
    assert_eq!(
        answer("example=daemon&main=2000&interval=300", "count-heartbeats"),
        "6"
    );
    assert_eq!(answer("example=context-manager&fail=1", "last-print"), "32");
}

#[test]
fn evidence_points_at_the_lane_the_line_and_the_moment() {
    let (src, trace) = run("example=deadlock");
    let s = score(q("deadlock", "ending"), "finish", &trace, &src);
    assert_eq!(s.correct, Some(false));
    assert_eq!(s.expected, "hang");
    assert!(
        s.evidence.lanes.contains(&"task_1()".to_string()),
        "{:?}",
        s.evidence
    );
    assert!(s.why.contains("lock_b"), "{}", s.why);
    let s = score(q("deadlock", "last-print"), "25", &trace, &src);
    assert_eq!(s.correct, Some(true));
    let line = s.evidence.line.expect("a console line");
    assert_eq!(line.text, "task_2 wants a");
    assert_eq!(s.evidence.code_line, Some(25));
    assert_eq!(s.evidence.lanes, vec!["task_2()".to_string()]);
    assert!((s.evidence.at_ms.expect("moment") - 500.0).abs() < 1.0);

    let (src, trace) = run("example=semaphore");
    let s = score(q("semaphore", "max-in-flight"), "9", &trace, &src);
    assert_eq!((s.correct, s.expected.as_str()), (Some(false), "3"));
    assert_eq!(s.evidence.lanes.len(), 3);
    assert_eq!(s.answer, "9");
    let s = score(q("semaphore", "end-time"), "2.5", &trace, &src);
    assert_eq!(s.correct, Some(true), "{}", s.why);
    assert_eq!(s.answer, "2.5 s");
    assert_eq!(s.evidence.lanes, vec!["main()".to_string()]);
}

#[test]
fn a_stopped_run_scores_nothing() {
    let src = (lessons::find("semaphore").expect("lesson").python)(
        &common::page("example=semaphore").values,
    );
    let run = async_playground::runtime::Run::new_virtual(0);
    let program = std::rc::Rc::new(async_playground::python::compile(&src).expect("compiles"));
    run.start_named(
        "main()".into(),
        async_playground::runtime::python_host::main_fn(program, Default::default()),
    );
    run.advance(1000.0);
    run.stop();
    let trace = run.trace().clone();
    for q in lessons::find("semaphore").expect("lesson").predict {
        let s = score(q, "3", &trace, &src);
        assert_eq!(s.correct, None, "{}", q.key);
        assert!(s.why.contains("stopped"), "{}", s.why);
    }
}

const OWN: &str = r#"import asyncio

async def brew(drink, seconds):
    print(f"{drink}: started")
    await asyncio.sleep(seconds)
    print(f"{drink}: ready")

async def main():
    await asyncio.gather(brew("tea", 0.8), brew("coffee", 1.2))
    print("served")

asyncio.run(main())
"#;

fn generic(src: &str) -> Vec<(&'static str, String, Scored)> {
    let trace = interp(src);
    predict::askable(GENERIC, src, true)
        .into_iter()
        .map(|(q, _)| {
            // "never": no number is right (a hang's main() never ends).
            let never = score(q, "", &trace, src).expected == "never";
            let v = if never {
                "never".to_string()
            } else {
                right_value(q, &trace, src)
            };
            let s = score(q, &v, &trace, src);
            (q.key, v, s)
        })
        .collect()
}

#[test]
fn a_program_of_ones_own_gets_the_generic_questions() {
    let all = generic(OWN);
    let keys: Vec<&str> = all.iter().map(|(k, _, _)| *k).collect();
    assert_eq!(keys, ["end-time", "first-print", "last-print", "ending"]);
    let v = |k: &str| {
        all.iter()
            .find(|(kk, _, _)| *kk == k)
            .map(|(_, v, _)| v.clone())
            .unwrap_or_default()
    };
    assert_eq!(v("end-time"), "1.2");
    assert_eq!(v("first-print"), "4");
    assert_eq!(v("last-print"), "10");
    assert_eq!(v("ending"), "finish");
    let first = &all[1].2;
    assert_eq!(
        first.evidence.line.as_ref().map(|l| l.text.as_str()),
        Some("tea: started")
    );
    assert_eq!(first.expected, "line 4: print(f\"{drink}: started\")");
    assert_eq!(first.evidence.lanes, vec!["brew('tea', 0.8)".to_string()]);

    // A program that raises fails; one that deadlocks hangs; one without
    // two prints is not asked about prints.
    let raises = "import asyncio\n\nasync def main():\n    await asyncio.sleep(0.2)\n    raise ValueError('no')\n\nasyncio.run(main())\n";
    let all = generic(raises);
    assert_eq!(
        all.iter().map(|(k, _, _)| *k).collect::<Vec<_>>(),
        ["end-time", "ending"]
    );
    assert_eq!(all[1].1, "fail");
    assert!(all[1].2.why.contains("ValueError"), "{}", all[1].2.why);
    assert_eq!(all[0].1, "0.2");
    let hangs = "import asyncio\n\nasync def main():\n    print('waiting')\n    await asyncio.Event().wait()\n    print('never')\n\nasyncio.run(main())\n";
    let all = generic(hangs);
    let ending = all.iter().find(|(k, _, _)| *k == "ending").expect("ending");
    assert_eq!(ending.1, "hang");
    let end = all.iter().find(|(k, _, _)| *k == "end-time").expect("end");
    assert_eq!(end.2.expected, "never");
}

#[test]
fn print_questions_need_recorded_lines() {
    // A lesson's Rust version records no code lines: its print questions
    // are not asked, and scored on its log they tell why not.
    let p = common::page("example=deadlock");
    let lesson = lessons::find("deadlock").expect("lesson");
    let src = (lesson.python)(&p.values);
    let asked: Vec<&str> = predict::askable(lesson.predict, &src, false)
        .iter()
        .map(|(q, _)| q.key)
        .collect();
    assert_eq!(asked, ["ending"]);
    let trace = common::simulate("example=deadlock");
    let s = score(q("deadlock", "last-print"), "25", &trace, &src);
    assert_eq!(s.correct, None);
    assert!(s.why.contains("no code lines"), "{}", s.why);
    // The Rust version's other answers agree with the interpreter's.
    assert_eq!(
        score(q("deadlock", "ending"), "hang", &trace, &src).correct,
        Some(true)
    );
}

#[test]
fn print_lines_are_the_codes_print_calls() {
    let lines = predict::print_lines(
        "print('a')\n# print('no')\nx = 1  # print('no')\n    print(f\"{x}\")\nmyprint('no')\nlog.print('no')\n",
    );
    let got: Vec<(u32, &str)> = lines.iter().map(|l| (l.line, l.text.as_str())).collect();
    assert_eq!(got, [(1, "print('a')"), (4, "print(f\"{x}\")")]);
}

#[test]
fn numbers_are_read_as_written() {
    assert_eq!(predict::parse_number(" 2,4 s"), Some(2.4));
    assert_eq!(predict::parse_number("3"), Some(3.0));
    assert_eq!(predict::parse_number("soon"), None);
    assert_eq!(predict::parse_number("inf"), None);
    assert_eq!(predict::fmt_s(2400.003), "2.4");
    assert_eq!(predict::fmt_s(1050.0), "1.05");
    assert_eq!(predict::fmt_s(0.0), "0");
    assert_eq!(predict::tolerance_s(0.3), 0.1);
    assert!((predict::tolerance_s(2.4) - 0.24).abs() < 1e-9);
}

#[test]
fn the_prediction_message_is_the_contracts() {
    use async_playground::core::embed_msg::{prediction, Prediction};
    use async_playground::core::json::{self, Json};
    let text = prediction(&Prediction {
        example: "semaphore",
        id: "max-in-flight",
        question: "At most how many downloads run at once?",
        answer: "9",
        expected: "3",
        correct: false,
    });
    let v = json::parse(&text).expect("JSON");
    assert_eq!(
        v.get("source").and_then(Json::as_str),
        Some("async-playground")
    );
    assert_eq!(v.get("type").and_then(Json::as_str), Some("prediction"));
    assert_eq!(
        v.get("question").and_then(Json::as_str),
        Some("At most how many downloads run at once?")
    );
    assert_eq!(v.get("answer").and_then(Json::as_str), Some("9"));
    assert_eq!(v.get("expected").and_then(Json::as_str), Some("3"));
    assert_eq!(v.get("correct"), Some(&Json::Bool(false)));
    assert_eq!(v.get("id").and_then(Json::as_str), Some("max-in-flight"));
}

#[test]
fn the_summary_says_how_many_were_right() {
    let (src, trace) = run("example=semaphore");
    let l = lessons::find("semaphore").expect("lesson");
    let results: Vec<Scored> = l
        .predict
        .iter()
        .map(|q| {
            score(
                q,
                if q.ask == Ask::MaxInFlight { "3" } else { "1" },
                &trace,
                &src,
            )
        })
        .collect();
    let s = predict::summary(&results);
    assert!(s.starts_with("Prediction: 1 of 2 right."), "{s}");
}

#[test]
fn predict_0_in_the_url_turns_it_off() {
    let p = common::page("example=semaphore");
    assert!(p.predict);
    assert!(!p.to_query().contains("predict"));
    let p = common::page("example=semaphore&predict=0&autorun=1");
    assert!(!p.predict);
    assert!(p.notices.is_empty(), "{:?}", p.notices);
    assert!(p.to_query().contains("predict=0"), "{}", p.to_query());
    assert!(!common::page(&p.to_query()).predict);
    // Not a run parameter: run-finished's params leave it out.
    let params = async_playground::core::embed_msg::url_params(&p);
    assert!(params.iter().all(|(k, _)| k != "predict"), "{params:?}");
    // A bad value falls back to the default, with a notice.
    let p = common::page("example=semaphore&predict=maybe");
    assert!(p.predict);
    assert_eq!(p.notices.len(), 1, "{:?}", p.notices);
    assert!(p.notices[0].contains("predict"), "{:?}", p.notices);
}
