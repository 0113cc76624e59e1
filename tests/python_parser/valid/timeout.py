import asyncio

async def slow():
    await asyncio.sleep(10)

async def main():
    try:
        await asyncio.wait_for(slow(), timeout=0.5)
    except asyncio.TimeoutError:
        print("timed out")
    else:
        print("finished")
    finally:
        print("cleanup")

asyncio.run(main())
