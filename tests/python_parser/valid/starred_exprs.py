a = [1, 2]
b = [*a, 3]
c = (*a, *b)
d = {*a}
e = {**{'k': 1}, 'j': 2}
print(*a, *b, sep=', ')
t = *a, 4
