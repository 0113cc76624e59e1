import asyncio

async def main():
    tasks = {asyncio.create_task(asyncio.sleep(d, result=d)) for d in (3, 1, 2)}
    done, pending = await asyncio.wait(tasks, return_when=asyncio.FIRST_COMPLETED)
    for t in done:
        print("first:", t.result())
    for t in pending:
        t.cancel()

asyncio.run(main())
