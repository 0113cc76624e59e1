import asyncio

HOLD = 0.5           # seconds each task holds its first lock
ORDER = "opposite"   # "opposite": task_2 takes b then a; "same": a then b

lock_a = asyncio.Lock()
lock_b = asyncio.Lock()

async def task_1():
    async with lock_a:
        print("task_1 holds a")
        await asyncio.sleep(HOLD)
        print("task_1 wants b")
        async with lock_b:
            print("task_1 holds a and b")

async def task_2():
    if ORDER == "opposite":
        first, second, f, s = lock_b, lock_a, "b", "a"
    else:
        first, second, f, s = lock_a, lock_b, "a", "b"
    async with first:
        print(f"task_2 holds {f}")
        await asyncio.sleep(HOLD)
        print(f"task_2 wants {s}")
        async with second:
            print("task_2 holds a and b")

async def main():
    await asyncio.gather(task_1(), task_2())
    print("both done")

asyncio.run(main())
