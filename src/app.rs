//! The App: reads the URL, provides the page state and the run controller,
//! keeps the URL in step, and lays out the page.

use leptos::prelude::*;

use crate::components::catalog::Catalog;
use crate::components::lesson_view::LessonView;
use crate::components::notices::Notices;
use crate::core::params::{parse_query, PageState, Values};
use crate::examples::{self, lookup};
use crate::run_ctl::RunCtl;
use crate::web;

/// Page-wide state shared by the components.
#[derive(Clone, Copy)]
pub struct PageCtx {
    /// Everything the URL says, validated.
    pub page: RwSignal<PageState>,
    /// Corrections made (from the URL and from the controls).
    pub notices: RwSignal<Vec<String>>,
}

impl PageCtx {
    /// Opens a lesson (or the catalog with `None`) with its default
    /// parameters, adding a history entry.
    pub fn open(&self, example: Option<&'static str>) {
        let ctl = expect_context::<RunCtl>();
        ctl.reset();
        self.notices.set(Vec::new());
        self.page.update(|p| {
            p.example = example;
            p.values = example
                .and_then(examples::find)
                .map(|l| Values::defaults(l.params))
                .unwrap_or_default();
            p.autorun = false;
        });
        web::push_url(&self.page.with_untracked(PageState::to_query));
    }
}

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
    let notices = RwSignal::new(initial.notices.clone());
    let autorun = initial.autorun;
    let page = RwSignal::new(initial);
    let ctx = PageCtx { page, notices };
    let ctl = RunCtl::new();
    provide_context(ctx);
    provide_context(ctl);

    // The URL always reflects the lesson and its parameters.
    Effect::new(move || {
        let q = page.with(PageState::to_query);
        web::replace_url(&q);
    });
    Effect::new(move || web::apply_theme(page.with(|p| p.theme)));

    // Back/forward between lessons.
    let popstate = window_event_listener(leptos::ev::popstate, move |_| {
        ctl.reset();
        let p = read_url();
        notices.set(p.notices.clone());
        page.set(p);
    });
    on_cleanup(move || popstate.remove());

    if autorun {
        let p = page.get_untracked();
        if let Some(lesson) = p.example.and_then(examples::find) {
            request_animation_frame(move || ctl.start(lesson, p.values, p.speed));
        }
    }

    let example = Memo::new(move |_| page.with(|p| p.example));
    let embed = Memo::new(move |_| page.with(|p| p.embed));
    let snapshot = ctl.snapshot;
    let run_state = move || {
        let s = snapshot.read();
        if example.get() == Some(s.example) || s.example.is_empty() {
            s.state.as_str()
        } else {
            "idle"
        }
    };
    let elapsed = move || {
        let s = snapshot.read();
        (s.state.as_str() != "idle" && s.state.as_str() != "running")
            .then(|| format!("{}", s.stats.elapsed_ms.round()))
    };

    view! {
        <div
            class="app"
            class:embed=embed
            data-testid="playground"
            data-example=move || example.get().unwrap_or_default()
            data-run-state=run_state
            data-elapsed-ms=elapsed
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
                </header>
            </Show>
            <main class="content">
                <Notices/>
                {move || match example.get().and_then(examples::find) {
                    Some(lesson) => view! { <LessonView lesson=lesson/> }.into_any(),
                    None => view! { <Catalog/> }.into_any(),
                }}
            </main>
        </div>
    }
}
