import math
xs = [1, 2, 3]
print(f'{sum(xs) / len(xs):.1f} {math.pi:.3} {[x * 2 for x in xs]} {(lambda: 1)()} {xs!r:>20}')
