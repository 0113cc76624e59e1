async def f():
    async with lock:
    print(x)
