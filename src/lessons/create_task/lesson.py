import asyncio

INTERVAL_A = 0.3     # seconds between worker a's ticks
INTERVAL_B = 0.7     # seconds between worker b's ticks
CANCEL_AFTER = 1.0   # seconds until main() cancels both

async def worker(name, interval):
    n = 0
    while True:                          # runs until cancelled
        await asyncio.sleep(interval)
        n += 1
        print(f"{name} tick {n}")

async def main():
    # scheduled now, main() goes on; name= is the task's name (its lane)
    a = asyncio.create_task(worker("a", INTERVAL_A), name="worker('a')")
    b = asyncio.create_task(worker("b", INTERVAL_B), name="worker('b')")
    await asyncio.sleep(CANCEL_AFTER)    # the workers tick meanwhile
    a.cancel()
    b.cancel()
    for name, task in (("a", a), ("b", b)):
        try:
            await task
        except asyncio.CancelledError:
            print(f"worker('{name}') cancelled")

asyncio.run(main())
