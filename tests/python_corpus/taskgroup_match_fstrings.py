import asyncio

async def worker(n, results: list[int]) -> None:
    await asyncio.sleep(0.1 * (5 - n))
    results.append(n)

async def main() -> None:
    results: list[int] = []
    async with asyncio.TaskGroup() as tg:
        for n in range(5):
            tg.create_task(worker(n, results), name=f"w{n}")
    print(results)
    match results:
        case [first, *rest]:
            print("first", first, "rest", rest)
        case _:
            print("empty")
    data = {"status": "ok", "items": [1, 2]}
    match data:
        case {"status": "ok", "items": [x, y]}:
            print("two items", x + y)
    s = "hello world"
    print(s.title(), s.split(), s[::-1], s.replace("o", "0").upper(), "-".join(s))
    print([*range(3), *"ab"], {**{"a": 1}, "b": 2})
    x = 7
    print(f"{x=}", f"{x!r:>4}", f"{3.14159:.3}", f"{1e-5:g}", f"{12345.678:_.1f}")

asyncio.run(main())
