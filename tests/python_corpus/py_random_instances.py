# Checks: random.Random(seed) instances have their own state, apart from
# the module's (which the playground seeds with 0, like the oracle);
# getstate/setstate replay a sequence.
# Modules: random
import random

a = random.Random(42)
b = random.Random(42)
print([a.randint(1, 100) for _ in range(5)])
print(random.random())
print([b.randint(1, 100) for _ in range(5)])
print(round(a.random(), 12), round(a.uniform(1, 2), 12), a.choice("abcdef"))
xs = list(range(10))
a.shuffle(xs)
print(xs, a.sample(range(100), 3), a.randrange(0, 50, 5), a.getrandbits(20))
print(round(a.gauss(), 12), round(a.expovariate(2.0), 12), a.choices("xyz", k=4))
s = a.getstate()
first = [a.random() for _ in range(3)]
a.setstate(s)
print(first == [a.random() for _ in range(3)])
random.seed(7)
st = random.getstate()
print(st[0], len(st[1]), st[1][-1], st[2])
one = random.random()
random.setstate(st)
print(one == random.random())
c = random.Random("seed text")
print(c.randint(0, 10**6))
c.seed(42)
print(c.randint(1, 100) == random.Random(42).randint(1, 100))
for bad in [(5, (), None), (3, (1, 2), None)]:
    try:
        random.setstate(bad)
    except ValueError as e:
        print("ValueError", e)
