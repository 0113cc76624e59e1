import asyncio
results = [await asyncio.sleep(0) for _ in range(3)]
