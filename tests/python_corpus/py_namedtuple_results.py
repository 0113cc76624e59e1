# Checks: typing.NamedTuple with defaults and a method, collections.namedtuple _make/_fields/_replace/_asdict, unpacking, immutability and missing-argument errors.
# Modules: asyncio, typing, collections
from typing import NamedTuple
from collections import namedtuple
import asyncio
class Result(NamedTuple):
    url: str
    status: int
    elapsed: float = 0.0
    def ok(self):
        return 200 <= self.status < 300
Coord = namedtuple('Coord', 'lat lon')
async def fetch(url, delay):
    await asyncio.sleep(delay)
    return Result(url, 200 if 'good' in url else 500, delay)
async def main():
    rs = await asyncio.gather(fetch('good/a', 0.2), fetch('bad/b', 0.1))
    for r in rs:
        print(r, r.ok(), r._asdict())
    best = min(rs, key=lambda r: r.elapsed)
    print(best.url, best._replace(status=201))
    url, status, _ = rs[0]
    print(url, status)
    c = Coord(1.5, 2.5)
    print(c, c.lat, Coord._make([3, 4]), Coord._fields, c == (1.5, 2.5))
    try:
        c.lat = 3
    except AttributeError as e:
        print(e)
    try:
        Result('x')
    except TypeError as e:
        print(e)
asyncio.run(main())
