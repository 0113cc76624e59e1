café = 1
naïve = 2
π = 3.14159
print(café + naïve, π)
print('→ ✓ ★ 漢字')
