# A recursion's repeated frame is shown three times, then counted:
# "[Previous line repeated 47 more times]"; the frame that raises differs.
def down(n):
    if n == 0:
        raise ValueError("bottom")
    down(n - 1)


def caller():
    down(50)


try:
    caller()
except ValueError as e:
    print("caught", e)
caller()
