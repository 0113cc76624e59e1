# Checks: cancelling a task while it sits in wait_for cancels the inner
# awaitable as well; the outer task ends cancelled, not with TimeoutError.
# Modules: asyncio
import asyncio


async def inner():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("inner cancelled at", round(asyncio.get_running_loop().time(), 2))
        raise


async def outer():
    try:
        await asyncio.wait_for(inner(), timeout=1)
    except asyncio.TimeoutError:
        print("never: not a timeout")
    except asyncio.CancelledError:
        print("outer cancelled")
        raise


async def main():
    t = asyncio.create_task(outer())
    await asyncio.sleep(0.2)
    t.cancel()
    await asyncio.wait([t])
    print("outer cancelled?", t.cancelled())


asyncio.run(main())
