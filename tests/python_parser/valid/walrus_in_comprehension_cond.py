import asyncio
async def main():
    vals = [v for x in range(5) if (v := x * x) > 3]
    print(vals, v)
asyncio.run(main())
