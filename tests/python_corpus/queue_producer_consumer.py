# Checks: Queue(maxsize=2): the producer blocks when full; consumer and
# producer alternate; task_done/join; a None sentinel ends the consumer.
# Modules: asyncio
import asyncio


async def producer(q):
    for i in range(5):
        await q.put(i)
        print(f"put {i} (size {q.qsize()})")
    await q.put(None)
    print("producer done")


async def consumer(q):
    while True:
        item = await q.get()
        if item is None:
            q.task_done()
            break
        await asyncio.sleep(0.1)
        print(f"got {item}")
        q.task_done()


async def main():
    q = asyncio.Queue(maxsize=2)
    c = asyncio.create_task(consumer(q))
    await producer(q)
    await q.join()
    print("joined; empty?", q.empty(), "full?", q.full())
    await c


asyncio.run(main())
