import asyncio, time
from concurrent.futures import ProcessPoolExecutor

WORK = 0.6       # seconds of CPU work
OFFLOAD = True   # True: in an executor (another process); False: inline

def count_primes(seconds):                 # CPU-bound, no await inside
    end, n, found = time.monotonic() + seconds, 2, 0
    while time.monotonic() < end:
        found += all(n % d for d in range(2, int(n ** 0.5) + 1))
        n += 1
    return found

async def ticker():
    loop = asyncio.get_running_loop()
    next_tick = loop.time()
    while True:
        next_tick += 0.1
        await asyncio.sleep(next_tick - loop.time())  # every 0.1 s
        print("tick")

async def main():
    loop = asyncio.get_running_loop()
    t = asyncio.create_task(ticker())
    await asyncio.sleep(0)                 # let the ticker start
    with ProcessPoolExecutor() as pool:
        if OFFLOAD:
            # another process computes; the loop runs the ticker
            primes = await loop.run_in_executor(pool, count_primes, WORK)
        else:
            primes = count_primes(WORK)    # inline: the loop is stuck here
    print(f"found {primes} primes")
    t.cancel()

if __name__ == "__main__":                 # a process pool needs this guard
    asyncio.run(main())
