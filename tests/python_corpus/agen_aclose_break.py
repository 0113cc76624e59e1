# Checks: breaking out of `async for` over an unnamed async generator: its
# finally runs later, when the loop's asyncgen hook closes it (after the
# second loop iteration after the break); aclose() on a held generator runs finally at once.
# Modules: asyncio
import asyncio


async def numbers(label):
    try:
        for i in range(10):
            yield i
            await asyncio.sleep(0.1)
    finally:
        print(label, "finally")


async def main():
    async for n in numbers("unnamed"):
        if n == 2:
            break
    print("after break")
    await asyncio.sleep(0)
    print("after sleep(0)")
    await asyncio.sleep(0)
    print("after second sleep(0)")
    g = numbers("held")
    async for n in g:
        if n == 1:
            break
    print("before aclose")
    await g.aclose()
    print("after aclose")
    g2 = numbers("never closed")
    print(await g2.__anext__())
    print("main ends")


asyncio.run(main())
