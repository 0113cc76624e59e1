import contextlib
with (contextlib.nullcontext()) as c:
    pass
with (contextlib.nullcontext(1), contextlib.nullcontext(2)) as t:
    pass
