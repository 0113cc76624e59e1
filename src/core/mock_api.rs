//! The bundled mock API as seen from Rust: building its URLs, and answering
//! them on the virtual clock (the ideal schedule and native tests), the way
//! `mock-api/handler.mjs` answers them in the browser.

/// The path prefix the service worker answers, relative to the app.
pub const PREFIX: &str = "mock-api/";

/// Whether `url` points at the bundled mock API (relative to the app).
pub fn is_mock(url: &str) -> bool {
    url.starts_with(PREFIX) || url.starts_with("./mock-api/")
}

/// A mock API URL for `endpoint` (`get`, `flaky`, `llm`, `html`) with
/// `delay_ms` of server latency and extra query pairs.
pub fn url(endpoint: &str, delay_ms: f64, pairs: &[(&str, String)]) -> String {
    let mut q = form_urlencoded::Serializer::new(String::new());
    for (k, v) in pairs {
        q.append_pair(k, v);
    }
    q.append_pair("delay", &format!("{}", delay_ms.max(0.0).round()));
    format!("{PREFIX}{endpoint}?{}", q.finish())
}

/// The query value of `key` in `url`, if any.
pub fn param(url: &str, key: &str) -> Option<String> {
    let query = url.split_once('?')?.1;
    form_urlencoded::parse(query.as_bytes())
        .find(|(k, _)| k == key)
        .map(|(_, v)| v.into_owned())
}

/// Rewrites the `delay` of a mock URL for a run at `speed` (the server
/// waits real time; scenario time is real time × speed).
pub fn scale_delay(url: &str, speed: f64) -> String {
    let Some((base, query)) = url.split_once('?') else {
        return url.to_string();
    };
    let speed = if speed.is_finite() && speed > 0.0 {
        speed
    } else {
        1.0
    };
    let mut q = form_urlencoded::Serializer::new(String::new());
    for (k, v) in form_urlencoded::parse(query.as_bytes()) {
        if k == "delay" {
            let ms = v.parse::<f64>().unwrap_or(0.0) / speed;
            q.append_pair("delay", &format!("{}", ms.max(0.0).round()));
        } else {
            q.append_pair(&k, &v);
        }
    }
    format!("{base}?{}", q.finish())
}

/// What the mock API answers: status and body, after `delay_ms`.
#[derive(Clone, Debug, PartialEq)]
pub struct Answer {
    /// Server latency in ms.
    pub delay_ms: f64,
    /// HTTP status.
    pub status: u16,
    /// Response body.
    pub body: String,
}

fn fnv1a(text: &str) -> u32 {
    let mut h: u32 = 0x811c_9dc5;
    for unit in text.encode_utf16() {
        h ^= u32::from(unit);
        h = h.wrapping_mul(0x0100_0193);
    }
    h
}

/// The answer to a mock URL, as `mock-api/handler.mjs` gives it (status
/// and latency exactly; bodies in the same shape).
pub fn answer(url: &str) -> Answer {
    let path = url
        .trim_start_matches("./")
        .trim_start_matches(PREFIX)
        .split('?')
        .next()
        .unwrap_or_default();
    let int = |key: &str, default: i64, lo: i64, hi: i64| {
        param(url, key)
            .and_then(|v| v.trim().parse::<i64>().ok())
            .map_or(default, |v| v.clamp(lo, hi))
    };
    let delay = int("delay", 0, 0, 60_000);
    let id = int("id", 0, 0, 1_000_000);
    let mut status = int("status", 200, 200, 599) as u16;
    let body = match path {
        "get" => format!(r#"{{"id":{id},"name":"user{id}","delay_ms":{delay}}}"#),
        "flaky" => {
            let rate = int("fail_rate", 30, 0, 100) as u32;
            let seed = param(url, "seed").unwrap_or_else(|| "0".into());
            if fnv1a(&format!("{seed}:{id}")) % 100 < rate {
                status = 503;
            }
            format!(r#"{{"id":{id},"name":"user{id}","delay_ms":{delay}}}"#)
        }
        "llm" => {
            if param(url, "fail").as_deref() == Some("1") {
                status = 500;
            }
            format!(r#"{{"id":{id},"completion":"…","delay_ms":{delay}}}"#)
        }
        "html" => "<!doctype html><title>Not JSON</title>".to_string(),
        _ => {
            status = 404;
            r#"{"error":"no such mock endpoint"}"#.to_string()
        }
    };
    Answer {
        delay_ms: delay as f64,
        status,
        body,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn urls_carry_their_delay_and_scale_with_speed() {
        let u = url("get", 800.0, &[("id", "3".into())]);
        assert_eq!(u, "mock-api/get?id=3&delay=800");
        assert!(is_mock(&u));
        assert_eq!(scale_delay(&u, 2.0), "mock-api/get?id=3&delay=400");
        assert_eq!(answer(&u).status, 200);
        assert_eq!(answer(&u).delay_ms, 800.0);
        assert_eq!(answer("mock-api/get?status=404").status, 404);
        assert_eq!(answer("mock-api/nothing").status, 404);
    }

    #[test]
    fn flaky_matches_the_js_hash() {
        // Same FNV-1a over UTF-16 units as handler.mjs.
        let fails: Vec<i64> = (0..20)
            .filter(|id| {
                answer(&format!("mock-api/flaky?id={id}&fail_rate=30&seed=7")).status == 503
            })
            .collect();
        // handler.mjs gives exactly these for the same query.
        assert_eq!(fails, [7, 9, 14, 19]);
    }
}
