# Checks: asyncio.timeout() when the body catches the CancelledError and
# does not re-raise: no TimeoutError comes out, but expired() is True.
# Also wait_for's timeout with a body that ignores cancellation.
# Modules: asyncio
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    async with asyncio.timeout(0.2) as cm:
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("swallowed the cancel at", round(loop.time(), 1))
    print("after block; expired?", cm.expired())

    async def stubborn():
        try:
            await asyncio.sleep(1)
        except asyncio.CancelledError:
            print("stubborn ignores cancel")
        return "stubborn result"

    print(await asyncio.wait_for(stubborn(), timeout=0.1), round(loop.time(), 1))


asyncio.run(main())
