# Checks: unbounded recursion ends with RecursionError; caught once and
# printed, then uncaught (the run's ending); a recursion 300 deep (within the
# browser's stack, see README) still works.
# Modules: none


def depth(n):
    return depth(n + 1)


try:
    depth(0)
except RecursionError as e:
    print(type(e).__name__, e)


def countdown(n):
    return 0 if n == 0 else 1 + countdown(n - 1)


print(countdown(300))
depth(0)
