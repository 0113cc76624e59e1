# Checks: default task names Task-1 (main), Task-2...; set_name/get_name;
# current_task() inside a task; all_tasks() contents.
# Modules: asyncio
import asyncio


async def child():
    me = asyncio.current_task()
    print("child sees itself as", me.get_name())
    await asyncio.sleep(0.1)


async def main():
    print("main is", asyncio.current_task().get_name())
    t1 = asyncio.create_task(child())
    t2 = asyncio.create_task(child(), name="custom")
    print(t1.get_name(), t2.get_name())
    t1.set_name("renamed")
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    await asyncio.gather(t1, t2)
    print(sorted(t.get_name() for t in asyncio.all_tasks()))
    t3 = asyncio.create_task(child())
    print("next default name", t3.get_name())
    await t3
    print(asyncio.current_task() is asyncio.current_task())


asyncio.run(main())
