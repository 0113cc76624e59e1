# Checks: wait_for with the result due at the very instant of the timeout.
# CPython 3.11: wait_for sets its timeout timer before the inner task runs
# its first step (and sets its sleep timer), so the timeout fires first and
# wins the tie; an already-running task whose timer was set earlier wins.
# Modules: asyncio
import asyncio


async def job(delay, value):
    await asyncio.sleep(delay)
    return value


async def main():
    try:
        print("tie:", await asyncio.wait_for(job(0.5, "value"), timeout=0.5))
    except asyncio.TimeoutError:
        print("tie: timeout")
    t = asyncio.create_task(job(0.5, "early timer"))
    await asyncio.sleep(0)
    try:
        print("task first:", await asyncio.wait_for(t, timeout=0.5))
    except asyncio.TimeoutError:
        print("task first: timeout")
    try:
        print("late:", await asyncio.wait_for(job(0.501, "value"), timeout=0.5))
    except asyncio.TimeoutError:
        print("late: timeout")


asyncio.run(main())
