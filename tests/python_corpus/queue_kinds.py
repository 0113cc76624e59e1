import asyncio

async def producer(queue, n):
    for i in range(n):
        await queue.put(i)
        print(f"produced {i}, size {queue.qsize()}")
    await queue.put(None)

async def consumer(queue):
    total = 0
    while True:
        item = await queue.get()
        if item is None:
            queue.task_done()
            break
        await asyncio.sleep(0.2)
        total += item
        queue.task_done()
        print(f"consumed {item}")
    return total

async def main():
    q = asyncio.Queue(maxsize=2)
    p = asyncio.create_task(producer(q, 5))
    c = asyncio.create_task(consumer(q))
    await q.join()
    print("total", await c, q.empty(), q.full())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("empty!")
    pq = asyncio.PriorityQueue()
    for x in [5, 1, 3]:
        pq.put_nowait((x, f"job{x}"))
    while not pq.empty():
        print(pq.get_nowait())
    lq = asyncio.LifoQueue()
    for x in range(3):
        lq.put_nowait(x)
    print([lq.get_nowait() for _ in range(3)])

asyncio.run(main())
