# Checks: cancelling a task that awaits another task cancels the awaited
# task too; but cancelling a task awaiting a shielded one or a gather with
# return_exceptions... here: a plain await chain, three levels deep.
# Modules: asyncio
import asyncio


async def leaf():
    try:
        await asyncio.sleep(5)
    except asyncio.CancelledError:
        print("leaf cancelled")
        raise


async def middle(holder):
    t = asyncio.create_task(leaf())
    holder.append(t)
    try:
        await t
    except asyncio.CancelledError:
        print("middle cancelled")
        raise


async def main():
    holder = []
    m = asyncio.create_task(middle(holder))
    await asyncio.sleep(0.1)
    m.cancel()
    await asyncio.gather(m, return_exceptions=True)
    print("middle cancelled?", m.cancelled(), "leaf cancelled?", holder[0].cancelled())


asyncio.run(main())
