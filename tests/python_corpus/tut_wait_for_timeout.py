# Checks: wait_for raises TimeoutError (asyncio.TimeoutError is the builtin
# in 3.11) and cancels the inner task; a fast one returns its value.
# Modules: asyncio
import asyncio


async def slow(delay):
    try:
        await asyncio.sleep(delay)
        return f"slept {delay}"
    except asyncio.CancelledError:
        print("slow was cancelled by wait_for")
        raise


async def main():
    print(await asyncio.wait_for(slow(0.1), timeout=1))
    try:
        await asyncio.wait_for(slow(5), timeout=0.5)
    except asyncio.TimeoutError as e:
        print("timed out:", type(e).__name__, repr(e))
        print("same class as builtin:", asyncio.TimeoutError is TimeoutError)
    print("time", round(asyncio.get_running_loop().time(), 3))


asyncio.run(main())
