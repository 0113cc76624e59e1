//! Python values: the object model the evaluator works on.
//!
//! Small values (None, bool, int, float) are inline; everything else is
//! reference-counted and shared, as Python objects are. Mutability goes
//! through `RefCell`; the interpreter is single-threaded.

use std::cell::{Cell, RefCell};
use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hash, Hasher};
use std::rc::Rc;

use super::ast::{ClassDef, FunctionDef, Name};
use super::bigint::BigInt;
use super::builtins::Builtin;
use super::coro::Coro;
use super::exc::ExcData;
use super::future::Fut;
use super::iter::Iter;

/// A fast hasher for names and small keys: a word at a time, multiply and
/// add (the FxHash scheme; the final rotate brings the product's well-mixed
/// high bits down to the bucket index). Names are hashed on every variable
/// and attribute lookup, so this is on the interpreter's hot path.
#[derive(Default, Clone, Copy)]
pub struct FastHasher(u64);

impl FastHasher {
    const K: u64 = 0xf135_7aea_2e62_a9c5;

    #[inline(always)]
    fn add(&mut self, word: u64) {
        self.0 = self.0.wrapping_add(word).wrapping_mul(Self::K);
    }
}

impl Hasher for FastHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0.rotate_left(26)
    }
    #[inline(always)]
    fn write(&mut self, bytes: &[u8]) {
        // Whole words, then the tail as at most one 4-, 2- and 1-byte
        // load: no memcpy calls and no loop over bytes (the release build
        // optimizes for size), as names are hashed on every lookup.
        let len = bytes.len() as u64;
        let mut rest = bytes;
        while let Some((word, tail)) = rest.split_first_chunk::<8>() {
            self.add(u64::from_le_bytes(*word));
            rest = tail;
        }
        if !rest.is_empty() {
            let (mut w, mut shift) = (0u64, 0u32);
            if let Some((h, t)) = rest.split_first_chunk::<4>() {
                w = u64::from(u32::from_le_bytes(*h));
                shift = 32;
                rest = t;
            }
            if let Some((h, t)) = rest.split_first_chunk::<2>() {
                w |= u64::from(u16::from_le_bytes(*h)) << shift;
                shift += 16;
                rest = t;
            }
            if let Some(b) = rest.first() {
                w |= u64::from(*b) << shift;
            }
            // The length keeps "a" and "a\0" apart.
            self.add(w ^ (len << 59));
        }
    }
    #[inline(always)]
    fn write_u8(&mut self, n: u8) {
        self.add(u64::from(n));
    }
    #[inline]
    fn write_u32(&mut self, n: u32) {
        self.add(u64::from(n));
    }
    #[inline]
    fn write_u64(&mut self, n: u64) {
        self.add(n);
    }
    #[inline]
    fn write_usize(&mut self, n: usize) {
        self.add(n as u64);
    }
}

/// A map with the fast hasher.
pub type FastMap<K, V> = HashMap<K, V, BuildHasherDefault<FastHasher>>;

/// A Python value.
#[derive(Clone, Debug)]
pub enum Value {
    /// `None`.
    None,
    /// `True` / `False`.
    Bool(bool),
    /// An int that fits in 64 bits.
    Int(i64),
    /// An int that does not fit in 64 bits (never one that does: see
    /// [`Value::from_big`]).
    BigInt(Rc<BigInt>),
    /// A float.
    Float(f64),
    /// A complex number: real and imaginary parts.
    Complex(f64, f64),
    /// A str.
    Str(Rc<str>),
    /// A bytes object.
    Bytes(Rc<[u8]>),
    /// A list.
    List(Rc<RefCell<Vec<Value>>>),
    /// A tuple.
    Tuple(Rc<[Value]>),
    /// A dict.
    Dict(Rc<RefCell<Dict>>),
    /// A set (a dict whose values are unused).
    Set(Rc<RefCell<Dict>>),
    /// A frozenset.
    FrozenSet(Rc<Dict>),
    /// `range(start, stop, step)`.
    Range(Rc<(i64, i64, i64)>),
    /// `slice(start, stop, step)`.
    Slice(Rc<(Value, Value, Value)>),
    /// A user function (`def`, `async def`, lambda).
    Func(Rc<Function>),
    /// A function or type implemented in Rust.
    Builtin(Builtin),
    /// A bound method: the object and the function.
    Method(Rc<(Value, Value)>),
    /// A class (user or built in).
    Class(Rc<Class>),
    /// An instance of a user class (exceptions included).
    Instance(Rc<Instance>),
    /// A module.
    Module(Rc<ModuleObj>),
    /// A coroutine, generator or async generator object.
    Coro(Rc<Coro>),
    /// An asyncio Future or Task.
    Fut(Rc<Fut>),
    /// A built-in iterator (over a list, range, dict, zip, ...).
    Iter(Rc<RefCell<Iter>>),
    /// A timer or callback handle (`loop.call_later` returns one).
    Handle(Rc<Handle>),
    /// `property(fget, fset)`.
    Property(Rc<(Value, Value)>),
    /// `staticmethod(f)`.
    StaticMethod(Rc<Value>),
    /// `classmethod(f)`.
    ClassMethod(Rc<Value>),
    /// `super()` bound to a class and an object.
    Super(Rc<(Rc<Class>, Value)>),
    /// An object made by a Rust module (an HTTP session, a response...).
    Native(Rc<Native>),
}

/// A callback handle: `cancel()` stops it from running.
#[derive(Debug, Default)]
pub struct Handle {
    /// Whether it was cancelled.
    pub cancelled: Cell<bool>,
    /// When it is due (ms of scenario time), for timer handles.
    pub when: Cell<f64>,
}

/// Objects of emulated modules, with their own state.
#[derive(Debug)]
pub struct Native {
    /// The class name shown by `type()` and `repr`.
    pub type_name: &'static str,
    /// Attributes.
    pub attrs: RefCell<FastMap<Name, Value>>,
}

/// A user function with what it closes over.
#[derive(Debug)]
pub struct Function {
    /// Its definition.
    pub def: Rc<FunctionDef>,
    /// `module.Class.name`-style qualified name.
    pub qualname: Rc<str>,
    /// Evaluated defaults of the positional parameters (aligned to the end).
    pub defaults: Vec<Value>,
    /// Evaluated defaults of keyword-only parameters.
    pub kwdefaults: Vec<(Name, Value)>,
    /// The enclosing function's scope, if defined inside a function.
    pub closure: Option<Rc<Scope>>,
    /// The globals of the module that defined it.
    pub globals: Rc<Scope>,
    /// Which names are local, global, nonlocal.
    pub info: Rc<ScopeInfo>,
    /// Attributes set on the function (`f.x = 1`, `__name__` reads).
    pub attrs: RefCell<FastMap<Name, Value>>,
    /// The class whose body defined it (for `super()`).
    pub owner: RefCell<Option<std::rc::Weak<Class>>>,
    /// Whether the playground's own asyncio code defined it (no lanes).
    pub internal: bool,
}

/// Which names of a function body are local, declared global or nonlocal.
#[derive(Debug, Default)]
pub struct ScopeInfo {
    /// Names bound in the body (assignment, def, import, for, with, except).
    pub locals: FastMap<Name, ()>,
    /// `global` names.
    pub globals: FastMap<Name, ()>,
    /// `nonlocal` names.
    pub nonlocals: FastMap<Name, ()>,
}

/// Variables of one scope (a call's locals, a module's globals, a class
/// body's namespace).
#[derive(Debug, Default)]
pub struct Scope {
    /// The variables.
    pub vars: RefCell<FastMap<Name, Value>>,
    /// The enclosing function scope (for closures).
    pub parent: Option<Rc<Scope>>,
}

impl Scope {
    /// An empty scope inside `parent`.
    pub fn new(parent: Option<Rc<Scope>>) -> Rc<Scope> {
        Rc::new(Scope {
            vars: RefCell::new(FastMap::default()),
            parent,
        })
    }

    /// The variable, if set here.
    pub fn get(&self, name: &str) -> Option<Value> {
        self.vars.borrow().get(name).cloned()
    }

    /// Sets a variable here.
    pub fn set(&self, name: Name, v: Value) {
        let old = self.vars.borrow_mut().insert(name, v);
        if let Some(old) = old {
            drop_deep(old);
        }
    }
}

/// A class.
#[derive(Debug)]
pub struct Class {
    /// Its name.
    pub name: Rc<str>,
    /// Its qualified name.
    pub qualname: Rc<str>,
    /// Direct bases.
    pub bases: Vec<Rc<Class>>,
    /// Method resolution order, itself first.
    pub mro: RefCell<Vec<Rc<Class>>>,
    /// Class attributes and methods.
    pub dict: RefCell<FastMap<Name, Value>>,
    /// For the built-in types: which one.
    pub builtin: Option<Builtin>,
    /// Whether instances are exceptions.
    pub is_exception: bool,
    /// The definition, for user classes.
    pub def: Option<Rc<ClassDef>>,
    /// The module the class was defined in (`builtins`, `asyncio`, `__main__`).
    pub module: Rc<str>,
}

impl Class {
    /// Whether `self` is `other` or derives from it.
    pub fn is_subclass(&self, other: &Rc<Class>) -> bool {
        self.mro.borrow().iter().any(|c| Rc::ptr_eq(c, other))
    }

    /// Looks an attribute up along the MRO.
    pub fn lookup(&self, name: &str) -> Option<Value> {
        for c in self.mro.borrow().iter() {
            if let Some(v) = c.dict.borrow().get(name) {
                return Some(v.clone());
            }
        }
        None
    }
}

/// An object's attributes, in the order they were first set (as a Python
/// `__dict__` keeps them). Objects have few attributes: a short vector
/// searched in order beats hashing.
#[derive(Debug, Default, Clone)]
pub struct AttrMap(Vec<(Name, Value)>);

impl AttrMap {
    /// The attribute `name`.
    pub fn get(&self, name: &str) -> Option<&Value> {
        self.0.iter().find(|(k, _)| &**k == name).map(|(_, v)| v)
    }

    /// Whether `name` is set.
    pub fn contains_key(&self, name: &str) -> bool {
        self.get(name).is_some()
    }

    /// Sets `name`, keeping its place if it was set before.
    pub fn insert(&mut self, name: Name, v: Value) {
        match self.0.iter_mut().find(|(k, _)| *k == name) {
            Some(slot) => slot.1 = v,
            None => self.0.push((name, v)),
        }
    }

    /// Removes `name`.
    pub fn remove(&mut self, name: &str) -> Option<Value> {
        let p = self.0.iter().position(|(k, _)| &**k == name)?;
        Some(self.0.remove(p).1)
    }

    /// (name, value) in order.
    pub fn iter(&self) -> impl Iterator<Item = (&Name, &Value)> {
        self.0.iter().map(|(k, v)| (k, v))
    }

    /// Names in order.
    pub fn keys(&self) -> impl Iterator<Item = &Name> {
        self.0.iter().map(|(k, _)| k)
    }
}

/// An instance of a user class.
#[derive(Debug)]
pub struct Instance {
    /// Its class.
    pub class: Rc<Class>,
    /// Its attributes.
    pub dict: RefCell<AttrMap>,
    /// Exception state, for instances of exception classes.
    pub exc: Option<RefCell<ExcData>>,
}

/// A module object.
#[derive(Debug)]
pub struct ModuleObj {
    /// Its name.
    pub name: Rc<str>,
    /// Its attributes.
    pub dict: RefCell<FastMap<Name, Value>>,
}

/// A hashable key of a dict or set: values that compare equal hash the
/// same (`1`, `1.0` and `True` are one key).
#[derive(Clone, Debug)]
pub enum HashKey {
    /// None.
    None,
    /// An int, a bool, or a float with an integral value.
    Int(i64),
    /// An int beyond i64 (or an integral float that large).
    BigInt(Rc<BigInt>),
    /// A float that is not integral (by bits; NaN by identity is not kept).
    Float(u64),
    /// A complex with a nonzero imaginary part: the bits of both parts
    /// (zeros unsigned); one with a zero imaginary part keys as its real part.
    Complex(u64, u64),
    /// A str.
    Str(Rc<str>),
    /// bytes.
    Bytes(Rc<[u8]>),
    /// A tuple of keys.
    Tuple(Rc<[HashKey]>),
    /// An object hashed by identity (functions, classes, instances...).
    Id(usize),
}

impl PartialEq for HashKey {
    fn eq(&self, other: &Self) -> bool {
        use HashKey::*;
        match (self, other) {
            (None, None) => true,
            (Int(a), Int(b)) => a == b,
            (HashKey::BigInt(a), HashKey::BigInt(b)) => a == b,
            (Float(a), Float(b)) => a == b,
            (Complex(a, b), Complex(c, d)) => a == c && b == d,
            (Str(a), Str(b)) => a == b,
            (Bytes(a), Bytes(b)) => a == b,
            (Tuple(a), Tuple(b)) => a == b,
            (Id(a), Id(b)) => a == b,
            _ => false,
        }
    }
}
impl Eq for HashKey {}

impl Hash for HashKey {
    fn hash<H: Hasher>(&self, state: &mut H) {
        match self {
            HashKey::None => 0u8.hash(state),
            HashKey::Int(i) => i.hash(state),
            HashKey::BigInt(b) => b.hash(state),
            HashKey::Float(b) => b.hash(state),
            HashKey::Complex(a, b) => (a, b).hash(state),
            HashKey::Str(s) => s.hash(state),
            HashKey::Bytes(b) => b.hash(state),
            HashKey::Tuple(t) => t.hash(state),
            HashKey::Id(p) => p.hash(state),
        }
    }
}

/// An insertion-ordered dict.
#[derive(Clone, Debug, Default)]
pub struct Dict {
    entries: Vec<Option<(HashKey, Value, Value)>>,
    index: FastMap<HashKey, usize>,
    live: usize,
}

impl Dict {
    /// An empty dict.
    pub fn new() -> Self {
        Dict::default()
    }

    /// Its keys and values, by value (see [`drop_deep`]).
    pub fn into_values(self) -> impl Iterator<Item = Value> {
        self.entries
            .into_iter()
            .flatten()
            .flat_map(|(_, k, v)| [k, v])
    }

    /// Number of items.
    pub fn len(&self) -> usize {
        self.live
    }

    /// Whether it is empty.
    pub fn is_empty(&self) -> bool {
        self.live == 0
    }

    /// The value for `key`.
    pub fn get(&self, key: &HashKey) -> Option<&Value> {
        let i = *self.index.get(key)?;
        self.entries.get(i)?.as_ref().map(|(_, _, v)| v)
    }

    /// Whether `key` is in.
    pub fn contains(&self, key: &HashKey) -> bool {
        self.index.contains_key(key)
    }

    /// Sets `key` (shown as `kv`) to `v`; an existing key keeps its place.
    pub fn insert(&mut self, key: HashKey, kv: Value, v: Value) {
        if let Some(&i) = self.index.get(&key) {
            if let Some(Some(e)) = self.entries.get_mut(i) {
                e.2 = v;
                return;
            }
        }
        self.index.insert(key.clone(), self.entries.len());
        self.entries.push(Some((key, kv, v)));
        self.live += 1;
    }

    /// Removes `key`, giving back its key object and value.
    pub fn remove(&mut self, key: &HashKey) -> Option<(Value, Value)> {
        let i = self.index.remove(key)?;
        let e = self.entries.get_mut(i)?.take()?;
        self.live -= 1;
        if self.entries.len() > 32 && self.live * 2 < self.entries.len() {
            self.compact();
        }
        Some((e.1, e.2))
    }

    fn compact(&mut self) {
        let entries: Vec<_> = self.entries.drain(..).flatten().collect();
        self.index.clear();
        for (i, e) in entries.iter().enumerate() {
            self.index.insert(e.0.clone(), i);
        }
        self.entries = entries.into_iter().map(Some).collect();
    }

    /// Removes everything.
    pub fn clear(&mut self) {
        self.entries.clear();
        self.index.clear();
        self.live = 0;
    }

    /// (key, value) pairs in insertion order.
    pub fn items(&self) -> impl Iterator<Item = (&Value, &Value)> {
        self.entries.iter().flatten().map(|(_, k, v)| (k, v))
    }

    /// Keys in insertion order.
    pub fn keys(&self) -> impl Iterator<Item = &Value> {
        self.entries.iter().flatten().map(|(_, k, _)| k)
    }

    /// Hash keys in insertion order.
    pub fn hash_keys(&self) -> impl Iterator<Item = &HashKey> {
        self.entries.iter().flatten().map(|(h, _, _)| h)
    }

    /// The `n`-th live entry (for iteration by position).
    pub fn nth_slot(&self, slot: usize) -> Option<(usize, &Value, &Value)> {
        let mut s = slot;
        while s < self.entries.len() {
            if let Some((_, k, v)) = &self.entries[s] {
                return Some((s + 1, k, v));
            }
            s += 1;
        }
        None
    }

    /// Removes and returns the last item.
    pub fn pop_last(&mut self) -> Option<(Value, Value)> {
        while let Some(e) = self.entries.pop() {
            if let Some((h, k, v)) = e {
                self.index.remove(&h);
                self.live -= 1;
                return Some((k, v));
            }
        }
        None
    }

    /// Number of slots (for detecting changes during iteration).
    pub fn slots(&self) -> usize {
        self.entries.len()
    }
}

impl Value {
    /// A str value.
    pub fn str(s: &str) -> Value {
        Value::Str(Rc::from(s))
    }

    /// A list value.
    pub fn list(v: Vec<Value>) -> Value {
        Value::List(Rc::new(RefCell::new(v)))
    }

    /// A tuple value.
    pub fn tuple(v: Vec<Value>) -> Value {
        Value::Tuple(Rc::from(v))
    }

    /// An int: `Value::Int` when it fits in i64, else `Value::BigInt`.
    pub fn from_big(b: BigInt) -> Value {
        match b.to_i64() {
            Some(i) => Value::Int(i),
            None => Value::BigInt(Rc::new(b)),
        }
    }

    /// A dict value.
    pub fn dict(d: Dict) -> Value {
        Value::Dict(Rc::new(RefCell::new(d)))
    }

    /// Identity of a heap value (for `is`, `id()` and identity hashing);
    /// small values have none.
    pub fn ptr(&self) -> Option<usize> {
        Some(match self {
            Value::Str(s) => Rc::as_ptr(s) as *const u8 as usize,
            Value::Bytes(b) => Rc::as_ptr(b) as *const u8 as usize,
            Value::List(r) => Rc::as_ptr(r) as usize,
            Value::Tuple(t) => Rc::as_ptr(t) as *const u8 as usize,
            Value::Dict(r) | Value::Set(r) => Rc::as_ptr(r) as usize,
            Value::FrozenSet(r) => Rc::as_ptr(r) as usize,
            Value::Range(r) => Rc::as_ptr(r) as usize,
            Value::Slice(r) => Rc::as_ptr(r) as usize,
            Value::Func(r) => Rc::as_ptr(r) as usize,
            Value::Method(r) => Rc::as_ptr(r) as usize,
            Value::Class(r) => Rc::as_ptr(r) as usize,
            Value::Instance(r) => Rc::as_ptr(r) as usize,
            Value::Module(r) => Rc::as_ptr(r) as usize,
            Value::Coro(r) => Rc::as_ptr(r) as usize,
            Value::Fut(r) => Rc::as_ptr(r) as usize,
            Value::Iter(r) => Rc::as_ptr(r) as usize,
            Value::Handle(r) => Rc::as_ptr(r) as usize,
            Value::Property(r) => Rc::as_ptr(r) as usize,
            Value::StaticMethod(r) | Value::ClassMethod(r) => Rc::as_ptr(r) as usize,
            Value::Super(r) => Rc::as_ptr(r) as usize,
            Value::Native(r) => Rc::as_ptr(r) as usize,
            Value::BigInt(r) => Rc::as_ptr(r) as usize,
            Value::None
            | Value::Bool(_)
            | Value::Int(_)
            | Value::Float(_)
            | Value::Complex(..)
            | Value::Builtin(_) => return None,
        })
    }

    /// `a is b`.
    pub fn is(&self, other: &Value) -> bool {
        match (self, other) {
            (Value::None, Value::None) => true,
            (Value::Bool(a), Value::Bool(b)) => a == b,
            (Value::Int(a), Value::Int(b)) => a == b && (-5..=256).contains(a),
            (Value::Builtin(a), Value::Builtin(b)) => a == b,
            _ => match (self.ptr(), other.ptr()) {
                (Some(a), Some(b)) => a == b,
                _ => false,
            },
        }
    }

    /// Whether this is `None`.
    pub fn is_none(&self) -> bool {
        matches!(self, Value::None)
    }

    /// The exception state, if this is an exception instance.
    pub fn exc_data(&self) -> Option<&RefCell<ExcData>> {
        match self {
            Value::Instance(i) => i.exc.as_ref(),
            _ => None,
        }
    }

    /// The user-class instance, if this is one.
    pub fn as_instance(&self) -> Option<&Rc<Instance>> {
        match self {
            Value::Instance(i) => Some(i),
            _ => None,
        }
    }
}

/// Drops `v` without recursing: a list nested 100,000 deep dropped the
/// plain way recurses once a level and overruns the browser's stack, so
/// the containers only `v` holds are taken apart one by one (CPython's
/// "trashcan" does the same for its deallocations).
pub fn drop_deep(v: Value) {
    if !matches!(
        v,
        Value::List(_) | Value::Tuple(_) | Value::Dict(_) | Value::Set(_)
    ) {
        return;
    }
    let mut stack = vec![v];
    while let Some(v) = stack.pop() {
        match v {
            Value::List(l) => {
                if let Ok(cell) = Rc::try_unwrap(l) {
                    stack.extend(cell.into_inner());
                }
            }
            Value::Tuple(mut t) => {
                if let Some(items) = Rc::get_mut(&mut t) {
                    stack.extend(items.iter_mut().map(|x| std::mem::replace(x, Value::None)));
                }
            }
            Value::Dict(d) | Value::Set(d) => {
                if let Ok(cell) = Rc::try_unwrap(d) {
                    stack.extend(cell.into_inner().into_values());
                }
            }
            other => drop(other),
        }
    }
}
