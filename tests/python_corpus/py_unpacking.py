# Checks: starred unpacking (a, *b = ...), nested unpacking, *args and
# **kwargs in calls and definitions, keyword-only args, defaults
# (including the mutable default trap), unpacking errors.
# Modules: none
a, *b = [1, 2, 3, 4]
*c, d = "xyz"
e, *f, g = range(5)
(h, i), j = (1, 2), 3
print(a, b, c, d, e, f, g, h, i, j)
first, *_ = [9]
print(first, _)


def describe(name, *args, sep="-", **kwargs):
    return f"{name}{sep}{args}{sep}{sorted(kwargs.items())}"


print(describe("x"))
print(describe("x", 1, 2, sep="|", color="red", size=3))
nums = [1, 2, 3]
opts = {"sep": ":", "extra": True}
print(describe(*nums, **opts))
print(max(*nums), [*nums, *"ab"], {**opts, "sep": "/"})


def append_to(item, box=[]):
    box.append(item)
    return box


print(append_to(1), append_to(2))


def kw_only(a, *, b=2):
    return a + b


print(kw_only(1), kw_only(1, b=10))
for bad in ([1, 2, 3], [1]):
    try:
        x, y = bad
    except ValueError as err:
        print("ValueError:", err)
try:
    kw_only(1, 2)
except TypeError as err:
    print("TypeError:", err)
try:
    describe()
except TypeError as err:
    print("TypeError:", err)
for k, (v1, v2) in {"p": (1, 2), "q": (3, 4)}.items():
    print(k, v1 + v2)
