import asyncio

async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(print, "soon 1")
    loop.call_later(0.1, print, "later")
    h = loop.call_later(0.2, print, "never")
    h.cancel()
    loop.call_soon(lambda: print("soon 2"))
    await asyncio.sleep(0.3)
    done, pending = await asyncio.wait([asyncio.create_task(asyncio.sleep(1))], timeout=0.1)
    print(len(done), len(pending))
    for p in pending:
        p.cancel()
    b = asyncio.Barrier(2)
    async def part(i):
        await asyncio.sleep(i / 10)
        print("at barrier", i)
        await b.wait()
        print("past", i)
    await asyncio.gather(part(1), part(2))

asyncio.run(main())
