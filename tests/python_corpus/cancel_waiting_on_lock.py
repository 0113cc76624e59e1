# Checks: cancelling a task waiting on a Lock, a Semaphore and a Queue.get:
# no permit or item is lost; the next waiter gets it.
# Modules: asyncio
import asyncio


async def take_lock(lock, name):
    async with lock:
        print(name, "got lock")
        await asyncio.sleep(0.1)


async def take_sem(sem, name):
    async with sem:
        print(name, "got permit")
        await asyncio.sleep(0.1)


async def take_item(q, name):
    print(name, "got item", await q.get())


async def main():
    lock = asyncio.Lock()
    a = asyncio.create_task(take_lock(lock, "a"))
    b = asyncio.create_task(take_lock(lock, "b"))
    c = asyncio.create_task(take_lock(lock, "c"))
    await asyncio.sleep(0.05)
    b.cancel()
    await asyncio.gather(a, b, c, return_exceptions=True)
    print("lock free:", not lock.locked())
    sem = asyncio.Semaphore(1)
    xs = [asyncio.create_task(take_sem(sem, f"s{i}")) for i in range(3)]
    await asyncio.sleep(0.05)
    xs[1].cancel()
    await asyncio.gather(*xs, return_exceptions=True)
    print("semaphore free:", not sem.locked())
    q = asyncio.Queue()
    g1 = asyncio.create_task(take_item(q, "g1"))
    g2 = asyncio.create_task(take_item(q, "g2"))
    await asyncio.sleep(0)
    g1.cancel()
    await q.put("only item")
    await asyncio.gather(g1, g2, return_exceptions=True)
    print("queue size", q.qsize(), "g1 cancelled?", g1.cancelled())


asyncio.run(main())
