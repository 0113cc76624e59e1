//! Parameter controls with their ranges, the speed, and Run / Stop.

use leptos::prelude::*;

use crate::core::params::{Kind, ParamSpec, Value, GLOBAL_SPECS};
use crate::ctl::page::PageCtl;
use crate::ctl::run::RunState;
use crate::lessons::Lesson;

fn speed_spec() -> &'static ParamSpec {
    &GLOBAL_SPECS[0]
}

/// One parameter's control, validated by its spec on change.
#[component]
fn ParamInput(
    /// The lesson the parameter belongs to.
    lesson: &'static Lesson,
    /// The parameter.
    spec: &'static ParamSpec,
) -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    let id = format!("param-{}", spec.key);
    let value = move || {
        ctx.page.with(|p| {
            p.values
                .get(spec.key)
                .map(Value::to_url)
                .unwrap_or_default()
        })
    };
    let code = ctx.code;
    let set = move |raw: String| {
        code.flush(lesson);
        let mut notice = None;
        ctx.page
            .update(|p| notice = p.values.set(lesson.params, spec.key, &raw));
        if let Some(n) = notice {
            ctx.notices.update(|ns| ns.push(n));
        }
        // Edited code follows: the literal is rewritten.
        code.params_changed(lesson);
    };
    let literal_note = move || code.literal_note(lesson, spec.key);
    let input = match spec.kind {
        Kind::Int { min, max, .. } => view! {
            <input
                id=id.clone()
                name=spec.key
                type="number"
                inputmode="numeric"
                min=min
                max=max
                step="1"
                prop:value=value
                on:change=move |ev| set(event_target_value(&ev))
            />
        }
        .into_any(),
        Kind::Choice { options, .. } => view! {
            <select id=id.clone() name=spec.key on:change=move |ev| set(event_target_value(&ev))>
                {options
                    .iter()
                    .map(|o| {
                        let o = *o;
                        view! { <option value=o selected=move || value() == o>{o}</option> }
                    })
                    .collect_view()}
            </select>
        }
        .into_any(),
        Kind::Flag { .. } => view! {
            <input
                id=id.clone()
                name=spec.key
                type="checkbox"
                prop:checked=move || value() == "1"
                on:change=move |ev| set(if event_target_checked(&ev) { "1" } else { "0" }.to_string())
            />
        }
        .into_any(),
        Kind::Float { .. } | Kind::Text { .. } => view! {
            <input
                id=id.clone()
                name=spec.key
                type="text"
                prop:value=value
                on:change=move |ev| set(event_target_value(&ev))
            />
        }
        .into_any(),
    };
    view! {
        <div class="field">
            <label for=id>{spec.label}<span class="key">{spec.key}</span></label>
            {input}
            <span class="hint">{spec.range_text()}" · "{spec.help}</span>
            {move || literal_note().map(|n| view! {
                <span class="hint literal-note" data-testid="literal-note" data-key=spec.key>{n}</span>
            })}
        </div>
    }
}

/// The controls panel.
#[component]
pub fn Controls(
    /// The lesson being configured.
    lesson: &'static Lesson,
) -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    let ctl = ctx.run;
    let running = move || ctl.live_state.with(|s| s.0 == RunState::Running);
    // Through the page so an embedding page hears how the last run ended.
    let run = move |_| ctx.run();
    let stop = move |_| ctx.stop();
    let speed = move || ctx.page.with(|p| p.speed);
    let set_speed = move |raw: String| {
        let (v, notice) = speed_spec().validate(&raw);
        if let Value::Float(s) = v {
            ctx.page.update(|p| p.speed = s);
        }
        if let Some(n) = notice {
            ctx.notices.update(|ns| ns.push(n));
        }
    };
    view! {
        <section class="panel controls" aria-labelledby="controls-title">
            <h2 id="controls-title" class="panel-title">"Parameters"</h2>
            <div class="fields">
                {lesson
                    .params
                    .iter()
                    .map(|spec| view! { <ParamInput lesson=lesson spec=spec/> })
                    .collect_view()}
                <div class="field">
                    <label for="param-speed">"Speed"<span class="key">"speed"</span></label>
                    <input
                        id="param-speed"
                        name="speed"
                        type="number"
                        min="0.1"
                        max="10"
                        step="0.1"
                        prop:value=move || speed().to_string()
                        on:change=move |ev| set_speed(event_target_value(&ev))
                    />
                    <span class="hint">"0.1 to 10 · 2 runs twice as fast; times stay as written"</span>
                </div>
            </div>
            <Show when=move || !lesson.params.is_empty() && ctx.page.with(|p| p.code.is_some())>
                <p class="hint params-note" data-testid="params-note">
                    "You edited the code. Each control still writes its value into it (the literal near the top, e.g. DELAY = 0.8); Reset, in the code panel, goes back to the lesson's code."
                </p>
            </Show>
            <div class="actions">
                <button class="primary" type="button" data-testid="run" on:click=run>
                    "Run"
                </button>
                <button
                    type="button"
                    data-testid="stop"
                    on:click=stop
                    disabled=move || !running()
                >
                    "Stop"
                </button>
                <span class="run-state" aria-live="polite">
                    {move || match ctl.live_state.with(|s| s.0) {
                        RunState::Idle => "Ready to run",
                        RunState::Running => "Running…",
                        RunState::Finished => "Finished",
                        RunState::Stopped => "Stopped",
                        RunState::Deadlock => "Deadlock: nothing can proceed",
                        RunState::Error => "Error: the program raised",
                    }}
                </span>
            </div>
        </section>
    }
}
