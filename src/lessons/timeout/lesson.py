import asyncio

DELAY = 2.0     # seconds the slow operation takes
TIMEOUT = 1.0   # seconds wait_for lets it run

async def slow_operation():
    print("slow_operation() start")
    await asyncio.sleep(DELAY)           # cancelled here on timeout
    print("slow_operation() done")
    return "result"

async def main():
    try:
        result = await asyncio.wait_for(slow_operation(), timeout=TIMEOUT)
        print(f"got {result!r}")
    except TimeoutError:                 # asyncio.TimeoutError before 3.11
        print("TimeoutError: slow_operation() was cancelled"
              f" after {TIMEOUT} s")

asyncio.run(main())
