import asyncio

def parse(s):
    return int(s)

async def load(s):
    await asyncio.sleep(0.1)
    try:
        return parse(s)
    except ValueError:
        print("bad input, re-raising")
        raise

async def main():
    try:
        await load("x")
    except ValueError as e:
        raise KeyError("wrapped")

asyncio.run(main())
