import asyncio

async def slow():
    await asyncio.sleep(5)

async def main():
    task = asyncio.create_task(slow())
    await asyncio.sleep(0.1)
    print(task.done(), task.cancelled())
    task.cancel("enough")
    try:
        await task
    except asyncio.CancelledError as e:
        print("cancelled with", e.args)
    t = asyncio.create_task(slow())
    try:
        async with asyncio.timeout(0.5) as cm:
            await t
    except TimeoutError:
        print("timeout; expired:", cm.expired(), t.cancelled())
    res = await asyncio.gather(asyncio.sleep(0.1, 1), return_exceptions=False)
    print(res)
    async def boom():
        raise RuntimeError("x")
    t2 = asyncio.create_task(boom())
    await asyncio.sleep(0)
    print(t2.done(), repr(t2.exception()))

asyncio.run(main())
