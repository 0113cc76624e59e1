async def main():
await x
