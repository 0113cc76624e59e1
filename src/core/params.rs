//! Every lesson parameter's range and default, validated values, and the
//! notices that name each correction. Validation happens here and nowhere
//! else; [`query`](super::query) applies it to a page's URL.

/// The kind of a parameter, with its range and default.
#[derive(Clone, Copy, Debug, PartialEq)]
pub enum Kind {
    /// A whole number in `min..=max`.
    Int {
        /// Smallest allowed value.
        min: i64,
        /// Largest allowed value.
        max: i64,
        /// Value when absent or unusable.
        default: i64,
        /// Unit shown beside the control, e.g. `ms`.
        unit: &'static str,
    },
    /// A decimal number in `min..=max`.
    Float {
        /// Smallest allowed value.
        min: f64,
        /// Largest allowed value.
        max: f64,
        /// Value when absent or unusable.
        default: f64,
    },
    /// One of a few words.
    Choice {
        /// The allowed words.
        options: &'static [&'static str],
        /// Value when absent or unusable.
        default: &'static str,
    },
    /// `0` or `1`.
    Flag {
        /// Value when absent or unusable.
        default: bool,
    },
    /// Free text of bounded length.
    Text {
        /// Value when absent or unusable.
        default: &'static str,
        /// Longest allowed text, in characters.
        max_len: usize,
    },
}

/// One parameter: its URL key, how it is shown, and its range.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct ParamSpec {
    /// The URL key, e.g. `delay`.
    pub key: &'static str,
    /// A short label for the control.
    pub label: &'static str,
    /// One sentence on what it changes.
    pub help: &'static str,
    /// Range and default.
    pub kind: Kind,
}

impl ParamSpec {
    /// A whole number in `min..=max` shown with `unit` (may be empty).
    #[allow(clippy::too_many_arguments)]
    pub const fn int(
        key: &'static str,
        label: &'static str,
        help: &'static str,
        min: i64,
        max: i64,
        default: i64,
        unit: &'static str,
    ) -> Self {
        let kind = Kind::Int {
            min,
            max,
            default,
            unit,
        };
        ParamSpec {
            key,
            label,
            help,
            kind,
        }
    }

    /// A duration in whole milliseconds, `0..=max`.
    pub const fn ms(
        key: &'static str,
        label: &'static str,
        help: &'static str,
        max: i64,
        default: i64,
    ) -> Self {
        Self::int(key, label, help, 0, max, default, "ms")
    }

    /// A decimal number in `min..=max`.
    pub const fn float(
        key: &'static str,
        label: &'static str,
        help: &'static str,
        min: f64,
        max: f64,
        default: f64,
    ) -> Self {
        let kind = Kind::Float { min, max, default };
        ParamSpec {
            key,
            label,
            help,
            kind,
        }
    }

    /// One of `options`.
    pub const fn choice(
        key: &'static str,
        label: &'static str,
        help: &'static str,
        options: &'static [&'static str],
        default: &'static str,
    ) -> Self {
        let kind = Kind::Choice { options, default };
        ParamSpec {
            key,
            label,
            help,
            kind,
        }
    }

    /// A flag, `0` or `1`.
    pub const fn flag(
        key: &'static str,
        label: &'static str,
        help: &'static str,
        default: bool,
    ) -> Self {
        let kind = Kind::Flag { default };
        ParamSpec {
            key,
            label,
            help,
            kind,
        }
    }

    /// Free text of at most `max_len` characters.
    pub const fn text(
        key: &'static str,
        label: &'static str,
        help: &'static str,
        default: &'static str,
        max_len: usize,
    ) -> Self {
        let kind = Kind::Text { default, max_len };
        ParamSpec {
            key,
            label,
            help,
            kind,
        }
    }
}

/// A validated parameter value.
#[derive(Clone, Debug, PartialEq)]
pub enum Value {
    /// A whole number.
    Int(i64),
    /// A decimal number.
    Float(f64),
    /// One of a choice's words.
    Choice(&'static str),
    /// A flag.
    Flag(bool),
    /// Text.
    Text(String),
}

impl Value {
    /// The value as it is written in a URL.
    pub fn to_url(&self) -> String {
        match self {
            Value::Int(v) => v.to_string(),
            Value::Float(v) => fmt_float(*v),
            Value::Choice(v) => (*v).to_string(),
            Value::Flag(v) => if *v { "1" } else { "0" }.to_string(),
            Value::Text(v) => v.clone(),
        }
    }
}

pub(super) fn fmt_float(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

pub(super) fn shorten(raw: &str) -> String {
    const MAX: usize = 24;
    if raw.chars().count() <= MAX {
        raw.to_string()
    } else {
        let head: String = raw.chars().take(MAX).collect();
        format!("{head}…")
    }
}

impl ParamSpec {
    /// The default value.
    pub fn default_value(&self) -> Value {
        match self.kind {
            Kind::Int { default, .. } => Value::Int(default),
            Kind::Float { default, .. } => Value::Float(default),
            Kind::Choice { default, .. } => Value::Choice(default),
            Kind::Flag { default } => Value::Flag(default),
            Kind::Text { default, .. } => Value::Text(default.to_string()),
        }
    }

    /// The range in words, e.g. `1 to 100 ms`.
    pub fn range_text(&self) -> String {
        match self.kind {
            Kind::Int { min, max, unit, .. } => {
                if unit.is_empty() {
                    format!("{min} to {max}")
                } else {
                    format!("{min} to {max} {unit}")
                }
            }
            Kind::Float { min, max, .. } => format!("{} to {}", fmt_float(min), fmt_float(max)),
            Kind::Choice { options, .. } => options.join(" or "),
            Kind::Flag { .. } => "0 or 1".to_string(),
            Kind::Text { max_len, .. } => format!("up to {max_len} characters"),
        }
    }

    /// Validates a raw value: the value to use and, if it had to be
    /// corrected, the correction in plain words.
    pub fn validate(&self, raw: &str) -> (Value, Option<String>) {
        let key = self.key;
        let trimmed = raw.trim();
        let shown = shorten(raw);
        match self.kind {
            Kind::Int {
                min, max, default, ..
            } => {
                let parsed = trimmed.parse::<i64>().ok().map(|v| (v, false)).or_else(|| {
                    trimmed
                        .parse::<f64>()
                        .ok()
                        .filter(|v| !v.is_nan())
                        .map(|v| {
                            let frac = v.is_finite() && v.fract() != 0.0;
                            // `as` saturates: huge values clamp to the range below.
                            (v.round() as i64, frac)
                        })
                });
                match parsed {
                    None => (
                        Value::Int(default),
                        Some(format!(
                            "{key} \"{shown}\" is not a whole number; using {default}"
                        )),
                    ),
                    Some((v, _)) if v < min => (
                        Value::Int(min),
                        Some(format!("{key} {v} is below {min}; using {min}")),
                    ),
                    Some((v, _)) if v > max => (
                        Value::Int(max),
                        Some(format!("{key} {shown} is above {max}; using {max}")),
                    ),
                    Some((v, true)) => (
                        Value::Int(v),
                        Some(format!("{key} {shown} is not a whole number; using {v}")),
                    ),
                    Some((v, false)) => (Value::Int(v), None),
                }
            }
            Kind::Float { min, max, default } => {
                match trimmed.parse::<f64>().ok().filter(|v| !v.is_nan()) {
                    None => (
                        Value::Float(default),
                        Some(format!(
                            "{key} \"{shown}\" is not a number; using {}",
                            fmt_float(default)
                        )),
                    ),
                    Some(v) if v < min => (
                        Value::Float(min),
                        Some(format!(
                            "{key} {shown} is below {}; using {}",
                            fmt_float(min),
                            fmt_float(min)
                        )),
                    ),
                    Some(v) if v > max => (
                        Value::Float(max),
                        Some(format!(
                            "{key} {shown} is above {}; using {}",
                            fmt_float(max),
                            fmt_float(max)
                        )),
                    ),
                    Some(v) => (Value::Float(v), None),
                }
            }
            Kind::Choice { options, default } => {
                match options.iter().find(|o| o.eq_ignore_ascii_case(trimmed)) {
                    Some(o) => (Value::Choice(o), None),
                    None => (
                        Value::Choice(default),
                        Some(format!(
                            "{key} \"{shown}\" is not one of {}; using {default}",
                            options.join(", ")
                        )),
                    ),
                }
            }
            Kind::Flag { default } => match trimmed.to_ascii_lowercase().as_str() {
                "1" | "true" | "yes" | "on" => (Value::Flag(true), None),
                "0" | "false" | "no" | "off" => (Value::Flag(false), None),
                _ => (
                    Value::Flag(default),
                    Some(format!(
                        "{key} \"{shown}\" is not 0 or 1; using {}",
                        u8::from(default)
                    )),
                ),
            },
            Kind::Text { default, max_len } => {
                if raw.chars().count() > max_len {
                    (
                        Value::Text(default.to_string()),
                        Some(format!(
                            "{key} is longer than {max_len} characters; using the default"
                        )),
                    )
                } else {
                    (Value::Text(trimmed.to_string()), None)
                }
            }
        }
    }
}

/// Validated values of a set of parameters, in the order of their specs.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Values(Vec<(&'static str, Value)>);

impl Values {
    /// Every parameter at its default.
    pub fn defaults(specs: &[ParamSpec]) -> Self {
        Values(specs.iter().map(|s| (s.key, s.default_value())).collect())
    }

    /// The value of `key`, if the lesson has it.
    pub fn get(&self, key: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| *k == key).map(|(_, v)| v)
    }

    /// A whole-number parameter by its URL key (0 if absent: specs
    /// guarantee presence). For the boundary (URL, messages, tests): a
    /// lesson reads its parameters typed, with [`Values::of`].
    pub fn int(&self, key: &str) -> i64 {
        match self.get(key) {
            Some(Value::Int(v)) => *v,
            Some(Value::Flag(v)) => i64::from(*v),
            _ => 0,
        }
    }

    /// A whole-number parameter as milliseconds.
    pub fn ms(&self, key: &str) -> f64 {
        self.int(key) as f64
    }

    /// A flag parameter.
    pub fn flag(&self, key: &str) -> bool {
        matches!(self.get(key), Some(Value::Flag(true)))
    }

    /// A choice parameter ("" if absent).
    pub fn choice(&self, key: &str) -> &'static str {
        match self.get(key) {
            Some(Value::Choice(v)) => v,
            _ => "",
        }
    }

    /// A text parameter ("" if absent).
    pub fn text(&self, key: &str) -> &str {
        match self.get(key) {
            Some(Value::Text(v)) => v,
            _ => "",
        }
    }

    /// Sets `key` from a raw string, validated by its spec. Returns the
    /// correction, if one was needed; unknown keys are refused with a notice.
    pub fn set(&mut self, specs: &[ParamSpec], key: &str, raw: &str) -> Option<String> {
        let Some(spec) = specs.iter().find(|s| s.key == key) else {
            return Some(format!(
                "\"{}\" is not a parameter of this lesson; ignored",
                shorten(key)
            ));
        };
        let (value, notice) = spec.validate(raw);
        match self.0.iter_mut().find(|(k, _)| *k == spec.key) {
            Some(slot) => slot.1 = value,
            None => self.0.push((spec.key, value)),
        }
        notice
    }

    /// The pairs, in spec order.
    pub fn iter(&self) -> impl Iterator<Item = (&'static str, &Value)> {
        self.0.iter().map(|(k, v)| (*k, v))
    }
}

/// A lesson parameter declared once, typed: its spec (for the controls,
/// the URL and the Python code) and how the lesson's Rust reads it
/// ([`Values::of`]). A lesson names it by a constant, so a misspelt
/// parameter is an unknown name and does not compile.
pub trait Param: Copy {
    /// What a read gives, e.g. `i64` for [`Int`].
    type Out<'a>;
    /// The parameter's spec.
    fn spec(self) -> ParamSpec;
    /// Its value in `values` (the spec's default when absent).
    fn read(self, values: &Values) -> Self::Out<'_>;
}

macro_rules! typed_param {
    ($(#[$doc:meta])* $name:ident) => {
        $(#[$doc])*
        #[derive(Clone, Copy, Debug, PartialEq)]
        pub struct $name(ParamSpec);

        impl $name {
            /// The parameter's spec, for a lesson's `PARAMS`.
            pub const fn spec(&self) -> ParamSpec {
                self.0
            }

            /// The URL key.
            pub const fn key(&self) -> &'static str {
                self.0.key
            }
        }
    };
}

typed_param!(
    /// A whole number, read as `i64`.
    Int
);
typed_param!(
    /// A duration in whole milliseconds, read as `f64` milliseconds.
    Ms
);
typed_param!(
    /// A flag, read as `bool`.
    Flag
);
typed_param!(
    /// One of a few words, read as `&'static str`.
    Choice
);
typed_param!(
    /// Free text, read as `&str`.
    Text
);

impl Int {
    /// A whole number in `min..=max`, shown without a unit.
    pub const fn new(
        key: &'static str,
        label: &'static str,
        help: &'static str,
        min: i64,
        max: i64,
        default: i64,
    ) -> Self {
        Int(ParamSpec::int(key, label, help, min, max, default, ""))
    }

    /// The same number shown with `unit` beside the control, e.g. `%`.
    pub const fn unit(self, unit: &'static str) -> Self {
        let mut spec = self.0;
        if let Kind::Int {
            min, max, default, ..
        } = spec.kind
        {
            spec.kind = Kind::Int {
                min,
                max,
                default,
                unit,
            };
        }
        Int(spec)
    }
}

impl Ms {
    /// A duration in whole milliseconds, `0..=max`.
    pub const fn new(
        key: &'static str,
        label: &'static str,
        help: &'static str,
        max: i64,
        default: i64,
    ) -> Self {
        Ms(ParamSpec::ms(key, label, help, max, default))
    }

    /// A duration in whole milliseconds, `min..=max`.
    pub const fn range(
        key: &'static str,
        label: &'static str,
        help: &'static str,
        min: i64,
        max: i64,
        default: i64,
    ) -> Self {
        Ms(ParamSpec::int(key, label, help, min, max, default, "ms"))
    }
}

impl Flag {
    /// A flag, `0` or `1`.
    pub const fn new(
        key: &'static str,
        label: &'static str,
        help: &'static str,
        default: bool,
    ) -> Self {
        Flag(ParamSpec::flag(key, label, help, default))
    }
}

impl Choice {
    /// One of `options`.
    pub const fn new(
        key: &'static str,
        label: &'static str,
        help: &'static str,
        options: &'static [&'static str],
        default: &'static str,
    ) -> Self {
        Choice(ParamSpec::choice(key, label, help, options, default))
    }
}

impl Text {
    /// Free text of at most `max_len` characters.
    pub const fn new(
        key: &'static str,
        label: &'static str,
        help: &'static str,
        default: &'static str,
        max_len: usize,
    ) -> Self {
        Text(ParamSpec::text(key, label, help, default, max_len))
    }
}

impl Param for Int {
    type Out<'a> = i64;
    fn spec(self) -> ParamSpec {
        self.0
    }
    fn read(self, values: &Values) -> i64 {
        match values.get(self.0.key) {
            Some(Value::Int(v)) => *v,
            _ => match self.0.kind {
                Kind::Int { default, .. } => default,
                _ => 0,
            },
        }
    }
}

impl Param for Ms {
    type Out<'a> = f64;
    fn spec(self) -> ParamSpec {
        self.0
    }
    fn read(self, values: &Values) -> f64 {
        Int(self.0).read(values) as f64
    }
}

impl Param for Flag {
    type Out<'a> = bool;
    fn spec(self) -> ParamSpec {
        self.0
    }
    fn read(self, values: &Values) -> bool {
        match (values.get(self.0.key), self.0.kind) {
            (Some(Value::Flag(v)), _) => *v,
            (_, Kind::Flag { default }) => default,
            _ => false,
        }
    }
}

impl Param for Choice {
    type Out<'a> = &'static str;
    fn spec(self) -> ParamSpec {
        self.0
    }
    fn read(self, values: &Values) -> &'static str {
        match (values.get(self.0.key), self.0.kind) {
            (Some(Value::Choice(v)), _) => v,
            (_, Kind::Choice { default, .. }) => default,
            _ => "",
        }
    }
}

impl Param for Text {
    type Out<'a> = &'a str;
    fn spec(self) -> ParamSpec {
        self.0
    }
    fn read(self, values: &Values) -> &str {
        match (values.get(self.0.key), self.0.kind) {
            (Some(Value::Text(v)), _) => v,
            (_, Kind::Text { default, .. }) => default,
            _ => "",
        }
    }
}

impl Values {
    /// The value of a typed parameter, e.g. `p.of(TASKS)` (an `i64`): how a
    /// lesson reads its parameters.
    ///
    /// ```
    /// use async_playground::core::params::{Int, ParamSpec, Values};
    /// const TASKS: Int = Int::new("tasks", "Tasks", "How many.", 1, 50, 3);
    /// const PARAMS: &[ParamSpec] = &[TASKS.spec()];
    /// let mut p = Values::defaults(PARAMS);
    /// assert_eq!(p.of(TASKS), 3);
    /// p.set(PARAMS, "tasks", "12");
    /// assert_eq!(p.of(TASKS), 12);
    /// ```
    ///
    /// A misspelt parameter is an unknown name, so it does not compile:
    ///
    /// ```compile_fail
    /// use async_playground::core::params::{Int, Values};
    /// const TASKS: Int = Int::new("tasks", "Tasks", "How many.", 1, 50, 3);
    /// let p = Values::default();
    /// let n: i64 = p.of(TAKS); // error[E0425]: cannot find value `TAKS`
    /// ```
    pub fn of<P: Param>(&self, param: P) -> P::Out<'_> {
        param.read(self)
    }
}

pub use super::query::{
    compare_query, parse_query, LessonLookup, PageState, Theme, GLOBAL_SPECS, LANG_SPEC,
    RESERVED_KEYS, T_SPEC,
};
