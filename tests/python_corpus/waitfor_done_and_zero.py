# Checks: wait_for on a task that is already done returns its result at
# once; timeout=0 on a pending task cancels it and raises TimeoutError;
# timeout=None waits forever.
# Modules: asyncio
import asyncio


async def quick():
    return 42


async def slow():
    try:
        await asyncio.sleep(1)
        return "slow"
    except asyncio.CancelledError:
        print("slow cancelled")
        raise


async def main():
    t = asyncio.create_task(quick())
    await asyncio.sleep(0)
    print("done before?", t.done())
    print("wait_for done:", await asyncio.wait_for(t, timeout=0))
    s = asyncio.create_task(slow())
    try:
        await asyncio.wait_for(s, timeout=0)
    except TimeoutError:
        print("timeout=0 ->TimeoutError; cancelled?", s.cancelled())
    print("none:", await asyncio.wait_for(slow(), timeout=None))


asyncio.run(main())
