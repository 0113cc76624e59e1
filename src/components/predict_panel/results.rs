//! The scored answers: how many were right, and for each its verdict, the
//! answer given and what the run did, the why, and "Show in the run" when
//! the log points at a moment; then "Predict the next run".

use leptos::ev::MouseEvent;
use leptos::prelude::*;

use crate::core::predict::{Evidence, Scored};

/// The scored answers of the last run.
#[component]
pub(super) fn Results(
    /// The scored answers.
    rs: Vec<Scored>,
    /// "Show in the run": the evidence of one answer and its why.
    show: impl Fn(Evidence, String) + Copy + 'static,
    /// "Predict the next run".
    open: impl FnMut(MouseEvent) + 'static,
) -> impl IntoView {
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
}
