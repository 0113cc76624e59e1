import asyncio
import aiohttp

PROMPTS = 12         # how many API calls to make
LIMIT = 4            # calls in flight at once (the rate limit)
LATENCY_MIN = 0.3    # seconds: the fastest answer
LATENCY_MAX = 1.2    # seconds: the slowest answer
TIMEOUT = 1.0        # seconds each call may take
FAIL_RATE = 15       # percent of calls the API answers with an error
SEED = 1             # picks the latencies and failures

# The bundled mock API. At home, serve it with
# `node e2e/mock-server.mjs 8765` (from the playground's repository);
# a real client would call its provider instead.
API = "http://127.0.0.1:8765/mock-api/"

sem = asyncio.Semaphore(LIMIT)             # at most LIMIT calls in flight

def mock_model(i):
    """The mock model's latency (ms) and failure for prompt i: a seeded
    draw (splitmix64), the same as the playground's."""
    mask = 2**64 - 1
    def mix(x):
        x = (x + 0x9E3779B97F4A7C15) & mask
        x = ((x ^ (x >> 30)) * 0xBF58476D1CE4E5B9) & mask
        x = ((x ^ (x >> 27)) * 0x94D049BB133111EB) & mask
        return x ^ (x >> 31)
    lo, hi = sorted((round(LATENCY_MIN * 1000), round(LATENCY_MAX * 1000)))
    r = mix((SEED * 1_000_003 + i) & mask)
    latency = int(lo + (r >> 11) / 2**53 * (hi - lo) + 0.5)
    return latency, mix(r) % 100 < FAIL_RATE

def fmt(seconds):                              # 850 ms, 1.20 s
    ms = seconds * 1000
    return f"{ms:.0f} ms" if abs(ms) < 999.5 else f"{seconds:.2f} s"

async def complete(session, i):
    latency, fails = mock_model(i)
    url = f"{API}llm?id={i}&fail={int(fails)}&delay={latency}"
    async with sem:
        # each call gets TIMEOUT seconds; a slower one is cancelled
        async with asyncio.timeout(TIMEOUT):
            async with session.get(url) as resp:
                resp.raise_for_status()        # the API's error raises
                return await resp.text()

def in_words(e):                  # an error as the playground shows it
    if isinstance(e, TimeoutError):
        return f"TimeoutError: no answer within {fmt(TIMEOUT)}"
    if isinstance(e, aiohttp.ClientResponseError):
        return f"HTTPError: {e.status} {e.message}".rstrip()
    return f"{type(e).__name__}: {e}"

async def main():
    start = asyncio.get_running_loop().time()
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(
            *(complete(session, i) for i in range(PROMPTS)),
            return_exceptions=True,            # collect errors, keep going
        )
    for i, r in enumerate(results):            # in prompt order
        if isinstance(r, Exception):
            print(f"{i} error: {in_words(r)}")
        else:
            print(f"{i} ok: {r}")
    timed_out = sum(isinstance(r, TimeoutError) for r in results)
    failed = sum(isinstance(r, Exception) for r in results) - timed_out
    ok = len(results) - failed - timed_out
    loop = asyncio.get_running_loop()
    elapsed = round(loop.time() - start, 3)        # to the ms
    print(f"{ok} ok, {failed} failed, {timed_out} timed out"
          f" in {fmt(elapsed)}")

asyncio.run(main())
