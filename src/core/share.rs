//! What the Share menu copies: the link to the current lesson and
//! parameters, the one-line embed (`embed.js` and `<async-playground>`),
//! the `<iframe>` embed code, and the few lines of script a course page
//! needs to follow a plain iframe's `resize` messages.

use super::params::PageState;
use super::svg::xml_escape;

/// The link that reproduces `page` (full layout), from the app's address
/// without its query (`https://host/path/`).
pub fn link(app_base: &str, page: &PageState) -> String {
    let mut p = page.clone();
    p.embed = false;
    p.autorun = false;
    p.notices.clear();
    format!("{app_base}{}", p.to_query())
}

/// The address of `page` in the embed layout.
pub fn embed_src(app_base: &str, page: &PageState) -> String {
    let mut p = page.clone();
    p.embed = true;
    p.autorun = false;
    p.notices.clear();
    format!("{app_base}{}", p.to_query())
}

/// A sensible first height for the frame (the resize script then follows
/// the content): the compact layout plus a lane per task it will show.
pub fn embed_height(lanes: usize) -> u32 {
    let lanes = u32::try_from(lanes.clamp(1, 16)).unwrap_or(16);
    620 + 30 * lanes
}

/// The `<iframe>` snippet for `page`, titled for screen readers, loaded
/// lazily.
pub fn embed_code(app_base: &str, page: &PageState, title: &str, lanes: usize) -> String {
    format!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"{}\" loading=\"lazy\" style=\"border:0;max-width:100%\" allow=\"clipboard-write\"></iframe>",
        xml_escape(&embed_src(app_base, page)),
        xml_escape(&format!("async playground: {title}")),
        embed_height(lanes)
    )
}

/// The address of `embed.js`, beside the app's `index.html`.
pub fn embed_script_url(app_base: &str) -> String {
    match app_base.rfind('/') {
        Some(i) => format!("{}embed.js", &app_base[..=i]),
        None => "embed.js".to_string(),
    }
}

/// The one-line embed of `page` (CONTRACT.md section 4): the `embed.js`
/// script tag and an `<async-playground>` element whose attributes are the
/// page's URL keys, with a link to the lesson inside for a page where the
/// script does not run.
pub fn element_code(app_base: &str, page: &PageState, title: &str) -> String {
    let mut p = page.clone();
    p.embed = false;
    p.autorun = false;
    p.notices.clear();
    let query = p.to_query();
    let mut attrs = String::new();
    for (k, v) in form_urlencoded::parse(query.trim_start_matches('?').as_bytes()) {
        attrs.push_str(&format!(" {}=\"{}\"", xml_escape(&k), xml_escape(&v)));
    }
    let title = format!("async playground: {title}");
    format!(
        "<script src=\"{}\" defer></script>\n<async-playground{attrs} title=\"{}\"><a href=\"{}\">{}</a></async-playground>",
        xml_escape(&embed_script_url(app_base)),
        xml_escape(&title),
        xml_escape(&link(app_base, page)),
        xml_escape(&title),
    )
}

/// The script a course page adds once to size every embed to its content.
pub const RESIZE_SCRIPT: &str = r#"<script>
// Sizes each async playground embed to its content (no inner scroll bars).
addEventListener("message", (e) => {
  const m = e.data;
  if (!m || m.source !== "async-playground" || m.type !== "resize") return;
  for (const f of document.querySelectorAll("iframe")) {
    if (f.contentWindow === e.source) f.style.height = m.height + "px";
  }
});
</script>"#;
