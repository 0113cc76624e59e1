x = 3
print(- - x, + - x, ~ ~ x, not not x, -(-x))
