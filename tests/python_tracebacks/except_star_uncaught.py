import asyncio

async def fail(i):
    await asyncio.sleep(0.1 * i)
    if i % 2:
        raise ValueError(f"odd {i}")
    raise TypeError(f"even {i}")

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            for i in range(1, 4):
                tg.create_task(fail(i))
    except* TypeError as eg:
        print("handled", eg.exceptions)

asyncio.run(main())
