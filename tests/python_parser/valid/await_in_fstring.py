import asyncio
async def main():
    print(f'{await asyncio.sleep(0, 5)}')
asyncio.run(main())
