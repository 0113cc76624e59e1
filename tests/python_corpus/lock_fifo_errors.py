# Checks: Lock waiters acquire in FIFO order; releasing an unlocked lock
# raises RuntimeError('Lock is not acquired.').
# Modules: asyncio
import asyncio


async def user(lock, name):
    async with lock:
        print(name, "has the lock")
        await asyncio.sleep(0.1)


async def main():
    lock = asyncio.Lock()
    await asyncio.gather(*(user(lock, f"u{i}") for i in range(4)))
    try:
        lock.release()
    except RuntimeError as e:
        print("RuntimeError:", e)
    await lock.acquire()
    print("acquired directly; locked?", lock.locked())
    lock.release()


asyncio.run(main())
