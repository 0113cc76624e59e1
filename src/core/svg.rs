//! The timeline as a standalone SVG picture (for slides and notes), built
//! from the same derived spans as the on-screen timeline. Colours come in a
//! [`Palette`] (the app reads them from the current theme); states differ by
//! colour, pattern and label, as on screen.

use std::fmt::Write as _;

use super::model::tasks::{fmt_ms, TaskState, TaskView};
use super::trace::Ms;

/// The colours of the picture (any CSS colour syntax).
#[derive(Clone, Debug, PartialEq)]
pub struct Palette {
    /// Page background.
    pub bg: String,
    /// Text.
    pub text: String,
    /// Secondary text (axis, legend).
    pub muted: String,
    /// Lane track background.
    pub track: String,
    /// Grid lines.
    pub border: String,
    /// Text on a state's colour.
    pub on_state: String,
    /// Pattern overlay (stripes, dots).
    pub pattern: String,
    /// One colour per state, in [`TaskState::ALL`] order.
    pub states: [String; 9],
}

impl Default for Palette {
    /// The light theme's colours (as in `style/tokens.css`).
    fn default() -> Self {
        let s = |v: &str| v.to_string();
        Palette {
            bg: s("#ffffff"),
            text: s("#1c2330"),
            muted: s("#556070"),
            track: s("#eef1f5"),
            border: s("#d9dee6"),
            on_state: s("#ffffff"),
            pattern: s("rgba(255,255,255,0.3)"),
            states: [
                s("#7b7361"),
                s("#82712a"),
                s("#278439"),
                s("#386ce3"),
                s("#0b7e88"),
                s("#a36516"),
                s("#667489"),
                s("#d53838"),
                s("#8957d5"),
            ],
        }
    }
}

/// A "nice" tick step for an axis of `total` ms: 1, 2 or 5 times a power of ten.
pub fn tick_step(total: Ms) -> Ms {
    let rough = (total / 5.0).max(1.0);
    let pow = 10f64.powf(rough.log10().floor());
    [1.0, 2.0, 5.0, 10.0]
        .into_iter()
        .map(|m| m * pow)
        .find(|s| *s >= rough)
        .unwrap_or(pow * 10.0)
}

/// The axis length for a run that should take `ideal` and is at `now`:
/// the larger, rounded up to a whole tick, as on screen.
pub fn axis_ms(ideal: Ms, now: Ms) -> Ms {
    let raw = ideal.max(now).max(1.0);
    let step = tick_step(raw);
    (raw / step).ceil() * step
}

/// Escapes text for XML content and attribute values.
pub fn xml_escape(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c if (c as u32) < 0x20 && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

fn state_index(s: TaskState) -> usize {
    TaskState::ALL.iter().position(|x| *x == s).unwrap_or(0)
}

/// Width of the picture, px.
pub const WIDTH: f64 = 1000.0;
const LABEL_W: f64 = 210.0;
const LANE_H: f64 = 30.0;
const TOP: f64 = 58.0;
const RIGHT: f64 = 16.0;

/// Height of the picture for `lanes` tasks, px.
pub fn height(lanes: usize) -> f64 {
    TOP + lanes as f64 * LANE_H + 50.0
}

/// The SVG of `tasks` on an axis of `axis` ms, with the playhead at `now`
/// (for a live run), titled `title`.
pub fn timeline_svg(tasks: &[TaskView], axis: Ms, now: Ms, title: &str, pal: &Palette) -> String {
    let axis = if axis.is_finite() && axis > 0.0 {
        axis
    } else {
        1.0
    };
    let track_w = WIDTH - LABEL_W - RIGHT;
    let x = |ms: Ms| LABEL_W + (ms / axis).clamp(0.0, 1.0) * track_w;
    let legend_y = TOP + tasks.len() as f64 * LANE_H + 26.0;
    let height = height(tasks.len());
    let mut o = String::with_capacity(2048 + tasks.len() * 600);
    let _ = write!(
        o,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{WIDTH}" height="{height}" viewBox="0 0 {WIDTH} {height}" font-family="system-ui, sans-serif" font-size="12" role="img"><title>{t}</title><defs>"#,
        t = xml_escape(title)
    );
    // Patterns, as on screen: ready hatch, sleeping stripes, fetching bars,
    // waiting dots, cancelled hatch.
    let p = &pal.pattern;
    let _ = write!(
        o,
        r#"<pattern id="p-ready" width="6" height="6" patternUnits="userSpaceOnUse" patternTransform="rotate(135)"><rect width="2" height="6" fill="{p}"/></pattern><pattern id="p-sleeping" width="12" height="12" patternUnits="userSpaceOnUse" patternTransform="rotate(45)"><rect width="6" height="12" fill="{p}"/></pattern><pattern id="p-fetching" width="9" height="9" patternUnits="userSpaceOnUse"><rect width="3" height="9" fill="{p}"/></pattern><pattern id="p-waiting" width="7" height="7" patternUnits="userSpaceOnUse"><circle cx="3.5" cy="3.5" r="1.5" fill="{p}"/></pattern><pattern id="p-cancelled" width="5" height="5" patternUnits="userSpaceOnUse" patternTransform="rotate(-45)"><rect width="2" height="5" fill="{p}"/></pattern></defs>"#
    );
    let _ = write!(
        o,
        r#"<rect width="100%" height="100%" fill="{}"/><text x="12" y="24" font-size="15" font-weight="600" fill="{}">{}</text>"#,
        pal.bg,
        pal.text,
        xml_escape(title)
    );
    // Axis and grid.
    let step = tick_step(axis);
    let n = (axis / step).round() as usize;
    let bottom = TOP + tasks.len() as f64 * LANE_H;
    for i in 0..=n.min(50) {
        let t = i as f64 * step;
        let anchor = match i {
            0 => "start",
            _ if i == n => "end",
            _ => "middle",
        };
        let _ = write!(
            o,
            r#"<line x1="{x:.1}" y1="{y0}" x2="{x:.1}" y2="{bottom}" stroke="{b}"/><text x="{x:.1}" y="{ty}" fill="{m}" font-size="11" text-anchor="{anchor}">{label}</text>"#,
            x = x(t),
            y0 = TOP - 6.0,
            ty = TOP - 10.0,
            b = pal.border,
            m = pal.muted,
            label = xml_escape(&fmt_ms(t)),
        );
    }
    for (row, t) in tasks.iter().enumerate() {
        let y = TOP + row as f64 * LANE_H;
        let name: String = t.name.chars().take(26).collect();
        let _ = write!(
            o,
            r#"<g><title>{full}: {state}</title><text x="12" y="{ty:.1}" fill="{c}" font-family="ui-monospace, monospace">{name}</text><rect x="{lx}" y="{ry:.1}" width="{track_w}" height="{h}" rx="4" fill="{track}"/>"#,
            full = xml_escape(&t.name),
            state = t.state.as_str(),
            ty = y + LANE_H / 2.0 + 4.0,
            c = pal.text,
            name = xml_escape(&name),
            lx = LABEL_W,
            ry = y + 4.0,
            h = LANE_H - 8.0,
            track = pal.track,
        );
        for (i, sp) in t.spans.iter().enumerate() {
            let to = sp
                .to_ms
                .or(t.end_ms)
                .or_else(|| t.spans.get(i + 1).map(|s| s.from_ms))
                .unwrap_or(now);
            let (x0, x1) = (x(sp.from_ms), x(to.max(sp.from_ms)));
            let w = (x1 - x0).max(1.0);
            let st = sp.state.as_str();
            let fill = &pal.states[state_index(sp.state)];
            let _ = write!(
                o,
                r#"<rect x="{x0:.1}" y="{ry:.1}" width="{w:.1}" height="{h}" fill="{fill}"><title>{st} {from} → {to}</title></rect>"#,
                ry = y + 4.0,
                h = LANE_H - 8.0,
                from = xml_escape(&fmt_ms(sp.from_ms)),
                to = xml_escape(&fmt_ms(to)),
            );
            if matches!(
                sp.state,
                TaskState::Ready
                    | TaskState::Sleeping
                    | TaskState::Fetching
                    | TaskState::Waiting
                    | TaskState::Cancelled
            ) {
                let _ = write!(
                    o,
                    r#"<rect x="{x0:.1}" y="{ry:.1}" width="{w:.1}" height="{h}" fill="url(#p-{st})"/>"#,
                    ry = y + 4.0,
                    h = LANE_H - 8.0,
                );
            }
            let label_w = st.len() as f64 * 5.9 + 9.0;
            if sp.state != TaskState::Running && w >= label_w {
                let _ = write!(
                    o,
                    r#"<rect x="{rx:.1}" y="{ry:.1}" width="{label_w:.1}" height="14" rx="3" fill="{fill}"/><text x="{tx:.1}" y="{ty:.1}" fill="{on}" font-size="10.5">{st}</text>"#,
                    rx = x0 + 2.0,
                    ry = y + 8.0,
                    tx = x0 + 6.0,
                    ty = y + 19.0,
                    on = pal.on_state,
                );
            }
        }
        if let Some(e) = t.end_ms {
            let _ = write!(
                o,
                r#"<rect x="{:.1}" y="{:.1}" width="3" height="{}" rx="1" fill="{}"/>"#,
                x(e) - 1.5,
                y + 6.0,
                LANE_H - 12.0,
                pal.states[state_index(t.state)]
            );
        }
        o.push_str("</g>");
    }
    // Legend: every state a lane can show, with its pattern and name.
    let mut lx = 12.0;
    for s in TaskState::ALL {
        let st = s.as_str();
        let _ = write!(
            o,
            r#"<rect x="{lx}" y="{ly}" width="22" height="12" rx="2" fill="{}"/>"#,
            pal.states[state_index(s)],
            ly = legend_y - 10.0,
        );
        if matches!(
            s,
            TaskState::Ready
                | TaskState::Sleeping
                | TaskState::Fetching
                | TaskState::Waiting
                | TaskState::Cancelled
        ) {
            let _ = write!(
                o,
                r#"<rect x="{lx}" y="{ly}" width="22" height="12" fill="url(#p-{st})"/>"#,
                ly = legend_y - 10.0,
            );
        }
        let _ = write!(
            o,
            r#"<text x="{tx}" y="{legend_y}" fill="{}">{st}</text>"#,
            pal.muted,
            tx = lx + 27.0,
        );
        lx += 27.0 + st.len() as f64 * 7.0 + 16.0;
    }
    o.push_str("</svg>");
    o
}
