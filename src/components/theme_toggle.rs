//! The colour theme switch: auto (follows the system), light, dark. The
//! choice lives in the URL's `theme` key.

use leptos::prelude::*;

use crate::core::params::Theme;
use crate::ctl::page::PageCtl;

/// The next theme in the cycle auto → light → dark (the `T` shortcut).
pub fn next_theme(t: Theme) -> Theme {
    match t {
        Theme::Auto => Theme::Light,
        Theme::Light => Theme::Dark,
        Theme::Dark => Theme::Auto,
    }
}

/// Three toggle buttons, the current one pressed.
#[component]
pub fn ThemeToggle() -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    let current = move || ctx.page.with(|p| p.theme);
    view! {
        <div class="theme-toggle" role="group" aria-label="Colour theme">
            {[(Theme::Auto, "Auto"), (Theme::Light, "Light"), (Theme::Dark, "Dark")]
                .into_iter()
                .map(|(t, label)| {
                    view! {
                        <button
                            type="button"
                            class="small"
                            data-testid=format!("theme-{}", label.to_ascii_lowercase())
                            aria-pressed=move || (current() == t).to_string()
                            on:click=move |_| ctx.page.update(|p| p.theme = t)
                        >
                            {label}
                        </button>
                    }
                })
                .collect_view()}
        </div>
    }
}
