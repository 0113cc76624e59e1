# Checks: set operations (union, intersection, difference, symmetric),
# membership, add/discard/remove, frozenset; tuple packing/unpacking,
# single-element tuple repr, tuple methods, comparison.
# Modules: none
a = {1, 2, 3, 4}
b = {3, 4, 5}
print(sorted(a | b), sorted(a & b), sorted(a - b), sorted(a ^ b))
print(a.issubset({1, 2, 3, 4, 5}), {1, 2} <= a, a.isdisjoint({9}), 3 in a)
a.add(10)
a.discard(99)
a.remove(1)
print(sorted(a), len(a))
print(set(), {1}, set("aab") == {"a", "b"}, frozenset([2, 1]) == {1, 2})
print(sorted({x % 3 for x in range(10)}), {3, 2, 1})
t = 1, 2, 3
single = (5,)
print(t, single, (), type(single).__name__, (5), tuple("ab"))
x, y, z = t
print(x + y + z, t.index(2), t.count(3), t + (4,), t * 2, t[1:])
print((1, 2) < (1, 3), (1, 2, 3) > (1, 2), (2,) > (1, 99), max([(1, "b"), (1, "a")]))
pairs = [(3, "c"), (1, "a"), (2, "b")]
print(sorted(pairs), [p[1] for p in pairs], dict(pairs))
swap_a, swap_b = "left", "right"
swap_a, swap_b = swap_b, swap_a
print(swap_a, swap_b)
print(hash((1, 2)) == hash((1, 2)), {(0, 0): "origin"}[(0, 0)])
