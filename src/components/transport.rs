//! The replay bar: scrub, step, play back and jump through a recorded run.
//! Keyboard: ← / → step, Space play/pause, Home / End (when no control that
//! uses those keys has focus).

use leptos::prelude::*;
use wasm_bindgen::JsCast;

use crate::core::model::tasks::fmt_ms;
use crate::ctl::replay::RATES;

fn focus_uses_keys(ev: &web_sys::KeyboardEvent) -> bool {
    let Some(el) = ev
        .target()
        .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
    else {
        return false;
    };
    let tag = el.tag_name().to_ascii_lowercase();
    matches!(
        tag.as_str(),
        "input" | "select" | "textarea" | "button" | "a" | "summary"
    ) || el.get_attribute("contenteditable").is_some()
        || el
            .get_attribute("role")
            .is_some_and(|r| r == "slider" || r == "menuitem")
}

/// The replay bar under the timeline.
#[component]
pub fn Transport() -> impl IntoView {
    let ctx = expect_context::<crate::ctl::page::PageCtl>();
    let (r, ctl) = (ctx.replay, ctx.run);
    let end = move || {
        r.playhead.track();
        ctl.live_state.track();
        if r.playhead.with(Option::is_none) {
            ctl.now_ms.track();
        }
        r.end()
    };
    let shown = move || r.shown();
    let inspecting = move || r.playhead.get().is_some();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.ctrl_key() || ev.alt_key() || ev.meta_key() || focus_uses_keys(&ev) || !r.has_run() {
            return;
        }
        let handled = match ev.key().as_str() {
            "ArrowLeft" => {
                r.step(false);
                true
            }
            "ArrowRight" => {
                r.step(true);
                true
            }
            " " => {
                r.toggle();
                true
            }
            "Home" => {
                r.to_start();
                true
            }
            "End" => {
                r.to_end();
                true
            }
            _ => false,
        };
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());
    view! {
        <div class="transport" data-testid="replay" role="group" aria-label="Replay">
            <div class="transport-buttons">
                <button type="button" data-testid="to-start" title="Start (Home)" aria-label="Jump to start" on:click=move |_| r.to_start()>
                    "Start"
                </button>
                <button type="button" data-testid="step-prev" title="Previous event (←)" aria-label="Step back" on:click=move |_| r.step(false)>
                    "◀ Step"
                </button>
                <button
                    type="button"
                    class="primary"
                    data-testid="play"
                    title="Play / pause (Space)"
                    aria-label=move || if r.playing.get() { "Pause replay" } else { "Play replay" }
                    on:click=move |_| r.toggle()
                >
                    {move || if r.playing.get() { "Pause" } else { "Play ▶" }}
                </button>
                <button type="button" data-testid="step-next" title="Next event (→)" aria-label="Step forward" on:click=move |_| r.step(true)>
                    "Step ▶"
                </button>
                <button type="button" data-testid="to-end" title="End (End)" aria-label="Jump to end" on:click=move |_| r.to_end()>
                    "End"
                </button>
            </div>
            <input
                class="scrubber"
                type="range"
                data-testid="scrubber"
                aria-label="Playhead time"
                min="0"
                step="1"
                max=move || format!("{}", end().round())
                prop:value=move || format!("{}", shown().round())
                aria-valuetext=move || fmt_ms(shown())
                on:input=move |ev| {
                    r.pause();
                    if let Ok(t) = event_target_value(&ev).parse::<f64>() {
                        r.seek(t);
                    }
                }
            />
            <span class="playhead-time" data-testid="playhead-time" data-value=move || format!("{}", shown().round())>
                {move || fmt_ms(shown())}
                " / "
                {move || fmt_ms(end())}
            </span>
            <label class="rate">
                <span class="visually-hidden">"Playback speed"</span>
                <select
                    data-testid="replay-rate"
                    aria-label="Playback speed"
                    on:change=move |ev| {
                        if let Ok(v) = event_target_value(&ev).parse::<f64>() {
                            r.rate.set(v);
                        }
                    }
                >
                    {RATES
                        .iter()
                        .map(|v| {
                            let v = *v;
                            view! { <option value=v.to_string() selected=move || (r.rate.get() - v).abs() < 1e-9>{format!("{v}×")}</option> }
                        })
                        .collect_view()}
                </select>
            </label>
            <Show when=inspecting>
                <button type="button" class="small ghost" data-testid="follow-live" on:click=move |_| { r.pause(); r.playhead.set(None); r.explanation.set(None); }>
                    "Back to live"
                </button>
            </Show>
            <p class="explanation" data-testid="explanation" aria-live="polite">
                {move || r.explanation.get().unwrap_or_else(|| "Drag the playhead, step with ← →, or play the recording back: every view follows it.".into())}
            </p>
        </div>
    }
}
