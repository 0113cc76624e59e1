# Checks: a pool of 3 workers draining a queue with join(), then cancelled;
# each worker's share of jobs and the times they finish.
# Modules: asyncio
import asyncio


async def worker(name, q, log):
    while True:
        job = await q.get()
        await asyncio.sleep(job / 10)
        log.append((name, job))
        print(f"{name} finished job {job}")
        q.task_done()


async def main():
    q = asyncio.Queue()
    for job in [3, 1, 2, 1, 4, 1]:
        q.put_nowait(job)
    log = []
    workers = [asyncio.create_task(worker(f"w{i}", q, log)) for i in range(3)]
    await q.join()
    for w in workers:
        w.cancel()
    res = await asyncio.gather(*workers, return_exceptions=True)
    print([type(r).__name__ for r in res])
    print(log)


asyncio.run(main())
