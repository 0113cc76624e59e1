import asyncio

RETRIES = 3     # how many times to try again after the first attempt
BASE = 0.2      # seconds before the first retry; each next wait doubles
FAILURES = 2    # the first FAILURES attempts fail

async def call_api(attempt):
    await asyncio.sleep(0.1)               # the request
    if attempt <= FAILURES:
        raise ConnectionError(f"attempt {attempt} failed")
    return "ok"

async def main():
    for attempt in range(1, RETRIES + 2):
        try:
            print(await call_api(attempt))
            return
        except ConnectionError as e:
            if attempt == RETRIES + 1:
                print(f"giving up after {attempt} attempts")
                raise
            wait = BASE * 2 ** (attempt - 1)   # BASE, 2 * BASE, …
            print(f"{e}; retrying in {wait} s")
            await asyncio.sleep(wait)

asyncio.run(main())
