"""A fake `aiohttp` for scripts/oracle.py only: the bundled mock API on the
virtual clock, answered as `src/core/mock_api.rs` answers it.

What it fakes, exactly:
- `ClientSession()` (an async context manager; `close()` too) whose
  `get(url)` is awaitable and an async context manager giving a response.
- A URL is the mock API's when it starts with `mock-api/`, `./mock-api/`, or
  `http://127.0.0.1:<port>/mock-api/` / `http://localhost:<port>/mock-api/`
  (where `node e2e/mock-server.mjs <port>` serves it for real). The answer
  takes the URL's `delay` (ms, 0 to 60000) of scenario time
  (`asyncio.sleep`), with the status and body of `mock_api::answer`: `get`,
  `flaky` (the same FNV-1a draw), `llm` (`fail=1`: 500), `html`, and 404 for
  anything else; `status=` sets the status (200 to 599). Status texts are
  empty, as on the Rust virtual clock.
- Any other URL fails at once with `ClientConnectionError("<url> is not
  reachable on the virtual clock")`, as the Rust virtual clock says.
- The response has `status`, `reason`, `ok`, `raise_for_status()` (raises
  `ClientResponseError` for a non-2xx status, with `status` and `message`),
  `await text()`, and `await json()` (raises `ContentTypeError("the body is
  not JSON")` unless the body starts with `{` or `[`, the Rust lesson's rule).
Nothing else of aiohttp exists here.
"""

import asyncio
import json as _json
import re
from urllib.parse import parse_qsl

__all__ = [
    "ClientError",
    "ClientConnectionError",
    "ClientResponseError",
    "ContentTypeError",
    "ClientSession",
]


class ClientError(Exception):
    pass


class ClientConnectionError(ClientError):
    pass


class ClientResponseError(ClientError):
    def __init__(self, status, message=""):
        super().__init__(f"{status}, message={message!r}")
        self.status = status
        self.message = message


class ContentTypeError(ClientResponseError):
    def __init__(self, message):
        ClientError.__init__(self, message)
        self.status = 0
        self.message = message

    def __str__(self):
        return self.message


_MOCK = re.compile(r"^(?:\./|http://(?:127\.0\.0\.1|localhost)(?::\d+)?/)?mock-api/(.*)$")


def _int(params, key, default, lo, hi):
    try:
        v = int(params.get(key, "").strip())
    except ValueError:
        return default
    return min(hi, max(lo, v))


def _fnv1a(text):
    h = 0x811C9DC5
    data = text.encode("utf-16-le")
    for i in range(0, len(data), 2):
        h ^= data[i] | (data[i + 1] << 8)
        h = (h * 0x01000193) & 0xFFFFFFFF
    return h


def answer(rest):
    """(delay_ms, status, body) for the part of a mock URL after `mock-api/`."""
    path, _, query = rest.partition("?")
    params = {}
    for k, v in parse_qsl(query, keep_blank_values=True):
        params.setdefault(k, v)
    delay = _int(params, "delay", 0, 0, 60_000)
    ident = _int(params, "id", 0, 0, 1_000_000)
    status = _int(params, "status", 200, 200, 599)
    if path == "get":
        body = f'{{"id":{ident},"name":"user{ident}","delay_ms":{delay}}}'
    elif path == "flaky":
        rate = _int(params, "fail_rate", 30, 0, 100)
        seed = params.get("seed", "0")
        if _fnv1a(f"{seed}:{ident}") % 100 < rate:
            status = 503
        body = f'{{"id":{ident},"name":"user{ident}","delay_ms":{delay}}}'
    elif path == "llm":
        if params.get("fail") == "1":
            status = 500
        body = f'{{"id":{ident},"completion":"…","delay_ms":{delay}}}'
    elif path == "html":
        body = "<!doctype html><title>Not JSON</title>"
    else:
        status = 404
        body = '{"error":"no such mock endpoint"}'
    return delay, status, body


class ClientResponse:
    def __init__(self, url, status, body):
        self.url = url
        self.status = status
        self.reason = ""
        self._body = body

    @property
    def ok(self):
        return 200 <= self.status < 300

    def raise_for_status(self):
        if not self.ok:
            raise ClientResponseError(self.status, self.reason)

    async def text(self):
        return self._body

    async def json(self):
        if not self._body.lstrip().startswith(("{", "[")):
            raise ContentTypeError("the body is not JSON")
        return _json.loads(self._body)

    def release(self):
        pass


class _Request:
    def __init__(self, url):
        self.url = url
        self.resp = None

    async def _send(self):
        m = _MOCK.match(self.url)
        if m is None:
            raise ClientConnectionError(f"{self.url} is not reachable on the virtual clock")
        delay, status, body = answer(m.group(1))
        await asyncio.sleep(delay / 1000)
        self.resp = ClientResponse(self.url, status, body)
        return self.resp

    def __await__(self):
        return self._send().__await__()

    async def __aenter__(self):
        return await self._send()

    async def __aexit__(self, exc_type, exc, tb):
        return False


class ClientSession:
    def __init__(self, *args, **kwargs):
        self.closed = False

    def get(self, url, **kwargs):
        return _Request(str(url))

    async def close(self):
        self.closed = True

    async def __aenter__(self):
        return self

    async def __aexit__(self, exc_type, exc, tb):
        await self.close()
        return False
