//! A lesson: explanation and claim, controls, timeline, figures, code, console.

use leptos::prelude::*;

use crate::components::await_graph::{AwaitGraphPanel, DiagnosticsPanel};
use crate::components::code_view::CodeView;
use crate::components::compare_panel::ComparePanel;
use crate::components::console::Console;
use crate::components::controls::Controls;
use crate::components::explore_panel::ExplorePanel;
use crate::components::loop_panel::LoopPanel;
use crate::components::predict_panel::PredictPanel;
use crate::components::run_view::RunView;
use crate::components::stats::Stats;
use crate::components::toolbar::Toolbar;
use crate::components::transport::Transport;
use crate::ctl::page::PageCtl;
use crate::lessons::Lesson;

/// The lesson view.
#[component]
pub fn LessonView(
    /// The lesson shown.
    lesson: &'static Lesson,
) -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    let claim = Memo::new(move |_| ctx.page.with(|p| (lesson.claim)(&p.values)));
    let embed = move || ctx.page.with(|p| p.embed);
    let own_page = lesson.id == crate::core::query::YOUR_CODE;
    view! {
        <article class="lesson" aria-labelledby="lesson-title">
            <header class="lesson-head">
                <p class="eyebrow">
                    <Show when=move || !embed()>
                        <a
                            href="?"
                            on:click=move |ev| {
                                ev.prevent_default();
                                ctx.open(None);
                            }
                        >
                            "All lessons"
                        </a>
                        " / "
                    </Show>
                    {lesson.group}
                </p>
                <h1 id="lesson-title">{lesson.title}</h1>
                <Toolbar lesson=lesson/>
                // In the header row: closed, it is one small button beside
                // the toolbar and moves nothing below it.
                <PredictPanel lesson=lesson/>
            </header>
            <div class="lesson-top">
                <section class="explain" aria-label="Explanation">
                    {lesson.explanation.iter().map(|p| view! { <p>{*p}</p> }).collect_view()}
                    <p class="claim" data-testid="claim">
                        <strong>"Check it: "</strong>
                        {claim}
                    </p>
                </section>
                <Controls lesson=lesson/>
            </div>
            // On "Your code" the program comes first, under its Run button.
            {own_page.then(|| view! {
                <div class="lesson-bottom own-code">
                    <CodeView lesson=lesson/>
                    <Console/>
                </div>
            })}
            <Stats/>
            <div class="timeline-row">
                <div class="run-column">
                    <RunView/>
                    <Transport/>
                </div>
                <LoopPanel/>
            </div>
            <div class="graph-row">
                <AwaitGraphPanel/>
                <DiagnosticsPanel/>
            </div>
            <ComparePanel/>
            <Show when=move || !embed()>
                <ExplorePanel lesson=lesson/>
            </Show>
            {(!own_page).then(|| view! {
                <div class="lesson-bottom">
                    <CodeView lesson=lesson/>
                    <Console/>
                </div>
            })}
        </article>
    }
}
