# Checks: add_done_callback runs callbacks soon after completion, in the
# order added, with the task as argument; callbacks added to a done task
# are scheduled too; remove_done_callback returns the count removed.
# Modules: asyncio
import asyncio


def cb(label):
    def inner(t):
        print(f"callback {label}: result={t.result()}")
    return inner


async def work():
    await asyncio.sleep(0.1)
    print("work returns")
    return 7


async def main():
    t = asyncio.create_task(work())
    t.add_done_callback(cb("first"))
    second = cb("second")
    t.add_done_callback(second)
    t.add_done_callback(cb("third"))
    print("removed", t.remove_done_callback(second))
    print("awaited", await t)
    t.add_done_callback(cb("late"))
    print("after late add")
    await asyncio.sleep(0)
    print("end")


asyncio.run(main())
