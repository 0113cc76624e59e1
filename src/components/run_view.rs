//! The run, shown as the timeline or as a table (a toggle), with the
//! exports (trace JSON, SVG, PNG) and the narration for screen readers.

use leptos::prelude::*;

use crate::components::narrator::Narrator;
use crate::components::run_table::RunTable;
use crate::components::timeline::Timeline;
use crate::core::embed_msg::url_params;
use crate::core::export::chrome_trace;
use crate::core::svg::{self, axis_ms, timeline_svg, Palette};
use crate::ctl::page::PageCtl;
use crate::web;

/// The theme's colours as on screen, for the picture exports.
fn palette() -> Palette {
    let mut pal = Palette::default();
    let vars = [
        "var(--surface)",
        "var(--text)",
        "var(--muted)",
        "var(--surface-2)",
        "var(--border)",
        "var(--on-state)",
        "var(--pattern)",
        "var(--s-created)",
        "var(--s-ready)",
        "var(--s-running)",
        "var(--s-sleeping)",
        "var(--s-fetching)",
        "var(--s-waiting)",
        "var(--s-done)",
        "var(--s-failed)",
        "var(--s-cancelled)",
    ];
    let got = web::resolve_colours(&vars);
    let mut slots: Vec<&mut String> = vec![
        &mut pal.bg,
        &mut pal.text,
        &mut pal.muted,
        &mut pal.track,
        &mut pal.border,
        &mut pal.on_state,
        &mut pal.pattern,
    ];
    slots.extend(pal.states.iter_mut());
    for (slot, c) in slots.into_iter().zip(got) {
        if let Some(c) = c {
            *slot = c;
        }
    }
    pal
}

/// The toggle, the exports, and the chosen view.
#[component]
pub fn RunView() -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    let ctl = ctx.run;
    let table = ctx.table_view;
    let no_run = move || ctl.snapshot.with(|s| s.generation == 0);
    let example = move || ctx.page.with_untracked(|p| p.example.unwrap_or("run"));

    let export_trace = move |_| {
        let Some(trace) = ctl.trace() else { return };
        let params = ctx.page.with_untracked(url_params);
        let json = chrome_trace(&trace, example(), &params);
        web::download_text(
            &format!("{}-trace.json", example()),
            "application/json",
            &json,
        );
    };
    let picture = move || {
        let tasks = ctl.snapshot.with_untracked(|s| s.tasks.clone());
        let now = ctl.now_ms.get_untracked();
        let axis = axis_ms(ctl.ideal_ms.get_untracked(), now);
        let title = format!("{} · async playground", example());
        let height = svg::height(tasks.len());
        (timeline_svg(&tasks, axis, now, &title, &palette()), height)
    };
    let export_svg = move |_| {
        let (s, _) = picture();
        web::download_text(&format!("{}-timeline.svg", example()), "image/svg+xml", &s);
    };
    let export_png = move |_| {
        let (s, h) = picture();
        web::save_svg_as_png(
            &s,
            svg::WIDTH,
            h,
            2.0,
            &format!("{}-timeline.png", example()),
        );
    };
    view! {
        <div class="run-view">
            <div class="run-view-bar">
                <div class="seg" role="group" aria-label="Show the run as">
                    <button
                        type="button"
                        class="small"
                        data-testid="view-timeline"
                        aria-pressed=move || (!table.get()).to_string()
                        on:click=move |_| table.set(false)
                    >
                        "Timeline"
                    </button>
                    <button
                        type="button"
                        class="small"
                        data-testid="view-table"
                        aria-pressed=move || table.get().to_string()
                        on:click=move |_| table.set(true)
                    >
                        "Table"
                    </button>
                </div>
                <div class="exports" role="group" aria-label="Export the run">
                    <button type="button" class="small" data-testid="export-trace" disabled=no_run on:click=export_trace>
                        "Export trace"
                    </button>
                    <button type="button" class="small" data-testid="export-svg" disabled=no_run on:click=export_svg>
                        "Export SVG"
                    </button>
                    <button type="button" class="small" data-testid="export-png" disabled=no_run on:click=export_png>
                        "Export PNG"
                    </button>
                </div>
            </div>
            <div hidden=move || table.get()>
                <Timeline/>
            </div>
            <Show when=move || table.get()>
                <section class="panel" aria-label="Run as a table">
                    <RunTable/>
                </section>
            </Show>
            <Narrator/>
        </div>
    }
}
