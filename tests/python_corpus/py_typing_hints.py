# Checks: type hints are not enforced at run time; typing names
# (Optional, List, Dict, Callable, Awaitable, TypeVar, Generic) import and
# annotate; __annotations__ contents; an async function hinted with typing.
# Modules: asyncio, typing
import asyncio
from typing import Awaitable, Callable, Dict, Generic, List, Optional, TypeVar

T = TypeVar("T")


class Box(Generic[T]):
    def __init__(self, item: T) -> None:
        self.item = item

    def get(self) -> T:
        return self.item


def total(xs: List[int], bonus: Optional[int] = None) -> int:
    return sum(xs) + (bonus or 0)


async def apply(f: Callable[[int], Awaitable[int]], x: int) -> int:
    return await f(x)


async def double(x: int) -> int:
    await asyncio.sleep(0.1)
    return 2 * x


def ignore_hints(x: int) -> str:
    return x


async def main() -> None:
    scores: Dict[str, int] = {"a": 1}
    print(total([1, 2, 3]), total([1], 10), scores)
    print(Box("text").get(), Box[int](5).get())
    print(await apply(double, 21))
    print(ignore_hints([1, 2]), total.__annotations__["return"].__name__)
    print(sorted(k for k in ignore_hints.__annotations__))


asyncio.run(main())
