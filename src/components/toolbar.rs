//! The lesson's toolbar: Share, keyboard help, and (in the embed, which
//! has no site header) the theme switch.

use leptos::prelude::*;

use crate::components::help_panel::HELP_ID;
use crate::components::share_menu::ShareMenu;
use crate::components::theme_toggle::ThemeToggle;
use crate::ctl::page::PageCtl;
use crate::lessons::Lesson;
use crate::web;

/// The toolbar of a lesson.
#[component]
pub fn Toolbar(
    /// The lesson shown.
    lesson: &'static Lesson,
) -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    let embed = move || ctx.page.with(|p| p.embed);
    view! {
        <div class="toolbar">
            <ShareMenu lesson=lesson/>
            <button
                type="button"
                class="small"
                data-testid="help"
                aria-keyshortcuts="?"
                on:click=|_| web::open_dialog(HELP_ID)
            >
                "Shortcuts "<kbd aria-hidden="true">"?"</kbd>
            </button>
            <Show when=embed>
                <ThemeToggle/>
            </Show>
        </div>
    }
}
