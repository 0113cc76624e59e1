# Checks: a task that catches CancelledError and returns normally is NOT
# cancelled: cancelled() is False and await gives its return value.
# Modules: asyncio
import asyncio


async def stubborn():
    try:
        await asyncio.sleep(10)
    except asyncio.CancelledError:
        print("caught CancelledError, ignoring it")
    await asyncio.sleep(0.1)
    return "finished anyway"


async def main():
    t = asyncio.create_task(stubborn())
    await asyncio.sleep(0.1)
    t.cancel()
    result = await t
    print(result, "| cancelled?", t.cancelled())
    print("cancel finished task:", t.cancel())


asyncio.run(main())
