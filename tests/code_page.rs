#![cfg(not(target_arch = "wasm32"))]
//! The URL's `code` key (a program of one's own), the "Your code" page,
//! `compare=` carrying a kept program, and embeds' `set-params` with code.

use async_playground::core::embed_msg::apply_params;
use async_playground::core::params::{parse_query, PageState};
use async_playground::core::query::{CODE_MAX_CHARS, YOUR_CODE};
use async_playground::core::share;
use async_playground::lessons::lookup;
use async_playground::your_code;
use proptest::prelude::*;

fn page(q: &str) -> PageState {
    parse_query(q, &lookup)
}

fn enc(code: &str) -> String {
    form_urlencoded::byte_serialize(code.as_bytes()).collect()
}

const PROGRAM: &str =
    "import asyncio\n\nasync def main():\n    print(\"héllo 🐍 & <b>\")\n\nasyncio.run(main())\n";

#[test]
fn code_without_an_example_opens_your_code() {
    let p = page(&format!("code={}&autorun=1", enc(PROGRAM)));
    assert_eq!(p.example, Some(YOUR_CODE));
    assert_eq!(p.code.as_deref(), Some(PROGRAM));
    assert!(p.autorun);
    assert!(p.notices.is_empty(), "{:?}", p.notices);
    // Written back as the program alone, which reads the same.
    let q = p.to_query();
    assert!(q.starts_with("?code="), "{q}");
    assert!(!q.contains("example="), "{q}");
    assert_eq!(page(&q).code.as_deref(), Some(PROGRAM));
    assert_eq!(page(&q).example, Some(YOUR_CODE));
}

#[test]
fn the_your_code_page_without_code_has_the_starter() {
    let p = page("example=code");
    assert_eq!(p.example, Some(YOUR_CODE));
    assert_eq!(p.code, None);
    assert!(p.notices.is_empty());
    assert_eq!(p.to_query(), "?example=code");
    let lesson = your_code::find(YOUR_CODE).expect("the page");
    let starter = (lesson.python)(&p.values);
    assert!(starter.contains("asyncio.gather("), "{starter}");
    assert!(starter.contains("asyncio.sleep("));
    assert!(starter.contains("print("));
    assert!(your_code::find("semaphore").is_some());
    assert!(your_code::find("nope").is_none());
}

#[test]
fn code_with_an_example_runs_in_that_lesson() {
    let p = page(&format!("example=semaphore&tasks=4&code={}", enc(PROGRAM)));
    assert_eq!(p.example, Some("semaphore"));
    assert_eq!(p.code.as_deref(), Some(PROGRAM));
    assert!(p.notices.is_empty(), "{:?}", p.notices);
    let q = p.to_query();
    assert!(q.starts_with("?example=semaphore&"), "{q}");
    assert_eq!(page(&q), p);
    // An unknown lesson with code: the notice, then "Your code".
    let p = page(&format!("example=nope&code={}", enc("print(1)")));
    assert_eq!(p.example, Some(YOUR_CODE));
    assert_eq!(p.notices.len(), 1, "{:?}", p.notices);
}

#[test]
fn long_code_is_cut_with_a_notice_and_line_ends_are_unix() {
    let long = "x = 1\n".repeat(CODE_MAX_CHARS / 6 + 10);
    let p = page(&format!("code={}", enc(&long)));
    let code = p.code.expect("code");
    assert_eq!(code.chars().count(), CODE_MAX_CHARS);
    assert_eq!(p.notices.len(), 1);
    assert!(p.notices[0].contains("at most 20000"), "{:?}", p.notices);
    assert!(p.notices[0].chars().count() < 200);
    let p = page(&format!("code={}", enc("a = 1\r\nb = 2\rc = 3")));
    assert_eq!(p.code.as_deref(), Some("a = 1\nb = 2\nc = 3"));
}

#[test]
fn bad_percent_encoding_and_utf8_never_break() {
    for q in [
        "code=%",
        "code=%zz%",
        "code=%ff%fe%80",
        "code=%E2%82",
        "code=%00%01",
        "code=",
        "code=a&code=b",
    ] {
        let p = page(q);
        assert_eq!(p.example, Some(YOUR_CODE), "{q}");
        let again = page(&p.to_query());
        assert_eq!(again.code, p.code, "{q}");
        assert!(again.notices.is_empty(), "{q}: {:?}", again.notices);
    }
    assert!(page("code=%ff")
        .code
        .is_some_and(|c| c.contains('\u{fffd}')));
    assert_eq!(page("code=a&code=b").code.as_deref(), Some("a"));
}

#[test]
fn share_and_embed_carry_the_code() {
    let p = page(&format!("example=semaphore&code={}", enc(PROGRAM)));
    let link = share::link("https://x.example/app/", &p);
    assert!(link.contains(&format!("code={}", enc(PROGRAM))), "{link}");
    let embed = share::embed_code("https://x.example/app/", &p, "Semaphore", 3);
    assert!(embed.contains("code=import+asyncio"), "{embed}");
    let own = page(&format!("code={}", enc(PROGRAM)));
    assert_eq!(
        page(&share::link("", &own)[..]).code.as_deref(),
        Some(PROGRAM)
    );
}

#[test]
fn compare_carries_the_kept_program() {
    let kept = "print('kept')\n";
    let now = "print('now')\n";
    let q = format!(
        "example=semaphore&code={}&compare={}",
        enc(now),
        enc(&format!("limit=1&code={}", enc(kept)))
    );
    let p = page(&q);
    assert!(p.notices.is_empty(), "{:?}", p.notices);
    assert_eq!(p.code.as_deref(), Some(now));
    assert_eq!(p.compare_code.as_deref(), Some(kept));
    assert_eq!(
        p.compare.as_ref().map(|c| c.int("limit")),
        Some(1),
        "{:?}",
        p.compare
    );
    let again = page(&p.to_query());
    assert_eq!(again, p);
    // On "Your code" too.
    let q = format!(
        "code={}&compare={}",
        enc(now),
        enc(&format!("code={}", enc(kept)))
    );
    let p = page(&q);
    assert_eq!(p.compare_code.as_deref(), Some(kept));
    assert_eq!(page(&p.to_query()), p);
}

#[test]
fn set_params_can_send_code_and_a_new_lesson_drops_it() {
    let p = page("example=semaphore");
    let next = apply_params(&p, &[("code".into(), "print(2)".into())], &lookup);
    assert_eq!(next.code.as_deref(), Some("print(2)"));
    assert_eq!(next.example, Some("semaphore"));
    let other = apply_params(&next, &[("example".into(), "coroutine".into())], &lookup);
    assert_eq!(other.example, Some("coroutine"));
    assert_eq!(other.code, None);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]
    /// Any text survives the URL unchanged (up to the limit, line ends
    /// made `\n`), and the page writes back what it read.
    #[test]
    fn any_code_round_trips(code in "(?s).{0,400}") {
        let p = page(&format!("code={}", enc(&code)));
        let want = code.replace("\r\n", "\n").replace('\r', "\n");
        prop_assert_eq!(p.code.as_deref(), Some(want.as_str()));
        let again = page(&p.to_query());
        prop_assert_eq!(again.code, p.code);
        prop_assert!(again.notices.is_empty());
    }
}
