# Checks: task.cancel("why") (3.11): the message is the CancelledError's
# args inside the task and when awaiting it; cancelling() counts requests;
# uncancel() decrements.
# Modules: asyncio
import asyncio


async def victim():
    try:
        await asyncio.sleep(1)
    except asyncio.CancelledError as e:
        print("inside, args:", e.args, "cancelling:", asyncio.current_task().cancelling())
        raise


async def main():
    t = asyncio.create_task(victim())
    await asyncio.sleep(0)
    t.cancel("shutting down")
    t.cancel("second reason")
    print("cancelling() =", t.cancelling())
    try:
        await t
    except asyncio.CancelledError as e:
        print("outside, args:", e.args)
    u = asyncio.create_task(asyncio.sleep(1))
    await asyncio.sleep(0)
    u.cancel()
    print("uncancel ->", u.uncancel(), "cancelling ->", u.cancelling())
    try:
        await u
    except asyncio.CancelledError as e:
        print("u still cancelled, args:", e.args)


asyncio.run(main())
