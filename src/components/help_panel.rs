//! The keyboard help panel (a modal `<dialog>`, opened by `?` or its
//! button) and the page's shortcuts, which never fire while typing in a
//! field.

use leptos::prelude::*;

use crate::components::theme_toggle::next_theme;
use crate::core::keys::{shortcut, Shortcut, SHORTCUTS};
use crate::ctl::page::PageCtl;
use crate::web;

/// The id of the help dialog.
pub const HELP_ID: &str = "help-dialog";

/// The help dialog, and the window's shortcut listener.
#[component]
pub fn HelpPanel() -> impl IntoView {
    let ctx = expect_context::<PageCtl>();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    let owner = Owner::current().unwrap_or_default();
    let keys = window_event_listener(leptos::ev::keydown, move |ev| {
        let typing = web::is_typing_target(ev.target());
        let Some(action) = shortcut(
            &ev.key(),
            ev.ctrl_key(),
            ev.alt_key(),
            ev.meta_key(),
            typing,
        ) else {
            return;
        };
        if web::dialog_open() {
            // The dialog handles Esc itself; other keys wait until it closes.
            return;
        }
        let lesson_open = ctx.page.with_untracked(|p| p.example.is_some());
        let handled = owner.with(|| {
            match action {
                Shortcut::Run if lesson_open => ctx.run(),
                Shortcut::Stop if lesson_open => ctx.stop(),
                Shortcut::View if lesson_open => {
                    ctx.table_view.update(|t| *t = !*t);
                }
                Shortcut::Theme => ctx.page.update(|p| p.theme = next_theme(p.theme)),
                Shortcut::Help => web::open_dialog(HELP_ID),
                _ => return false,
            }
            true
        });
        if handled {
            ev.prevent_default();
        }
    });
    on_cleanup(move || keys.remove());
    let close = move |_| {
        if let Some(d) = dialog.get_untracked() {
            d.close();
        }
    };
    view! {
        <dialog id=HELP_ID class="help" aria-labelledby="help-title" node_ref=dialog>
            <h2 id="help-title">"Keyboard shortcuts"</h2>
            <p class="muted">"Shortcuts work anywhere on the page except while typing in a field."</p>
            <table class="keys">
                <thead>
                    <tr>
                        <th scope="col">"Key"</th>
                        <th scope="col">"Does"</th>
                    </tr>
                </thead>
                <tbody>
                    {SHORTCUTS
                        .iter()
                        .map(|(k, what)| view! {
                            <tr>
                                <td><kbd>{*k}</kbd></td>
                                <td>{*what}</td>
                            </tr>
                        })
                        .collect_view()}
                </tbody>
            </table>
            <button type="button" class="primary" data-testid="help-close" on:click=close>
                "Close"
            </button>
        </dialog>
    }
}
