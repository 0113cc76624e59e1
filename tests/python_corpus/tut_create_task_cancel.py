# Checks: create_task starts a task at the next await; cancel() makes it
# raise CancelledError at its await; awaiting it then raises CancelledError.
# Modules: asyncio
import asyncio


async def ticker():
    n = 0
    try:
        while True:
            print("tick", n)
            n += 1
            await asyncio.sleep(0.1)
    except asyncio.CancelledError:
        print("ticker cancelled after", n, "ticks")
        raise


async def main():
    t = asyncio.create_task(ticker())
    print("task created; done?", t.done())
    await asyncio.sleep(0.35)
    print("cancel returned", t.cancel())
    print("cancelling, done?", t.done())
    try:
        await t
    except asyncio.CancelledError:
        print("main saw CancelledError")
    print("cancelled?", t.cancelled(), "done?", t.done())


asyncio.run(main())
