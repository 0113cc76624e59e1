a, b = 1, 2
(c, d) = 3, 4
[e, f] = [5, 6]
a, *rest = range(5)
*init, last = [1, 2, 3]
head, *mid, tail = 'abcd'
(g, (h, i)) = 1, (2, 3)
x, = [1]
print(a, b, c, d, e, f, rest, init, last, head, mid, tail, g, h, i, x)
