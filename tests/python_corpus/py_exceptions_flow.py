# Checks: try/except/else/finally order, bare raise re-raising, exception
# variable cleared after except, multiple except clauses, except tuple,
# finally running on return, assert with message, exception in finally.
# Modules: none
def trial(x):
    try:
        print(" try", x)
        if x == 0:
            raise ValueError("zero")
        if x == 1:
            return "returned"
        r = 10 // (x - 2)
    except ValueError as e:
        print(" except ValueError", e)
        return "handled"
    except (ZeroDivisionError, TypeError) as e:
        print(" except tuple", type(e).__name__)
    else:
        print(" else", r)
    finally:
        print(" finally", x)
    return "end"


for x in [0, 1, 2, 3]:
    print(trial(x))

try:
    try:
        int("bad")
    except ValueError:
        print("logging, then re-raising")
        raise
except ValueError as e:
    print("outer got", e)
try:
    e
except NameError as err:
    print("NameError:", err)
try:
    assert 1 + 1 == 3, "math is broken"
except AssertionError as e:
    print("AssertionError:", e)
try:
    assert False
except AssertionError as e:
    print("bare assert args:", e.args)
try:
    try:
        raise KeyError("first")
    finally:
        print("finally runs before propagation")
except KeyError as e:
    print("caught", repr(e))
