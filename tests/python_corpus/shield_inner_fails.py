# Checks: shield() when the inner task fails: the awaiter gets the error;
# when the awaiter gave up first (a wait_for timeout around the shield),
# nobody retrieves the inner error: shield drops its callback when the
# outer future is cancelled, so "Task exception was never retrieved" is logged.
# Modules: asyncio
import asyncio


async def risky(delay):
    await asyncio.sleep(delay)
    raise OSError("disk full")


async def main():
    try:
        await asyncio.shield(risky(0.1))
    except OSError as e:
        print("awaiter got", repr(e))
    inner = asyncio.create_task(risky(0.3))
    outer = asyncio.create_task(asyncio.wait_for(asyncio.shield(inner), 0.1))
    try:
        await outer
    except TimeoutError:
        print("timed out; inner still running?", not inner.done())
    await asyncio.sleep(0.5)
    print("inner done?", inner.done())


asyncio.run(main())
