# Checks: functools.partial, reduce, lru_cache (cache_info), wraps keeping
# __name__ in a decorator; a timing decorator on an async function.
# Modules: asyncio, functools
import asyncio
import functools


def power(base, exp):
    return base ** exp


square = functools.partial(power, exp=2)
print(square(7), functools.reduce(lambda a, b: a * b, range(1, 6)), functools.reduce(max, [3, 9, 2], 0))


@functools.lru_cache(maxsize=None)
def fib(n):
    return n if n < 2 else fib(n - 1) + fib(n - 2)


print(fib(60), fib.cache_info().hits, fib.cache_info().misses)


def logged(fn):
    @functools.wraps(fn)
    async def wrapper(*args, **kwargs):
        loop = asyncio.get_running_loop()
        start = loop.time()
        print(f"-> {fn.__name__}{args}")
        result = await fn(*args, **kwargs)
        print(f"<- {fn.__name__} = {result!r} in {loop.time() - start:.1f}s")
        return result
    return wrapper


@logged
async def fetch(url, delay=0.2):
    await asyncio.sleep(delay)
    return url.upper()


async def main():
    print(fetch.__name__)
    await asyncio.gather(fetch("a"), fetch("b", delay=0.1))


asyncio.run(main())
