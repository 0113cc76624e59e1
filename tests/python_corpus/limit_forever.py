# Checks: a loop that sleeps forever: the oracle stops at its scenario
# limit (an hour) with the ending `limit`.
# Modules: asyncio
import asyncio


async def main():
    n = 0
    while True:
        await asyncio.sleep(600)
        n += 1
        print("ten more minutes:", n)


asyncio.run(main())
