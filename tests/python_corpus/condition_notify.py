# Checks: Condition: notify(1) wakes one waiter, notify_all the rest (FIFO);
# wait_for(predicate) re-checks after each notify; wait() needs the lock.
# Modules: asyncio
import asyncio


async def consumer(cond, name, items):
    async with cond:
        await cond.wait()
        print(name, "notified, items =", items)


async def until_five(cond, box):
    async with cond:
        await cond.wait_for(lambda: box[0] >= 5)
        print("predicate true at", box[0])


async def main():
    cond = asyncio.Condition()
    items = []
    ts = [asyncio.create_task(consumer(cond, f"c{i}", items)) for i in range(3)]
    await asyncio.sleep(0.1)
    async with cond:
        items.append(1)
        cond.notify(1)
    await asyncio.sleep(0.1)
    async with cond:
        items.append(2)
        cond.notify_all()
    await asyncio.gather(*ts)
    box = [0]
    t = asyncio.create_task(until_five(cond, box))
    for i in range(1, 7):
        await asyncio.sleep(0.1)
        async with cond:
            box[0] = i
            print("set", i)
            cond.notify_all()
    await t
    try:
        await cond.wait()
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
