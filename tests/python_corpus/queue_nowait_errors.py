# Checks: put_nowait on a full queue raises QueueFull, get_nowait on an
# empty one raises QueueEmpty; task_done too often raises ValueError.
# Modules: asyncio
import asyncio


async def main():
    q = asyncio.Queue(maxsize=1)
    q.put_nowait("a")
    try:
        q.put_nowait("b")
    except asyncio.QueueFull:
        print("QueueFull", repr(asyncio.QueueFull()))
    print(q.get_nowait())
    try:
        q.get_nowait()
    except asyncio.QueueEmpty:
        print("QueueEmpty")
    q.task_done()
    try:
        q.task_done()
    except ValueError as e:
        print("ValueError:", e)
    print("maxsize", q.maxsize, "qsize", q.qsize())
    u = asyncio.Queue()
    for i in range(100):
        u.put_nowait(i)
    print("unbounded full?", u.full(), u.qsize())


asyncio.run(main())
