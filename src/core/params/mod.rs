//! Every lesson parameter's range and default, validated values, and the
//! notices that name each correction. Validation happens here and nowhere
//! else; [`query`](super::query) applies it to a page's URL.
//!
//! In `spec.rs`: a parameter's spec (its kind, range and default) and its
//! validation. In `values.rs`: a validated value and the list of a
//! lesson's values. In `typed.rs`: the typed parameter constants (`Int`,
//! `Ms`, `Flag`, `Choice`, `Text`), the [`Param`] trait and [`Values::of`].
//! The page's URL state ([`query`](super::query)) is re-exported here too.

mod spec;
mod typed;
mod values;

pub(super) use spec::{fmt_float, shorten};
pub use spec::{Kind, ParamSpec};
pub use typed::{Choice, Flag, Int, Ms, Param, Text};
pub use values::{Value, Values};

pub use super::query::{
    compare_query, parse_query, LessonLookup, PageState, Theme, GLOBAL_SPECS, LANG_SPEC,
    RESERVED_KEYS, T_SPEC,
};
