# Checks: for/while with else, break/continue, nested loops with flags,
# try/finally inside loops with break/continue, return inside finally
# overriding, chained comparisons, short-circuit and/or values,
# conditional expressions, walrus operator, match statement.
# Modules: none
for n in range(2, 12):
    for d in range(2, n):
        if n % d == 0:
            break
    else:
        print(n, "is prime", end="; ")
print()
i = 0
while i < 10:
    i += 1
    if i % 2:
        continue
    if i > 6:
        break
    print("even", i)
else:
    print("while-else not reached")
for x in range(3):
    try:
        if x == 1:
            continue
        print("body", x)
    finally:
        print("finally", x)


def sneaky():
    try:
        return "try"
    finally:
        return "finally wins"


print(sneaky())
print(1 < 2 < 3, 1 < 3 < 2, 0 or "default", "" or [] or None, 3 and 4, 0 and 1 / 0)
print(None or 0 or "last", [] and "x", not [], not "a")
data = [1, 5, 10]
if (n := len(data)) > 2:
    print("long list", n)


def kind(cmd):
    match cmd.split():
        case ["go", direction]:
            return f"going {direction}"
        case ["quit" | "exit"]:
            return "bye"
        case [x, *rest] if x.isdigit():
            return f"number {x} then {rest}"
        case _:
            return "unknown"


print([kind(c) for c in ["go north", "exit", "3 a b", "dance"]])
