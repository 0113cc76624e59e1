# Checks: asyncio.wait with FIRST_COMPLETED, FIRST_EXCEPTION, ALL_COMPLETED
# and a timeout; pending tasks are not cancelled by wait.
# Modules: asyncio
import asyncio


async def job(name, delay, fail=False):
    await asyncio.sleep(delay)
    if fail:
        raise ValueError(name)
    return name


def names(tasks):
    return sorted(t.get_name() for t in tasks)


async def main():
    ts = [asyncio.create_task(job(n, d), name=n) for n, d in [("a", 0.3), ("b", 0.1), ("c", 0.2)]]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_COMPLETED)
    print("first completed:", names(done), names(pending))
    done, pending = await asyncio.wait(ts)
    print("all completed:", names(done), names(pending))
    ts = [asyncio.create_task(job("x", 0.1, fail=True), name="x"),
          asyncio.create_task(job("y", 0.5), name="y")]
    done, pending = await asyncio.wait(ts, return_when=asyncio.FIRST_EXCEPTION)
    print("first exception:", names(done), names(pending))
    done, pending = await asyncio.wait(pending, timeout=0.1)
    print("timeout:", names(done), names(pending), "y cancelled?", ts[1].cancelled())
    await asyncio.wait(pending)
    print("y:", ts[1].result(), "x:", repr(ts[0].exception()))


asyncio.run(main())
