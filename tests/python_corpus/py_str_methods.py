# Checks: common str methods: join, split (with/without sep, maxsplit),
# strip family, replace, case, startswith/endswith with tuples, find/index,
# count, center/ljust/rjust, zfill, isdigit & co, partition, splitlines.
# Modules: none
s = "  Hello, World!  "
print(repr(s.strip()), repr(s.lstrip()), repr(s.rstrip()), repr("xxhixx".strip("x")))
print("a,b,,c".split(","), "a b  c".split(), "a,b,c".split(",", 1), "a b c".rsplit(" ", 1))
print("-".join(["x", "y", "z"]), "".join(reversed("abc")), ", ".join(map(str, [1, 2, 3])))
print("banana".replace("a", "o"), "banana".replace("a", "o", 2), "banana".count("an"))
print("Hello".upper(), "Hello".lower(), "hello world".title(), "hello world".capitalize(), "HeLLo".swapcase())
print("file.py".endswith((".py", ".txt")), "http://x".startswith("https"), "abc".startswith("b", 1))
print("hello".find("l"), "hello".rfind("l"), "hello".find("z"), "hello".index("e"))
print(repr("hi".center(8)), repr("hi".center(7, "*")), repr("hi".ljust(5, ".")), repr("hi".rjust(5)))
print("42".zfill(5), "-42".zfill(5), "abc".zfill(2))
print("123".isdigit(), "12a".isdigit(), "abc".isalpha(), "a1".isalnum(), "  ".isspace(), "Ab".isupper(), "ab".islower())
print("key=value=x".partition("="), "key=value=x".rpartition("="), "nokey".partition("="))
print("line1\nline2\r\nline3".splitlines(), "a\tb".expandtabs(4))
print("Hello"[1:4], "Hello"[::-1], "Hello"[-3:], "Hello"[::2], len("héllo"))
print("{} and {}".format("a", "b"), "{1} {0}".format("x", "y"), "{name}!".format(name="Bo"))
print("{:>6}|{:<6}|{:^6}".format("r", "l", "c"), "{:.2f}".format(2 / 3), "{0:,}".format(10 ** 6))
print("abc" * 3, "a" in "cat", "dog" not in "cat", "b" < "a", "apple" < "banana")
print(ord("A"), chr(97), str(3) + "3", "x".join("abc"), "Mississippi".split("ss"))
print("%s is %d years, %.2f m, %5s|%-5s|, %r, %%" % ("Ana", 30, 1.756, "r", "l", "q"))
print("%03d %x %e %g" % (7, 255, 12345.6789, 0.0001))
print("tEsT".casefold(), "hello world".removeprefix("hello "), "test.py".removesuffix(".py"))
