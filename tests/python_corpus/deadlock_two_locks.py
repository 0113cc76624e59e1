# Checks: two tasks take two locks in opposite order and wait for each
# other forever: nothing ready, no timer: the oracle reports `deadlock`.
# Modules: asyncio
import asyncio


async def worker(name, first, second):
    async with first:
        print(name, "holds its first lock")
        await asyncio.sleep(0.1)
        print(name, "wants its second lock")
        async with second:
            print(name, "never gets here")


async def main():
    a, b = asyncio.Lock(), asyncio.Lock()
    await asyncio.gather(worker("left", a, b), worker("right", b, a))


asyncio.run(main())
