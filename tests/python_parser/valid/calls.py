def f(*args, **kwargs):
    return args, kwargs
xs = [1, 2]
kw = {'a': 1}
f()
f(1, 2)
f(*xs)
f(**kw)
f(1, *xs, 3, *xs, k=1, **kw)
f(a=1, *xs)
f(k=1, **kw, j=2)
f(1,)
f(x for x in xs)
f(
    1,
    2,
)
