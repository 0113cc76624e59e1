import asyncio

def sync_gen(n):
    for i in range(n):
        yield i * i

class Countdown:
    def __init__(self, n):
        self.n = n
    def __aiter__(self):
        return self
    async def __anext__(self):
        if self.n <= 0:
            raise StopAsyncIteration
        await asyncio.sleep(0.1)
        self.n -= 1
        return self.n

async def main():
    print(list(sync_gen(4)), sum(sync_gen(3)))
    async for v in Countdown(3):
        print("tick", v)
    g = (x for x in range(3))
    print(next(g), next(g), list(g))
    try:
        next(g)
    except StopIteration:
        print("stop")
    it = aiter(Countdown(2))
    print(await anext(it), await anext(it), await anext(it, "done"))
    print(any(x > 2 for x in [1, 3]), all([]), max([3, 1, 2], key=lambda v: -v), min("bca"))
    print(sorted({"b": 2, "a": 1}.items()), list(zip("ab", range(5))), list(enumerate("xy", 1)))
    print(round(2.5), round(3.14159, 2), divmod(7, 2), 7 // -2, -7 % 3, 2 ** 100)

asyncio.run(main())
