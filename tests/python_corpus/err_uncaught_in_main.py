# Checks: an exception escaping main(): the traceback goes to stderr and
# the run ends `error: ValueError: ...`; tasks still pending are cancelled
# first (their finally prints before the traceback).
# Modules: asyncio
import asyncio


async def background():
    try:
        await asyncio.sleep(10)
    finally:
        print("background cleaned up")


def parse(text):
    return int(text)


async def main():
    asyncio.create_task(background())
    await asyncio.sleep(0.2)
    print("parsing")
    parse("12x")


asyncio.run(main())
print("not reached")
