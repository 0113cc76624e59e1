# Checks: gather of gathers nests results; gather() with no arguments
# returns []; the same coroutine object passed twice runs once and its
# result appears twice; a gathered task's result is shared.
# Modules: asyncio
import asyncio

runs = 0


async def work(x):
    global runs
    runs += 1
    await asyncio.sleep(0.1)
    return x * 2


async def main():
    inner1 = asyncio.gather(work(1), work(2))
    inner2 = asyncio.gather(work(3))
    print(await asyncio.gather(inner1, inner2, work(4)))
    print(await asyncio.gather())
    c = work(5)
    print(await asyncio.gather(c, c), "runs:", runs)
    t = asyncio.create_task(work(6))
    print(await asyncio.gather(t, t, t), "runs:", runs)


asyncio.run(main())
