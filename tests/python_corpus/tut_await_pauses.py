# Checks: a coroutine runs only when awaited; it pauses at each await and
# resumes after the sleep; calling it alone just makes a coroutine object.
# Modules: asyncio
import asyncio


async def brew(name, seconds):
    print(f"{name}: start")
    await asyncio.sleep(seconds)
    print(f"{name}: done after {seconds}s")
    return name.upper()


async def main():
    coro = brew("tea", 0.5)
    print("created, not started:", type(coro).__name__)
    result = await coro
    print("result:", result)
    print("again:", await brew("coffee", 0.25))


asyncio.run(main())
