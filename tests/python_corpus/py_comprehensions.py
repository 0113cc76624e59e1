# Checks: list/set/dict comprehensions with conditions and nested loops,
# generator expressions consumed by sum/any/all/max, conditional
# expressions, comprehension scope (loop var does not leak).
# Modules: none
print([x * 2 for x in range(5)])
print([x for x in range(20) if x % 3 == 0 if x % 2 == 0])
print([(i, j) for i in range(3) for j in range(i)])
print([[i * j for j in range(3)] for i in range(3)])
print(["even" if n % 2 == 0 else "odd" for n in range(4)])
print({len(w) for w in ["a", "bb", "cc", "ddd"]})
print({w: len(w) for w in ["a", "bb", "cc"]})
print(sum(x * x for x in range(10)), any(x > 8 for x in range(10)), all(x < 5 for x in range(10)))
print(max((len(w), w) for w in "the quick brown fox".split()))
matrix = [[1, 2, 3], [4, 5, 6]]
print([row[i] for row in matrix for i in range(3)], list(zip(*matrix)))
x = "outer"
ys = [x for x in range(3)]
print(x, ys)
gen = (n * n for n in range(3))
print(list(gen), list(gen))
words = ["apple", "Banana", "cherry"]
print([w.upper() for w in words if w[0].islower()])
flat = [c for word in words for c in word[:2]]
print(flat)
