import asyncio

async def inner(x):
    return 1 / x

async def main():
    print(await inner(2))
    d = {}
    try:
        d["missing"]
    except KeyError as e:
        print("key", e)
    await inner(0)

asyncio.run(main())
