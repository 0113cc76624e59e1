import asyncio
class Svc:
    def __init__(self):
        self._ready = asyncio.Event()
    @property
    def ready(self) -> bool:
        return self._ready.is_set()
    async def start(self):
        await asyncio.sleep(0)
        self._ready.set()
