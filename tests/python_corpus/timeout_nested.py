# Checks: nested asyncio.timeout() blocks: the inner, shorter one fires and
# is caught inside; when the outer one is shorter, its TimeoutError comes
# out of the outer block and the inner block sees only cancellation.
# Modules: asyncio
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(1):
        try:
            async with asyncio.timeout(0.1):
                await asyncio.sleep(0.5)
        except TimeoutError:
            print("inner timeout at", round(loop.time(), 2))
        await asyncio.sleep(0.2)
        print("outer block goes on at", round(loop.time(), 2))
    try:
        async with asyncio.timeout(0.2):
            try:
                async with asyncio.timeout(1):
                    await asyncio.sleep(0.5)
            except TimeoutError:
                print("never: the inner did not expire")
            except asyncio.CancelledError:
                print("inner block sees CancelledError")
                raise
    except TimeoutError:
        print("outer timeout at", round(loop.time(), 2))


asyncio.run(main())
