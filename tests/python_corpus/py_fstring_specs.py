# Checks: f-string format specs: width/precision/alignment, thousands
# separators, percent, !r/!s, `=` self-documenting, nested fields, sign.
# Modules: none
x = 3.14159
n = 1234567
p = 0.4567
s = "hi"
print(f"[{x:>8.2f}]")
print(f"[{x:<8.3f}]")
print(f"[{x:^9.1f}]")
print(f"[{n:,}] [{n:_}] [{n:>12,}]")
print(f"[{p:.1%}] [{p:%}] [{1:.0%}]")
print(f"[{s!r}] [{s!s}] [{s:>5}] [{s:*^6}]")
print(f"{x=}, {n = }, {s=!s}, {x=:.1f}")
print(f"[{42:05d}] [{-42:05d}] [{42:+d}] [{42: d}]")
print(f"[{255:x}] [{255:X}] [{255:#x}] [{5:b}] [{8:o}] [{255:08b}]")
print(f"[{1e6:e}] [{12345.678:.2e}] [{0.000123:g}] [{123456789.0:g}]")
width, prec = 10, 3
print(f"[{x:{width}.{prec}f}]")
print(f"[{'left':<10}|{'right':>10}]")
print(f"{{literal braces}} {n // 1000}k")
print(f"[{3:3}] [{'a':3}] [{True}] [{None!r}]")
print(f"{[1, 'a']} {(1,)} {{'k': 1}}")
items = {"apple": 1.5, "kiwi": 0.25}
for name, price in items.items():
    print(f"{name:<8}{price:>6.2f}")
print(f"{12.5:.0f} {13.5:.0f} {2.675:.2f} {-0.0:.1f}")
