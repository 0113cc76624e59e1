# Checks: building a text table and report with str methods and format
# specs, like a scheduler's printed summary; str.format with alignment,
# multiplication of strings, join of generator, textual progress bars.
# Modules: none
rows = [("fetch", 0.25, 3), ("parse", 1.5, 12), ("store", 12.125, 1)]
header = f"{'task':<8}|{'secs':>8}|{'n':>4}"
print(header)
print("-" * len(header))
for name, secs, n in rows:
    print(f"{name:<8}|{secs:>8.2f}|{n:>4d}")
total = sum(r[1] for r in rows)
print(f"{'total':<8}|{total:>8.2f}|{sum(r[2] for r in rows):>4}")
for name, secs, _ in rows:
    share = secs / total
    bar = "#" * round(share * 20)
    print(f"{name:>6} [{bar:<20}] {share:6.1%}")
print("{:=^30}".format(" done "))
print(", ".join(f"{n}={s:g}" for n, s, _ in rows))
print("|".join(s.center(7) for s in ["a", "bb", "ccc"]))
timeline = ["."] * 10
for t in (2, 5, 7):
    timeline[t] = "x"
print("".join(timeline), "".join(timeline).count("x"))
