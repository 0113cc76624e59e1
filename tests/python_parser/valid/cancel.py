import asyncio

async def forever():
    try:
        while True:
            await asyncio.sleep(1)
            print("tick")
    except asyncio.CancelledError:
        print("cancelled!")
        raise

async def main():
    t = asyncio.create_task(forever())
    await asyncio.sleep(2.5)
    t.cancel()
    try:
        await t
    except asyncio.CancelledError:
        print("main saw the cancel")

asyncio.run(main())
