# Checks: three awaits in a row take the sum of their times; gather runs
# them at once and takes the longest; gather keeps argument order.
# Modules: asyncio
import asyncio


async def fetch(name, delay):
    print(f"start {name}")
    await asyncio.sleep(delay)
    print(f"end {name}")
    return f"{name}:{delay}"


async def main():
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    a = await fetch("a", 0.3)
    b = await fetch("b", 0.1)
    c = await fetch("c", 0.2)
    print("sequential", [a, b, c], round(loop.time() - t0, 2))
    t0 = loop.time()
    results = await asyncio.gather(fetch("a", 0.3), fetch("b", 0.1), fetch("c", 0.2))
    print("gather", results, round(loop.time() - t0, 2))


asyncio.run(main())
