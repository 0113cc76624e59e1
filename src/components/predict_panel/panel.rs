//! The panel: where it is (asking, locked, scored, closed), the answers
//! locked in with the program and questions they are about, and their
//! scoring when the first run after them ends (sent to an embedding page
//! and said in the narration).

use std::time::Duration;

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::ask::AskForm;
use super::evidence::show_in_run;
use super::memory::{remember, remembered};
use super::results::Results;
use crate::core::embed_msg::{prediction, Prediction};
use crate::core::predict::{self, Evidence, Question, Scored, GENERIC};
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

/// The prediction panel of a lesson (or of "Your code").
#[component]
pub fn PredictPanel(
    /// The lesson shown.
    lesson: &'static Lesson,
) -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    let ctl = ctx.run;
    let replay = ctx.replay;
    let narration = ctx.narration;
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

    // The program as it will run (the editor's text as typed, before typing
    // pauses and the page's `code` takes it), and whether its run records
    // code lines.
    let source = move || ctx.code.text.get();
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
                set_timeout(
                    move || {
                        narration.try_set(said);
                    },
                    Duration::from_millis(1700),
                );
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
    let show = move |ev: Evidence, why: String| show_in_run(replay, ctl, ev, why);

    let asking = move || {
        let qs = questions.get();
        view! { <AskForm qs=qs answers=answers submit=submit skip=skip/> }
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
        view! { <Results rs=rs show=show open=open/> }
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
