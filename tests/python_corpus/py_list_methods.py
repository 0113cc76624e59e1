# Checks: list methods (append, extend, insert, pop, remove, index, count,
# sort, reverse, copy, clear), slicing and slice assignment, del,
# aliasing vs copying, list repr with nested strings.
# Modules: none
xs = [3, 1, 4]
xs.append(1)
xs.extend([5, 9])
xs.insert(0, 2)
print(xs, len(xs))
print(xs.pop(), xs.pop(0), xs)
xs.remove(1)
print(xs, xs.index(4), xs.count(1))
xs.sort()
print(xs)
xs.sort(reverse=True)
print(xs)
xs.reverse()
print(xs, xs[1:3], xs[::-1], xs[-2:], xs[:100])
xs[1:3] = ["a", "b", "c"]
print(xs)
del xs[0]
del xs[-2:]
print(xs)
alias = xs
copy = xs.copy()
alias.append("new")
print(xs, copy, alias is xs, copy == xs)
nested = [["a", 'it\'s'], {"k": "v"}, ("t",), None, True, 1.0, 'say "hi"']
print(nested)
print(repr("quote'and\"both"), str(["x\ny"]))
grid = [[0] * 3 for _ in range(2)]
grid[0][0] = 1
print(grid)
bad = [[0] * 3] * 2
bad[0][0] = 1
print(bad)
print([1, 2] + [3], [0] * 3, [1, 2, 3] == [1, 2, 3], [1, 2] < [1, 3], 2 in [1, 2])
copy.clear()
print(copy, list("abc"), list(range(3)), sorted("cba"))
