def t(f):
    try:
        f()
    except BaseException as e:
        print(type(e).__name__, repr(e), getattr(e, 'exceptions', None), repr(e.__context__), e.__cause__)

def a():
    try: raise ValueError(1)
    except* ValueError: raise
t(a)
def b():
    try: raise ValueError(1)
    except* TypeError: print("no")
t(b)
def c():
    try: raise ExceptionGroup("g", [ValueError(1), TypeError(2), ExceptionGroup("h", [ValueError(3), KeyError(4)])])
    except* ValueError as e: print("V", repr(e))
    except* KeyError as e: print("K", repr(e)); raise RuntimeError("new")
t(c)
def d():
    try: raise ExceptionGroup("g", [ValueError(1), TypeError(2)])
    except* ValueError: raise
    except* TypeError as e: print("T", repr(e))
t(d)
def e():
    try: raise ExceptionGroup("g", [ValueError(1)])
    except* ExceptionGroup: pass
t(e)
def f():
    try: raise ValueError(1)
    except* ValueError as e: print(repr(e), e.__traceback__ is not None); raise KeyError(9)
t(f)
def g():
    try: raise ExceptionGroup("g", [ValueError(1), ValueError(2)])
    except* (ValueError, TypeError) as e: print(repr(e), e.message)
    else: print("else")
    finally: print("fin")
t(g)
def h():
    try: raise ExceptionGroup("g", [ValueError(1)])
    except* ValueError as e: raise e
t(h)
