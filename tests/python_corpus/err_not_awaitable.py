# Checks: awaiting something that is not awaitable gives CPython's exact
# TypeError messages; gather() of a non-awaitable too.
# Modules: asyncio
import asyncio


def not_async():
    return 5


async def main():
    for value in [5, None, "text", [1]]:
        try:
            await value
        except TypeError as e:
            print("TypeError:", e)
    try:
        await not_async()
    except TypeError as e:
        print("TypeError:", e)
    try:
        await asyncio.gather(not_async())
    except TypeError as e:
        print("gather TypeError:", e)
    try:
        asyncio.create_task(not_async())
    except TypeError as e:
        print("create_task TypeError:", e)
    await 3


asyncio.run(main())
