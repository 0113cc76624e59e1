//! A large run (more than [`BIG_RUN`](super::timeline::BIG_RUN) tasks) drawn
//! on a canvas: one picture, a pixel row per task (or per few tasks), the
//! ideal run's end of each task as a dark tick. The pixels are painted in
//! Rust ([`Raster`]) and only the columns that changed since the last frame
//! are copied to the canvas, so a frame stays cheap at 10,000 tasks.

use leptos::html::Canvas;
use leptos::prelude::*;
use wasm_bindgen::{Clamped, JsCast};

use crate::core::model::tasks::{fmt_ms, TaskState};
use crate::core::raster::{parse_css_rgb, Palette, Raster};
use crate::core::trace::Ms;
use crate::ctl::page::PageCtl;
use crate::ctl::run::RunCtl;
use crate::web;

/// The picture's height in CSS pixels.
const HEIGHT_PX: f64 = 320.0;

/// The theme's colours as on screen.
fn palette() -> Palette {
    let mut pal = Palette::default();
    let mut exprs: Vec<String> = TaskState::ALL
        .iter()
        .map(|s| format!("var(--s-{})", s.as_str()))
        .collect();
    exprs.push("var(--surface-2)".into());
    exprs.push("var(--text)".into());
    let refs: Vec<&str> = exprs.iter().map(String::as_str).collect();
    let got = web::resolve_colours(&refs);
    for (k, c) in got.iter().enumerate() {
        let Some(c) = c.as_deref().and_then(parse_css_rgb) else {
            continue;
        };
        match k {
            9 => pal.track = c,
            10 => pal.ideal = c,
            _ => {
                if let Some(slot) = pal.states.get_mut(k) {
                    *slot = c;
                }
            }
        }
    }
    pal
}

fn context_2d(canvas: &web_sys::HtmlCanvasElement) -> Option<web_sys::CanvasRenderingContext2d> {
    canvas
        .get_context("2d")
        .ok()
        .flatten()
        .and_then(|c| c.dyn_into().ok())
}

/// The canvas view of a large run.
#[component]
pub fn TimelineCanvas(
    /// The axis length in scenario ms.
    axis: Memo<Ms>,
) -> impl IntoView {
    let ctl = expect_context::<RunCtl>();
    let theme = use_context::<PageCtl>().map(|c| c.page);
    let canvas = NodeRef::<Canvas>::new();
    let raster: StoredValue<Option<Raster>, LocalStorage> = StoredValue::new_local(None);
    let pal = StoredValue::new(palette());
    let hover = RwSignal::new(String::new());
    // The canvas's width in CSS pixels, read at mount and on resize only:
    // reading it every frame would force a layout in the middle of the frame.
    let css_width = RwSignal::new(0.0);
    let measure = move || {
        if let Some(el) = canvas.get_untracked() {
            let w = f64::from(el.client_width());
            // Set only on a change: the paint effect reads it.
            if css_width.get_untracked() != w {
                css_width.set(w);
            }
        }
    };
    let resize = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
    Effect::new(move || {
        if canvas.get().is_some() {
            measure();
        }
    });

    // Resolve the colours again when the theme changes.
    Effect::new(move || {
        if let Some(t) = theme {
            t.with(|p| p.theme);
        }
        pal.set_value(palette());
    });

    // One paint per frame while the run is live (the frame loop moves
    // `now_ms` and the snapshot), then once more when it ends.
    Effect::new(move || {
        let Some(el) = canvas.get() else { return };
        let a = axis.get();
        let now = ctl.now_ms.get();
        let el: web_sys::HtmlCanvasElement = el;
        let css_w = css_width.get();
        if css_w < 1.0 {
            // Hidden (e.g. the table view is shown) or not laid out yet.
            measure();
            return;
        }
        let dpr = web_sys::window()
            .map_or(1.0, |w| w.device_pixel_ratio())
            .clamp(1.0, 2.0);
        let (w, h) = (
            (css_w * dpr).round() as usize,
            (HEIGHT_PX * dpr).round() as usize,
        );
        let p = pal.get_value();
        let dirty = raster
            .try_update_value(|r| {
                let r = match r {
                    Some(r) if r.width() == w && r.height() == h => r,
                    _ => r.insert(Raster::new(w, h)),
                };
                let band = ctl.snapshot.with(|s| {
                    ctl.ideal.with_untracked(|i| {
                        let ideal: &[_] = if i.generation == s.generation {
                            &i.tasks
                        } else {
                            &[]
                        };
                        r.paint(s.generation, &s.tasks, ideal, now, a, &p)
                    })
                })?;
                Some((band, r.band(band.0, band.1), r.width(), r.height()))
            })
            .flatten();
        let Some(((x0, x1), bytes, w, h)) = dirty else {
            return;
        };
        if el.width() as usize != w || el.height() as usize != h {
            el.set_width(w as u32);
            el.set_height(h as u32);
        }
        let (Some(cx), Ok(img)) = (
            context_2d(&el),
            web_sys::ImageData::new_with_u8_clamped_array_and_sh(
                Clamped(&bytes),
                (x1 - x0).max(1) as u32,
                h as u32,
            ),
        ) else {
            return;
        };
        let _ = cx.put_image_data(&img, x0 as f64, 0.0);
    });

    let on_move = move |ev: leptos::ev::MouseEvent| {
        let Some(el) = canvas.get_untracked() else {
            return;
        };
        let (cw, ch) = (f64::from(el.client_width()), f64::from(el.client_height()));
        if cw < 1.0 || ch < 1.0 {
            return;
        }
        let (x, y) = (f64::from(ev.offset_x()) / cw, f64::from(ev.offset_y()) / ch);
        let t = x * axis.get_untracked();
        let text = ctl.snapshot.with_untracked(|s| {
            let n = s.tasks.len();
            if n == 0 {
                return String::new();
            }
            let pos = ((y * n as f64) as usize).min(n - 1);
            let Some(task) = s.tasks.get(pos) else {
                return String::new();
            };
            let state = task
                .spans
                .iter()
                .rev()
                .find(|sp| sp.from_ms <= t)
                .map_or("not started", |sp| sp.state.as_str());
            let state = if task.end_ms.is_some_and(|e| e <= t) {
                task.state.as_str()
            } else {
                state
            };
            format!("{} at {}: {state}", task.name, fmt_ms(t))
        });
        hover.set(text);
    };

    let label = move || {
        ctl.snapshot.with(|s| {
            let n = s.tasks.len();
            format!(
                "{n} tasks drawn as one picture, {} finished: each row of pixels shows one task in {} (a sample), coloured by state over time; dark ticks mark where the ideal run ended it.",
                s.stats.finished,
                (n as f64 / HEIGHT_PX).ceil().max(1.0)
            )
        })
    };
    view! {
        <div class="big-run" data-testid="timeline-canvas-wrap">
            <div class="lane-label big-label">
                <span class="task-name">{move || ctl.snapshot.with(|s| format!("{} tasks", s.tasks.len()))}</span>
                <span class="loop-note">{move || ctl.snapshot.with(|s| {
                    let per = (s.tasks.len() as f64 / HEIGHT_PX).ceil();
                    if per > 1.0 { format!("a row of pixels: 1 task in {per}") } else { "a row per task".to_string() }
                })}</span>
            </div>
            <canvas
                node_ref=canvas
                class="big-canvas"
                data-testid="timeline-canvas"
                role="img"
                aria-label=label
                title=move || hover.get()
                on:mousemove=on_move
            ></canvas>
        </div>
    }
}
