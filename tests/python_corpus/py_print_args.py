# Checks: print() with several args, sep=, end=, no args, flush=, printing
# None/bools/nested containers, and str() vs repr() of strings with quotes
# and escapes.
# Modules: none
print("a", "b", 3, None, True)
print("a", "b", sep="")
print("x", "y", "z", sep=" -> ")
print("no newline", end="")
print(" continued", end="!\n")
print()
print("multi", "end", sep=",", end=";\n")
print(*[1, 2, 3], sep="\n")
print("tab\there", "quote's", 'dq"', flush=True)
print(repr("tab\there"), repr("quote's"), repr('dq"'), repr("both'\""), repr("back\\slash"))
print(["tab\t", "nl\n", "é", "\x00"], ("unicode ✓",))
print(str(b"bytes"), repr(1), repr("1"), str([None, "None"]))
print("", "", sep="|")
print(end="")
print("after empty end")
print("%s-%s" % ("a", "b"), "{}{}".format(1, 2), 1, 2.0, 3j)
