# Checks: result()/exception() on a pending task raise InvalidStateError
# with CPython's messages; on a cancelled task they raise CancelledError.
# Modules: asyncio
import asyncio


async def main():
    t = asyncio.create_task(asyncio.sleep(1))
    for method in (t.result, t.exception):
        try:
            method()
        except asyncio.InvalidStateError as e:
            print(method.__name__, "->", type(e).__name__, e)
    print("cancelled?", t.cancelled())
    t.cancel()
    await asyncio.sleep(0)
    print("cancelled?", t.cancelled(), "done?", t.done())
    try:
        t.result()
    except asyncio.CancelledError as e:
        print("result of cancelled -> CancelledError", e.args)
    fut = asyncio.get_running_loop().create_future()
    fut.set_result(1)
    try:
        fut.set_result(2)
    except asyncio.InvalidStateError as e:
        print("set twice ->", e)


asyncio.run(main())
