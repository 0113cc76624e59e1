import asyncio
import aiohttp

TASKS = 5      # how many requests to make at once
DELAY = 0.8    # seconds the mock API takes to answer
URL = ""       # empty: the bundled mock API; or any URL

# The bundled mock API. At home, serve it with
# `node e2e/mock-server.mjs 8765` (from the playground's repository),
# or set URL to a server of your own.
API = "http://127.0.0.1:8765/mock-api/"

def in_words(e):                 # an error as the playground shows it
    if isinstance(e, aiohttp.ClientResponseError) and e.status:
        return f"HTTPError: {e.status} {e.message}".rstrip()
    if isinstance(e, aiohttp.ClientConnectionError):
        return f"NetworkError: {e}"
    return f"{type(e).__name__}: {e}"

async def fetch_user(session, i):
    url = URL or f"{API}get?id={i}&delay={round(DELAY * 1000)}"
    # waits on the network: the loop runs the others meanwhile
    async with session.get(url) as resp:
        resp.raise_for_status()             # a non-2xx status raises
        await resp.json()                   # a body that is not JSON raises
        body = (await resp.text())[:60]
        print(resp.status, body)
        return body

async def main():
    async with aiohttp.ClientSession() as session:
        results = await asyncio.gather(
            *(fetch_user(session, i) for i in range(TASKS)),
            return_exceptions=True,         # every request ends on its own
        )
    for i, r in enumerate(results):
        print(i, in_words(r) if isinstance(r, Exception) else r)
    ok = sum(not isinstance(r, Exception) for r in results)
    print(f"{ok} of {len(results)} requests succeeded")

asyncio.run(main())
