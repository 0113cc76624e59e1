import asyncio

def f():
    raise ValueError("inner")

async def main():
    try:
        f()
    except ValueError as e:
        raise RuntimeError("outer") from e

asyncio.run(main())
