# Checks: an exception in the TaskGroup body itself cancels the children;
# two children failing at the same instant both land in eg.exceptions.
# Modules: asyncio
import asyncio


async def boom(i, delay):
    await asyncio.sleep(delay)
    raise ValueError(f"boom {i}")


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            t = tg.create_task(asyncio.sleep(1))
            await asyncio.sleep(0.1)
            raise KeyError("body")
    except ExceptionGroup as eg:
        print("body error wrapped:", eg, [repr(e) for e in eg.exceptions])
    print("child cancelled?", t.cancelled())
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(boom(1, 0.2))
            tg.create_task(boom(2, 0.2))
    except ExceptionGroup as eg:
        print(len(eg.exceptions), sorted(str(e) for e in eg.exceptions))


asyncio.run(main())
