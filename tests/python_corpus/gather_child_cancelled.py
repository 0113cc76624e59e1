# Checks: cancelling one child of a gather: without return_exceptions the
# gather raises CancelledError and the siblings keep running; with it,
# the CancelledError object appears in the results.
# Modules: asyncio
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    print(name, "finished")
    return name


async def main():
    a = asyncio.create_task(job("a", 0.2))
    b = asyncio.create_task(job("b", 0.3))
    g = asyncio.gather(a, b)
    await asyncio.sleep(0.1)
    a.cancel()
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError; b done?", b.done())
    await b
    c = asyncio.create_task(job("c", 0.2))
    d = asyncio.create_task(job("d", 0.1))
    asyncio.get_running_loop().call_later(0.05, c.cancel)
    results = await asyncio.gather(c, d, return_exceptions=True)
    print([type(r).__name__ for r in results], results[1])


asyncio.run(main())
