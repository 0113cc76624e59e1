# Checks: int floor division and modulo with negatives (floor semantics),
# ** with negative exponents, divmod, abs, bit ops, big ints, int().
# Modules: none
for a, b in [(7, 2), (-7, 2), (7, -2), (-7, -2)]:
    print(a, b, a // b, a % b, divmod(a, b))
print(2 ** 10, 2 ** -2, (-2) ** 3, -2 ** 2, 2 ** 3 ** 2, (-2) ** -1)
print(10 ** 30, 2 ** 64 - 1, -(2 ** 63))
print(abs(-5), abs(5), pow(2, 10), pow(2, 10, 1000), pow(3, -1, 7))
print(5 & 3, 5 | 3, 5 ^ 3, ~5, 1 << 10, 1024 >> 3, -16 >> 2)
print(int("ff", 16), int("0b101", 0), int("777", 8), int("z", 36))
print(bin(10), hex(255), oct(8), bin(-5))
print(7 // 2 * 2 + 7 % 2, (17).bit_length(), True + True, 3 * True)
print(round(17, -1), round(15, -1), round(25, -1))
print(max(3, 7, 5), min([4, 2, 8]), sum(range(101)))
print(1_000_000, 0x_FF, 10 / 5, 10 // 5, type(10 / 5).__name__)
print(int(True), bool(0), bool(-1), 0 == False, bool(""), bool([0]))
n = 0
n += 5
n *= 3
n -= 1
n //= 2
n **= 2
n %= 10
print(n)
print(str(12345678901234567890 * 98765432109876543210))
