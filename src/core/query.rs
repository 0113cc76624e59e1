//! What a page's URL says: the lesson, its parameters (validated by
//! [`params`](super::params)), the keys every page understands (speed,
//! autorun, embed, theme, t, compare, lang) and the notices naming each
//! correction; and back from that state to a query string.

use std::fmt::Write as _;

use super::params::{fmt_float, shorten, ParamSpec, Value, Values};

/// The page's colour theme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Theme {
    /// Follow the system.
    Auto,
    /// Light.
    Light,
    /// Dark.
    Dark,
}

/// Keys every page understands, besides the lesson's own.
pub const GLOBAL_SPECS: &[ParamSpec] = &[
    ParamSpec::float(
        "speed",
        "Speed",
        "Time scale: 2 runs twice as fast as written.",
        0.1,
        10.0,
        1.0,
    ),
    ParamSpec::flag(
        "autorun",
        "Run on load",
        "Start the run as soon as the page is ready.",
        false,
    ),
    ParamSpec::flag(
        "embed",
        "Embed layout",
        "Compact layout for an iframe.",
        false,
    ),
    ParamSpec::choice(
        "theme",
        "Theme",
        "Colour theme.",
        &["auto", "light", "dark"],
        "auto",
    ),
];

/// Everything a URL can set, validated, with the corrections made.
#[derive(Clone, Debug, PartialEq)]
pub struct PageState {
    /// The lesson id, or `None` for the catalog.
    pub example: Option<&'static str>,
    /// The lesson's parameters (empty for the catalog).
    pub values: Values,
    /// Time scale, 0.1 to 10.
    pub speed: f64,
    /// Start the run as soon as the page is ready.
    pub autorun: bool,
    /// Compact embed layout.
    pub embed: bool,
    /// Colour theme.
    pub theme: Theme,
    /// The replay playhead (`t=`, scenario ms), if the link opens at a moment.
    pub t: Option<f64>,
    /// The parameters of a second run to compare with (`compare=`, a query
    /// string of this lesson's keys; unset keys are as in the first run).
    pub compare: Option<Values>,
    /// The language of the code panel (`lang=`): `python` or `rust`.
    pub lang: &'static str,
    /// Each correction made, in plain words, in the order found.
    pub notices: Vec<String>,
}

/// `t=`: the playhead of a shared link, in scenario ms.
pub const T_SPEC: ParamSpec = ParamSpec::ms(
    "t",
    "Playhead",
    "Open the run at this moment (scenario ms).",
    3_600_000,
    0,
);

/// `lang=`: the language of the code panel.
pub const LANG_SPEC: ParamSpec = ParamSpec::choice(
    "lang",
    "Code",
    "Show the Python asyncio code or the Rust code that runs.",
    &["python", "rust"],
    "python",
);

/// Validates `compare=`: a query string of the lesson's own keys, applied
/// on top of the first run's values. Corrections are prefixed `compare:`.
fn parse_compare(
    raw: &str,
    specs: &[ParamSpec],
    base: &Values,
    notices: &mut Vec<String>,
) -> Values {
    let mut v = base.clone();
    for (k, val) in form_urlencoded::parse(raw.trim_start_matches('?').as_bytes()) {
        if let Some(n) = v.set(specs, &k, &val) {
            notices.push(format!("compare: {n}"));
        }
    }
    v
}

/// The `compare=` value that reproduces `other` next to `base`: only the
/// keys that differ, so links stay short.
pub fn compare_query(base: &Values, other: &Values) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in other.iter() {
        if base.get(k) != Some(v) {
            out.append_pair(k, &v.to_url());
        }
    }
    out.finish()
}

/// Finds a lesson's id and parameter specs by its URL id.
pub type LessonLookup<'a> = &'a dyn Fn(&str) -> Option<(&'static str, &'static [ParamSpec])>;

/// Parses a query string (with or without the leading `?`). Never panics:
/// every unusable value falls back or is clamped, and each correction is
/// named in `notices`.
pub fn parse_query(query: &str, lookup: LessonLookup<'_>) -> PageState {
    let query = query.strip_prefix('?').unwrap_or(query);
    let pairs: Vec<(String, String)> = form_urlencoded::parse(query.as_bytes())
        .map(|(k, v)| (k.into_owned(), v.into_owned()))
        .collect();
    let mut notices = Vec::new();
    let mut seen: Vec<&str> = Vec::new();
    let first = |key: &str| {
        pairs
            .iter()
            .find(|(k, _)| k == key)
            .map(|(_, v)| v.as_str())
    };

    let mut example = None;
    let mut specs: &'static [ParamSpec] = &[];
    if let Some(raw) = first("example") {
        match lookup(raw.trim()) {
            Some((id, s)) => {
                example = Some(id);
                specs = s;
            }
            None if raw.trim().is_empty() => {}
            None => notices.push(format!(
                "example \"{}\" is unknown; showing the catalog",
                shorten(raw)
            )),
        }
    }

    let mut values = Values::defaults(specs);
    let mut globals = Values::defaults(GLOBAL_SPECS);
    for (key, raw) in &pairs {
        let key = key.as_str();
        if key == "example" {
            continue;
        }
        if seen.contains(&key) {
            notices.push(format!(
                "{} is given more than once; using the first",
                shorten(key)
            ));
            continue;
        }
        seen.push(key);
        let notice = if GLOBAL_SPECS.iter().any(|s| s.key == key) {
            globals.set(GLOBAL_SPECS, key, raw)
        } else if specs.iter().any(|s| s.key == key) {
            values.set(specs, key, raw)
        } else if RESERVED_KEYS.contains(&key) {
            None
        } else if example.is_some() {
            Some(format!(
                "\"{}\" is not a parameter of {}; ignored",
                shorten(key),
                example.unwrap_or_default()
            ))
        } else {
            None
        };
        notices.extend(notice);
    }
    let theme = match globals.choice("theme") {
        "light" => Theme::Light,
        "dark" => Theme::Dark,
        _ => Theme::Auto,
    };
    let t = first("t").map(|raw| {
        let (v, n) = T_SPEC.validate(raw);
        notices.extend(n);
        match v {
            Value::Int(ms) => ms as f64,
            _ => 0.0,
        }
    });
    let lang = match first("lang").map(|raw| LANG_SPEC.validate(raw)) {
        Some((Value::Choice(c), n)) => {
            notices.extend(n);
            c
        }
        _ => "python",
    };
    let compare = match (example, first("compare")) {
        (Some(_), Some(raw)) => Some(parse_compare(raw, specs, &values, &mut notices)),
        _ => None,
    };
    PageState {
        t,
        compare,
        lang,
        example,
        values,
        speed: match globals.get("speed") {
            Some(Value::Float(v)) => *v,
            _ => 1.0,
        },
        autorun: globals.flag("autorun"),
        embed: globals.flag("embed"),
        theme,
        notices,
    }
}

/// Keys that belong to other parts of the app and are not corrections
/// (`debug=panic` makes the next Run panic on purpose, to show the error
/// panel).
pub const RESERVED_KEYS: &[&str] = &["t", "compare", "lang", "debug"];

impl PageState {
    /// The query string (with `?`) that reproduces this state. Defaults of
    /// global keys are left out; every lesson parameter is written, so a
    /// shared link stays explicit.
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if let Some(ex) = self.example {
            out.append_pair("example", ex);
            for (k, v) in self.values.iter() {
                out.append_pair(k, &v.to_url());
            }
        }
        if let (Some(_), Some(other)) = (self.example, &self.compare) {
            out.append_pair("compare", &compare_query(&self.values, other));
        }
        if let Some(t) = self.t {
            out.append_pair("t", &format!("{}", t.round()));
        }
        if self.lang != "python" {
            out.append_pair("lang", self.lang);
        }
        if (self.speed - 1.0).abs() > 1e-9 {
            out.append_pair("speed", &fmt_float(self.speed));
        }
        if self.autorun {
            out.append_pair("autorun", "1");
        }
        if self.embed {
            out.append_pair("embed", "1");
        }
        match self.theme {
            Theme::Auto => {}
            Theme::Light => {
                out.append_pair("theme", "light");
            }
            Theme::Dark => {
                out.append_pair("theme", "dark");
            }
        }
        let q = out.finish();
        let mut s = String::with_capacity(q.len() + 1);
        if !q.is_empty() {
            let _ = write!(s, "?{q}");
        }
        s
    }
}
