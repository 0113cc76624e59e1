//! The contract's `[data-task]` elements for a large run drawn on a canvas:
//! one light, hidden element per task with `data-task-name`, `data-state`,
//! `data-start-ms` and `data-end-ms` (plus `data-late-ms`), so tests and
//! tools read a 10,000-task run exactly as a small one.
//!
//! The rows are kept by hand rather than through a reactive list: only the
//! rows whose task changed since the last frame are touched (by
//! `Snapshot::task_revs`), and new rows are created a slice per frame so
//! the page never freezes while thousands of tasks appear.

use leptos::html::Ol;
use leptos::prelude::*;

use crate::components::timeline::ms_attr;
use crate::core::compare::{end_lateness, ideal_for};
use crate::core::task::TaskView;
use crate::run_ctl::RunCtl;

/// Most rows created per frame.
const NEW_ROWS_PER_FRAME: usize = 250;

/// A row and what it shows (attributes are written only when they change).
struct Row {
    el: web_sys::Element,
    shown: (&'static str, Option<i64>, Option<i64>),
}

#[derive(Default)]
struct Rows {
    generation: u32,
    seen_rev: u64,
    rows: Vec<Row>,
}

fn set(el: &web_sys::Element, name: &str, value: Option<&str>) {
    let _ = match value {
        Some(v) => el.set_attribute(name, v),
        None => el.remove_attribute(name),
    };
}

/// Writes the attributes of `row` that differ from what it shows.
fn fill(row: &mut Row, t: &TaskView, late: Option<f64>) {
    let want = (
        t.state.as_str(),
        t.end_ms.map(|e| e.round() as i64),
        late.map(|l| l.round() as i64),
    );
    if row.shown.0 != want.0 {
        set(&row.el, "data-state", Some(want.0));
    }
    if row.shown.1 != want.1 {
        set(&row.el, "data-end-ms", t.end_ms.map(ms_attr).as_deref());
    }
    if row.shown.2 != want.2 {
        set(&row.el, "data-late-ms", late.map(ms_attr).as_deref());
    }
    row.shown = want;
}

/// The hidden `[data-task]` index of a large run.
#[component]
pub fn TaskIndex() -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    let list = NodeRef::<Ol>::new();
    let state: StoredValue<Rows, LocalStorage> = StoredValue::new_local(Rows::default());
    let pending = StoredValue::new(false);

    // Brings the rows up to date; returns whether rows are still missing.
    let sync = move || -> bool {
        let Some(ol) = list.get_untracked() else {
            return false;
        };
        let Some(doc) = web_sys::window().and_then(|w| w.document()) else {
            return false;
        };
        let ol: web_sys::HtmlOListElement = ol;
        let (generation, rev) = ctl.snapshot.with_untracked(|s| (s.generation, s.rev));
        state
            .try_update_value(|st| {
                if st.generation != generation {
                    ol.set_text_content(None);
                    *st = Rows {
                        generation,
                        ..Rows::default()
                    };
                }
                ctl.snapshot.with_untracked(|s| {
                    ctl.ideal.with_untracked(|ideal| {
                        let ideal: &[TaskView] = if ideal.generation == generation {
                            &ideal.tasks
                        } else {
                            &[]
                        };
                        let late = |pos: usize, t: &TaskView| {
                            ideal_for(ideal, pos, t).and_then(|i| end_lateness(t, i))
                        };
                        for (pos, row) in st.rows.iter_mut().enumerate() {
                            let changed = s.task_revs.get(pos).is_some_and(|r| *r > st.seen_rev);
                            if let (true, Some(t)) = (changed, s.tasks.get(pos)) {
                                fill(row, t, late(pos, t));
                            }
                        }
                        let start = st.rows.len();
                        let end = s.tasks.len().min(start + NEW_ROWS_PER_FRAME);
                        for (pos, t) in s.tasks.iter().enumerate().take(end).skip(start) {
                            let Ok(li) = doc.create_element("li") else {
                                break;
                            };
                            set(&li, "data-task", Some(""));
                            set(&li, "data-task-id", Some(&t.id.0.to_string()));
                            set(&li, "data-task-name", Some(&t.name));
                            set(&li, "data-start-ms", Some(&ms_attr(t.start_ms)));
                            let _ = ol.append_child(&li);
                            let mut row = Row {
                                el: li,
                                shown: ("", None, None),
                            };
                            fill(&mut row, t, late(pos, t));
                            st.rows.push(row);
                        }
                        st.seen_rev = rev;
                        st.rows.len() < s.tasks.len()
                    })
                })
            })
            .unwrap_or(false)
    };

    // Runs after every refresh (once per frame while live), and keeps
    // going a frame at a time while rows are missing.
    fn catch_up(sync: impl Fn() -> bool + Copy + 'static, pending: StoredValue<bool>) {
        if sync() && !pending.get_value() {
            pending.set_value(true);
            request_animation_frame(move || {
                pending.try_set_value(false);
                catch_up(sync, pending);
            });
        }
    }
    Effect::new(move || {
        list.track();
        ctl.snapshot.with(|s| s.rev);
        ctl.ideal.with(|i| i.generation);
        catch_up(sync, pending);
    });

    view! { <ol class="task-index" node_ref=list hidden aria-hidden="true" data-testid="task-index"></ol> }
}
