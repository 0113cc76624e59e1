from typing import Callable, Awaitable
import asyncio
Handler = Callable[[int], Awaitable[None]]
async def run(h: Handler, xs: list[int] | None = None) -> None:
    for x in xs or []:
        await h(x)
