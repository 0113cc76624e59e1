# Checks: an exception in a call_soon callback does not stop the loop: it
# is logged on stderr ("Exception in callback ...") and the program goes on.
# Modules: asyncio
import asyncio


def bad_callback(x):
    print("callback runs with", x)
    raise ValueError(f"bad value {x}")


async def main():
    loop = asyncio.get_running_loop()
    loop.call_soon(bad_callback, 1)
    loop.call_later(0.1, bad_callback, 2)
    await asyncio.sleep(0.2)
    print("main still running")


asyncio.run(main())
