import asyncio
import random

random.seed(1)

async def fetch_page(session_id, page):
    delay = random.uniform(0.1, 0.5)
    await asyncio.sleep(delay)
    return {"session": session_id, "page": page, "items": random.randint(1, 10)}

async def crawl(pages):
    sem = asyncio.Semaphore(3)
    async def bounded(p):
        async with sem:
            return await fetch_page(1, p)
    tasks = [asyncio.create_task(bounded(p)) for p in range(pages)]
    total = 0
    for fut in asyncio.as_completed(tasks):
        r = await fut
        total += r["items"]
        print(f"page {r['page']:>2}: {r['items']} items")
    return total

print("total", asyncio.run(crawl(8)))
