//! Whether a lesson's prediction was answered or skipped, remembered in
//! `localStorage` when storage works (otherwise it is asked again).

use crate::lessons::Lesson;
use crate::web;

fn storage_key(lesson: &Lesson) -> String {
    format!("async-playground:predict:{}", lesson.id)
}

/// Remembers quietly: a browser without storage asks again next time.
pub(super) fn remember(lesson: &Lesson, what: &str) {
    if !web::features().local_storage {
        return;
    }
    if let Some(s) = web_sys::window().and_then(|w| w.local_storage().ok().flatten()) {
        let _ = s.set_item(&storage_key(lesson), what);
    }
}

pub(super) fn remembered(lesson: &Lesson) -> bool {
    web::features::storage_get(&storage_key(lesson)).is_some()
}
