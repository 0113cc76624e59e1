# Checks: enumerate (start), zip (shortest), map/filter, reversed, sorted
# with key/reverse (stable), min/max with key and default, sum with
# start, any/all on empty, range slicing and membership, len.
# Modules: none
names = ["cara", "Al", "bob", "Dee"]
for i, n in enumerate(names, start=1):
    print(i, n, end="; ")
print()
print(list(zip(names, [1, 2, 3])), list(zip("ab", "xyz", [0, 1])))
print(list(map(len, names)), list(map(lambda a, b: a * b, [1, 2], [3, 4])))
print(list(filter(lambda n: n[0].isupper(), names)), list(filter(None, [0, 1, "", "a", None])))
print(sorted(names), sorted(names, key=str.lower), sorted(names, key=len, reverse=True))
print(sorted([(1, "b"), (0, "z"), (1, "a")], key=lambda t: t[0]))
print(min(names, key=len), max(names, key=lambda s: s.lower()), max([], default="none"))
print(sum([1, 2, 3], 10), sum([[1], [2]], []), any([]), all([]))
r = range(0, 20, 3)
print(r, list(r), r[2], r[-1], list(r[1:4]), r[::2], 9 in r, 10 in r, len(r))
print(list(range(5, 0, -2)), list(reversed(range(3))), list(reversed("ab")))
print(len("abc"), len([1, [2, 3]]), len({"a": 1}), len(range(10)))
it = iter([1, 2, 3])
print(next(it), list(it), next(it, "end"))
print(abs(-7), divmod(17, 5), divmod(-17, 5), pow(2, 5), round(2.5), round(-0.5))
print(isinstance(3, (int, float)), isinstance(True, int), type(3) is int, callable(len))
print(list(enumerate("ab")), dict(enumerate("ab")), sorted({3: "c", 1: "a"}))
print(chr(ord("a") + 1), bool([]), str(None), int(), list(), float())
