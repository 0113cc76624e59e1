# Checks: a retry loop with exponential backoff (0.1, 0.2, 0.4 s) around a
# flaky call; times of each attempt; giving up re-raises the last error.
# Modules: asyncio
import asyncio

calls = 0


async def flaky(succeed_on):
    global calls
    calls += 1
    await asyncio.sleep(0.05)
    if calls < succeed_on:
        raise ConnectionError(f"attempt {calls} failed")
    return f"ok on attempt {calls}"


async def retry(succeed_on, attempts=4, base=0.1):
    global calls
    calls = 0
    loop = asyncio.get_running_loop()
    for i in range(attempts):
        try:
            return await flaky(succeed_on)
        except ConnectionError as e:
            delay = base * 2 ** i
            print(f"t={loop.time():.2f} {e}; retry in {delay:.1f}s")
            if i == attempts - 1:
                raise
            await asyncio.sleep(delay)


async def main():
    print(await retry(3))
    try:
        await retry(10)
    except ConnectionError as e:
        print("gave up:", e)


asyncio.run(main())
