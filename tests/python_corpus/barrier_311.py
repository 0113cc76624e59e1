# Checks: asyncio.Barrier (3.11): parties wait until all arrive, then all
# go on at the same instant; wait() returns distinct indexes; n_waiting.
# Modules: asyncio
import asyncio


async def runner(barrier, name, delay, loop):
    await asyncio.sleep(delay)
    print(f"{loop.time():.1f} {name} arrives ({barrier.n_waiting} waiting)")
    idx = await barrier.wait()
    print(f"{loop.time():.1f} {name} passes, index {idx}")


async def main():
    loop = asyncio.get_running_loop()
    barrier = asyncio.Barrier(3)
    print("parties", barrier.parties, "broken?", barrier.broken)
    await asyncio.gather(*(runner(barrier, n, d, loop) for n, d in [("a", 0.3), ("b", 0.1), ("c", 0.2)]))


asyncio.run(main())
