#![cfg(not(target_arch = "wasm32"))]
//! The platforms' resize messages (issue 13, part 1): Canvas's
//! `lti.frameResize` and the frame side of H5P's resizer handshake.

use async_playground::core::json::{self, Json};
use async_playground::core::platform_resize::{
    canvas_frame_resize, h5p_hello, h5p_prepare_resize, h5p_resize, parse_h5p, H5p, H5pIncoming,
};

fn parsed(s: &str) -> Json {
    json::parse(s).unwrap_or(Json::Null)
}

fn num(j: &Json, key: &str) -> Option<f64> {
    match j.get(key)? {
        Json::Num(n) => Some(*n),
        _ => None,
    }
}

fn action(s: &str) -> String {
    let j = parsed(s);
    assert_eq!(j.get("context").and_then(Json::as_str), Some("h5p"), "{s}");
    j.get("action")
        .and_then(Json::as_str)
        .unwrap_or("")
        .to_string()
}

#[test]
fn canvas_message_is_subject_and_whole_pixels() {
    let m = parsed(&canvas_frame_resize(812.2));
    assert_eq!(
        m.get("subject").and_then(Json::as_str),
        Some("lti.frameResize")
    );
    assert_eq!(num(&m, "height"), Some(813.0));
    assert_eq!(
        num(&parsed(&canvas_frame_resize(-4.0)), "height"),
        Some(0.0)
    );
    assert_eq!(
        num(&parsed(&canvas_frame_resize(f64::NAN)), "height"),
        Some(0.0)
    );
    assert_eq!(
        num(&parsed(&canvas_frame_resize(f64::INFINITY)), "height"),
        Some(0.0)
    );
}

#[test]
fn h5p_messages_as_h5p_js_sends_them() {
    assert_eq!(h5p_hello(), r#"{"context":"h5p","action":"hello"}"#);
    assert_eq!(
        h5p_prepare_resize(700.4, 650.0),
        r#"{"context":"h5p","action":"prepareResize","scrollHeight":701,"clientHeight":650}"#
    );
    assert_eq!(
        h5p_resize(700.0),
        r#"{"context":"h5p","action":"resize","scrollHeight":700}"#
    );
}

#[test]
fn h5p_parent_messages_understood_and_others_ignored() {
    for (text, want) in [
        (
            r#"{"context":"h5p","action":"ready"}"#,
            Some(H5pIncoming::Ready),
        ),
        (
            r#"{"context":"h5p","action":"hello"}"#,
            Some(H5pIncoming::Hello),
        ),
        (
            r#"{"context":"h5p","action":"resizePrepared"}"#,
            Some(H5pIncoming::ResizePrepared),
        ),
        (
            r#"{"action":"resize","context":"h5p","scrollHeight":3}"#,
            Some(H5pIncoming::Resize),
        ),
        (
            r#"{"context":"h5p","action":"prepareResize","scrollHeight":1}"#,
            None,
        ),
        (r#"{"context":"h5p","action":"enterFullScreen"}"#, None),
        (r#"{"context":"H5P","action":"hello"}"#, None),
        (r#"{"context":"h5p"}"#, None),
        (r#"{"context":"h5p","action":1}"#, None),
        (r#"{"context":["h5p"],"action":"hello"}"#, None),
        (r#"{"subject":"lti.frameResize","height":3}"#, None),
        (r#"{"source":"async-playground","type":"run"}"#, None),
        (r#""hello""#, None),
        ("null", None),
        ("[]", None),
    ] {
        assert_eq!(parse_h5p(&parsed(text)), want, "{text}");
    }
}

#[test]
fn h5p_handshake_then_two_step_resize() {
    let mut f = H5p::default();
    // Until the parent answers, every height change says hello again.
    assert_eq!(action(&f.on_height(640.0)), "hello");
    assert_eq!(action(&f.on_height(700.0)), "hello");
    // A parent whose resizer loaded late announces itself: hello.
    assert_eq!(action(&f.on_message(H5pIncoming::Ready, 700.0)), "hello");
    assert!(!f.friendly);
    // A window resize before the handshake: still hello.
    assert_eq!(action(&f.on_message(H5pIncoming::Resize, 700.0)), "hello");
    // The parent's hello: prepareResize with the height.
    let prep = f.on_message(H5pIncoming::Hello, 700.0);
    assert!(f.friendly);
    assert_eq!(action(&prep), "prepareResize");
    assert_eq!(num(&parsed(&prep), "scrollHeight"), Some(700.0));
    assert_eq!(num(&parsed(&prep), "clientHeight"), Some(700.0));
    // resizePrepared: resize with the height as it is now.
    let r = f.on_message(H5pIncoming::ResizePrepared, 720.0);
    assert_eq!(action(&r), "resize");
    assert_eq!(num(&parsed(&r), "scrollHeight"), Some(720.0));
    // Later changes and the parent's window resizes prepare again.
    assert_eq!(action(&f.on_height(900.0)), "prepareResize");
    assert_eq!(
        action(&f.on_message(H5pIncoming::Resize, 900.0)),
        "prepareResize"
    );
    // A second hello changes nothing.
    assert_eq!(
        action(&f.on_message(H5pIncoming::Hello, 900.0)),
        "prepareResize"
    );
    assert!(f.friendly);
}
