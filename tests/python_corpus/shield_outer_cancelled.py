# Checks: shield(): cancelling the awaiting task raises CancelledError in it,
# but the shielded task goes on and finishes.
# Modules: asyncio
import asyncio


async def save():
    print("saving...")
    await asyncio.sleep(0.5)
    print("saved")
    return "ok"


async def handler(inner_holder):
    inner = asyncio.create_task(save())
    inner_holder.append(inner)
    try:
        return await asyncio.shield(inner)
    except asyncio.CancelledError:
        print("handler cancelled; inner done?", inner.done())
        raise


async def main():
    holder = []
    h = asyncio.create_task(handler(holder))
    await asyncio.sleep(0.1)
    h.cancel()
    try:
        await h
    except asyncio.CancelledError:
        print("handler is cancelled:", h.cancelled())
    print("inner result:", await holder[0])


asyncio.run(main())
