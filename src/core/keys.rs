//! Keyboard shortcuts: which key does what, and when keys are left alone
//! (while typing in a field, or with Ctrl, Alt or Meta held).

/// What a shortcut does.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Shortcut {
    /// Run the lesson (a live run restarts).
    Run,
    /// Stop the live run.
    Stop,
    /// Switch between the timeline and the table.
    View,
    /// Next colour theme (auto, light, dark).
    Theme,
    /// Open the help panel.
    Help,
    /// Close the open panel or menu.
    Close,
}

/// The shortcuts as the help panel lists them: keys, and what they do.
pub const SHORTCUTS: &[(&str, &str)] = &[
    ("R", "Run the lesson (restarts a live run)"),
    ("S", "Stop the run"),
    ("V", "Switch between the timeline and the table"),
    ("T", "Next colour theme: auto, light, dark"),
    ("?", "Open this help"),
    ("Esc", "Close this help or an open menu"),
    ("Ctrl+Enter (⌘+Enter)", "In the code editor: run the code"),
    (
        "Esc, then Tab",
        "Leave the code editor (Tab alone indents there)",
    ),
    ("Tab / Shift+Tab", "Move between controls"),
    ("Enter / Space", "Press the focused button"),
];

/// The shortcut for a key press, if any. `key` is `KeyboardEvent.key`;
/// `typing` is whether focus is in a text field, select or editable area,
/// where only Esc counts.
pub fn shortcut(key: &str, ctrl: bool, alt: bool, meta: bool, typing: bool) -> Option<Shortcut> {
    if key == "Escape" {
        return Some(Shortcut::Close);
    }
    if typing || ctrl || alt || meta {
        return None;
    }
    Some(match key {
        "r" | "R" => Shortcut::Run,
        "s" | "S" => Shortcut::Stop,
        "v" | "V" => Shortcut::View,
        "t" | "T" => Shortcut::Theme,
        "?" => Shortcut::Help,
        _ => return None,
    })
}
