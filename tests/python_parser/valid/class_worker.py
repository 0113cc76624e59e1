import asyncio
from dataclasses import dataclass, field

@dataclass
class Job:
    name: str
    cost: float = 1.0
    tags: list[str] = field(default_factory=list)

class Pool:
    def __init__(self, size: int = 2) -> None:
        self.size = size
        self._queue: asyncio.Queue[Job] = asyncio.Queue()
        self.done: list[str] = []

    async def run(self, jobs: list[Job]) -> list[str]:
        for j in jobs:
            self._queue.put_nowait(j)
        workers = [asyncio.create_task(self._work(i)) for i in range(self.size)]
        await self._queue.join()
        for w in workers:
            w.cancel()
        await asyncio.gather(*workers, return_exceptions=True)
        return self.done

    async def _work(self, ident: int) -> None:
        while True:
            job = await self._queue.get()
            await asyncio.sleep(job.cost)
            self.done.append(f"{ident}:{job.name}")
            self._queue.task_done()

async def main():
    pool = Pool(size=3)
    print(await pool.run([Job("a"), Job("b", 0.5), Job("c", 2.0, ["slow"])]))

asyncio.run(main())
