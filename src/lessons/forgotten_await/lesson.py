import asyncio

DELAY = 0.5    # seconds save() takes when it does run

async def save(name):
    await asyncio.sleep(DELAY)         # write to disk, say
    print(f"saved {name}")

async def main():
    save("report")                     # forgot await: never runs
    # RuntimeWarning: coroutine 'save' was never awaited
    await save("backup")               # awaited: really runs
    print("main done")

asyncio.run(main())
