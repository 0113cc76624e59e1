//! Complex numbers (imaginary literals, `complex()`, arithmetic, `repr`,
//! `format`, `hash`, match patterns) run by the playground's interpreter,
//! each printed line compared with the machine's CPython 3.11 at test time
//! (a missing `python3` fails the tests; nothing is skipped).
#![cfg(not(target_arch = "wasm32"))]

mod common;

use async_playground::python::run_virtual;
use common::cpython::{cpython, playground, python3};

#[test]
fn python3_is_3_11() {
    python3();
}

/// One program printing `repr(e)` (or the exception) for each expression;
/// the lines are compared one by one.
fn check_exprs(exprs: &[&str]) {
    let mut src = String::from("inf = float('inf')\nnan = float('nan')\nbig = 2 ** 100\n");
    for e in exprs {
        src.push_str(&format!(
            "try:\n    print(repr({e}))\nexcept Exception as x:\n    print(type(x).__name__ + ':', x)\n"
        ));
    }
    let want = cpython(&src);
    let got = playground(&src);
    assert_eq!(want.1, None, "CPython failed: {:?}", want.1);
    let mut fails = Vec::new();
    for (i, e) in exprs.iter().enumerate() {
        let w = want.0.get(i);
        let g = got.0.get(i);
        if w != g {
            fails.push(format!("{e}\n    CPython:    {w:?}\n    playground: {g:?}"));
        }
    }
    if got.0.len() != want.0.len() || got.1.is_some() {
        fails.push(format!(
            "{} lines from CPython, {} from the playground (stderr {:?})",
            want.0.len(),
            got.0.len(),
            got.1
        ));
    }
    assert!(
        fails.is_empty(),
        "{} of {} disagree:\n{}",
        fails.len(),
        exprs.len(),
        fails.join("\n")
    );
}

fn check_programs(programs: &[(&str, &str)]) {
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

#[test]
fn literals_and_repr() {
    check_exprs(&[
        "3j",
        "1.5J",
        "1e3j",
        "0j",
        "0J",
        "1_000j",
        "0.5e-3j",
        "123456789012345678j",
        "1e400j",
        "-3j",
        "-0j",
        "1 + 2j",
        "1 - 2j",
        "-1 - 2j",
        "1 - 0j",
        "-0.0 - 1j",
        "(-0.0 - 1j).real",
        "1e16j",
        "1e-5 + 1e16j",
        "1e15 + 1j",
        "0.1j + 0.2j",
        "complex(inf, -inf)",
        "complex(nan, nan)",
        "complex(1, -nan)",
        "complex(-inf, 0)",
        "complex(0, inf)",
        "complex(-0.0, 0.0)",
        "complex(-0.0, -0.0)",
        "complex(0.0, -0.0)",
        "str(1 + 2j)",
        "str(3j)",
        "[1j, 2 + 0j, (3, 4j)]",
        "{1j: 1 - 1j}",
        "f'{1j}'",
        "f'{1+2j!r}'",
        "'%s' % (1 + 2j)",
        "'%r' % 2j",
        "type(1j)",
        "type(1j).__name__",
        "complex",
        "isinstance(1j, complex)",
        "isinstance(1, complex)",
        "isinstance(1j, (int, float))",
        "issubclass(complex, object)",
        "(1j).real",
        "(1j).imag",
        "(2 - 3j).conjugate()",
        "0j.conjugate()",
        "(1).conjugate()",
        "(1.5).conjugate()",
        "True.conjugate()",
        "(5).imag",
        "(5.5).real",
        "type((1j).imag)",
    ]);
}

#[test]
fn constructor() {
    check_exprs(&[
        "complex()",
        "complex(1)",
        "complex(1.5)",
        "complex(True)",
        "complex(1, 2)",
        "complex(1.5, -2.5)",
        "complex(1j)",
        "complex(1j, 1j)",
        "complex(1 + 2j, 3 + 4j)",
        "complex(2, 1j)",
        "complex(real=1, imag=2)",
        "complex(imag=2)",
        "complex(imag=1j)",
        "complex(real=3)",
        "complex(big)",
        "complex(2 ** 1100)",
        "complex(1, 2 ** 1100)",
        "complex('1+2j')",
        "complex('1-2j')",
        "complex(' ( 1+2j ) ')",
        "complex('(1+2j)')",
        "complex('1_0j')",
        "complex('1__0j')",
        "complex('_1j')",
        "complex('j')",
        "complex('J')",
        "complex('+j')",
        "complex('-j')",
        "complex('1+j')",
        "complex('1-J')",
        "complex('infj')",
        "complex('-inf-infj')",
        "complex('nan+nanj')",
        "complex('Infinity')",
        "complex('1e5-1e-5j')",
        "complex('1.5')",
        "complex('.5j')",
        "complex('5.j')",
        "complex('1e3')",
        "complex('1e')",
        "complex('1ej')",
        "complex('1 + 2j')",
        "complex('()')",
        "complex('')",
        "complex('(1+2j')",
        "complex('1+2j)')",
        "complex('1+2jj')",
        "complex('x')",
        "complex('1+2')",
        "complex('\\t3j\\n')",
        "complex('1', 2)",
        "complex('1', None)",
        "complex(1, '2')",
        "complex(None)",
        "complex([])",
        "complex(1, [])",
        "complex(b'1')",
        "complex(1, 2, 3)",
        "complex(foo=1)",
        "complex(1, real=2)",
    ]);
}

#[test]
fn arithmetic() {
    check_exprs(&[
        "(1 + 2j) + (3 - 4j)",
        "(1 + 2j) - (1 + 2j)",
        "(1 + 2j) * (3 - 4j)",
        "(1 + 2j) / (3 - 4j)",
        "2 / (1 + 1j)",
        "1j * 1j",
        "1j + 1",
        "1 + 1j",
        "1j - 1",
        "1 - 1j",
        "2 * 1j",
        "1j * 2.5",
        "1j / 2",
        "3 / 1j",
        "True + 1j",
        "big + 1j",
        "1j * big",
        "1j + 2 ** 1100",
        "1j * inf",
        "complex(inf, 1) / (1 + 1j)",
        "(1 + 1j) / complex(inf, inf)",
        "1e308j * 10",
        "complex(1e308, 1e308) * 2",
        "1 / 0j",
        "1j / 0",
        "1j / 0.0",
        "0j / 0j",
        "1j // 1",
        "1j % 1",
        "divmod(1j, 1)",
        "1j << 1",
        "1j & 1",
        "1j + 'a'",
        "'a' + 1j",
        "1j + []",
        "[] + 1j",
        "1j * 'ab'",
        "[1] * 1j",
        "1j + None",
        "-(1 + 2j)",
        "+(1 + 2j)",
        "-0j",
        "~1j",
        "not 0j",
        "not 1j",
        "bool(0j)",
        "bool(-0j)",
        "bool(1e-300j)",
        "bool(complex(nan, 0))",
        "sum([1j, 2, 3.5])",
        "sum([1j, 2j], 1j)",
        "abs(3 + 4j)",
        "abs(-5j)",
        "abs(0j)",
        "abs(complex(inf, nan))",
        "abs(complex(nan, -inf))",
        "abs(complex(nan, 1))",
        "abs(complex(1e308, 1e308))",
        "abs(complex(1.7e308, 1.7e308))",
        "round(1j)",
        "int(1j)",
        "float(1j)",
        "(1 + 2j).real + (1 + 2j).imag",
    ]);
}

#[test]
fn powers() {
    check_exprs(&[
        "1j ** 2",
        "1j ** 0",
        "0j ** 0",
        "0j ** 0j",
        "0j ** 1j",
        "0j ** -1",
        "0j ** (-1 + 0j)",
        "0j ** 2",
        "0j ** 2.5",
        "2 ** 1j",
        "1j ** 1j",
        "1j ** -2",
        "1j ** 101",
        "1j ** 100",
        "1j ** 2.5",
        "(1 + 2j) ** 3",
        "(1 + 2j) ** -3",
        "(1 + 2j) ** 0.5",
        "(1 + 2j) ** (1 - 1j)",
        "(-1) ** 0.5",
        "(-8) ** (1 / 3)",
        "(-8.0) ** 0.5",
        "(-2.5) ** 1.5",
        "(-8) ** 2.0",
        "(-8.0) ** -2",
        "(-inf) ** 0.5",
        "(-1) ** inf",
        "big ** 1j",
        "1e200j ** 2",
        "10j ** 500",
        "2 ** (1e5 + 0j)",
        "pow(1j, 2)",
        "pow(1j, 2, 3)",
        "pow(2, 1j, 3)",
        "1.5 ** 2j",
    ]);
}

#[test]
fn comparison_and_hashing() {
    check_exprs(&[
        "1 + 0j == 1",
        "1 == 1 + 0j",
        "1 + 0j == 1.0",
        "1 + 1j == 1",
        "1j == 1j",
        "1j != 1j",
        "1j != 2j",
        "complex(nan, 0) == complex(nan, 0)",
        "True == 1 + 0j",
        "(2 ** 60 + 0j) == 2 ** 60",
        "(2 ** 60 + 1 + 0j) == 2 ** 60 + 1",
        "1j == 2 ** 1100",
        "1j == None",
        "1j == '1j'",
        "1j in [1, 1j]",
        "1 + 0j in {1}",
        "[1j, 2] == [1j, 2.0 + 0j]",
        "1j < 1",
        "1j < 1j",
        "1j >= 2",
        "2 > 1j",
        "1j <= None",
        "max(1j, 2j)",
        "sorted([1j])",
        "sorted([1j, 2j])",
        "hash(1 + 0j) == hash(1)",
        "hash(1.5 + 0j) == hash(1.5)",
        "hash(1 + 2j)",
        "hash(-1 + 0j)",
        "hash(-1j)",
        "hash(3.25 - 1.5j)",
        "hash(1e300 + 1e-300j)",
        "hash(complex(inf, -inf))",
        "hash(2j) == hash(complex(0, 2))",
        "{1 + 0j: 2, 1: 3}",
        "{1: 3, 1 + 0j: 2}",
        "{1j: 1, complex(0, 1): 2}",
        "{0j, 0, 0.0, -0j}",
        "{1j, 2j, 1j}",
        "len({1j, complex(-0.0, 1), complex(0.0, 1)})",
        "{1j: 'a'}[complex(0, 1)]",
    ]);
}

#[test]
fn format_specs() {
    check_exprs(&[
        "format(1 + 2j)",
        "format(1 + 2j, '')",
        "format(1 + 2j, '.2f')",
        "format(1 + 2j, '>20')",
        "format(1 + 2j, '<20')",
        "format(1 + 2j, '^20')",
        "format(1 + 2j, '*^20.3e')",
        "format(1.5j, 'g')",
        "format(-1.5j, '+')",
        "format(1 + 2j, ',')",
        "format(1234567 + 1j, ',')",
        "format(1234567.5 + 2j, ',.2f')",
        "format(1234567.5 + 2j, '_.1f')",
        "format(1 + 2j, '#')",
        "format(1 + 2j, '#g')",
        "format(1 + 2j, '#.0f')",
        "format(0j, '.3')",
        "format(-0j, '')",
        "format(-0j, '.3')",
        "format(1j, ' ')",
        "format(1 + 1j, ' ')",
        "format(1 + 1j, '+')",
        "format(1 - 1j, '-')",
        "format(1 + 2j, 'n')",
        "format(1 + 2j, 'E')",
        "format(1 + 2j, 'G')",
        "format(1e20 + 2j, '.3')",
        "format(1e20 + 2j, '')",
        "format(1.23456789 + 9.87654321j, '.3')",
        "format(1.23456789 + 9.87654321j, '.3g')",
        "format(1.23456789 + 9.87654321j, '10.3f')",
        "format(complex(inf, nan), '')",
        "format(complex(inf, nan), 'f')",
        "format(complex(-inf, nan), 'E')",
        "format(1 + 2j, 'z')",
        "format(-0.0 - 0j, 'z.1f')",
        "format(-0.0 - 0j, '.1f')",
        "format(1 + 2j, 'd')",
        "format(1 + 2j, 'x')",
        "format(1 + 2j, '%')",
        "format(1 + 2j, 's')",
        "format(1 + 2j, '010')",
        "format(1 + 2j, '0<10')",
        "format(1 + 2j, '=10')",
        "format(1 + 2j, '.2f=')",
        "f'{1+2j:.2f}'",
        "f'{1+2j:>12}|'",
        "f'{(1+2j)!r:>10}'",
        "f'{3j:10.1f}|'",
        "'{:.1f}'.format(1 + 2.25j)",
        "'{0.real} {0.imag}'.format(1 + 2j)",
    ]);
}

#[test]
fn programs() {
    check_programs(&[
        (
            "match literals",
            r#"
def f(v):
    match v:
        case 1 + 0j:
            return "one"
        case -1 - 2j:
            return "m"
        case 0j:
            return "zero"
        case 1 + 2j:
            return "a"
        case 2.5 - 1j:
            return "b"
        case -3j:
            return "c"
        case 4j | 5j:
            return "d"
        case [1j, x]:
            return f"seq {x}"
        case {1j: y}:
            return f"map {y}"
        case complex(real=r, imag=i) if r > 10:
            return f"cls {r} {i}"
        case complex():
            return "other complex"
        case _:
            return "no"
for v in [1 + 2j, -1 - 2j, 1, 1.0, 0j, 1 + 0j, -0j, 0, 2.5 - 1j, -3j, 3j, 5j,
          [1j, 7], {1j: 8}, 11 + 1j, 9j, "1j"]:
    print(repr(v), f(v))
"#,
        ),
        (
            "match class pattern positional",
            r#"
match 1j:
    case complex(x):
        print(x)
"#,
        ),
        (
            "quadratic roots",
            r#"
def roots(a, b, c):
    d = (b * b - 4 * a * c) ** 0.5
    return (-b + d) / (2 * a), (-b - d) / (2 * a)
for coeffs in [(1, 0, 1), (1, 2, 5), (1, -3, 2), (2, 1, 1)]:
    print(coeffs, roots(*coeffs))
z = 1 + 1j
for _ in range(5):
    z = z * z + 0.25j
    print(z, abs(z), z.real, z.imag)
print(sum(1j ** k for k in range(8)))
"#,
        ),
        (
            "complex in asyncio",
            r#"
import asyncio
async def rot(z, n):
    for _ in range(n):
        await asyncio.sleep(0.1)
        z *= 1j
    return z
async def main():
    r = await asyncio.gather(rot(1 + 2j, 3), rot(2j, 2))
    print(r)
asyncio.run(main())
"#,
        ),
        ("uncaught division", "print(1)\nprint((1 + 2j) / 0)\n"),
        ("uncaught ordering", "print(sorted([2j, 1j]))\n"),
    ]);
}

#[test]
fn compile_errors_agree_with_cpython() {
    let programs = [
        "x = 3j\n",
        "x = 1.5J + 1e3j\n",
        "x = 1_0j\n",
        "x = 1__0j\n",
        "x = 1jx\n",
        "x = 0x1j\n",
        "x = 01j\n",
        "x = 00j\n",
        "x = 1.j\n",
        "x = .5j\n",
        "x = 1e5j\n",
        "x = 1ej\n",
        "x = 1j.real\n",
        "1j = 2\n",
        "for 1j in x: pass\n",
        "match x:\n    case 1+2j:\n        pass\n",
        "match x:\n    case -1-2j:\n        pass\n",
        "match x:\n    case 1j:\n        pass\n",
        "match x:\n    case -1j:\n        pass\n",
        "match x:\n    case 1j+2j:\n        pass\n",
        "match x:\n    case 2j+1:\n        pass\n",
        "match x:\n    case 1j + x:\n        pass\n",
        "match x:\n    case 1 + 2:\n        pass\n",
        "match x:\n    case 1 + 2 + 3j:\n        pass\n",
        "match x:\n    case 1 + 2j + 3j:\n        pass\n",
        "match x:\n    case -(1j):\n        pass\n",
        "match x:\n    case --1j:\n        pass\n",
        "match x:\n    case {1+2j: _, 1+2j: _}:\n        pass\n",
        "match x:\n    case {1: _, 1+0j: _}:\n        pass\n",
        "match x:\n    case {0j: _, 0: _}:\n        pass\n",
        "match x:\n    case {1j: _, 1j: _}:\n        pass\n",
        "match x:\n    case {-1j: _, -0-1j: _}:\n        pass\n",
        "match x:\n    case {1j: _, 2j: _}:\n        pass\n",
        "match x:\n    case {1.5-2j: _, 1.5-2j: _}:\n        pass\n",
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
fn no_panic_on_odd_complex_input() {
    for src in [
        "print(complex('(' * 100))",
        "print(complex(')'))",
        "print(complex('1e999999j'))",
        "print(complex('-'))",
        "print(complex('+'))",
        "print(complex('é'))",
        "print(complex('1+é'))",
        "print(format(1j, '\\x00<5'))",
        "print(format(1j, '.99999999999f'))",
        "print((1+1j) ** 1e308)",
        "print(1j ** -100)",
        "print(complex(1e308, 1e308) ** 2)",
        "print(hash(complex(nan, nan)))",
        "print({complex(nan, 1): 1})",
    ] {
        let _ = run_virtual(src);
    }
}
