import asyncio
from collections import defaultdict, Counter, deque, namedtuple
import itertools
import json

Point = namedtuple("Point", "x y")

async def produce(q, n):
    for i in range(n):
        await q.put(Point(i, i * i))
        await asyncio.sleep(0.01)
    await q.put(None)

async def consume(q, out):
    while (item := await q.get()) is not None:
        out[item.x % 3].append(item.y)

async def main():
    q = asyncio.Queue(maxsize=2)
    out = defaultdict(list)
    await asyncio.gather(produce(q, 9), consume(q, out))
    print(dict(out))
    c = Counter("mississippi")
    print(c.most_common(2))
    d = deque([1, 2, 3], maxlen=3)
    d.append(4)
    print(list(d))
    print(list(itertools.chain([1], [2, 3])), list(itertools.islice(itertools.count(5), 3)))
    print(json.dumps({"a": [1, 2], "b": None, "c": True}, sort_keys=True))
    print(json.loads('{"x": 1.5, "y": [true, null]}'))

asyncio.run(main())
