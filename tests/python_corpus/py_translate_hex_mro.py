# Checks: str.maketrans / str.translate (dict, two and three strings, a
# LookupError keeps the character), bytes.hex (with a separator),
# float.fromhex, cls.mro(), and their errors in CPython's words.
# Modules: none
t = str.maketrans("ab", "xy")
print(sorted(t.items()))
print("aabbc".translate(t))
print("hello world".translate(str.maketrans("lo", "01", " ")))
print("abc".translate({ord("a"): "AA", ord("b"): None, 99: 100}))
print("abc".translate(str.maketrans({"a": "1", 98: "22"})))


class Upper(dict):
    def __missing__(self, key):
        return chr(key).upper()


print("abc".translate({97: "-"}))
print(bytes([1, 255, 16]).hex(), b"ab".hex(), b"".hex(), b"\x00\x0f".hex(":"))
for text in ["0x1.8p1", "-0x1p-2", "0x10", "inf", "-Infinity", "0x.8", "1p3", "0xA.Bp4"]:
    print(text, float.fromhex(text))


class A:
    pass


class B(A):
    pass


class C(A):
    pass


class D(B, C):
    pass


print([c.__name__ for c in D.mro()], [c.__name__ for c in int.mro()])
bad = [
    lambda: str.maketrans("ab", "x"),
    lambda: str.maketrans("ab"),
    lambda: str.maketrans({"ab": 1}),
    lambda: str.maketrans({1.5: 1}),
    lambda: "a".translate({97: 1.5}),
    lambda: float.fromhex("0xg"),
    lambda: float.fromhex(""),
    lambda: b"ab".hex("::"),
]
for f in bad:
    try:
        print("ok", f())
    except Exception as e:
        print(type(e).__name__, e)
