# Checks: cancelling the gather future cancels every child still running;
# the children's CancelledError handlers run; the finished child keeps its result.
# Modules: asyncio
import asyncio


async def child(name, delay):
    try:
        await asyncio.sleep(delay)
        print(name, "finished")
        return name
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    kids = [asyncio.create_task(child(n, d)) for n, d in [("fast", 0.1), ("mid", 0.5), ("slow", 1.0)]]
    g = asyncio.gather(*kids)
    await asyncio.sleep(0.2)
    print("cancel gather:", g.cancel())
    try:
        await g
    except asyncio.CancelledError:
        print("gather raised CancelledError")
    print([(k.cancelled(), k.done()) for k in kids])
    print("fast result", kids[0].result())


asyncio.run(main())
