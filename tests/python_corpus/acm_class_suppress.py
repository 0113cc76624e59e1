# Checks: an async context manager class: __aenter__'s value is bound by
# `as`; __aexit__ sees the exception and suppresses it by returning True;
# returning None lets it propagate.
# Modules: asyncio
import asyncio


class Resource:
    def __init__(self, name, suppress):
        self.name = name
        self.suppress = suppress

    async def __aenter__(self):
        await asyncio.sleep(0.1)
        print(f"open {self.name}")
        return self.name.upper()

    async def __aexit__(self, exc_type, exc, tb):
        await asyncio.sleep(0.1)
        print(f"close {self.name}: {exc_type.__name__ if exc_type else None} {exc!r}")
        return self.suppress


async def main():
    async with Resource("db", suppress=True) as r:
        print("using", r)
        raise ValueError("oops")
    print("suppressed, going on")
    try:
        async with Resource("file", suppress=None):
            1 / 0
    except ZeroDivisionError as e:
        print("propagated:", e)
    async with Resource("net", suppress=False) as r:
        print("clean exit", r)


asyncio.run(main())
