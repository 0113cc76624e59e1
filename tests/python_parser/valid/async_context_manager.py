import asyncio
from contextlib import asynccontextmanager

@asynccontextmanager
async def connection(name):
    print("open", name)
    try:
        yield name.upper()
    finally:
        print("close", name)

class Resource:
    async def __aenter__(self):
        print("enter")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        print("exit", exc_type)
        return False

async def main():
    async with connection("db") as conn, Resource() as r:
        print(conn, r)

asyncio.run(main())
