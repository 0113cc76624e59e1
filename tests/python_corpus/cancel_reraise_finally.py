# Checks: cancel during an await in `finally`: the cleanup itself awaits and
# completes; cancelling again while the finally awaits interrupts it.
# Modules: asyncio
import asyncio


async def polite():
    try:
        await asyncio.sleep(10)
    finally:
        print("cleanup starts")
        await asyncio.sleep(0.2)
        print("cleanup done")


async def rude_target():
    try:
        await asyncio.sleep(10)
    finally:
        print("rude cleanup starts")
        try:
            await asyncio.sleep(0.2)
            print("rude cleanup done")
        except asyncio.CancelledError:
            print("cleanup interrupted by second cancel")
            raise


async def main():
    t = asyncio.create_task(polite())
    await asyncio.sleep(0.1)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("polite cancelled at", round(asyncio.get_running_loop().time(), 2))
    r = asyncio.create_task(rude_target())
    await asyncio.sleep(0.1)
    r.cancel()
    await asyncio.sleep(0.1)
    r.cancel()
    try:
        await r
    except asyncio.CancelledError:
        print("rude cancelled at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
