# Checks: Semaphore(2) lets two jobs in at a time; the others wait and
# enter in FIFO order as permits come back.
# Modules: asyncio
import asyncio


active = 0


async def job(sem, i):
    global active
    async with sem:
        active += 1
        print(f"job {i} in (active={active})")
        await asyncio.sleep(0.1 * (i + 1))
        active -= 1
        print(f"job {i} out")


async def main():
    sem = asyncio.Semaphore(2)
    await asyncio.gather(*(job(sem, i) for i in range(5)))
    print("locked at end?", sem.locked())


asyncio.run(main())
