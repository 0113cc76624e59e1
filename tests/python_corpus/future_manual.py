# Checks: a bare Future from loop.create_future(): set_result via
# call_later wakes the awaiter; set_exception raises in the awaiter;
# done callbacks; a cancelled future raises CancelledError.
# Modules: asyncio
import asyncio


async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print("callback sees", f.result()))
    loop.call_later(0.3, fut.set_result, "hello")
    print("waiting; done?", fut.done())
    print("got", await fut, "at", round(loop.time(), 1))
    bad = loop.create_future()
    loop.call_later(0.1, bad.set_exception, KeyError("nope"))
    try:
        await bad
    except KeyError as e:
        print("exception", repr(e), repr(bad.exception()))
    c = loop.create_future()
    loop.call_soon(c.cancel)
    try:
        await c
    except asyncio.CancelledError:
        print("future cancelled:", c.cancelled())
    print("await done future twice:", await fut, await fut)


asyncio.run(main())
