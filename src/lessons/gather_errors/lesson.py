import asyncio

TASKS = 4                    # how many jobs; job i takes (i + 1) * 0.3 s
FAIL = 1                     # the job that raises (none if not below TASKS)
RETURN_EXCEPTIONS = False    # True: gather returns the exception instead

async def job(i):
    await asyncio.sleep((i + 1) * 0.3)
    if i == FAIL:
        raise ValueError(f"job {i} failed")
    print(f"job({i}) done")
    return i

async def main():
    tasks = [asyncio.create_task(job(i)) for i in range(TASKS)]
    if RETURN_EXCEPTIONS:
        results = await asyncio.gather(*tasks, return_exceptions=True)
        print(results)                    # in order, the exception included
        return
    try:
        results = await asyncio.gather(*tasks)
        print(results)
    except ValueError as e:           # raised as soon as job(FAIL) fails
        print(f"gather raised {e!r}")
        await asyncio.sleep(0.45)         # main goes on; the jobs too
    print("main returns")                 # asyncio.run() cancels the rest

asyncio.run(main())
