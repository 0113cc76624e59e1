//! One Leptos component per file: thin views over the core's derived data.

pub mod catalog;
pub mod code_view;
pub mod console;
pub mod controls;
pub mod lesson_view;
pub mod notices;
pub mod stats;
pub mod timeline;
