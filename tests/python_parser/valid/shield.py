import asyncio

async def important():
    await asyncio.sleep(1)
    return "saved"

async def main():
    task = asyncio.ensure_future(important())
    try:
        res = await asyncio.wait_for(asyncio.shield(task), 0.1)
    except asyncio.TimeoutError:
        print("timeout, but still running")
        res = await task
    print(res)

asyncio.run(main())
