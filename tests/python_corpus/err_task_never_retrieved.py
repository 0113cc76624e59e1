# Checks: a task that fails and is never awaited: "Task exception was never
# retrieved" is logged on stderr (when the task is garbage collected); the
# run itself ends ok.
# Modules: asyncio
import asyncio


async def fails():
    await asyncio.sleep(0.1)
    raise ValueError("nobody looks at me")


async def main():
    t = asyncio.create_task(fails())
    await asyncio.sleep(0.5)
    print("main done; task done?", t.done())


asyncio.run(main())
print("after run")
