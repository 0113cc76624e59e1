# Checks: async generators with `async for`, async comprehensions, and an
# `await` between yields; anext() builtin (3.10+).
# Modules: asyncio
import asyncio


async def ticks(n, period):
    for i in range(n):
        await asyncio.sleep(period)
        yield i


async def main():
    async for t in ticks(3, 0.1):
        print("tick", t, round(asyncio.get_running_loop().time(), 1))
    squares = [x * x async for x in ticks(4, 0.05)]
    print(squares)
    g = ticks(2, 0)
    print(await anext(g), await anext(g))
    print(await anext(g, "exhausted"))
    evens = {x async for x in ticks(6, 0) if x % 2 == 0}
    print(sorted(evens))


asyncio.run(main())
