# Checks: gather(return_exceptions=True) puts exceptions in the result list
# in argument order and waits for everyone.
# Modules: asyncio
import asyncio


async def job(i):
    await asyncio.sleep(0.05 * (5 - i))
    if i % 2:
        raise KeyError(i)
    return i * 10


async def main():
    results = await asyncio.gather(*(job(i) for i in range(5)), return_exceptions=True)
    print(results)
    for r in results:
        if isinstance(r, BaseException):
            print("error", type(r).__name__, r)
        else:
            print("value", r)


asyncio.run(main())
