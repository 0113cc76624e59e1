# Checks: gather without return_exceptions raises the first error at once;
# the siblings are NOT cancelled and go on running; main can still await them.
# Modules: asyncio
import asyncio


async def job(i, fail=False):
    await asyncio.sleep(0.1 * i)
    if fail:
        raise ValueError(f"job {i} failed")
    print(f"job {i} ok")
    return i


async def main():
    tasks = [asyncio.create_task(job(i, fail=(i == 2))) for i in range(1, 5)]
    try:
        await asyncio.gather(*tasks)
    except ValueError as e:
        print("gather raised:", e)
    print("states:", [t.done() for t in tasks])
    await asyncio.sleep(0.3)
    print("states later:", [t.done() for t in tasks])
    print("results:", [t.result() if not t.exception() else repr(t.exception()) for t in tasks])


asyncio.run(main())
