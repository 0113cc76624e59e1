# Checks: wait_for(lock.acquire(), timeout) gives up with TimeoutError while
# the holder keeps the lock; the waiter removed from the queue does not get
# the lock later; a second try succeeds after release.
# Modules: asyncio
import asyncio


async def holder(lock):
    async with lock:
        print("holder has the lock")
        await asyncio.sleep(0.5)
    print("holder released")


async def main():
    lock = asyncio.Lock()
    h = asyncio.create_task(holder(lock))
    await asyncio.sleep(0)
    try:
        await asyncio.wait_for(lock.acquire(), timeout=0.2)
    except TimeoutError:
        print("gave up at", round(asyncio.get_running_loop().time(), 2), "locked?", lock.locked())
    await h
    print("after holder: locked?", lock.locked())
    await asyncio.wait_for(lock.acquire(), timeout=0.2)
    print("second try got it at", round(asyncio.get_running_loop().time(), 2))
    lock.release()


asyncio.run(main())
