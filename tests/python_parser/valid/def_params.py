def f(a: int = 1, *args: str, b: list[int] = [], **kw) -> dict[str, int]:
    return {}
def g(a, b, /, c, *, d, e=2):
    pass
def h(a, b=1, /, c=2, *args, d, e=3, **kwargs):
    pass
def k(*, a):
    pass
def m(a,):
    pass
def n(
    a,
    b,
):
    pass
