//! The catalog of lessons, grouped.

use leptos::prelude::*;

use crate::core::query::YOUR_CODE;
use crate::ctl::page::PageCtl;
use crate::lessons::{GROUPS, LESSONS};
use crate::your_code;

/// Every lesson as a card, by group.
#[component]
pub fn Catalog() -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    view! {
        <section class="catalog" aria-labelledby="catalog-title">
            <div class="catalog-intro">
                <h1 id="catalog-title">"How async code really behaves"</h1>
                <p>
                    "Each lesson shows the Python asyncio code a course would show, runs its equivalent "
                    "for real on your browser's event loop, and draws every task's life on a timeline. "
                    "Change delays, task counts and limits, run again, and watch what changes."
                </p>
            </div>
            <section class="catalog-group catalog-own">
                <h2>"Your code"</h2>
                <ul class="cards">
                    <li>
                        <a
                            class="card card-own"
                            href=format!("?example={YOUR_CODE}")
                            data-lesson=YOUR_CODE
                            on:click=move |ev| {
                                ev.prevent_default();
                                ctx.open(Some(YOUR_CODE));
                            }
                        >
                            <span class="card-title">{your_code::LESSON.title}</span>
                            <span class="card-summary">{your_code::LESSON.summary}</span>
                            <code class="card-id">"?code=…"</code>
                        </a>
                    </li>
                </ul>
            </section>
            {GROUPS
                .iter()
                .map(|group| {
                    let lessons: Vec<_> = LESSONS.iter().filter(|l| l.group == *group).collect();
                    view! {
                        <section class="catalog-group">
                            <h2>{*group}</h2>
                            <ul class="cards">
                                {lessons
                                    .into_iter()
                                    .map(|l| {
                                        let id = l.id;
                                        view! {
                                            <li>
                                                <a
                                                    class="card"
                                                    href=format!("?example={id}")
                                                    data-lesson=id
                                                    on:click=move |ev| {
                                                        ev.prevent_default();
                                                        ctx.open(Some(id));
                                                    }
                                                >
                                                    <span class="card-title">{l.title}</span>
                                                    <span class="card-summary">{l.summary}</span>
                                                    <code class="card-id">{id}</code>
                                                </a>
                                            </li>
                                        }
                                    })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
        </section>
    }
}
