# Checks: closures capture variables (late binding in loops), nonlocal
# counters, global statements, UnboundLocalError when assigning a global
# without `global`.
# Modules: none
def make_counter():
    count = 0

    def inc(step=1):
        nonlocal count
        count += step
        return count
    return inc


c1, c2 = make_counter(), make_counter()
print(c1(), c1(), c1(5), c2())

fns = [lambda: i for i in range(3)]
print([f() for f in fns])
fixed = [lambda i=i: i for i in range(3)]
print([f() for f in fixed])

total = 0


def add(n):
    global total
    total += n


add(3)
add(4)
print("total", total)


def broken():
    total += 1


try:
    broken()
except UnboundLocalError as e:
    print(type(e).__name__, e)


def outer():
    x = "enclosing"

    def inner():
        return x
    x = "changed later"
    return inner


print(outer()())


def multiplier(factor):
    return lambda n: n * factor


double, triple = multiplier(2), multiplier(3)
print(double(5), triple(5), list(map(double, [1, 2])))
