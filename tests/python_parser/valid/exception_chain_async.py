import asyncio
async def inner():
    raise KeyError('k')
async def outer():
    try:
        await inner()
    except KeyError as e:
        raise RuntimeError('wrapped') from e
async def main():
    try:
        await outer()
    except RuntimeError as e:
        print(e, repr(e.__cause__))
asyncio.run(main())
