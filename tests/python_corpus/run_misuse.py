# Checks: asyncio.run returns main's value; it can be called twice in a row;
# asyncio.run inside a running loop raises RuntimeError (and the inner
# coroutine is never awaited: RuntimeWarning); asyncio.run(non-coroutine)
# raises ValueError.
# Modules: asyncio
import asyncio


async def answer():
    await asyncio.sleep(0.1)
    return 42


async def nested():
    try:
        asyncio.run(answer())
    except RuntimeError as e:
        print("RuntimeError:", e)


print(asyncio.run(answer()))
print(asyncio.run(answer()))
asyncio.run(nested())
try:
    asyncio.run(42)
except ValueError as e:
    print("ValueError:", e)
