import asyncio

TASKS = 3          # how many fetches
DELAY = 1.0        # seconds each fetch takes
MODE = "gather"    # or "sequential"

async def fetch_user(i):
    print(f"fetch_user({i}) start")
    await asyncio.sleep(DELAY)                # the network, say
    print(f"fetch_user({i}) done")
    return f"user{i}"

async def main():
    if MODE == "sequential":
        results = []
        for i in range(TASKS):
            # waits for this one before starting the next
            results.append(await fetch_user(i))
    else:
        fetches = (fetch_user(i) for i in range(TASKS))
        results = await asyncio.gather(*fetches)
    print(results)                            # in the order given

asyncio.run(main())
