# Checks: itertools: chain.from_iterable, islice of count/cycle, groupby, product with repeat, permutations, combinations (with replacement), accumulate, zip_longest, starmap, tee, pairwise, compress, dropwhile/takewhile, filterfalse; operator.itemgetter/attrgetter/mul.
# Modules: itertools, operator
import itertools as it
from itertools import chain, islice, count, cycle, groupby, product, permutations, combinations, accumulate, zip_longest, starmap, tee, pairwise, repeat, combinations_with_replacement, compress, dropwhile, takewhile, filterfalse
import operator

print(list(chain([1, 2], (3,), 'ab')), list(chain.from_iterable([[1], [2, 3]])))
print(list(islice(count(10, 5), 3)), list(islice(cycle('ab'), 5)), list(islice(range(10), 2, 8, 2)))
for k, g in groupby(sorted('aabbbc')):
    print(k, list(g))
print(list(product('ab', repeat=2)), len(list(product(range(3), range(4)))))
print(list(permutations([1, 2, 3], 2)))
print(list(combinations('abcd', 2)))
print(list(combinations_with_replacement('ab', 2)))
print(list(accumulate([1, 2, 3, 4])), list(accumulate([1, 2, 3], operator.mul)), list(accumulate([1, 2], initial=10)))
print(list(zip_longest('ab', 'xyz', fillvalue='-')))
print(list(starmap(pow, [(2, 3), (3, 2)])))
a, b = tee([1, 2, 3])
print(list(a), list(b))
print(list(pairwise('abcd')))
print(list(repeat('x', 3)), list(compress('abc', [1, 0, 1])))
print(list(dropwhile(lambda x: x < 3, [1, 2, 3, 4, 1])), list(takewhile(lambda x: x < 3, [1, 2, 3, 1])))
print(list(filterfalse(lambda x: x % 2, range(6))))
data = [('a', 1), ('a', 2), ('b', 3)]
print({k: [v for _, v in g] for k, g in groupby(data, key=lambda t: t[0])})
print(list(map(operator.itemgetter(1), data)), operator.attrgetter('real')(3))
