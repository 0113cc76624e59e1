# Checks: a str-mixin Enum as a dataclass field compared with plain strings, Optional and default_factory fields, inside gather.
# Modules: asyncio, dataclasses, enum, typing
import asyncio
from dataclasses import dataclass, field
from enum import Enum
from typing import Optional
class Status(str, Enum):
    OK = 'ok'
    FAIL = 'fail'
@dataclass
class Response:
    url: str
    status: Status
    body: Optional[str] = None
    headers: dict = field(default_factory=dict)
async def get(url: str) -> Response:
    await asyncio.sleep(0.1)
    if 'bad' in url:
        return Response(url, Status.FAIL)
    return Response(url, Status.OK, body=f'<html>{url}</html>')
async def main():
    rs = await asyncio.gather(*[get(u) for u in ['a.com', 'bad.com', 'c.com']])
    for r in rs:
        print(r)
        print(r.status == 'ok', r.status.value, r.status is Status.OK)
    ok = [r for r in rs if r.status == Status.OK]
    print(len(ok), sorted(s.value for s in Status))
asyncio.run(main())
