# Checks: functools.total_ordering filling in <= > >=, cmp_to_key sorting, reduce with a dict, total_ordering without an ordering method.
# Modules: functools
from functools import total_ordering, cmp_to_key, reduce
@total_ordering
class Version:
    def __init__(self, s):
        self.parts = tuple(int(p) for p in s.split('.'))
    def __eq__(self, o):
        return self.parts == o.parts
    def __lt__(self, o):
        return self.parts < o.parts
    def __repr__(self):
        return 'v' + '.'.join(map(str, self.parts))
vs = [Version('1.2.0'), Version('1.10'), Version('1.2')]
print(sorted(vs), max(vs), Version('2.0') >= Version('1.9'), Version('1.0') <= Version('1.0'), Version('3') > Version('4'))
def by_len_then_alpha(a, b):
    if len(a) != len(b):
        return len(a) - len(b)
    return (a > b) - (a < b)
print(sorted(['pear', 'fig', 'apple', 'kiwi'], key=cmp_to_key(by_len_then_alpha)))
print(reduce(lambda acc, x: {**acc, x: len(x)}, ['a', 'bb'], {}))
try:
    @total_ordering
    class Nothing:
        pass
except ValueError as e:
    print(e)
