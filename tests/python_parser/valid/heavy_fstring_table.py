rows = [('a', 1.5), ('bb', 22.25)]
for name, val in rows:
    print(f'|{name:<5}|{val:>8.2f}|{val*100:>6.0f}%|')
print(f"{'total':<5}|{sum(v for _, v in rows):>8.2f}|")
