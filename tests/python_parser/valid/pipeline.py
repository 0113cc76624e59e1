import asyncio

async def stage(name, inbox, outbox, fn):
    while (item := await inbox.get()) is not None:
        await outbox.put(fn(item))
    await outbox.put(None)

async def main():
    q1, q2, q3 = asyncio.Queue(), asyncio.Queue(), asyncio.Queue()
    s1 = asyncio.create_task(stage("double", q1, q2, lambda x: x * 2))
    s2 = asyncio.create_task(stage("inc", q2, q3, lambda x: x + 1))
    for i in range(3):
        await q1.put(i)
    await q1.put(None)
    out = []
    while (v := await q3.get()) is not None:
        out.append(v)
    await asyncio.gather(s1, s2)
    print(out)

asyncio.run(main())
