# Checks: a task spawned from a `finally` while asyncio.run is cancelling
# everything is not cancelled itself (run only cancels the tasks it found);
# the loop closes with it pending: "Task was destroyed but it is pending!".
# Modules: asyncio
import asyncio


async def flush_logs():
    print("flush starts")
    await asyncio.sleep(1)
    print("flush never finishes")


async def worker():
    try:
        await asyncio.sleep(10)
    finally:
        print("worker cancelled; spawning flush")
        asyncio.get_running_loop().create_task(flush_logs())


async def main():
    asyncio.create_task(worker())
    await asyncio.sleep(0.1)
    print("main returns")


asyncio.run(main())
print("run returned")
