# Checks: TaskGroup (3.11): one child fails, the others are cancelled, the
# group raises an ExceptionGroup whose .exceptions holds the failure.
# Modules: asyncio
import asyncio


async def child(name, delay, fail=False):
    try:
        await asyncio.sleep(delay)
        if fail:
            raise RuntimeError(f"{name} broke")
        print(name, "done")
    except asyncio.CancelledError:
        print(name, "cancelled")
        raise


async def main():
    try:
        async with asyncio.TaskGroup() as tg:
            tg.create_task(child("a", 0.1))
            tg.create_task(child("b", 0.2, fail=True))
            tg.create_task(child("c", 0.3))
            print("body done")
    except ExceptionGroup as eg:
        print("group:", eg)
        print([f"{type(e).__name__}: {e}" for e in eg.exceptions])
    async with asyncio.TaskGroup() as tg:
        t1 = tg.create_task(asyncio.sleep(0.1, result="x"))
        t2 = tg.create_task(asyncio.sleep(0.2, result="y"))
    print("all ok:", t1.result(), t2.result())


asyncio.run(main())
