import asyncio

MAIN = 1.0       # seconds main() works before it returns
INTERVAL = 0.3   # seconds between heartbeats

async def heartbeat():
    n = 0
    while True:
        await asyncio.sleep(INTERVAL)
        n += 1
        print(f"heartbeat {n}")

async def main():
    beat = asyncio.create_task(heartbeat())   # never awaited
    await asyncio.sleep(MAIN)                 # main's own work
    print("main returns")
    # asyncio.run() now cancels every task still running: heartbeat() too

asyncio.run(main())
