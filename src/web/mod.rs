//! Thin browser glue, one file per concern; no logic lives here.
//! Optional APIs are detected in [`features`] before anything uses them;
//! [`settle`] says when start-up work is over.
//!
//! - [`url`]: the query, history entries, the app's base URL.
//! - [`media`]: the theme attribute, reduced motion, computed colours.
//! - [`files`]: downloads (text, PNG).
//! - [`clipboard`]: copying text.
//! - [`frame`]: framed or not; messages to and from the parent.
//! - [`panic`]: the panic hook, the error panel, the boot note.
//! - [`dialog`]: modal dialogs and where keys go.
//! - [`visibility`]: the tab hidden or shown (one hook).

pub mod clipboard;
pub mod dialog;
pub mod features;
pub mod files;
pub mod frame;
pub mod media;
pub mod panic;
pub mod settle;
pub mod url;
pub mod visibility;

pub use clipboard::copy_text;
pub use dialog::{dialog_open, is_typing_target, open_dialog};
pub use features::{features, Features};
pub use files::{download_text, download_url, save_svg_as_png};
pub use frame::{from_parent, in_frame, message_json, post_to_parent};
pub use media::{apply_theme, prefers_reduced_motion, resolve_colours, system_prefers_dark};
pub use panic::{install_panic_hook, remove_boot_note, show_error_panel};
pub use url::{app_base, location_search, push_url, replace_url};
