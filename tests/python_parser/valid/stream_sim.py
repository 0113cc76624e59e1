import asyncio
async def reader(lines):
    for line in lines:
        await asyncio.sleep(0.01)
        yield line.rstrip('\n')
async def main():
    count = 0
    async for line in reader(['a\n', 'b\n']):
        count += len(line)
    print(count)
asyncio.run(main())
