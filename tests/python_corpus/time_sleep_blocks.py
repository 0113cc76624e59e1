# Checks: time.sleep inside a coroutine blocks the whole loop: the other
# task's timer fires late; asyncio.sleep does not block.
# Modules: asyncio, time
import asyncio
import time


async def heartbeat(loop, start):
    for _ in range(4):
        await asyncio.sleep(0.1)
        print(f"beat at {loop.time() - start:.2f}")


async def blocker():
    await asyncio.sleep(0.15)
    print("blocking for 0.3 s with time.sleep")
    time.sleep(0.3)
    print("unblocked")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    t0 = time.monotonic()
    await asyncio.gather(heartbeat(loop, start), blocker())
    print(f"total {time.monotonic() - t0:.2f}")
    print(f"perf_counter and monotonic agree: {abs(time.perf_counter() - time.monotonic()) < 0.001}")


asyncio.run(main())
