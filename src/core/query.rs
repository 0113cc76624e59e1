//! What a page's URL says: the lesson, its parameters (validated by
//! [`params`](super::params)), the keys every page understands (speed,
//! autorun, embed, theme, predict, t, compare, lang, code) and the notices naming each
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
    ParamSpec::flag(
        "predict",
        "Predict, then run",
        "0: never ask for a prediction before a run.",
        true,
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
    /// Ask for a prediction before a lesson's first Run (`predict=0`: never).
    pub predict: bool,
    /// The replay playhead (`t=`, scenario ms), if the link opens at a moment.
    pub t: Option<f64>,
    /// The parameters of a second run to compare with (`compare=`, a query
    /// string of this lesson's keys; unset keys are as in the first run).
    pub compare: Option<Values>,
    /// The language of the code panel (`lang=`): `python` or `rust`.
    pub lang: &'static str,
    /// The program that runs instead of the lesson's own code (`code=`);
    /// `None`: the lesson's code. At most [`CODE_MAX_CHARS`] characters,
    /// line ends as `\n`.
    pub code: Option<String>,
    /// The program of the kept run of a comparison (`code=` inside
    /// `compare=`), when it differs from `code`.
    pub compare_code: Option<String>,
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

/// The example id of the "Your code" page (`data-example="code"`): a
/// program of one's own, from `code=` or the starter program.
pub const YOUR_CODE: &str = "code";

/// The longest program a URL may carry, in characters; a longer one is
/// cut there, with a notice.
pub const CODE_MAX_CHARS: usize = 20_000;

/// Validates a program from the URL: at most [`CODE_MAX_CHARS`]
/// characters (the rest cut, with a notice), line ends made `\n`. Bad
/// UTF-8 or percent-encoding never gets here as an error: the query's
/// decoder replaces what it cannot read with U+FFFD.
pub fn clean_code(raw: &str, notices: &mut Vec<String>, prefix: &str) -> String {
    let text = if raw.contains('\r') {
        raw.replace("\r\n", "\n").replace('\r', "\n")
    } else {
        raw.to_string()
    };
    let count = text.chars().count();
    if count <= CODE_MAX_CHARS {
        return text;
    }
    notices.push(format!(
        "{prefix}code is {count} characters long; a link may carry at most {CODE_MAX_CHARS}, so the rest was cut"
    ));
    text.chars().take(CODE_MAX_CHARS).collect()
}

/// Validates `compare=`: a query string of the lesson's own keys (and
/// `code`), applied on top of the first run's values. Corrections are
/// prefixed `compare:`.
fn parse_compare(
    raw: &str,
    specs: &[ParamSpec],
    base: &Values,
    notices: &mut Vec<String>,
) -> (Values, Option<String>) {
    let mut v = base.clone();
    let mut code = None;
    for (k, val) in form_urlencoded::parse(raw.trim_start_matches('?').as_bytes()) {
        if k == "code" {
            if code.is_none() {
                code = Some(clean_code(&val, notices, "compare: "));
            }
            continue;
        }
        if let Some(n) = v.set(specs, &k, &val) {
            notices.push(format!("compare: {n}"));
        }
    }
    (v, code)
}

/// The `compare=` value that reproduces `other` next to `base`: only the
/// keys that differ, so links stay short.
pub fn compare_query(base: &Values, other: &Values) -> String {
    compare_query_with_code(base, other, None)
}

/// [`compare_query`] with the kept run's program, when it differs.
pub fn compare_query_with_code(base: &Values, other: &Values, code: Option<&str>) -> String {
    let mut out = form_urlencoded::Serializer::new(String::new());
    for (k, v) in other.iter() {
        if base.get(k) != Some(v) {
            out.append_pair(k, &v.to_url());
        }
    }
    if let Some(code) = code {
        out.append_pair("code", code);
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
            _ if raw.trim() == YOUR_CODE => example = Some(YOUR_CODE),
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
    let code = first("code").map(|raw| clean_code(raw, &mut notices, ""));
    if example.is_none() && code.is_some() {
        // A program without a lesson opens the "Your code" page.
        example = Some(YOUR_CODE);
    }
    let (compare, compare_code) = match (example, first("compare")) {
        (Some(_), Some(raw)) => {
            let (v, c) = parse_compare(raw, specs, &values, &mut notices);
            (Some(v), c.filter(|c| Some(c) != code.as_ref()))
        }
        _ => (None, None),
    };
    PageState {
        t,
        compare,
        compare_code,
        code,
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
        predict: globals.flag("predict"),
        notices,
    }
}

/// Keys that belong to other parts of the app and are not corrections
/// (`debug=panic` makes the next Run panic on purpose, to show the error
/// panel).
pub const RESERVED_KEYS: &[&str] = &["t", "compare", "lang", "debug", "code"];

impl PageState {
    /// The query string (with `?`) that reproduces this state. Defaults of
    /// global keys are left out; every lesson parameter is written, so a
    /// shared link stays explicit. The "Your code" page with a program is
    /// `?code=…` alone (a program without a lesson opens that page).
    pub fn to_query(&self) -> String {
        let mut out = form_urlencoded::Serializer::new(String::new());
        if let Some(ex) = self.example {
            if ex != YOUR_CODE || self.code.is_none() {
                out.append_pair("example", ex);
            }
            for (k, v) in self.values.iter() {
                out.append_pair(k, &v.to_url());
            }
        }
        if let (Some(_), Some(code)) = (self.example, &self.code) {
            out.append_pair("code", code);
        }
        if let (Some(_), Some(other)) = (self.example, &self.compare) {
            out.append_pair(
                "compare",
                &compare_query_with_code(&self.values, other, self.compare_code.as_deref()),
            );
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
        if !self.predict {
            out.append_pair("predict", "0");
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
