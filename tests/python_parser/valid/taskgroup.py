import asyncio

async def job(n):
    await asyncio.sleep(n / 10)
    if n == 3:
        raise ValueError(f"bad job {n}")
    return n

async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tasks = [tg.create_task(job(n)) for n in range(5)]
    except ExceptionGroup as eg:
        print("errors:", eg.exceptions)

asyncio.run(main())
