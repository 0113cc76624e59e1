import asyncio
import random

async def producer(queue: asyncio.Queue, n: int) -> None:
    for i in range(n):
        item = random.randint(1, 10)
        await queue.put(item)
        print(f"produced {item}")
    await queue.put(None)

async def consumer(queue: asyncio.Queue) -> int:
    total = 0
    while True:
        item = await queue.get()
        if item is None:
            break
        total += item
        queue.task_done()
    return total

async def main():
    queue = asyncio.Queue(maxsize=3)
    prod = asyncio.create_task(producer(queue, 5))
    total = await consumer(queue)
    await prod
    print("total", total)

if __name__ == "__main__":
    asyncio.run(main())
