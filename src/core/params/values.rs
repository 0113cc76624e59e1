//! A validated parameter [`Value`] and [`Values`], the list of a lesson's
//! values in the order of their specs (read by URL key at the boundary;
//! a lesson reads them typed, see `typed.rs`).

use super::spec::{fmt_float, shorten};
use super::ParamSpec;

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
