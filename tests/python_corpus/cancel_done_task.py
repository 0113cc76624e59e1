# Checks: cancel() on a finished or failed task returns False and changes
# nothing; on a pending task True (twice: True again); a task cancelled
# before it ever ran never runs its body.
# Modules: asyncio
import asyncio


async def body(name):
    print(name, "body runs")
    return name


async def bad():
    raise ValueError("bad")


async def main():
    t = asyncio.create_task(body("done-task"))
    await t
    print("cancel done:", t.cancel(), t.cancelled(), t.result())
    f = asyncio.create_task(bad())
    await asyncio.sleep(0)
    print("cancel failed:", f.cancel(), repr(f.exception()))
    n = asyncio.create_task(body("never"))
    print("cancel pending:", n.cancel(), n.cancel())
    await asyncio.sleep(0)
    print("never ran; cancelled?", n.cancelled())


asyncio.run(main())
