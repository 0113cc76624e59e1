# Checks: a three-stage pipeline (produce -> square -> collect) linked by
# bounded queues; shutdown with sentinels; timings of each hand-off.
# Modules: asyncio
import asyncio

DONE = object()


async def produce(out_q):
    for i in range(1, 5):
        await asyncio.sleep(0.1)
        print(f"produced {i}")
        await out_q.put(i)
    await out_q.put(DONE)


async def square(in_q, out_q):
    while (item := await in_q.get()) is not DONE:
        await asyncio.sleep(0.15)
        print(f"squared {item}")
        await out_q.put(item * item)
    await out_q.put(DONE)


async def collect(in_q, results):
    while (item := await in_q.get()) is not DONE:
        results.append(item)
        print(f"collected {item}")


async def main():
    loop = asyncio.get_running_loop()
    q1, q2 = asyncio.Queue(1), asyncio.Queue(1)
    results = []
    await asyncio.gather(produce(q1), square(q1, q2), collect(q2, results))
    print(results, f"{loop.time():.2f}")


asyncio.run(main())
