x = (1 + 2 - 3 * 4 / 5 // 6 % 7 ** 2 << 1 >> 1 & 255 | 16 ^ 8) if 1 and 2 or not 3 else 0
print(x)
