//! The App: reads the URL, makes the page's controllers (`ctl::page`) and
//! provides them, keeps the URL in step, and lays out the page.

use leptos::prelude::*;

use crate::components::catalog::Catalog;
use crate::components::feature_notes::FeatureNotes;
use crate::components::help_panel::HelpPanel;
use crate::components::lesson_view::LessonView;
use crate::components::notices::Notices;
use crate::components::theme_toggle::ThemeToggle;
use crate::core::params::{parse_query, PageState};
use crate::ctl::embed;
use crate::ctl::page::PageCtl;
use crate::ctl::run::RunState;
use crate::lessons::lookup;
use crate::web;
use crate::your_code;

/// Run once on the virtual clock while the page settles (see `Playground`):
/// tasks, gather, a semaphore, sleeps, prints and an f-string.
const WARM_UP: &str = "import asyncio\n\nasync def job(sem, i):\n    async with sem:\n        await asyncio.sleep(0.01)\n        print(f\"job {i} done\")\n    return i\n\nasync def main():\n    sem = asyncio.Semaphore(2)\n    t = asyncio.create_task(asyncio.sleep(0.01))\n    results = await asyncio.gather(*(job(sem, i) for i in range(4)))\n    await t\n    print(results)\n\nasyncio.run(main())\n";

fn read_url() -> PageState {
    parse_query(&web::location_search(), &lookup)
}

/// The whole page, from the URL of the window.
#[component]
pub fn App() -> impl IntoView {
    view! { <Playground initial=read_url()/> }
}

/// The whole page, from a validated page state (tests mount this).
#[component]
pub fn Playground(
    /// The state to start from (parsed from a URL).
    initial: PageState,
) -> impl IntoView {
    let autorun = initial.autorun;
    let ctx = PageCtl::new(initial);
    let PageCtl {
        page,
        notices,
        run: ctl,
        code,
        compare,
        watch,
        replay,
        ..
    } = ctx;
    provide_context(ctx);
    provide_context(ctl);
    provide_context(code);
    provide_context(watch);
    provide_context(replay);
    provide_context(compare);
    embed::install(ctx);
    // Watch for the end of start-up work from the mount on (see PageCtl::run).
    // That work includes the interpreter's first use: the browser compiles
    // wasm functions on their first call, which made a link's first run tens
    // of ms late; a small program run once on the virtual clock before the
    // page counts as settled does it instead.
    web::settle::before_settled(|| {
        if crate::ctl::code::interpreter_ready() {
            let _ = crate::python::run_virtual(WARM_UP);
        }
    });
    web::settle::start();

    // The playhead is part of the URL (`t=`) while the learner inspects a
    // moment (not on every frame of a playback).
    Effect::new(move || {
        let t = replay.playhead.get().map(f64::round);
        if !replay.playing.get() && page.with_untracked(|p| p.t) != t {
            page.update(|p| p.t = t);
        }
    });

    // The URL always reflects the lesson and its parameters.
    Effect::new(move || {
        let q = page.with(PageState::to_query);
        web::replace_url(&q);
    });
    Effect::new(move || web::apply_theme(page.with(|p| p.theme)));

    // Back/forward between lessons.
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        ctx.stop();
        ctl.reset();
        code.close();
        let p = read_url();
        notices.set(p.notices.clone());
        page.set(p);
    });
    on_cleanup(move || popstate.remove());

    if autorun {
        let p = page.get_untracked();
        if p.example.and_then(your_code::find).is_some() {
            // Let the mock API's service worker take control first (bounded)
            // and the page settle (its start-up work done), so a link's
            // first run is timed like any later run.
            leptos::task::spawn_local(async move {
                crate::runtime::net::mock_ready().await;
                web::settle::settled().await;
                ctx.run();
            });
        }
    }

    let example = Memo::new(move |_| page.with(|p| p.example));
    let embed = Memo::new(move |_| page.with(|p| p.embed));
    // The real run's state, whatever moment the replay playhead shows.
    let snapshot = ctl.snapshot;
    let run_state = move || {
        let ex = snapshot.with(|s| s.example);
        let (state, _) = ctl.live_state.get();
        if example.get() == Some(ex) || ex.is_empty() {
            state
        } else {
            RunState::Idle
        }
        .as_str()
    };
    // Once the ideal run (virtual clock) of the current run is known.
    let ideal_ms = move || {
        let ideal = ctl.ideal.get();
        let g = snapshot.with(|s| s.generation);
        (ideal.generation != 0 && ideal.generation == g)
            .then(|| format!("{}", ideal.elapsed_ms.round()))
    };
    let elapsed = move || {
        let (state, ms) = ctl.live_state.get();
        (!matches!(state, RunState::Idle | RunState::Running)).then(|| format!("{}", ms.round()))
    };

    view! {
        <div
            class="app"
            class:embed=embed
            data-testid="playground"
            data-example=move || example.get().unwrap_or_default()
            data-run-state=run_state
            data-elapsed-ms=elapsed
            data-ideal-ms=ideal_ms
        >
            <Show when=move || !embed.get()>
                <header class="site-header">
                    <a
                        class="brand"
                        href="?"
                        on:click=move |ev| {
                            ev.prevent_default();
                            ctx.open(None);
                        }
                    >
                        <span class="brand-mark" aria-hidden="true">"⟳"</span>
                        " async playground"
                    </a>
                    <span class="tagline">"asyncio lessons, run for real on your browser's event loop"</span>
                    <ThemeToggle/>
                </header>
            </Show>
            <main class="content">
                <Notices/>
                <FeatureNotes/>
                {move || match example.get().and_then(your_code::find) {
                    Some(lesson) => view! { <LessonView lesson=lesson/> }.into_any(),
                    None => view! { <Catalog/> }.into_any(),
                }}
            </main>
            <HelpPanel/>
        </div>
    }
}
