# Checks: collections: deque (appendleft, popleft, rotate, maxlen),
# Counter (most_common, arithmetic), defaultdict(list), namedtuple
# (repr, _replace, _asdict), OrderedDict.move_to_end.
# Modules: collections
from collections import Counter, OrderedDict, defaultdict, deque, namedtuple

d = deque([1, 2, 3])
d.appendleft(0)
d.append(4)
print(d, d.popleft(), d.pop(), d)
d.rotate(1)
print(d, list(d))
recent = deque(maxlen=3)
for i in range(5):
    recent.append(i)
print(recent, len(recent))
c = Counter("abracadabra")
print(c.most_common(2), c["a"], c["z"], sorted(c.items()))
print(Counter(a=3, b=1) - Counter(a=1, b=2), Counter([1, 1, 2]) + Counter([2]))
groups = defaultdict(list)
for word in ["apple", "avocado", "banana", "cherry", "blueberry"]:
    groups[word[0]].append(word)
print(dict(groups), groups["z"], len(groups))
Point = namedtuple("Point", ["x", "y"])
p = Point(1, y=2)
print(p, p.x + p.y, p._replace(x=10), p._asdict(), tuple(p), p == (1, 2))
od = OrderedDict(a=1, b=2, c=3)
od.move_to_end("a")
print(list(od), od.popitem(last=False))
