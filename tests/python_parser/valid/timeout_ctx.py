import asyncio
async def main():
    try:
        async with asyncio.timeout(0.1):
            await asyncio.sleep(1)
    except TimeoutError:
        print('timeout')
asyncio.run(main())
