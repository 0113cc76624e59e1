# Checks: async generator asend() and athrow(); an async generator that
# returns early raises StopAsyncIteration; catching athrow's exception
# inside the generator and yielding a value.
# Modules: asyncio
import asyncio


async def accumulator():
    total = 0
    while True:
        try:
            x = yield total
        except ValueError as e:
            print("  generator caught", e)
            total = 0
            continue
        await asyncio.sleep(0.1)
        total += x


async def two_items():
    yield "a"
    return
    yield "never"


async def main():
    acc = accumulator()
    print(await acc.asend(None))
    print(await acc.asend(5))
    print(await acc.asend(10))
    print(await acc.athrow(ValueError("reset")))
    print(await acc.asend(1))
    await acc.aclose()
    items = [x async for x in two_items()]
    print(items)
    g = two_items()
    await anext(g)
    try:
        await anext(g)
    except StopAsyncIteration:
        print("StopAsyncIteration after return")


asyncio.run(main())
