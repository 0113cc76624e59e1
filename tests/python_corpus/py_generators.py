# Checks: generator functions (lazy, one pass), next() and StopIteration,
# send(), yield from, generator return values, infinite generators
# with a bound, generator expressions.
# Modules: none
def count_up(n):
    print("  generator starts")
    for i in range(n):
        yield i
    print("  generator ends")
    return "done"


g = count_up(2)
print("created")
print(next(g))
print(next(g))
try:
    next(g)
except StopIteration as e:
    print("StopIteration value:", e.value)


def chain(*its):
    for it in its:
        yield from it


print(list(chain([1, 2], "ab", range(2))))


def running_avg():
    total, n, avg = 0, 0, None
    while True:
        x = yield avg
        total += x
        n += 1
        avg = total / n


ra = running_avg()
next(ra)
print([ra.send(x) for x in (10, 20, 60)])


def naturals():
    n = 1
    while True:
        yield n
        n += 1


out = []
for n in naturals():
    if n > 5:
        break
    out.append(n * n)
print(out)
evens = (n for n in range(10) if n % 2 == 0)
print(next(evens), list(evens), sum(n for n in range(4)))


def delegate():
    result = yield from count_up(1)
    print("  delegated result:", result)


print(list(delegate()))
