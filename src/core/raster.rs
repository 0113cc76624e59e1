//! A large run drawn as one picture: every task a row, its states as colours
//! along scenario time, and a dark tick where the ideal run ended it. With
//! more tasks than pixel rows, each pixel row shows the first task of the
//! tasks it stands for (a sample, like any downsampled picture: 10,000
//! tasks on 320 rows show every 31st or so).
//!
//! Painting is incremental: each task remembers how far it has been drawn,
//! and a frame paints only what happened since the last one, so a run of
//! 10,000 tasks costs a few hundred small pixel runs per frame. Finished
//! spans are never painted twice. Everything here is plain Rust on a pixel
//! buffer; the canvas component only copies the changed columns out.
//!
//! ```
//! use async_playground::core::raster::{Palette, Raster};
//! let mut r = Raster::new(100, 10);
//! assert_eq!(r.paint(1, &[], &[], 0.0, 100.0, &Palette::default()), Some((0, 100)));
//! ```

use super::model::tasks::{TaskState, TaskView};
use super::trace::Ms;

/// Colours as packed RGBA (`u32::from_le_bytes([r, g, b, a])`).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Palette {
    /// One per state, in [`TaskState::ALL`] order.
    pub states: [u32; 9],
    /// The empty track.
    pub track: u32,
    /// The ideal end tick.
    pub ideal: u32,
}

/// Packs a colour.
pub const fn rgba(r: u8, g: u8, b: u8, a: u8) -> u32 {
    u32::from_le_bytes([r, g, b, a])
}

impl Default for Palette {
    fn default() -> Self {
        Palette {
            states: [
                rgba(0x7b, 0x73, 0x61, 255),
                rgba(0x82, 0x71, 0x2a, 255),
                rgba(0x27, 0x84, 0x39, 255),
                rgba(0x38, 0x6c, 0xe3, 255),
                rgba(0x0b, 0x7e, 0x88, 255),
                rgba(0xa3, 0x65, 0x16, 255),
                rgba(0x66, 0x74, 0x89, 255),
                rgba(0xd5, 0x38, 0x38, 255),
                rgba(0x89, 0x57, 0xd5, 255),
            ],
            track: rgba(0xee, 0xf1, 0xf5, 255),
            ideal: rgba(0x1c, 0x23, 0x30, 255),
        }
    }
}

/// Parses a computed CSS colour, `rgb(r, g, b)` or `rgba(r, g, b, a)`.
pub fn parse_css_rgb(s: &str) -> Option<u32> {
    let inner = s
        .trim()
        .strip_prefix("rgba(")
        .or_else(|| s.trim().strip_prefix("rgb("))?
        .strip_suffix(')')?;
    let mut parts = inner.split([',', ' ', '/']).filter(|p| !p.is_empty());
    let mut next = || -> Option<u8> {
        let v: f64 = parts.next()?.trim().parse().ok()?;
        Some(v.clamp(0.0, 255.0).round() as u8)
    };
    let (r, g, b) = (next()?, next()?, next()?);
    let a = match parts.next() {
        Some(a) => (a.trim().parse::<f64>().ok()?.clamp(0.0, 1.0) * 255.0).round() as u8,
        None => 255,
    };
    Some(rgba(r, g, b, a))
}

fn state_index(s: TaskState) -> usize {
    TaskState::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

/// The picture of a run and how far each task has been painted.
#[derive(Clone, Debug)]
pub struct Raster {
    w: usize,
    h: usize,
    /// RGBA bytes, row by row (what a canvas's `ImageData` takes).
    buf: Vec<u8>,
    /// What the picture was painted for: generation, tasks, axis, palette.
    key: Option<(u32, usize, u64, Palette)>,
    drawn_to: Vec<Ms>,
    /// Tasks painted to their end: never painted again.
    done: Vec<bool>,
}

impl Raster {
    /// An empty picture of `w` × `h` pixels (at most 4096 × 4096).
    pub fn new(w: usize, h: usize) -> Self {
        let (w, h) = (w.clamp(1, 4096), h.clamp(1, 4096));
        Raster {
            w,
            h,
            buf: vec![0; w * h * 4],
            key: None,
            drawn_to: Vec::new(),
            done: Vec::new(),
        }
    }

    /// Width in pixels.
    pub fn width(&self) -> usize {
        self.w
    }

    /// Height in pixels.
    pub fn height(&self) -> usize {
        self.h
    }

    /// The pixel rows of the task at `pos` of `n`.
    pub fn rows(&self, pos: usize, n: usize) -> (usize, usize) {
        let n = n.max(1);
        let y0 = pos * self.h / n;
        let y1 = ((pos + 1) * self.h / n).max(y0 + 1).min(self.h);
        (y0.min(self.h - 1), y1)
    }

    /// The task drawn at pixel row `y` of a run of `n` tasks.
    pub fn task_at(&self, y: usize, n: usize) -> usize {
        (y.min(self.h - 1) * n / self.h).min(n.saturating_sub(1))
    }

    fn x(&self, ms: Ms, axis: Ms) -> usize {
        if axis.partial_cmp(&0.0) != Some(std::cmp::Ordering::Greater) || !ms.is_finite() {
            return 0;
        }
        ((ms / axis) * self.w as f64)
            .round()
            .clamp(0.0, self.w as f64) as usize
    }

    fn fill(&mut self, y0: usize, y1: usize, x0: usize, x1: usize, c: u32) {
        let c = c.to_le_bytes();
        for y in y0..y1 {
            let row = y * self.w * 4;
            if let Some(px) = self.buf.get_mut(row + x0 * 4..row + x1 * 4) {
                for p in px.chunks_exact_mut(4) {
                    p.copy_from_slice(&c);
                }
            }
        }
    }

    /// Paints what changed since the last call and returns the columns
    /// touched (`x0..x1`), if any. A new run, another number of tasks, a
    /// new axis or palette repaints everything.
    pub fn paint(
        &mut self,
        generation: u32,
        tasks: &[TaskView],
        ideal: &[TaskView],
        now: Ms,
        axis: Ms,
        pal: &Palette,
    ) -> Option<(usize, usize)> {
        let n = tasks.len();
        let key = (generation, n, axis.to_bits(), *pal);
        let mut dirty: Option<(usize, usize)> = None;
        let mut touch = |a: usize, b: usize| {
            dirty = Some(match dirty {
                Some((x0, x1)) => (x0.min(a), x1.max(b)),
                None => (a, b),
            });
        };
        if self.key != Some(key) {
            self.key = Some(key);
            let track = pal.track.to_le_bytes();
            for p in self.buf.chunks_exact_mut(4) {
                p.copy_from_slice(&track);
            }
            self.drawn_to = tasks.iter().map(|t| t.start_ms).collect();
            self.done = vec![false; n];
            touch(0, self.w);
        }
        let mut last_row = usize::MAX;
        for (pos, t) in tasks.iter().enumerate() {
            // One task per pixel row: the first of those sharing it.
            let row = self.rows(pos, n).0;
            if row == last_row {
                continue;
            }
            last_row = row;
            if self.done.get(pos).copied().unwrap_or(false) {
                continue;
            }
            let until = t.end_ms.unwrap_or(now);
            let from = self.drawn_to.get(pos).copied().unwrap_or(t.start_ms);
            if until <= from && t.end_ms.is_none() {
                continue;
            }
            let (y0, y1) = self.rows(pos, n);
            let mut painted = false;
            for (k, sp) in t.spans.iter().enumerate() {
                let s_to = sp
                    .to_ms
                    .or_else(|| t.spans.get(k + 1).map(|s| s.from_ms))
                    .unwrap_or(until);
                if s_to < from || sp.from_ms > until {
                    continue;
                }
                let a = self.x(sp.from_ms.max(from), axis);
                let b = self.x(s_to.min(until), axis).max(a + 1).min(self.w);
                if a < b {
                    self.fill(y0, y1, a, b, pal.states[state_index(sp.state)]);
                    touch(a, b);
                    painted = true;
                }
            }
            if let Some(e) = t.end_ms {
                let a = self.x(e, axis).min(self.w - 1);
                self.fill(y0, y1, a, a + 1, pal.states[state_index(t.state)]);
                touch(a, a + 1);
                painted = true;
                if let Some(d) = self.done.get_mut(pos) {
                    *d = true;
                }
            }
            if painted {
                // The ideal end stays on top of whatever was painted.
                if let Some(e) = ideal
                    .get(pos)
                    .filter(|i| i.name == t.name)
                    .and_then(|i| i.end_ms)
                {
                    let a = self.x(e, axis).min(self.w - 1);
                    self.fill(y0, y1, a, a + 1, pal.ideal);
                    touch(a, a + 1);
                }
            }
            if let Some(d) = self.drawn_to.get_mut(pos) {
                *d = until.max(*d);
            }
        }
        dirty
    }

    /// The RGBA bytes of columns `x0..x1`, every row (for a canvas's
    /// `putImageData` of just that band).
    pub fn band(&self, x0: usize, x1: usize) -> Vec<u8> {
        let (x0, x1) = (x0.min(self.w), x1.min(self.w).max(x0.min(self.w)));
        let mut out = Vec::with_capacity((x1 - x0) * self.h * 4);
        for y in 0..self.h {
            let row = y * self.w * 4;
            out.extend_from_slice(&self.buf[row + x0 * 4..row + x1 * 4]);
        }
        out
    }

    /// The colour at a pixel (for tests).
    pub fn pixel(&self, x: usize, y: usize) -> Option<u32> {
        if x >= self.w {
            return None;
        }
        let i = (y * self.w + x) * 4;
        let p = self.buf.get(i..i + 4)?;
        Some(u32::from_le_bytes([p[0], p[1], p[2], p[3]]))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::core::model::tasks::Span;
    use crate::core::trace::TaskId;

    fn task(i: u32, spans: &[(TaskState, Ms)], end: Option<Ms>) -> TaskView {
        TaskView {
            id: TaskId(i),
            name: format!("t{i}"),
            state: if end.is_some() {
                TaskState::Done
            } else {
                spans.last().map_or(TaskState::Ready, |s| s.0)
            },
            start_ms: 0.0,
            end_ms: end,
            spans: spans
                .iter()
                .enumerate()
                .map(|(k, &(state, from_ms))| Span {
                    state,
                    from_ms,
                    to_ms: spans.get(k + 1).map(|s| s.1).or(end),
                    detail: None,
                })
                .collect(),
            error: None,
            line: None,
        }
    }

    #[test]
    fn paints_incrementally_and_only_what_changed() {
        let pal = Palette::default();
        let mut r = Raster::new(100, 4);
        let live = vec![
            task(0, &[(TaskState::Sleeping, 0.0)], None),
            task(1, &[(TaskState::Waiting, 0.0)], None),
        ];
        assert_eq!(r.paint(1, &live, &[], 10.0, 100.0, &pal), Some((0, 100)));
        let sleeping = pal.states[state_index(TaskState::Sleeping)];
        let waiting = pal.states[state_index(TaskState::Waiting)];
        assert_eq!(r.pixel(5, 0), Some(sleeping));
        assert_eq!(r.pixel(5, 3), Some(waiting));
        assert_eq!(r.pixel(50, 0), Some(pal.track));
        // Twenty ms later only the columns 10..20 change.
        assert_eq!(r.paint(1, &live, &[], 20.0, 100.0, &pal), Some((10, 20)));
        assert_eq!(r.pixel(15, 0), Some(sleeping));
        // A finished task is painted to its end once, then never again.
        let ended = vec![
            task(0, &[(TaskState::Sleeping, 0.0)], Some(30.0)),
            task(1, &[(TaskState::Waiting, 0.0)], None),
        ];
        let ideal = vec![task(0, &[(TaskState::Sleeping, 0.0)], Some(25.0))];
        assert!(r.paint(1, &ended, &ideal, 30.0, 100.0, &pal).is_some());
        assert_eq!(r.pixel(25, 0), Some(pal.ideal));
        assert_eq!(r.paint(1, &ended, &ideal, 30.0, 100.0, &pal), None);
        // A new axis repaints everything.
        assert_eq!(
            r.paint(1, &ended, &ideal, 30.0, 200.0, &pal),
            Some((0, 100))
        );
    }

    #[test]
    fn rows_cover_the_picture_for_any_number_of_tasks() {
        let r = Raster::new(10, 7);
        for n in [1, 3, 7, 50, 10_000] {
            let mut covered = [false; 7];
            for p in 0..n {
                let (y0, y1) = r.rows(p, n);
                assert!(y0 < y1 && y1 <= 7, "{p}/{n}: {y0}..{y1}");
                covered[y0..y1].iter_mut().for_each(|c| *c = true);
                assert!(r.task_at(y0, n) <= p + n / 7 + 1);
            }
            assert!(covered.iter().all(|c| *c), "{n}");
        }
    }

    #[test]
    fn css_colours_parse() {
        assert_eq!(parse_css_rgb("rgb(1, 2, 3)"), Some(rgba(1, 2, 3, 255)));
        assert_eq!(
            parse_css_rgb("rgba(1, 2, 3, 0.5)"),
            Some(rgba(1, 2, 3, 128))
        );
        assert_eq!(parse_css_rgb("rgb(1 2 3 / 1)"), Some(rgba(1, 2, 3, 255)));
        assert_eq!(parse_css_rgb("#fff"), None);
        assert_eq!(parse_css_rgb("rgb(1, 2)"), None);
    }
}
