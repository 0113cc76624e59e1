# Checks: contextlib.asynccontextmanager: setup before yield, teardown in
# finally even on error; the exception is re-raised inside the generator.
# Modules: asyncio, contextlib
import asyncio
import contextlib


@contextlib.asynccontextmanager
async def connection(name):
    print("connect", name)
    await asyncio.sleep(0.1)
    try:
        yield f"<conn {name}>"
    except KeyError as e:
        print("generator saw", repr(e))
        raise
    finally:
        await asyncio.sleep(0.1)
        print("disconnect", name)


async def main():
    async with connection("a") as c:
        print("using", c)
    try:
        async with connection("b") as c:
            raise KeyError("missing")
    except KeyError as e:
        print("main caught", e)
    async with contextlib.AsyncExitStack() as stack:
        x = await stack.enter_async_context(connection("x"))
        y = await stack.enter_async_context(connection("y"))
        print("both", x, y)


asyncio.run(main())
