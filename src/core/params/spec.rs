//! A parameter's spec: its kind with range and default ([`Kind`]), its
//! URL key, label and help ([`ParamSpec`]), and the validation of a raw
//! value into a [`Value`] with the notice that names each correction.

use super::Value;

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

pub(in crate::core) fn fmt_float(v: f64) -> String {
    let s = format!("{v:.2}");
    let s = s.trim_end_matches('0').trim_end_matches('.');
    s.to_string()
}

pub(in crate::core) fn shorten(raw: &str) -> String {
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
