# Checks: a failed task re-raises the same exception object each time it is
# awaited; exception() returns it; an error from an awaited task escaping
# main ends the run with that error.
# Modules: asyncio
import asyncio


async def fails(msg):
    await asyncio.sleep(0.1)
    raise LookupError(msg)


async def main():
    t = asyncio.create_task(fails("first"))
    errors = []
    for _ in range(2):
        try:
            await t
        except LookupError as e:
            errors.append(e)
    print(errors, errors[0] is errors[1], t.exception() is errors[0])
    print("done?", t.done(), "cancelled?", t.cancelled())
    await asyncio.create_task(fails("escapes"))


asyncio.run(main())
