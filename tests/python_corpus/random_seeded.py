# Checks: random with random.seed(...): random(), randint, uniform, choice,
# shuffle, sample give CPython's Mersenne Twister sequence; the run starts
# seeded with 0 (as the playground seeds it).
# Modules: random
import random

print("seed 0 at start:", random.random())
random.seed(42)
print(random.random())
print(random.randint(1, 6), random.randint(1, 6), random.randint(1, 100))
print(round(random.uniform(1, 2), 6))
print(random.choice(["red", "green", "blue"]))
items = list(range(10))
random.shuffle(items)
print(items)
print(random.sample(range(100), 5))
print(random.randrange(0, 100, 5))
random.seed(42)
print("again:", random.random())
