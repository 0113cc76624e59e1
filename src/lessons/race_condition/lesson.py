import asyncio
import contextlib

TASKS = 3         # how many tasks increment the shared counter
INCREMENTS = 3    # how many times each one increments it
LOCK = False      # True: each read-await-write runs inside the lock
PAUSE = 0.3       # seconds of other work after each write

counter = 0

async def worker(i, lock):
    global counter
    for _ in range(INCREMENTS):
        async with lock:              # with LOCK: one task at a time
            value = counter           # read
            await asyncio.sleep(0.1)  # the others run (or wait) here
            counter = value + 1       # write: without the lock, this
                                      # overwrites the others' updates
        await asyncio.sleep(PAUSE)    # other work, outside the lock

async def main():
    # without LOCK, a stand-in that locks nothing
    lock = asyncio.Lock() if LOCK else contextlib.nullcontext()
    await asyncio.gather(*(worker(i, lock) for i in range(TASKS)))
    expected = TASKS * INCREMENTS
    print(f"counter = {counter}, expected {expected},"
          f" lost {expected - counter}")

asyncio.run(main())
