import asyncio

async def waiter(event, name):
    print(f"{name} waiting")
    await event.wait()
    print(f"{name} woke up")

async def main():
    event = asyncio.Event()
    waiters = [asyncio.create_task(waiter(event, n)) for n in ("a", "b")]
    await asyncio.sleep(1)
    event.set()
    await asyncio.gather(*waiters)

asyncio.run(main())
