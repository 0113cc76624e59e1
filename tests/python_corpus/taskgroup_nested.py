# Checks: nested TaskGroups: an inner failure cancels the inner siblings,
# propagates as an ExceptionGroup to the outer group, which cancels its own
# children; the outer ExceptionGroup nests the inner one.
# Modules: asyncio
import asyncio


async def sleeper(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def failer():
    await asyncio.sleep(0.2)
    raise ValueError("inner failure")


async def inner():
    async with asyncio.TaskGroup() as tg:
        tg.create_task(sleeper("inner-sleeper", 1))
        tg.create_task(failer())


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(sleeper("outer-sleeper", 2))
            tg.create_task(sleeper("outer-quick", 0.1))
            tg.create_task(inner())
    except ExceptionGroup as eg:
        print("outer:", eg)
        for e in eg.exceptions:
            print(" -", type(e).__name__, e)
            if isinstance(e, ExceptionGroup):
                for sub in e.exceptions:
                    print("   -", type(sub).__name__, sub)


asyncio.run(main())
