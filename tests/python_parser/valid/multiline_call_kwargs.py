import asyncio
async def main():
    await asyncio.wait_for(
        asyncio.sleep(
            0.1,
        ),
        timeout=1,
    )
