# Checks: dict insertion order, get with default, setdefault, update, pop,
# popitem (LIFO), keys/values/items views, `in`, dict comprehension,
# merging with | and {**a, **b}, deleting and re-inserting moves a key last.
# Modules: none
d = {"b": 2, "a": 1}
d["c"] = 3
print(d, list(d), len(d))
print(d.get("a"), d.get("z"), d.get("z", 0), "a" in d, 2 in d)
print(d.setdefault("a", 100), d.setdefault("e", 5), d)
d.update({"a": 10, "f": 6})
d.update(g=7)
print(d)
print(d.pop("b"), d.pop("zz", "none"), d.popitem(), d)
del d["a"]
d["a"] = 1
print(list(d.keys()), list(d.values()), list(d.items()))
squares = {n: n * n for n in range(5) if n % 2 == 0}
print(squares)
x = {"k": 1, "j": 2}
y = {"j": 20, "z": 26}
print(x | y, {**y, **x}, dict(zip("abc", [1, 2, 3])), dict(a=1, b=2))
counts = {}
for word in "the cat and the hat and the bat".split():
    counts[word] = counts.get(word, 0) + 1
print(counts)
print(sorted(counts.items(), key=lambda kv: (-kv[1], kv[0])))
print({1: "a", True: "b", 1.0: "c"})
keys = list(counts)
for k in keys:
    if counts[k] == 1:
        del counts[k]
print(counts, dict.fromkeys(["x", "y"], 0))
inv = {v: k for k, v in {"a": 1, "b": 2}.items()}
print(inv, {} == dict(), {"a": 1} == {"a": 1.0})
nested = {"user": {"name": "Ana", "tags": ["x", "y"]}}
print(nested["user"]["tags"][-1], nested)
