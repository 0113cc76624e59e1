# Checks: asyncio.sleep(0) yields to every other ready task: three tasks
# interleave round-robin; a task without awaits runs to the end at once.
# Modules: asyncio
import asyncio


async def polite(name, n):
    for i in range(n):
        print(f"{name}{i}", end=" ")
        await asyncio.sleep(0)


async def greedy(n):
    for i in range(n):
        print(f"G{i}", end=" ")


async def main():
    await asyncio.gather(polite("a", 3), polite("b", 2), greedy(3), polite("c", 3))
    print()
    print("sleep result:", await asyncio.sleep(0, result="r"), await asyncio.sleep(-1, "neg"))


asyncio.run(main())
