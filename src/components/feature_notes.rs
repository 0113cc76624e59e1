//! What this browser or page cannot do here, in words: one note per missing
//! or refused optional API that matters on the page shown (see
//! [`crate::web::features`]). Hidden when everything is there.

use leptos::prelude::*;

use crate::ctl::page::PageCtl;
use crate::web::features;

/// Lists the feature notes in `[data-testid=feature-note]`.
#[component]
pub fn FeatureNotes() -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    let notes = Memo::new(move |_| {
        let example = ctx.page.with(|p| p.example);
        let mut all: Vec<String> = features::notes_for(example)
            .into_iter()
            .map(str::to_string)
            .collect();
        for n in features::runtime_notes_tracked() {
            if !all.contains(&n) {
                all.push(n);
            }
        }
        all
    });
    let empty = move || notes.with(Vec::is_empty);
    view! {
        <div class="notices feature-notes" data-testid="feature-note" role="status" hidden=empty>
            <strong>"This page works with less here"</strong>
            <ul>
                {move || notes.get().into_iter().map(|n| view! { <li>{n}</li> }).collect_view()}
            </ul>
        </div>
    }
}
