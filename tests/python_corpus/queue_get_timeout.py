# Checks: wait_for(queue.get(), timeout) times out on an empty queue and
# loses nothing: an item put later goes to the next get.
# Modules: asyncio
import asyncio


async def late_put(q):
    await asyncio.sleep(0.3)
    await q.put("late item")
    print("put done")


async def main():
    q = asyncio.Queue()
    t = asyncio.create_task(late_put(q))
    for attempt in range(3):
        try:
            item = await asyncio.wait_for(q.get(), timeout=0.2)
            print("attempt", attempt, "got", item)
            break
        except TimeoutError:
            print("attempt", attempt, "timed out; size", q.qsize())
    await t
    print("left", q.qsize())


asyncio.run(main())
