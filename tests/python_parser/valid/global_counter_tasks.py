import asyncio
total = 0
async def add(n):
    global total
    await asyncio.sleep(0)
    total += n
async def main():
    await asyncio.gather(*[add(i) for i in range(10)])
    print(total)
asyncio.run(main())
