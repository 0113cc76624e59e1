# Checks: asyncio.timeout_at with loop.time() deadlines, and reschedule()
# pushing the deadline later while inside the block.
# Modules: asyncio
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    try:
        async with asyncio.timeout_at(loop.time() + 0.2):
            await asyncio.sleep(0.5)
    except TimeoutError:
        print("timeout_at fired at", round(loop.time(), 2))
    async with asyncio.timeout(0.2) as cm:
        await asyncio.sleep(0.1)
        cm.reschedule(loop.time() + 0.5)
        print("rescheduled")
        await asyncio.sleep(0.3)
    print("survived to", round(loop.time(), 2))
    try:
        async with asyncio.timeout(10) as cm:
            cm.reschedule(loop.time())
            await asyncio.sleep(1)
    except TimeoutError:
        print("rescheduled to now: timeout at", round(loop.time(), 2))


asyncio.run(main())
