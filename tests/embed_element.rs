#![cfg(not(target_arch = "wasm32"))]
//! The Share menu's one-line embed (issue 13, part 2): the `embed.js`
//! script beside the app and an `<async-playground>` element whose
//! attributes are the page's URL keys.

use async_playground::core::params::{parse_query, PageState};
use async_playground::core::share::{element_code, embed_script_url};
use async_playground::lessons::lookup;

fn page(q: &str) -> PageState {
    parse_query(q, &lookup)
}

#[test]
fn script_sits_beside_the_app() {
    assert_eq!(
        embed_script_url("https://x.example/app/"),
        "https://x.example/app/embed.js"
    );
    assert_eq!(
        embed_script_url("https://x.example/app/index.html"),
        "https://x.example/app/embed.js"
    );
    assert_eq!(
        embed_script_url("http://127.0.0.1:8080/"),
        "http://127.0.0.1:8080/embed.js"
    );
    assert_eq!(embed_script_url(""), "embed.js");
}

#[test]
fn element_carries_the_lesson_and_its_parameters() {
    let p = page("example=semaphore&tasks=6&limit=2&delay=800&autorun=1&embed=1&theme=dark");
    let code = element_code("https://x.example/app/", &p, "A concurrency limit");
    let mut lines = code.lines();
    assert_eq!(
        lines.next(),
        Some(r#"<script src="https://x.example/app/embed.js" defer></script>"#)
    );
    let el = lines.next().unwrap_or_default();
    assert!(
        el.starts_with(r#"<async-playground example="semaphore""#),
        "{el}"
    );
    for attr in [
        r#"tasks="6""#,
        r#"limit="2""#,
        r#"delay="800""#,
        r#"theme="dark""#,
    ] {
        assert!(el.contains(attr), "{attr} in {el}");
    }
    // The element adds embed=1 itself; autorun is the author's choice.
    assert!(!el.contains("embed=") && !el.contains("autorun"), "{el}");
    assert!(
        el.contains(r#"title="async playground: A concurrency limit""#),
        "{el}"
    );
    // A link to the lesson for a page where the script does not run.
    assert!(
        el.contains(r#"><a href="https://x.example/app/?example=semaphore"#),
        "{el}"
    );
    assert!(el.ends_with("</a></async-playground>"), "{el}");
}

#[test]
fn an_authors_program_is_one_escaped_attribute() {
    let program =
        "import asyncio\n\nasync def main():\n    print(\"<&>\", 'x')\n\nasyncio.run(main())\n";
    let q = format!(
        "code={}",
        form_urlencoded::byte_serialize(program.as_bytes()).collect::<String>()
    );
    let code = element_code("https://x.example/app/", &page(&q), "Your code");
    assert!(
        code.contains("code=\"import asyncio\n\nasync def main():\n    print(&quot;&lt;&amp;&gt;&quot;, &#39;x&#39;)\n"),
        "{code}"
    );
    // Nothing the program holds can close the attribute or the element early.
    let el = code.lines().skip(1).collect::<Vec<_>>().join("\n");
    assert_eq!(el.matches('<').count(), 4, "{el}");
}
