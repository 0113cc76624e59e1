//! The questions' form: each question's control (a number with its unit,
//! radio buttons for up to four choices, a select for more), "Lock in and
//! run" and "Skip".

use leptos::ev::{MouseEvent, SubmitEvent};
use leptos::prelude::*;

use crate::core::predict::{Input, Question};

/// The form of the questions asked before a run.
#[component]
pub(super) fn AskForm(
    /// The questions that can be asked, each with its form.
    qs: Vec<(&'static Question, Input)>,
    /// The answers so far (key, raw value).
    answers: RwSignal<Vec<(&'static str, String)>>,
    /// Locks the answers in and runs.
    submit: impl FnMut(SubmitEvent) + 'static,
    /// Skips the prediction.
    skip: impl FnMut(MouseEvent) + 'static,
) -> impl IntoView {
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
