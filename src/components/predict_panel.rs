//! Predict, then run (`data-testid="predict"`): before a lesson's first
//! Run, one to three questions (declared beside the lesson, see
//! [`core::predict`](crate::core::predict)); after the run, each answer
//! scored against the run's own log, with the evidence (a button moves the
//! replay playhead to the moment that decides it and marks the lane and
//! the printed line) and one sentence of why.
//!
//! It never blocks a run: Run (the button, `R`, an embed's `run`,
//! `autorun=1`) runs at once, and the prediction is then not asked for
//! that run (the panel offers "Predict the next run"). With `autorun=1` it
//! is not opened at all; `predict=0` removes it. Whether a lesson's
//! prediction was answered or skipped is remembered in `localStorage`
//! when storage works (otherwise it is simply asked again next time).
//! Scored answers go to an embedding page as `prediction` messages and
//! are announced in the narration's live region.

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::embed_msg::{prediction, Prediction};
use crate::core::predict::{self, Evidence, Input, Question, Scored, GENERIC};
use crate::core::query::YOUR_CODE;
use crate::ctl::page::PageCtl;
use crate::lessons::Lesson;
use crate::web;

/// Where the panel is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Phase {
    /// The questions are open.
    Asking,
    /// Answers locked in; scored when the first run after this generation ends.
    Locked(u32),
    /// The answers are scored.
    Scored,
    /// Closed; "Predict the next run" opens it.
    Closed,
}

impl Phase {
    fn as_str(self) -> &'static str {
        match self {
            Phase::Asking => "asking",
            Phase::Locked(_) => "locked",
            Phase::Scored => "scored",
            Phase::Closed => "closed",
        }
    }
}

fn storage_key(lesson: &Lesson) -> String {
    format!("async-playground:predict:{}", lesson.id)
}

/// Remembers quietly: a browser without storage asks again next time.
fn remember(lesson: &Lesson, what: &str) {
    if !web::features().local_storage {
        return;
    }
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(&storage_key(lesson), what);
    }
}

fn remembered(lesson: &Lesson) -> bool {
    web::features::storage_get(&storage_key(lesson)).is_some()
}

fn focus_soon(id: &'static str) {
    set_timeout(
        move || {
            if let Some(el) = web_sys::window()
                .and_then(|w| w.document())
                .and_then(|d| d.get_element_by_id(id))
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                let _ = el.focus();
            }
        },
        Duration::from_millis(30),
    );
}

/// Marks the lanes and the console line of `ev` (class `evidence`),
/// clearing earlier marks, and scrolls the first into view.
fn mark(ev: &Evidence) {
    let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
        return;
    };
    let all = |sel: &str| -> Vec<web_sys::Element> {
        let Ok(list) = doc.query_selector_all(sel) else {
            return Vec::new();
        };
        (0..list.length())
            .filter_map(|i| list.item(i))
            .filter_map(|n| n.dyn_into::<web_sys::Element>().ok())
            .collect()
    };
    for el in all(".evidence") {
        let _ = el.class_list().remove_1("evidence");
    }
    let mut first: Option<web_sys::Element> = None;
    if let Some(line) = &ev.line {
        let at = format!("{}", line.at_ms.round());
        if let Some(el) = all("[data-testid=console] [data-text]")
            .into_iter()
            .find(|el| {
                el.get_attribute("data-text").as_deref() == Some(line.text.as_str())
                    && el.get_attribute("data-at-ms").as_deref() == Some(at.as_str())
            })
        {
            let _ = el.class_list().add_1("evidence");
            first = Some(el);
        }
    }
    for el in all("[data-task]") {
        let name = el.get_attribute("data-task-name").unwrap_or_default();
        if ev.lanes.contains(&name) {
            let _ = el.class_list().add_1("evidence");
            if first.is_none() {
                first = Some(el);
            }
        }
    }
    // Scrolled into view only when it is out of view.
    if let Some(el) = first {
        let r = el.get_bounding_client_rect();
        let h = web_sys::window()
            .and_then(|w| w.inner_height().ok())
            .and_then(|v| v.as_f64())
            .unwrap_or(0.0);
        if r.top() < 0.0 {
            el.scroll_into_view_with_bool(true);
        } else if r.bottom() > h {
            el.scroll_into_view_with_bool(false);
        }
    }
}

/// One question's form control, with its label.
#[component]
fn Ask(
    /// The question.
    q: &'static Question,
    /// How it is answered.
    input: Input,
    /// The answers so far (key, raw value).
    answers: RwSignal<Vec<(&'static str, String)>>,
    /// Its position, for ids.
    n: usize,
) -> impl IntoView {
    let id = format!("predict-q{n}");
    let set = move |v: String| {
        answers.update(|a| match a.iter_mut().find(|(k, _)| *k == q.key) {
            Some(slot) => slot.1 = v,
            None => a.push((q.key, v)),
        })
    };
    let value = move || {
        answers.with(|a| {
            a.iter()
                .find(|(k, _)| *k == q.key)
                .map(|(_, v)| v.clone())
                .unwrap_or_default()
        })
    };
    let control = match input {
        Input::Seconds | Input::Whole => {
            let seconds = matches!(input, Input::Seconds);
            view! {
                <div class="predict-q" data-question=q.key>
                    <label for=id.clone()>{q.text}</label>
                    <span class="predict-number">
                        <input
                            id=id.clone()
                            type="number"
                            min="0"
                            step=if seconds { "0.05" } else { "1" }
                            inputmode=if seconds { "decimal" } else { "numeric" }
                            prop:value=value
                            on:input=move |ev| set(event_target_value(&ev))
                        />
                        {seconds.then(|| view! { <span class="unit">"seconds"</span> })}
                    </span>
                </div>
            }
            .into_any()
        }
        Input::Choice(choices) if choices.len() <= 4 => view! {
            <fieldset class="predict-q" data-question=q.key>
                <legend>{q.text}</legend>
                {choices
                    .into_iter()
                    .enumerate()
                    .map(|(i, c)| {
                        let cid = format!("{id}-{i}");
                        let for_id = cid.clone();
                        let v = c.value.clone();
                        let v2 = c.value.clone();
                        view! {
                            <label class="predict-choice" for=for_id>
                                <input
                                    type="radio"
                                    id=cid
                                    name=id.clone()
                                    value=c.value.clone()
                                    prop:checked=move || value() == v2
                                    on:change=move |_| set(v.clone())
                                />
                                <span>{c.label}</span>
                            </label>
                        }
                    })
                    .collect_view()}
            </fieldset>
        }
        .into_any(),
        Input::Choice(choices) => view! {
            <div class="predict-q" data-question=q.key>
                <label for=id.clone()>{q.text}</label>
                <select id=id.clone() on:change=move |ev| set(event_target_value(&ev))>
                    <option value="" selected=move || value().is_empty()>"Choose…"</option>
                    {choices
                        .into_iter()
                        .map(|c| {
                            let v = c.value.clone();
                            view! { <option value=c.value selected=move || value() == v>{c.label}</option> }
                        })
                        .collect_view()}
                </select>
            </div>
        }
        .into_any(),
    };
    control
}

/// The prediction panel of a lesson (or of "Your code").
#[component]
pub fn PredictPanel(
    /// The lesson shown.
    lesson: &'static Lesson,
) -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    let ctl = ctx.run;
    let replay = Some(ctx.replay);
    let narration = Some(ctx.narration);
    let on = move || ctx.page.with(|p| p.predict);

    let start = if ctx.page.with_untracked(|p| p.autorun || !p.predict) || remembered(lesson) {
        Phase::Closed
    } else {
        Phase::Asking
    };
    let phase = RwSignal::new(start);
    let answers: RwSignal<Vec<(&'static str, String)>> = RwSignal::new(Vec::new());
    let results: RwSignal<Vec<Scored>> = RwSignal::new(Vec::new());
    // The program and questions the locked answers are about.
    let locked: StoredValue<(String, Vec<&'static Question>)> =
        StoredValue::new((String::new(), Vec::new()));
    // The run generation the panel has seen (a newer one is a new run).
    let seen = StoredValue::new(ctl.with_trace(|t| t.run).unwrap_or(0));

    // The program as it will run, and whether its run records code lines.
    let source = move || {
        ctx.page.with(|p| match &p.code {
            Some(c) => c.clone(),
            None => crate::ctl::code::lesson_code(lesson, &p.values),
        })
    };
    let questions = Memo::new(move |_| {
        let (own, rust) = ctx
            .page
            .with(|p| (p.code.is_some() || lesson.id == YOUR_CODE, p.lang == "rust"));
        let set = if own { GENERIC } else { lesson.predict };
        let lines = own || (!rust && crate::ctl::code::interpreter_ready());
        predict::askable(set, &source(), lines)
    });

    // A run started: score the locked answers when it ends; a run started
    // without them closes the questions (they are not asked for it).
    let check = move || {
        let Some((run, over)) = ctl.with_trace(|t| (t.run, t.outcome().is_some())) else {
            return;
        };
        let Some(ph) = phase.try_get_untracked() else {
            return;
        };
        let new_run = run > seen.get_value();
        match ph {
            Phase::Locked(after) if run > after && over => {
                seen.set_value(run);
                let (src, qs) = locked.get_value();
                let given = answers.get_untracked();
                let scored: Vec<Scored> = ctl
                    .with_trace(|t| {
                        qs.iter()
                            .map(|q| {
                                let a = given
                                    .iter()
                                    .find(|(k, _)| *k == q.key)
                                    .map(|(_, v)| v.as_str())
                                    .unwrap_or("");
                                predict::score(q, a, t, &src)
                            })
                            .collect()
                    })
                    .unwrap_or_default();
                let example = ctx.page.with_untracked(|p| p.example.unwrap_or_default());
                for s in &scored {
                    if let Some(correct) = s.correct {
                        web::post_to_parent(&prediction(&Prediction {
                            example,
                            id: s.id,
                            question: s.question,
                            answer: &s.answer,
                            expected: &s.expected,
                            correct,
                        }));
                    }
                }
                let said = predict::summary(&scored);
                results.set(scored);
                phase.set(Phase::Scored);
                remember(lesson, "done");
                focus_soon("predict-results");
                // After the narration's own last words about the run.
                if let Some(n) = narration {
                    set_timeout(
                        move || {
                            n.try_set(said);
                        },
                        Duration::from_millis(1700),
                    );
                }
            }
            Phase::Locked(_) => {}
            Phase::Asking | Phase::Scored if new_run => {
                seen.set_value(run);
                results.set(Vec::new());
                phase.set(Phase::Closed);
            }
            _ => {
                if new_run {
                    seen.set_value(run);
                }
            }
        }
    };
    Effect::new(move || {
        ctl.live_state.track();
        ctl.snapshot.with(|s| s.generation);
        check();
    });
    // Also on a timer: a frame out of view gets no animation frames.
    if let Ok(poll) = set_interval_with_handle(check, Duration::from_millis(250)) {
        on_cleanup(move || poll.clear());
    }

    let submit = move |ev: leptos::ev::SubmitEvent| {
        ev.prevent_default();
        let qs: Vec<&'static Question> =
            questions.with_untracked(|v| v.iter().map(|(q, _)| *q).collect());
        locked.set_value((source(), qs));
        let after = ctl.with_trace(|t| t.run).unwrap_or(0).max(seen.get_value());
        seen.set_value(after);
        phase.set(Phase::Locked(after));
        focus_soon("predict-status");
        ctx.run();
    };
    let skip = move |_| {
        remember(lesson, "skipped");
        phase.set(Phase::Closed);
        focus_soon("predict-open");
    };
    let open = move |_| {
        answers.set(Vec::new());
        results.set(Vec::new());
        phase.set(Phase::Asking);
        focus_soon("predict-q0");
    };
    let change = move |_| {
        phase.set(Phase::Asking);
        focus_soon("predict-q0");
    };
    let show = move |ev: Evidence, why: String| {
        if let Some(r) = replay {
            r.pause();
            if let Some(t) = ev.at_ms {
                r.seek(t);
            }
            let pos = ev.lanes.first().and_then(|name| {
                ctl.snapshot
                    .with_untracked(|s| s.tasks.iter().position(|t| t.name == *name))
            });
            if pos.is_some() {
                r.selected.set(pos);
            }
            r.explanation.set(Some(why));
        }
        // Once the views show that moment.
        set_timeout(move || mark(&ev), Duration::from_millis(80));
    };

    let asking = move || {
        let qs = questions.get();
        view! {
            <form class="predict-form" on:submit=submit aria-labelledby="predict-title">
                <h2 id="predict-title">"Predict, then run"</h2>
                <p class="predict-lead">
                    "What will this program do? Answer, then run it: each answer is checked against the run's own log."
                </p>
                <div class="predict-qs">
                    {qs.into_iter()
                        .enumerate()
                        .map(|(n, (q, input))| view! { <Ask q=q input=input answers=answers n=n/> })
                        .collect_view()}
                </div>
                <div class="actions">
                    <button type="submit" class="primary" data-testid="predict-run">"Lock in and run"</button>
                    <button type="button" class="ghost" data-testid="predict-skip" on:click=skip>"Skip"</button>
                    <span class="hint">"Times within 0.1 s or 10 % count. Run alone skips the questions."</span>
                </div>
            </form>
        }
    };
    let locked_view = move || {
        view! {
            <div class="predict-locked">
                <h2 id="predict-status" tabindex="-1">"Prediction locked in"</h2>
                <p>"It is checked against this run when the run ends."</p>
                <button type="button" class="small" on:click=change>"Change my answers"</button>
            </div>
        }
    };
    let scored_view = move || {
        let rs = results.get();
        let right = rs.iter().filter(|r| r.correct == Some(true)).count();
        let counted = rs.iter().filter(|r| r.correct.is_some()).count();
        view! {
            <div class="predict-results">
                <h2 id="predict-results" tabindex="-1">
                    {format!("Your prediction: {right} of {counted} right")}
                </h2>
                <ul>
                    {rs.into_iter()
                        .map(|r| {
                            let verdict = match r.correct {
                                Some(true) => "✓ Right",
                                Some(false) => "✗ Not this time",
                                None => "– Not scored",
                            };
                            let cls = match r.correct {
                                Some(true) => "predict-result right",
                                Some(false) => "predict-result wrong",
                                None => "predict-result unscored",
                            };
                            let answered = if r.answer.is_empty() {
                                "You did not answer".to_string()
                            } else {
                                format!("You said: {}", r.answer)
                            };
                            let ev = r.evidence.clone();
                            let why = r.why.clone();
                            let can_show = ev.at_ms.is_some();
                            view! {
                                <li
                                    class=cls
                                    data-question=r.id
                                    data-correct=r.correct.map(|c| c.to_string())
                                >
                                    <p class="predict-q-text">
                                        <strong class="verdict">{verdict}</strong>
                                        " "
                                        {r.question}
                                    </p>
                                    <p class="predict-said">
                                        {answered}
                                        {(!r.expected.is_empty()).then(|| format!(" · the run: {}", r.expected))}
                                    </p>
                                    <p class="predict-why">{r.why.clone()}</p>
                                    {can_show.then(|| view! {
                                        <button
                                            type="button"
                                            class="small"
                                            data-testid="predict-show"
                                            on:click=move |_| show(ev.clone(), why.clone())
                                        >
                                            "Show in the run"
                                        </button>
                                    })}
                                </li>
                            }
                        })
                        .collect_view()}
                </ul>
                <button type="button" class="small ghost" data-testid="predict-open" id="predict-open" on:click=open>
                    "Predict the next run"
                </button>
            </div>
        }
    };
    let closed_view = move || {
        view! {
            <div class="predict-closed">
                <button type="button" class="small ghost" data-testid="predict-open" id="predict-open" on:click=open>
                    "Predict the next run"
                </button>
            </div>
        }
    };

    view! {
        <Show when=on>
            <section
                class="panel predict"
                data-testid="predict"
                data-phase=move || phase.get().as_str()
                aria-label="Predict, then run"
            >
                {move || match phase.get() {
                    Phase::Asking => asking().into_any(),
                    Phase::Locked(_) => locked_view().into_any(),
                    Phase::Scored => scored_view().into_any(),
                    Phase::Closed => closed_view().into_any(),
                }}
            </section>
        </Show>
    }
}
