# Checks: Event: several waiters wake when set(), in the order they began
# waiting; wait() on a set event returns True at once; clear().
# Modules: asyncio
import asyncio


async def waiter(ev, name):
    print(name, "waiting")
    r = await ev.wait()
    print(name, "woke", r)


async def main():
    ev = asyncio.Event()
    ts = [asyncio.create_task(waiter(ev, f"w{i}")) for i in range(3)]
    await asyncio.sleep(0.2)
    print("setting; is_set?", ev.is_set())
    ev.set()
    await asyncio.gather(*ts)
    print("already set:", await ev.wait())
    ev.clear()
    print("cleared:", ev.is_set())
    try:
        await asyncio.wait_for(ev.wait(), 0.1)
    except TimeoutError:
        print("nobody set it")


asyncio.run(main())
