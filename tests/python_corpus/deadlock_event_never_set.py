# Checks: main waits on an Event nobody sets and no timer is pending:
# CPython would hang; the oracle reports `deadlock`.
# Modules: asyncio
import asyncio


async def main():
    ready = asyncio.Event()
    print("waiting for an event that never comes")
    await asyncio.sleep(0.5)
    await ready.wait()
    print("never printed")


asyncio.run(main())
