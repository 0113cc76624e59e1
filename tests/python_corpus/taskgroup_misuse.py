# Checks: TaskGroup after its block is over refuses new tasks with
# RuntimeError; a TaskGroup's child results; tasks started in a group run
# concurrently (total time = the longest).
# Modules: asyncio
import asyncio


async def work(x):
    await asyncio.sleep(x / 10)
    return x


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    async with asyncio.TaskGroup() as tg:
        tasks = [tg.create_task(work(x)) for x in (3, 1, 2)]
        print("inside the block, all pending:", [t.done() for t in tasks])
    print([t.result() for t in tasks], f"{loop.time() - start:.1f}s")
    try:
        tg.create_task(work(1))
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
