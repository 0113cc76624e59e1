import asyncio

async def fetch(i):
    await asyncio.sleep(0.5 if i % 2 else 0.2)
    if i == 3:
        raise ValueError(f"bad {i}")
    return i * 10

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            ts = [tg.create_task(fetch(i)) for i in range(5)]
    except* ValueError as eg:
        print("caught", eg.exceptions)
    for t in ts:
        print(t.get_name() if False else "", t.done(), t.cancelled())
    try:
        async with asyncio.timeout(0.3):
            await asyncio.sleep(1)
    except TimeoutError:
        print("timed out")
    r = await asyncio.wait_for(fetch(2), timeout=1)
    print(r)

asyncio.run(main())
