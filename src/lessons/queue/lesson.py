import asyncio

ITEMS = 8        # how many items the producer makes
CONSUMERS = 2    # how many consumer tasks
MAXSIZE = 2      # items the queue holds before put() waits (0: unbounded)
PRODUCE = 0.1    # seconds to make each item
CONSUME = 0.5    # seconds to process each item

async def producer(q):
    for i in range(ITEMS):
        await asyncio.sleep(PRODUCE)        # make an item
        await q.put(i)                      # waits while the queue is full
        print(f"put {i}")

async def consumer(i, q):
    while True:
        item = await q.get()                # waits while the queue is empty
        await asyncio.sleep(CONSUME)        # process it
        print(f"consumer({i}) processed {item}")
        q.task_done()

async def main():
    q = asyncio.Queue(maxsize=MAXSIZE)
    consumers = [asyncio.create_task(consumer(i, q))
                 for i in range(CONSUMERS)]
    await producer(q)
    await q.join()                          # every item processed
    for c in consumers:
        c.cancel()                          # else they wait in get()

asyncio.run(main())
