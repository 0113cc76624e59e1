//! The syntax tree of the Python subset the playground runs.
//!
//! Every node carries its [`Pos`] (line and column of its first token, as
//! CPython's `ast` gives them: line from 1, column from 0, in characters).
//! Expressions also carry [`Expr::simple`]: whether evaluating the node can
//! never suspend or call user code directly (no call, `await`, `yield`,
//! lambda or comprehension inside), so the evaluator can take a fast path.

use std::rc::Rc;

/// A name or identifier, shared.
pub type Name = Rc<str>;

/// Where a node starts: line from 1, column from 0 (in characters).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Pos {
    /// Line, from 1.
    pub line: u32,
    /// Column, from 0, in characters.
    pub col: u32,
}

impl Pos {
    /// A position.
    pub const fn new(line: u32, col: u32) -> Self {
        Pos { line, col }
    }
}

/// A whole program.
#[derive(Clone, Debug, PartialEq)]
pub struct Module {
    /// Its statements.
    pub body: Vec<Stmt>,
}

/// A statement.
#[derive(Clone, Debug, PartialEq)]
pub struct Stmt {
    /// Where it starts.
    pub pos: Pos,
    /// What it is.
    pub kind: StmtKind,
}

/// The statements.
#[derive(Clone, Debug, PartialEq)]
pub enum StmtKind {
    /// An expression on its own (a call, an `await`, a docstring).
    Expr(Expr),
    /// `a = b = value` (targets in source order).
    Assign {
        /// `a`, `b`: names, attributes, subscripts, tuples/lists of them, starred.
        targets: Vec<Expr>,
        /// The value.
        value: Expr,
    },
    /// `target op= value`.
    AugAssign {
        /// A name, attribute or subscript.
        target: Expr,
        /// The operator.
        op: BinOp,
        /// The value.
        value: Expr,
    },
    /// `target: annotation [= value]` (the annotation is parsed, not evaluated).
    AnnAssign {
        /// A name, attribute or subscript.
        target: Expr,
        /// The annotation.
        annotation: Expr,
        /// The value, if any.
        value: Option<Expr>,
    },
    /// `pass`.
    Pass,
    /// `break`.
    Break,
    /// `continue`.
    Continue,
    /// `return [value]`.
    Return(Option<Expr>),
    /// `if test: body elif ...: else: orelse` (an `elif` is an `If` alone in `orelse`).
    If {
        /// The condition.
        test: Expr,
        /// The block.
        body: Vec<Stmt>,
        /// The `else` (or `elif`) block.
        orelse: Vec<Stmt>,
    },
    /// `while test: body else: orelse`.
    While {
        /// The condition.
        test: Expr,
        /// The block.
        body: Vec<Stmt>,
        /// Runs when the loop ends without `break`.
        orelse: Vec<Stmt>,
    },
    /// `[async] for target in iter: body else: orelse`.
    For {
        /// The loop variable(s).
        target: Expr,
        /// What is iterated.
        iter: Expr,
        /// The block.
        body: Vec<Stmt>,
        /// Runs when the loop ends without `break`.
        orelse: Vec<Stmt>,
        /// `async for`.
        is_async: bool,
    },
    /// `[async] with a as x, b: body`.
    With {
        /// The context managers, in order.
        items: Vec<WithItem>,
        /// The block.
        body: Vec<Stmt>,
        /// `async with`.
        is_async: bool,
    },
    /// `try: body except ...: else: orelse finally: finalbody`.
    Try {
        /// The block.
        body: Vec<Stmt>,
        /// The `except` clauses, in order.
        handlers: Vec<Handler>,
        /// Runs when the block raised nothing.
        orelse: Vec<Stmt>,
        /// Always runs.
        finalbody: Vec<Stmt>,
    },
    /// `raise [exc [from cause]]`.
    Raise {
        /// The exception (bare `raise` re-raises).
        exc: Option<Expr>,
        /// The `from` part.
        cause: Option<Expr>,
    },
    /// `def` or `async def`.
    FunctionDef(Rc<FunctionDef>),
    /// `class`.
    ClassDef(Rc<ClassDef>),
    /// `import a.b as c, d`.
    Import(Vec<Alias>),
    /// `from module import a as b, c` (`*` is one alias named `*`).
    ImportFrom {
        /// The dotted module name (empty for `from . import x`).
        module: Name,
        /// What is imported.
        names: Vec<Alias>,
        /// Leading dots.
        level: u32,
    },
    /// `global a, b`.
    Global(Vec<Name>),
    /// `nonlocal a, b`.
    Nonlocal(Vec<Name>),
    /// `del a, b[i]`.
    Delete(Vec<Expr>),
    /// `assert test[, msg]`.
    Assert {
        /// The condition.
        test: Expr,
        /// The message.
        msg: Option<Expr>,
    },
    /// `match subject: case ...` (structural pattern matching, PEP 634).
    Match {
        /// The value matched (`a, b` is a tuple).
        subject: Expr,
        /// The `case` blocks, in order.
        cases: Vec<MatchCase>,
    },
}

/// One `case pattern [if guard]: body` of a `match`.
#[derive(Clone, Debug, PartialEq)]
pub struct MatchCase {
    /// The pattern.
    pub pattern: Pattern,
    /// The `if` guard.
    pub guard: Option<Expr>,
    /// The block.
    pub body: Vec<Stmt>,
}

/// A pattern of a `case` (CPython's `pattern` nodes); each carries where it starts.
#[derive(Clone, Debug, PartialEq)]
pub enum Pattern {
    /// A literal or dotted-name value, compared with `==`
    /// (`1`, `-2.5`, `"s"`, `Color.RED`).
    Value {
        /// Where it starts.
        pos: Pos,
        /// The literal or attribute expression.
        value: Expr,
    },
    /// `None`, `True`, `False`, compared with `is` (`None` is `Singleton(None)`).
    Singleton {
        /// Where it starts.
        pos: Pos,
        /// `None` for `None`, else the bool.
        value: Option<bool>,
    },
    /// A capture `name` (`None`: the wildcard `_`).
    Capture {
        /// Where it starts.
        pos: Pos,
        /// The name bound, `None` for `_`.
        name: Option<Name>,
    },
    /// `pattern as name`.
    As {
        /// Where it starts.
        pos: Pos,
        /// The pattern.
        pattern: Box<Pattern>,
        /// The name bound to the subject.
        name: Name,
    },
    /// `p1 | p2 | ...`.
    Or {
        /// Where it starts.
        pos: Pos,
        /// The alternatives, two or more.
        patterns: Vec<Pattern>,
    },
    /// `[a, *rest]` or `(a, b)` (or a bare `a, b`).
    Sequence {
        /// Where it starts.
        pos: Pos,
        /// The items (at most one [`Pattern::Star`]).
        patterns: Vec<Pattern>,
    },
    /// `*name` (or `*_`: `None`) inside a sequence pattern.
    Star {
        /// Where it starts.
        pos: Pos,
        /// The name bound to the list of the rest, `None` for `*_`.
        name: Option<Name>,
    },
    /// `{key: pattern, **rest}`.
    Mapping {
        /// Where it starts.
        pos: Pos,
        /// The keys (literals or dotted names).
        keys: Vec<Expr>,
        /// The value patterns, one per key.
        patterns: Vec<Pattern>,
        /// `**rest`.
        rest: Option<Name>,
    },
    /// `Cls(p, attr=p)`.
    Class {
        /// Where it starts.
        pos: Pos,
        /// The class (a name or dotted name).
        cls: Expr,
        /// Positional sub-patterns (matched through `__match_args__`).
        patterns: Vec<Pattern>,
        /// Keyword attribute names.
        kwd_attrs: Vec<Name>,
        /// Keyword sub-patterns, one per attribute.
        kwd_patterns: Vec<Pattern>,
    },
}

impl Pattern {
    /// Where the pattern starts.
    pub fn pos(&self) -> Pos {
        match self {
            Pattern::Value { pos, .. }
            | Pattern::Singleton { pos, .. }
            | Pattern::Capture { pos, .. }
            | Pattern::As { pos, .. }
            | Pattern::Or { pos, .. }
            | Pattern::Sequence { pos, .. }
            | Pattern::Star { pos, .. }
            | Pattern::Mapping { pos, .. }
            | Pattern::Class { pos, .. } => *pos,
        }
    }
}

/// One `except` clause.
#[derive(Clone, Debug, PartialEq)]
pub struct Handler {
    /// Where `except` is.
    pub pos: Pos,
    /// The type (or tuple of types); `None` for a bare `except:`.
    pub typ: Option<Expr>,
    /// `as name`.
    pub name: Option<Name>,
    /// The block.
    pub body: Vec<Stmt>,
    /// `except*`: matches the parts of an exception group.
    pub star: bool,
}

/// One item of a `with`.
#[derive(Clone, Debug, PartialEq)]
pub struct WithItem {
    /// The context manager.
    pub context: Expr,
    /// `as target`.
    pub var: Option<Expr>,
}

/// `name as asname` in an import.
#[derive(Clone, Debug, PartialEq)]
pub struct Alias {
    /// The (dotted) name.
    pub name: Name,
    /// `as` name.
    pub asname: Option<Name>,
}

/// A function: `def`, `async def` or `lambda`.
#[derive(Clone, Debug, PartialEq)]
pub struct FunctionDef {
    /// Where `def` (or `async`, or `lambda`) is; for a decorated function,
    /// the `def` line, as CPython 3.8+ reports it.
    pub pos: Pos,
    /// Its name (`<lambda>` for a lambda).
    pub name: Name,
    /// Its parameters.
    pub params: Params,
    /// Its body (a lambda's is one `Return`).
    pub body: Vec<Stmt>,
    /// `async def`.
    pub is_async: bool,
    /// Whether its own body (not nested functions or classes) contains
    /// `yield` or `yield from`: calling it makes a generator (or an async
    /// generator when `is_async`).
    pub is_generator: bool,
    /// Decorators, outermost first.
    pub decorators: Vec<Expr>,
    /// The return annotation (parsed, not evaluated).
    pub returns: Option<Expr>,
}

/// A function's parameters.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Params {
    /// Before `/`.
    pub posonly: Vec<Param>,
    /// Ordinary parameters.
    pub args: Vec<Param>,
    /// `*args`.
    pub vararg: Option<Param>,
    /// After `*` or `*args`.
    pub kwonly: Vec<Param>,
    /// `**kwargs`.
    pub kwarg: Option<Param>,
}

/// One parameter.
#[derive(Clone, Debug, PartialEq)]
pub struct Param {
    /// Its name.
    pub name: Name,
    /// Its default value.
    pub default: Option<Expr>,
    /// Its annotation (parsed, not evaluated).
    pub annotation: Option<Expr>,
}

/// A class.
#[derive(Clone, Debug, PartialEq)]
pub struct ClassDef {
    /// Where `class` is.
    pub pos: Pos,
    /// Its name.
    pub name: Name,
    /// Base classes.
    pub bases: Vec<Expr>,
    /// `metaclass=...` and other keywords.
    pub keywords: Vec<(Name, Expr)>,
    /// The body.
    pub body: Vec<Stmt>,
    /// Decorators, outermost first.
    pub decorators: Vec<Expr>,
}

/// An expression.
#[derive(Clone, Debug, PartialEq)]
pub struct Expr {
    /// Where it starts.
    pub pos: Pos,
    /// Whether it contains no call, `await`, `yield`, lambda, comprehension
    /// or walrus anywhere inside (see [`Expr::new`]).
    pub simple: bool,
    /// What it is.
    pub kind: ExprKind,
}

/// The expressions.
#[derive(Clone, Debug, PartialEq)]
pub enum ExprKind {
    /// A name.
    Name(Name),
    /// An int literal that fits in 64 bits.
    Int(i64),
    /// An int literal beyond 64 bits.
    BigInt(Rc<super::bigint::BigInt>),
    /// A float literal (`1.5`, `1e3`, `2.`).
    Float(f64),
    /// An imaginary literal (`3j`, `1.5J`): its imaginary part.
    Imag(f64),
    /// A string literal, adjacent literals already joined, escapes decoded.
    Str(Name),
    /// A bytes literal.
    Bytes(Rc<[u8]>),
    /// `True` / `False`.
    Bool(bool),
    /// `None`.
    NoneLit,
    /// `...`.
    Ellipsis,
    /// An f-string (adjacent plain and f-string literals joined into one).
    FString(Vec<FPart>),
    /// `[a, b]`.
    List(Vec<Expr>),
    /// `(a, b)` or `a, b`.
    Tuple(Vec<Expr>),
    /// `{a, b}`.
    Set(Vec<Expr>),
    /// `{k: v, **other}`: a `None` key is a `**` spread of the value.
    Dict(Vec<(Option<Expr>, Expr)>),
    /// `*x` in a call, a display or an assignment target.
    Starred(Box<Expr>),
    /// `value.attr`.
    Attribute(Box<Expr>, Name),
    /// `value[index]` (a slice index is a [`ExprKind::Slice`]; `a[1, 2]` a tuple).
    Subscript(Box<Expr>, Box<Expr>),
    /// `lower:upper:step` inside a subscript.
    Slice(Option<Box<Expr>>, Option<Box<Expr>>, Option<Box<Expr>>),
    /// `func(args)`.
    Call(Box<Expr>, Vec<Arg>),
    /// `left op right`.
    BinOp(Box<Expr>, BinOp, Box<Expr>),
    /// `op operand`.
    UnaryOp(UnaryOp, Box<Expr>),
    /// `a and b and c` / `a or b`.
    BoolOp(BoolOp, Vec<Expr>),
    /// `a < b <= c`: the first operand and each (operator, operand).
    Compare(Box<Expr>, Vec<(CmpOp, Expr)>),
    /// `body if test else orelse`.
    IfExp {
        /// The condition.
        test: Box<Expr>,
        /// Its value when true.
        body: Box<Expr>,
        /// Its value when false.
        orelse: Box<Expr>,
    },
    /// `lambda params: body`.
    Lambda(Rc<FunctionDef>),
    /// `await value`.
    Await(Box<Expr>),
    /// `yield [value]`.
    Yield(Option<Box<Expr>>),
    /// `yield from value`.
    YieldFrom(Box<Expr>),
    /// `[elt for ...]`.
    ListComp(Box<Expr>, Vec<Comprehension>),
    /// `{elt for ...}`.
    SetComp(Box<Expr>, Vec<Comprehension>),
    /// `{key: value for ...}`.
    DictComp(Box<Expr>, Box<Expr>, Vec<Comprehension>),
    /// `(elt for ...)`.
    GeneratorExp(Box<Expr>, Vec<Comprehension>),
    /// `name := value`.
    NamedExpr(Name, Box<Expr>),
}

/// A part of an f-string.
#[derive(Clone, Debug, PartialEq)]
pub enum FPart {
    /// Literal text (`{{` already decoded to `{`).
    Lit(Name),
    /// `{expr!conv:spec}`.
    Field {
        /// The expression.
        expr: Box<Expr>,
        /// `!r`, `!s`, `!a`.
        conversion: Option<char>,
        /// The format spec, itself possibly holding fields (`{x:{width}}`).
        spec: Option<Vec<FPart>>,
        /// For `{x=}`: the text `x=` (with its spaces) printed before the
        /// value; the conversion is then `r` unless a spec or conversion is given.
        debug: Option<Name>,
    },
}

/// An argument of a call.
#[derive(Clone, Debug, PartialEq)]
pub enum Arg {
    /// `value`.
    Pos(Expr),
    /// `*value`.
    Star(Expr),
    /// `name=value`.
    Kw(Name, Expr),
    /// `**value`.
    StarStar(Expr),
}

/// `[async] for target in iter if cond` inside a comprehension.
#[derive(Clone, Debug, PartialEq)]
pub struct Comprehension {
    /// The loop variable(s).
    pub target: Expr,
    /// What is iterated.
    pub iter: Expr,
    /// The `if` filters.
    pub ifs: Vec<Expr>,
    /// `async for`.
    pub is_async: bool,
}

/// Binary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BinOp {
    /// `+`
    Add,
    /// `-`
    Sub,
    /// `*`
    Mult,
    /// `@`
    MatMult,
    /// `/`
    Div,
    /// `%`
    Mod,
    /// `**`
    Pow,
    /// `<<`
    LShift,
    /// `>>`
    RShift,
    /// `|`
    BitOr,
    /// `^`
    BitXor,
    /// `&`
    BitAnd,
    /// `//`
    FloorDiv,
}

impl BinOp {
    /// The operator as written: `+`, `//`, ...
    pub fn symbol(self) -> &'static str {
        match self {
            BinOp::Add => "+",
            BinOp::Sub => "-",
            BinOp::Mult => "*",
            BinOp::MatMult => "@",
            BinOp::Div => "/",
            BinOp::Mod => "%",
            BinOp::Pow => "**",
            BinOp::LShift => "<<",
            BinOp::RShift => ">>",
            BinOp::BitOr => "|",
            BinOp::BitXor => "^",
            BinOp::BitAnd => "&",
            BinOp::FloorDiv => "//",
        }
    }
}

/// Unary operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnaryOp {
    /// `not`
    Not,
    /// `-`
    Neg,
    /// `+`
    Pos,
    /// `~`
    Invert,
}

/// `and` / `or`.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum BoolOp {
    /// `and`
    And,
    /// `or`
    Or,
}

/// Comparison operators.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum CmpOp {
    /// `==`
    Eq,
    /// `!=`
    NotEq,
    /// `<`
    Lt,
    /// `<=`
    LtE,
    /// `>`
    Gt,
    /// `>=`
    GtE,
    /// `is`
    Is,
    /// `is not`
    IsNot,
    /// `in`
    In,
    /// `not in`
    NotIn,
}

impl CmpOp {
    /// The operator as written.
    pub fn symbol(self) -> &'static str {
        match self {
            CmpOp::Eq => "==",
            CmpOp::NotEq => "!=",
            CmpOp::Lt => "<",
            CmpOp::LtE => "<=",
            CmpOp::Gt => ">",
            CmpOp::GtE => ">=",
            CmpOp::Is => "is",
            CmpOp::IsNot => "is not",
            CmpOp::In => "in",
            CmpOp::NotIn => "not in",
        }
    }
}

impl Expr {
    /// A node at `pos`; computes [`Expr::simple`] from its children.
    pub fn new(pos: Pos, kind: ExprKind) -> Expr {
        let simple = kind_is_simple(&kind);
        Expr { pos, simple, kind }
    }
}

fn all_simple<'a>(mut it: impl Iterator<Item = &'a Expr>) -> bool {
    it.all(|e| e.simple)
}

fn opt_simple(e: &Option<Box<Expr>>) -> bool {
    e.as_ref().is_none_or(|e| e.simple)
}

fn parts_simple(parts: &[FPart]) -> bool {
    parts.iter().all(|p| match p {
        FPart::Lit(_) => true,
        FPart::Field { expr, spec, .. } => {
            expr.simple && spec.as_ref().is_none_or(|s| parts_simple(s))
        }
    })
}

fn kind_is_simple(kind: &ExprKind) -> bool {
    use ExprKind::*;
    match kind {
        Name(_) | Int(_) | BigInt(_) | Float(_) | Imag(_) | Str(_) | Bytes(_) | Bool(_)
        | NoneLit | Ellipsis => true,
        FString(parts) => parts_simple(parts),
        List(v) | Tuple(v) | Set(v) => all_simple(v.iter()),
        Dict(items) => items
            .iter()
            .all(|(k, v)| k.as_ref().is_none_or(|k| k.simple) && v.simple),
        Starred(e) | Attribute(e, _) | UnaryOp(_, e) => e.simple,
        Subscript(a, b) => a.simple && b.simple,
        Slice(a, b, c) => opt_simple(a) && opt_simple(b) && opt_simple(c),
        BinOp(a, _, b) => a.simple && b.simple,
        BoolOp(_, v) => all_simple(v.iter()),
        Compare(a, rest) => a.simple && rest.iter().all(|(_, e)| e.simple),
        IfExp { test, body, orelse } => test.simple && body.simple && orelse.simple,
        Call(..) | Lambda(_) | Await(_) | Yield(_) | YieldFrom(_) | ListComp(..) | SetComp(..)
        | DictComp(..) | GeneratorExp(..) | NamedExpr(..) => false,
    }
}
