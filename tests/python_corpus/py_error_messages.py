# Checks: CPython's messages for bad ExceptionGroup items, min()/max()
# misuse and dict() from a bad sequence.
# Modules: none
cases = [
    lambda: ExceptionGroup("x", [1]),
    lambda: ExceptionGroup("x", [ValueError(), "no"]),
    lambda: ExceptionGroup("x", [KeyboardInterrupt()]),
    lambda: ExceptionGroup("x", []),
    lambda: BaseExceptionGroup("x", [KeyboardInterrupt()]),
    lambda: BaseExceptionGroup("x", [ValueError()]),
    lambda: min(),
    lambda: max(),
    lambda: min([]),
    lambda: max([], default=7),
    lambda: min(1, 2, default=0),
    lambda: dict([1, 2]),
    lambda: dict([(1, 2), 3]),
    lambda: dict([(1, 2), (3, 4, 5)]),
    lambda: dict([(1, 2), "ab"]),
]
for f in cases:
    try:
        r = f()
        print("ok", type(r).__name__, repr(r))
    except Exception as e:
        print(type(e).__name__, e)
