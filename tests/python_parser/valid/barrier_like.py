import asyncio
async def worker(i, ev, done):
    await ev.wait()
    done.append(i)
async def main():
    ev = asyncio.Event()
    done = []
    ts = [asyncio.create_task(worker(i, ev, done)) for i in range(3)]
    await asyncio.sleep(0)
    ev.set()
    await asyncio.gather(*ts)
    print(sorted(done))
asyncio.run(main())
