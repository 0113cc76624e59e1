//! Built-in iterators: over lists, tuples, strings, ranges, dicts and sets,
//! and the lazy ones builtins make (`enumerate`, `zip`, `map`, `filter`,
//! `reversed`, `itertools.count`).

use std::cell::RefCell;
use std::rc::Rc;

use super::value::{Dict, Value};

/// What a dict iterator yields.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum DictPart {
    /// Keys.
    Keys,
    /// Values.
    Values,
    /// (key, value) tuples.
    Items,
}

/// A built-in iterator's state.
#[derive(Debug)]
pub enum Iter {
    /// Over a list (sees changes, as Python's does).
    List(Rc<RefCell<Vec<Value>>>, usize),
    /// Over values held here (tuples, strings' characters, snapshots).
    Seq(Rc<[Value]>, usize),
    /// Over a str's characters.
    Str(Rc<str>, usize),
    /// `range`.
    Range(i64, i64, i64),
    /// Over a dict (or a set's keys), by slot; the starting size detects
    /// changes during iteration.
    Dict(Rc<RefCell<Dict>>, usize, DictPart, usize),
    /// `enumerate(it, start)`.
    Enumerate(Value, i64),
    /// `zip(*its)`.
    Zip(Vec<Value>),
    /// `map(f, *its)`.
    Map(Value, Vec<Value>),
    /// `filter(f, it)`.
    Filter(Value, Value),
    /// `itertools.count(start, step)`.
    Count(i64, i64),
    /// Finished.
    Done,
}
