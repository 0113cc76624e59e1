import asyncio
async def main():
    lock = asyncio.Lock()
    async with lock:
        async with asyncio.timeout(1) as cm:
            await asyncio.sleep(0)
