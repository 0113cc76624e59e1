# Checks: calling a coroutine function without await: its body never runs,
# and a RuntimeWarning "coroutine '...' was never awaited" goes to stderr.
# Modules: asyncio
import asyncio


async def send_email(to):
    print("sending to", to)
    await asyncio.sleep(0.1)


async def main():
    send_email("ana@example.com")
    print("forgot to await")
    await asyncio.sleep(0.2)
    await send_email("bo@example.com")


asyncio.run(main())
