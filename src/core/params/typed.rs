//! Typed lesson parameters: the constants a lesson declares ([`Int`],
//! [`Ms`], [`Flag`], [`Choice`], [`Text`]), the [`Param`] trait that reads
//! each from [`Values`] as its own type, and [`Values::of`].

use super::{Kind, ParamSpec, Value, Values};

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
