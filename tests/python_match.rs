//! `match` statements (PEP 634) run by the playground's interpreter, each
//! program's printed lines compared with the machine's CPython 3.11 at
//! test time (a missing `python3` fails the test).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use common::cpython::{cpython, playground, python3};

#[test]
fn python3_is_3_11() {
    python3();
}

fn check(programs: &[(&str, &str)]) {
    let mut fails = Vec::new();
    for (name, src) in programs {
        let want = cpython(src);
        let got = playground(src);
        if want != got {
            fails.push(format!(
                "--- {name}\nCPython:    {:?}\n            {:?}\nplayground: {:?}\n            {:?}",
                want.0, want.1, got.0, got.1
            ));
        }
    }
    assert!(
        fails.is_empty(),
        "{} of {} disagree:\n{}",
        fails.len(),
        programs.len(),
        fails.join("\n")
    );
}

const LITERALS: &str = r#"
def f(x):
    match x:
        case 0:
            return "zero"
        case -1:
            return "minus one"
        case 1.5:
            return "one and a half"
        case "hi" | "hello":
            return "greeting"
        case b"raw":
            return "bytes"
        case None:
            return "none"
        case True:
            return "true"
        case False:
            return "false"
        case -2.5:
            return "neg float"
        case _:
            return "other"

for v in [0, -1, 1.5, "hi", "hello", b"raw", None, True, False, 1, 0.0, -2.5, "x", 1.0]:
    print(repr(v), f(v))
"#;

const CAPTURE: &str = r#"
match 42:
    case x:
        print("captured", x)
print(x)
match [1, 2]:
    case _:
        print("wildcard")
def g(v):
    match v:
        case n if n > 10:
            return f"big {n}"
        case n if n < 0:
            return f"neg {n}"
        case n:
            return f"small {n}"
print([g(v) for v in (5, 50, -3)])
# a failed guard keeps the bindings
match 7:
    case y if y > 100:
        pass
    case _:
        print("guard failed, y is", y)
"#;

const SEQUENCES: &str = r#"
def s(v):
    match v:
        case []:
            return "empty"
        case [x]:
            return f"one {x}"
        case [x, y]:
            return f"two {x} {y}"
        case [first, *middle, last]:
            return f"first {first} middle {middle} last {last}"
        case _:
            return "not a sequence"

for v in [[], [1], (1, 2), [1, 2, 3], (1, 2, 3, 4, 5), "ab", "abc", b"ab", {1: 2}, range(3), 7, {1, 2}]:
    print(repr(v), s(v))

match (1, [2, (3, 4)]):
    case (a, [b, (c, d)]):
        print(a, b, c, d)
match [1, 2, 3]:
    case [*_, 3]:
        print("ends with 3")
match [1, 2, 3]:
    case [1, *rest]:
        print("rest", rest, type(rest).__name__)
match (1, 2):
    case [a, b]:
        print("list pattern matches a tuple", a, b)
match [5]:
    case (x,):
        print("tuple pattern matches a list", x)
match 1, 2:
    case a, b:
        print("bare", a, b)
match [1, [2, 3]]:
    case [int(), [*xs]]:
        print("nested star", xs)
"#;

const MAPPINGS: &str = r#"
def m(v):
    match v:
        case {"type": "point", "x": x, "y": y}:
            return f"point {x},{y}"
        case {"type": "circle", **rest}:
            return f"circle {rest}"
        case {}:
            return "some mapping"
        case _:
            return "no mapping"

for v in [{"type": "point", "x": 1, "y": 2, "z": 3}, {"type": "circle", "r": 5, "c": (0, 0)},
          {"type": "square"}, {}, [("type", "point")], "type"]:
    print(m(v))

class K:
    A = "a"
match {"a": 1, 2: "two", None: 0}:
    case {K.A: 1, 2: s, None: z, **others}:
        print("keys", s, z, others)
match {1: "x"}:
    case {True: v}:
        print("True finds 1", v)
"#;

const CLASSES: &str = r#"
class Point:
    __match_args__ = ("x", "y")
    def __init__(self, x, y):
        self.x = x
        self.y = y

def where(p):
    match p:
        case Point(x=0, y=0):
            return "origin"
        case Point(0, yy):
            return f"on y axis at {yy}"
        case Point(x, 0):
            return f"on x axis at {x}"
        case Point(x=a, y=b) if a == b:
            return f"diagonal {a}"
        case Point():
            return "somewhere"
        case _:
            return "not a point"

for p in [Point(0, 0), Point(0, 5), Point(3, 0), Point(2, 2), Point(1, 2), (0, 0)]:
    print(where(p))

def kind(v):
    match v:
        case bool(b):
            return f"bool {b}"
        case int(i):
            return f"int {i}"
        case float(f):
            return f"float {f}"
        case str(s):
            return f"str {s!r}"
        case list([a, *_]):
            return f"list starting {a}"
        case dict(d) if d:
            return f"dict {d}"
        case tuple():
            return "tuple"
        case _:
            return "other"

for v in [True, 3, 2.5, "s", [9, 8], {"k": 1}, {}, (), None]:
    print(kind(v))

class Sub(Point):
    pass
match Sub(1, 2):
    case Point(a, b):
        print("subclass matches", a, b)

class NoArgs:
    pass
try:
    match NoArgs():
        case NoArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match Point(1, 2):
        case Point(1, 2, 3):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match 5:
        case int(1, 2):
            pass
except TypeError as e:
    print("TypeError:", e)
try:
    match Point(1, 2):
        case Point(1, x=1):
            pass
except TypeError as e:
    print("TypeError:", e)
class BadArgs:
    __match_args__ = ["a"]
try:
    match BadArgs():
        case BadArgs(1):
            pass
except TypeError as e:
    print("TypeError:", e)
match Point(1, 2):
    case Point(z=1):
        print("no")
    case _:
        print("missing attribute fails the match")
"#;

const VALUES_OR_AS: &str = r#"
class Color:
    RED = 1
    GREEN = 2
    BLUE = 3

def c(v):
    match v:
        case Color.RED:
            return "red"
        case Color.GREEN | Color.BLUE as other:
            return f"cool {other}"
        case [1 | 2 as a, (3 | 4) as b]:
            return f"pair {a} {b}"
        case (1 | 2 | 3) as small:
            return f"small {small}"
        case _:
            return "?"

for v in [1, 2, 3, [2, 4], [1, 5], 0]:
    print(c(v))

import math
match 3.141592653589793:
    case math.pi:
        print("pi")

match [1, 2]:
    case [x, 3] | [x, 2]:
        print("or binds", x)
"#;

const SOFT_KEYWORDS: &str = r#"
match = [1, 2]
case = 3
print(match, case)
match[0] = 5
print(match)
def match(x):
    return x * 2
print(match(4))
match = {"case": 1}
match match:
    case {"case": case}:
        print("case is", case)
_ = 9
print(_)
"#;

const EVALUATION: &str = r#"
class Noisy:
    __match_args__ = ("a", "b")
    def __init__(self):
        self._a = 1
    @property
    def a(self):
        print("get a")
        return self._a
    @property
    def b(self):
        print("get b")
        return 2

def subj():
    print("subject evaluated")
    return Noisy()

match subj():
    case Noisy(1, 3):
        print("no")
    case Noisy(1, b):
        print("yes", b)

class Eq:
    def __eq__(self, other):
        print("eq called with", other)
        return True
class V:
    X = 5
match Eq():
    case V.X:
        print("value compared with ==")

def run(cmd):
    match cmd.split():
        case ["go", ("north" | "south") as d]:
            return f"go {d}"
        case ["drop", *items] if items:
            return f"drop {' and '.join(items)}"
        case ["quit"]:
            return "bye"
        case _:
            return f"unknown {cmd!r}"
print([run(c) for c in ["go north", "go west", "drop a b", "drop", "quit"]])

for x in range(5):
    match x:
        case 1:
            continue
        case 3:
            break
    print("loop", x)

def first_even(xs):
    for x in xs:
        match x % 2:
            case 0:
                return x
print(first_even([1, 3, 4, 5]))
"#;

const SCOPES: &str = r#"
def outer():
    match (1, 2):
        case (a, b):
            pass
    def inner():
        return a + b
    return inner()
print(outer())

value = "global"
def shadow():
    try:
        print(value)
    except UnboundLocalError as e:
        print("UnboundLocalError")
    match 1:
        case value:
            pass
shadow()

async def amain():
    import asyncio
    await asyncio.sleep(0)
    match await asyncio.sleep(0, result=[1, 2]):
        case [a, b]:
            print("awaited subject", a, b)
import asyncio
asyncio.run(amain())

x = 5
match x:
    case 5 if (y := x * 2) > 5:
        print("walrus in guard", y)
"#;

const ERRORS: &str = r#"
match {"a": 1}:
    case {"a": 1, **rest}:
        print(rest)
class K:
    A = "k"
    B = "k"
try:
    match {"k": 1, "j": 2}:
        case {K.A: 1, K.B: 2}:
            pass
except ValueError as e:
    print("ValueError:", e)
try:
    match 1:
        case len():
            pass
except TypeError as e:
    print("TypeError:", e)
match 1:
    case [1]:
        pass
    case (1 | 2) if 1 / 0:
        pass
"#;

const DATACLASSES: &str = r#"
from dataclasses import dataclass
from collections import namedtuple

@dataclass
class P:
    x: int
    y: int = 0

@dataclass(frozen=True)
class F:
    a: str

Pair = namedtuple("Pair", "left right")
for v in [P(1, 2), P(0), F("s"), Pair(1, 2)]:
    match v:
        case P(0, y):
            print("P on axis", y)
        case P(x, y=2):
            print("P", x)
        case F(a):
            print("F", a)
        case Pair(l, r):
            print("Pair", l, r)
print(P.__match_args__, Pair.__match_args__)
"#;

#[test]
fn match_programs_agree_with_cpython() {
    check(&[
        ("literals", LITERALS),
        ("capture", CAPTURE),
        ("sequences", SEQUENCES),
        ("mappings", MAPPINGS),
        ("classes", CLASSES),
        ("values_or_as", VALUES_OR_AS),
        ("soft_keywords", SOFT_KEYWORDS),
        ("evaluation", EVALUATION),
        ("scopes", SCOPES),
        ("errors", ERRORS),
        ("dataclasses", DATACLASSES),
    ]);
}

#[test]
fn compile_errors_agree_with_cpython() {
    let programs = [
        "match x:\n    case y:\n        pass\n    case 1:\n        pass\n",
        "match x:\n    case _:\n        pass\n    case 1:\n        pass\n",
        "match x:\n    case [a, a]:\n        pass\n",
        "match x:\n    case [a] | [b]:\n        pass\n",
        "match x:\n    case {1: a, True: b}:\n        pass\n",
        "match x:\n    case C(a=1, b):\n        pass\n",
        "match x: pass\n",
        "match(x):\n    case 1: pass\n",
        "match -x:\n    case 1: pass\n",
        "match x,:\n    case 1: pass\n",
        "match [a, b]:\n    case 1: pass\n",
        "match {1: 2}:\n    case {}: pass\n",
        "match not x:\n    case True: pass\n",
        "match x if y else z:\n    case 1: pass\n",
        "match lambda: 1:\n    case 1: pass\n",
        "match x:\n    case 1: pass\n    x = 1\n",
        "match x:\n    # comment\n\n    case 1:\n        pass\n\n    case 2: pass\n",
        "match x:\n    case 1:\n        pass\n  case 2:\n        pass\n",
        "match x:\n    case 1 if x := 2:\n        pass\n",
        "match x:\n    case 1 if (x := 2):\n        pass\n",
        "match x:\n    case [1, 2,]:\n        pass\n",
        "match x:\n    case (1, 2,):\n        pass\n",
        "match x:\n    case {'a': 1,}:\n        pass\n",
        "match x:\n    case {**rest,}:\n        pass\n",
        "match x:\n    case C(1,):\n        pass\n",
        "match x:\n    case C(,):\n        pass\n",
        "match x:\n    case 1, *_, 2:\n        pass\n",
               "match x:\n    case 'a' 'b' f'c':\n        pass\n",
        "match x:\n    case a.b.c:\n        pass\n    case _:\n        pass\n",
        "match x:\n    case (a):\n        pass\n    case _:\n        pass\n",
        "match x:\n    case (a | b):\n        pass\n",
        "match x:\n    case [a | b]:\n        pass\n",
        "match x:\n    case {'k': a | b}:\n        pass\n",
        "match x:\n    case C(a | b):\n        pass\n",
        "match x:\n    case C(k=a | b):\n        pass\n",
        "match x:\n    case C(_, _, k=_):\n        pass\n",
        "match x:\n    case _ as y:\n        pass\n    case 1:\n        pass\n",
        "match x:\n    case 1 as y as z:\n        pass\n",
        "match x:\n    case (1 as y) as z:\n        pass\n",
        "match x:\n    case not_a_kw.if_:\n        pass\n",
        "match x:\n    case if:\n        pass\n",
        "match x:\n    case None.x:\n        pass\n",
        "match x:\n    case -a:\n        pass\n",
        "match x:\n    case 1 | *a:\n        pass\n",
        "match x:\n    case [*a | b]:\n        pass\n",
        "match x:\n    case a, b:\n        pass\n    case _:\n        pass\n",
        "match x:\n    case [a, b] if a:\n        pass\n    case c:\n        pass\n",
        "def f():\n    match x:\n        case [y]:\n            pass\n    nonlocal y\n",
        "def f():\n    match x:\n        case {**y}:\n            pass\n    global y\n",
        "match x:\n    case {'a': _, 'a': _}:\n        pass\n",
        "match x:\n    case {1: _, 1.0: _}:\n        pass\n",
        "match x:\n    case {b'a': _, 'a': _}:\n        pass\n",
        "match x:\n    case {None: _, None: _}:\n        pass\n",
        "match x:\n    case {0: _, False: _}:\n        pass\n",
        "match x:\n    case {1.5: _, 1.5: _}:\n        pass\n",
        "match x:\n    case {a.b: _, a.b: _}:\n        pass\n",
        "match x:\n    case C(__debug__=_):\n        pass\n",
        "match x:\n    case [*__debug__]:\n        pass\n",
        "match x:\n    case {**__debug__}:\n        pass\n",
        "match x:\n    case 1 as __debug__:\n        pass\n",
        "match x:\n    case [a, [b, a]]:\n        pass\n",
        "match x:\n    case [a] | [a] | [b]:\n        pass\n",
        "match x:\n    case [a, b] | [b, a]:\n        pass\n",
        "match x:\n    case [a, *_] | [*_, a]:\n        pass\n",
        "match x:\n    case (a, b) | (a, c):\n        pass\n",
        "match x:\n    case a | (b):\n        pass\n",
        "match x:\n    case 1 | 2 | _:\n        pass\n",
        "match x:\n    case 1 | 2 | _:\n        pass\n    case 3:\n        pass\n",
        "match x:\n    case 1:\n        pass\n    case _:\n        pass\n    case _:\n        pass\n",
        "match x:\n    case 1:\n        yield\n",
        "async def f():\n    match x:\n        case 1 if await y:\n            pass\n",
        "match x:\n    case case:\n        pass\n",
        "match x:\n    case match:\n        pass\n",
        "match match:\n    case case if case:\n        pass\n",
        "match\n",
        "match x:\n",
        "case 1:\n    pass\n",
        "match x:\n    case 1:\n        pass\nelse:\n    pass\n",
        "match x:\n    case 1 + 2 + 3j:\n        pass\n",
        "match x:\n    case 1 - 2:\n        pass\n",
        "match x:\n    case (1 2):\n        pass\n",
        "match x:\n    case [1 2]:\n        pass\n",
        "match x:\n    case C(1 2):\n        pass\n",
        "match x:\n    case {1 2}:\n        pass\n",
        "match x:\n    case {1: 2 3}:\n        pass\n",
        "match x:\n    case 1 if:\n        pass\n",
        "match x:\n    case 1 if x y:\n        pass\n",
        "match x y:\n    case 1:\n        pass\n",
        "match x, *y, z:\n    case 1:\n        pass\n",
        "match (yield):\n    case 1:\n        pass\n",
        "def f():\n    match (yield):\n        case 1:\n            pass\n",
    ];
    let mut fails = Vec::new();
    for src in programs {
        let wrapped = format!(
            "try:\n    compile({src:?}, 'main.py', 'exec')\nexcept SyntaxError as e:\n    print(e.msg, e.lineno, e.offset)\nelse:\n    print('ok')\n"
        );
        let want = cpython(&wrapped).0;
        let got = match async_playground::python::parser::parse(src) {
            Ok(_) => vec!["ok".to_string()],
            Err(e) => vec![format!("{} {} {}", e.msg, e.line, e.col)],
        };
        if want != got {
            fails.push(format!("{src:?}: CPython {want:?}, playground {got:?}"));
        }
    }
    assert!(fails.is_empty(), "{}", fails.join("\n"));
}

#[test]
fn no_panic_on_odd_match_sources() {
    let odd = [
        "match",
        "match x",
        "match x:",
        "match x:\n",
        "match x:\n    case",
        "match x:\n    case 1",
        "match x:\n    case 1:",
        "match x:\n    case [",
        "match x:\n    case {**",
        "match x:\n    case C(",
        "match x:\n    case C(a=",
        "match x:\n    case 1 as",
        "match x:\n    case -",
        "match x:\n    case 1 +",
        "match x:\n    case (*",
        "match (:\n    case 1: pass\n",
        "match x:\n    case ((((((((((((((((((((1)))))))))))))))))))):\n        pass\n",
    ];
    for src in odd {
        let _ = async_playground::python::parser::parse(src);
    }
    let deep = format!(
        "match x:\n    case {}1{}:\n        pass\n",
        "[".repeat(150),
        "]".repeat(150)
    );
    let _ = async_playground::python::parser::parse(&deep);
    let deep = format!(
        "match x:\n    case {}1:\n        pass\n",
        "1 | ".repeat(5000)
    );
    let _ = async_playground::python::parser::parse(&deep);
}
