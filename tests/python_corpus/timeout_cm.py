# Checks: asyncio.timeout() (3.11) raises TimeoutError at the end of the
# block, the body sees CancelledError; expired() tells; code after the block runs.
# Modules: asyncio
import asyncio


async def main():
    try:
        async with asyncio.timeout(0.3) as cm:
            try:
                await asyncio.sleep(1)
            except asyncio.CancelledError:
                print("body cancelled at", round(asyncio.get_running_loop().time(), 2))
                raise
    except TimeoutError:
        print("TimeoutError; expired?", cm.expired())
    async with asyncio.timeout(1) as cm2:
        await asyncio.sleep(0.1)
    print("in time; expired?", cm2.expired())
    async with asyncio.timeout(None) as cm3:
        await asyncio.sleep(0.1)
    print("no deadline:", cm3.when())


asyncio.run(main())
