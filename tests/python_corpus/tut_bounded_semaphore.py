# Checks: BoundedSemaphore raises ValueError when released above its start
# value; a plain Semaphore just grows (two acquires succeed after one extra release).
# Modules: asyncio
import asyncio


async def main():
    s = asyncio.Semaphore(1)
    s.release()
    await s.acquire()
    await s.acquire()
    print("plain semaphore after extra release, two acquires; locked?", s.locked())
    b = asyncio.BoundedSemaphore(1)
    await b.acquire()
    print("locked?", b.locked())
    b.release()
    try:
        b.release()
    except ValueError as e:
        print("ValueError:", e)
    print("locked?", b.locked())


asyncio.run(main())
