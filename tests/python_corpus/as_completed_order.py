# Checks: as_completed yields results in finishing order, not argument
# order; a timeout raises TimeoutError for what is left.
# Modules: asyncio
import asyncio


async def job(name, delay):
    await asyncio.sleep(delay)
    return f"{name} after {delay}"


async def main():
    jobs = [job("a", 0.3), job("b", 0.1), job("c", 0.2)]
    for fut in asyncio.as_completed(jobs):
        print(await fut)
    try:
        for fut in asyncio.as_completed([job("fast", 0.1), job("slow", 1)], timeout=0.5):
            print(await fut)
    except TimeoutError:
        print("as_completed timed out at", round(asyncio.get_running_loop().time(), 2))


asyncio.run(main())
