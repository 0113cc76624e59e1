async def f():
    class A:
        x = await y
