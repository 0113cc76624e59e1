import asyncio
async def bad():
    raise ValueError('x')
async def main():
    res = await asyncio.gather(bad(), asyncio.sleep(0, 'ok'), return_exceptions=True)
    for r in res:
        if isinstance(r, Exception):
            print('error', type(r).__name__, r)
        else:
            print('value', r)
asyncio.run(main())
