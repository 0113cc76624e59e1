# Checks: when main() returns, asyncio.run cancels the tasks still running;
# their `finally` blocks print, in task creation order.
# Modules: asyncio
import asyncio


async def worker(name, period):
    try:
        while True:
            await asyncio.sleep(period)
            print(name, "working")
    finally:
        print(name, "cleanup")


async def main():
    asyncio.create_task(worker("w1", 0.4))
    asyncio.create_task(worker("w2", 0.25))
    await asyncio.sleep(1)
    print("main returns")


asyncio.run(main())
print("after run")
