import asyncio
import time

def blocking(n):
    time.sleep(n)
    return n

async def main():
    loop = asyncio.get_running_loop()
    r = await loop.run_in_executor(None, blocking, 0.1)
    r2 = await asyncio.to_thread(blocking, 0.2)
    print(r, r2)

asyncio.run(main())
