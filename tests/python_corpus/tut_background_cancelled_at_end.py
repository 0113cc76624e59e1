# Checks: when main() returns, asyncio.run cancels the tasks still running;
# the background task's `finally` prints, then run returns. (Only one task
# prints at shutdown: CPython cancels the leftover tasks in the iteration
# order of a WeakSet, i.e. by memory address, so two would tie randomly.)
# Modules: asyncio
import asyncio


async def worker(name, period):
    try:
        while True:
            await asyncio.sleep(period)
            print(name, "working")
    finally:
        if name == "w1":
            print(name, "cleanup (w2 is cancelled too, silently)")


async def main():
    asyncio.create_task(worker("w1", 0.4))
    asyncio.create_task(worker("w2", 0.25))
    await asyncio.sleep(1)
    print("main returns")


asyncio.run(main())
print("after run")
