//! One Leptos component per file: thin views over the core's derived data.

pub mod await_graph;
pub mod catalog;
pub mod code_view;
pub mod compare_panel;
pub mod console;
pub mod controls;
pub mod editor;
pub mod explore_panel;
pub mod feature_notes;
pub mod help_panel;
pub mod lesson_view;
pub mod loop_lane;
pub mod loop_panel;
pub mod narrator;
pub mod notices;
pub mod predict_panel;
pub mod run_table;
pub mod run_view;
pub mod share_menu;
pub mod stats;
pub mod task_index;
pub mod theme_toggle;
pub mod timeline;
pub mod timeline_canvas;
pub mod toolbar;
pub mod transport;
