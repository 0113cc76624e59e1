# Checks: create_task does not run the task now: the creator keeps running
# until its next await; tasks start in creation order; a task created from
# a call_soon callback starts after the tasks already scheduled.
# Modules: asyncio
import asyncio


async def say(word):
    print("start", word)
    await asyncio.sleep(0)
    print("end", word)


async def main():
    loop = asyncio.get_running_loop()
    asyncio.create_task(say("one"))
    loop.call_soon(lambda: asyncio.create_task(say("from-callback")))
    asyncio.create_task(say("two"))
    print("main still running")
    await asyncio.sleep(0)
    print("main after first yield")
    await asyncio.sleep(0)
    print("main after second yield")
    await asyncio.sleep(0.1)


asyncio.run(main())
