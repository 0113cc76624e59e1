import asyncio

CONNECT = 0.3   # seconds __aenter__ takes to open the connection
QUERY = 0.5     # seconds the query takes
FAIL = False    # True: the query raises inside the block

class Connection:
    async def __aenter__(self):
        print("connecting")
        await asyncio.sleep(CONNECT)          # open the connection
        print("connected")
        return self

    async def __aexit__(self, exc_type, exc, tb):
        # runs on every way out: normal end, exception, cancellation
        name = exc_type and exc_type.__name__
        print(f"connection closed (exc_type={name})")
        return False                          # don't swallow the exception

    async def query(self, sql):
        await asyncio.sleep(QUERY)
        if FAIL:
            raise RuntimeError("query failed")
        return [(1,)]

async def main():
    try:
        async with Connection() as conn:
            rows = await conn.query("SELECT 1")
            print(rows)
    except RuntimeError as e:
        print(f"main caught {e!r}")

asyncio.run(main())
