#!/usr/bin/env python3
"""Runs CPython's compile(src, "main.py", "exec") on each FILE and prints JSON:
{path: {"ok": bool, "type": "SyntaxError", "msg": ..., "line": N, "col": N}}.

The parser's tests use it as the judge of accept/reject, class, message,
line and column (CPython's `offset`, from 1).
"""
import json
import sys
import warnings


def check(path):
    with open(path, "rb") as f:
        raw = f.read()
    try:
        src = raw.decode("utf-8")
    except UnicodeDecodeError as e:
        return {"ok": False, "type": "SyntaxError", "msg": str(e), "line": 0, "col": 0}
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            compile(src, "main.py", "exec")
    except SyntaxError as e:
        return {
            "ok": False,
            "type": type(e).__name__,
            "msg": e.msg,
            "line": e.lineno or 0,
            "col": e.offset or 0,
        }
    except (ValueError, RecursionError, MemoryError) as e:
        return {"ok": False, "type": type(e).__name__, "msg": str(e), "line": 0, "col": 0}
    return {"ok": True}


def main():
    out = {p: check(p) for p in sys.argv[1:]}
    json.dump(out, sys.stdout, indent=1, sort_keys=True)
    sys.stdout.write("\n")


if __name__ == "__main__":
    main()
