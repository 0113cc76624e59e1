//! The resize messages learning platforms already listen for, as pure data
//! (CONTRACT.md section 3: "the same height also goes out in the resize
//! messages that learning platforms already understand").
//!
//! - **Canvas** (and the LMSs that copied its LTI messages): the frame posts
//!   `{subject: "lti.frameResize", height}` to its parent, whenever its
//!   height changes. No handshake.
//! - **H5P's resizer** (`h5p-resizer.js`, loaded by Moodle core and every H5P
//!   host page for H5P iframes): a handshake, then a two-step resize. Every
//!   message is `{context: "h5p", action, …}`; the frame side, as H5P's own
//!   `h5p.js` plays it:
//!   1. the frame sends `hello` (at start, and again on each height change
//!      until the parent answered), and also when the parent announces
//!      itself with `ready` (the resizer loaded after the frame);
//!   2. the parent answers `hello`: it is friendly; the frame sends
//!      `prepareResize` with `scrollHeight` and `clientHeight`;
//!   3. the parent shrinks the frame to `clientHeight + 75` and answers
//!      `resizePrepared`; the frame sends `resize` with `scrollHeight`, and
//!      the parent sets the frame to `scrollHeight + 75`;
//!   4. when the parent window resizes it sends `resize`; the frame starts
//!      again at step 2 (as it does whenever its content height changes).
//!
//! [`H5p`] is that frame side as a small state machine: feed it the
//! parent's messages and the content's height changes, post what it
//! returns.

use super::json::{write_key, write_num, write_str, Json};

/// Canvas's resize message: the frame is `height` CSS pixels tall.
pub fn canvas_frame_resize(height: f64) -> String {
    let mut s = String::with_capacity(48);
    s.push('{');
    write_key(&mut s, "subject");
    write_str(&mut s, "lti.frameResize");
    s.push(',');
    write_key(&mut s, "height");
    write_num(&mut s, px(height));
    s.push('}');
    s
}

/// Whole, non-negative CSS pixels (rounded up: never a scroll bar).
fn px(h: f64) -> f64 {
    if h.is_finite() {
        h.ceil().max(0.0)
    } else {
        0.0
    }
}

/// An H5P resizer message from the parent that the frame acts on.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum H5pIncoming {
    /// The resizer has loaded (after the frame): say hello.
    Ready,
    /// The answer to our hello: the parent can resize us.
    Hello,
    /// The parent made room: tell it the height.
    ResizePrepared,
    /// The parent window resized: measure again.
    Resize,
}

/// Understands an H5P resizer message, or `None` (anything else, including
/// the actions the frame itself sends, is ignored).
pub fn parse_h5p(msg: &Json) -> Option<H5pIncoming> {
    if msg.get("context")?.as_str()? != "h5p" {
        return None;
    }
    match msg.get("action")?.as_str()? {
        "ready" => Some(H5pIncoming::Ready),
        "hello" => Some(H5pIncoming::Hello),
        "resizePrepared" => Some(H5pIncoming::ResizePrepared),
        "resize" => Some(H5pIncoming::Resize),
        _ => None,
    }
}

fn h5p_head(action: &str) -> String {
    let mut s = String::with_capacity(80);
    s.push('{');
    write_key(&mut s, "context");
    write_str(&mut s, "h5p");
    s.push(',');
    write_key(&mut s, "action");
    write_str(&mut s, action);
    s
}

/// `{context: "h5p", action: "hello"}`.
pub fn h5p_hello() -> String {
    let mut s = h5p_head("hello");
    s.push('}');
    s
}

/// `prepareResize`: the content's full height (`scroll_height`) and the
/// height it has now (`client_height`).
pub fn h5p_prepare_resize(scroll_height: f64, client_height: f64) -> String {
    let mut s = h5p_head("prepareResize");
    s.push(',');
    write_key(&mut s, "scrollHeight");
    write_num(&mut s, px(scroll_height));
    s.push(',');
    write_key(&mut s, "clientHeight");
    write_num(&mut s, px(client_height));
    s.push('}');
    s
}

/// `resize`: the content's full height.
pub fn h5p_resize(scroll_height: f64) -> String {
    let mut s = h5p_head("resize");
    s.push(',');
    write_key(&mut s, "scrollHeight");
    write_num(&mut s, px(scroll_height));
    s.push('}');
    s
}

/// The frame's side of the H5P resizer protocol.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct H5p {
    /// The parent answered our hello.
    pub friendly: bool,
}

impl H5p {
    /// What to send when the content is `height` pixels tall (at start and
    /// on every change): `prepareResize` once the parent is friendly,
    /// `hello` until then.
    pub fn on_height(&self, height: f64) -> String {
        if self.friendly {
            h5p_prepare_resize(height, height)
        } else {
            h5p_hello()
        }
    }

    /// What to answer the parent's `msg`, the content being `height`
    /// pixels tall.
    pub fn on_message(&mut self, msg: H5pIncoming, height: f64) -> String {
        match msg {
            H5pIncoming::Ready => h5p_hello(),
            H5pIncoming::Hello => {
                self.friendly = true;
                self.on_height(height)
            }
            H5pIncoming::Resize => self.on_height(height),
            H5pIncoming::ResizePrepared => h5p_resize(height),
        }
    }
}
