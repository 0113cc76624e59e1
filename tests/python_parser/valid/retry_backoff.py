import asyncio
import random

class Flaky(Exception):
    pass

async def call(attempt):
    if random.random() < 0.5:
        raise Flaky(f"attempt {attempt} failed")
    return "ok"

async def with_retry(retries=3, base=0.1):
    for attempt in range(1, retries + 1):
        try:
            return await call(attempt)
        except Flaky as e:
            wait = base * 2 ** (attempt - 1)
            print(f"{e}; retrying in {wait:.2f}s")
            await asyncio.sleep(wait)
    raise RuntimeError("gave up") from None

async def main():
    try:
        print(await with_retry())
    except RuntimeError as exc:
        print("error:", exc)

asyncio.run(main())
