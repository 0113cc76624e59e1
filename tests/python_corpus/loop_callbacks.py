# Checks: call_soon runs in FIFO order before timers; call_later and call_at
# by time; a handle's cancel(); loop.time() advancing; get_running_loop().
# Modules: asyncio
import asyncio


def say(msg, loop):
    print(f"{loop.time():.2f} {msg}")


async def main():
    loop = asyncio.get_running_loop()
    start = loop.time()
    loop.call_later(0.2, say, "later 0.2", loop)
    loop.call_later(0.1, say, "later 0.1", loop)
    h = loop.call_later(0.15, say, "cancelled one", loop)
    loop.call_at(start + 0.3, say, "at +0.3", loop)
    loop.call_soon(say, "soon 1", loop)
    loop.call_soon(say, "soon 2", loop)
    h.cancel()
    print("scheduled; cancelled?", h.cancelled())
    await asyncio.sleep(0)
    print("after one iteration")
    await asyncio.sleep(0.5)
    print("same loop?", loop is asyncio.get_running_loop())
    try:
        loop.run_until_complete(asyncio.sleep(0))
    except RuntimeError as e:
        print("RuntimeError:", e)


asyncio.run(main())
try:
    asyncio.get_running_loop()
except RuntimeError as e:
    print("outside:", e)
