"""A small crawler pipeline: the 200-line program of the parse-and-start
benchmark (scripts/bench.mjs, `bench_parse_start`). It fetches pages from a
fake site with a concurrency limit, retries failures with backoff, parses
links, feeds new URLs back through a queue and reports statistics."""

import asyncio
import random
from dataclasses import dataclass, field

WORKERS = 4          # how many fetchers run at once
LIMIT = 3            # how many requests may be in flight
MAX_PAGES = 24       # stop after this many pages
RETRIES = 2          # attempts after the first one
TIMEOUT = 0.35       # seconds before a request gives up
BASE_DELAY = 0.05    # seconds of the fastest response

SITE = {
    "/": ["/docs", "/blog", "/about"],
    "/docs": ["/docs/intro", "/docs/tasks", "/docs/queues", "/"],
    "/docs/intro": ["/docs/tasks", "/blog/1"],
    "/docs/tasks": ["/docs/queues", "/docs/cancel", "/docs/intro"],
    "/docs/queues": ["/docs/tasks", "/blog/2"],
    "/docs/cancel": ["/docs/timeouts", "/"],
    "/docs/timeouts": ["/docs/cancel", "/blog/3"],
    "/blog": ["/blog/1", "/blog/2", "/blog/3", "/blog/4"],
    "/blog/1": ["/blog/2", "/about"],
    "/blog/2": ["/blog/3", "/docs"],
    "/blog/3": ["/blog/4", "/docs/timeouts"],
    "/blog/4": ["/blog", "/missing"],
    "/about": ["/", "/contact"],
    "/contact": ["/about"],
}


class FetchError(Exception):
    """A request that failed (the fake server's 5xx or a missing page)."""

    def __init__(self, url, status):
        super().__init__(f"{url}: HTTP {status}")
        self.url = url
        self.status = status


@dataclass
class Page:
    url: str
    status: int
    links: list
    size: int
    attempts: int = 1


@dataclass
class Stats:
    fetched: int = 0
    failed: int = 0
    retried: int = 0
    timed_out: int = 0
    bytes: int = 0
    by_section: dict = field(default_factory=dict)

    def count(self, page):
        self.fetched += 1
        self.bytes += page.size
        section = page.url.split("/")[1] or "home"
        self.by_section[section] = self.by_section.get(section, 0) + 1

    def summary(self):
        sections = ", ".join(f"{k}={v}" for k, v in sorted(self.by_section.items()))
        return (f"{self.fetched} pages, {self.failed} failed, {self.retried} retries, "
                f"{self.timed_out} timeouts, {self.bytes} bytes ({sections})")


class FakeServer:
    """Answers like a slow, slightly flaky web server."""

    def __init__(self, seed):
        random.seed(seed)
        self.hits = {}

    async def get(self, url):
        self.hits[url] = self.hits.get(url, 0) + 1
        delay = BASE_DELAY + random.random() * 0.2
        if url.endswith("/timeouts") and self.hits[url] == 1:
            delay += 0.5
        await asyncio.sleep(delay)
        if url not in SITE:
            raise FetchError(url, 404)
        if random.random() < 0.15:
            raise FetchError(url, 503)
        body = " ".join(f"<a href='{link}'>" for link in SITE[url])
        return 200, body + " " * (len(url) * 40)


def parse_links(body):
    links = []
    for part in body.split("<a href='")[1:]:
        end = part.find("'")
        if end > 0:
            links.append(part[:end])
    return links


class Crawler:
    def __init__(self, server, stats):
        self.server = server
        self.stats = stats
        self.sem = asyncio.Semaphore(LIMIT)
        self.queue = asyncio.Queue()
        self.seen = set()
        self.pages = {}
        self.lock = asyncio.Lock()

    async def fetch(self, url):
        last = None
        for attempt in range(1 + RETRIES):
            if attempt:
                self.stats.retried += 1
                await asyncio.sleep(BASE_DELAY * 2 ** attempt)
            try:
                async with self.sem:
                    status, body = await asyncio.wait_for(self.server.get(url), TIMEOUT)
                return Page(url, status, parse_links(body), len(body), attempt + 1)
            except asyncio.TimeoutError:
                self.stats.timed_out += 1
                last = FetchError(url, 504)
            except FetchError as e:
                if e.status == 404:
                    raise
                last = e
        raise last

    async def enqueue(self, url):
        async with self.lock:
            if url in self.seen or len(self.seen) >= MAX_PAGES:
                return False
            self.seen.add(url)
        await self.queue.put(url)
        return True

    async def worker(self, name):
        while True:
            url = await self.queue.get()
            try:
                page = await self.fetch(url)
            except FetchError as e:
                self.stats.failed += 1
                print(f"{name}: {e}")
            else:
                self.pages[url] = page
                self.stats.count(page)
                print(f"{name}: {url} ({page.size} B, {len(page.links)} links, try {page.attempts})")
                for link in page.links:
                    await self.enqueue(link)
            finally:
                self.queue.task_done()

    async def crawl(self, start):
        await self.enqueue(start)
        workers = [asyncio.create_task(self.worker(f"w{i}"), name=f"w{i}") for i in range(WORKERS)]
        await self.queue.join()
        for w in workers:
            w.cancel()
        results = await asyncio.gather(*workers, return_exceptions=True)
        cancelled = sum(isinstance(r, asyncio.CancelledError) for r in results)
        return cancelled


async def heartbeat(stop, every):
    ticks = 0
    while not stop.is_set():
        try:
            await asyncio.wait_for(stop.wait(), every)
        except asyncio.TimeoutError:
            ticks += 1
    return ticks


def report(crawler):
    order = sorted(crawler.pages.values(), key=lambda p: (-p.size, p.url))
    for page in order[:5]:
        print(f"  {page.url:<16} {page.size:>5} B  {page.attempts} attempt(s)")
    unreachable = sorted(set(SITE) - set(crawler.pages))
    if unreachable:
        print(f"  not fetched: {', '.join(unreachable)}")


async def main():
    stats = Stats()
    crawler = Crawler(FakeServer(seed=7), stats)
    stop = asyncio.Event()
    beat = asyncio.create_task(heartbeat(stop, 0.25), name="heartbeat")
    loop = asyncio.get_running_loop()
    t0 = loop.time()
    cancelled = await crawler.crawl("/")
    stop.set()
    ticks = await beat
    elapsed = loop.time() - t0
    print(stats.summary())
    print(f"{cancelled} workers stopped, {ticks} heartbeats, {elapsed:.2f} s")
    report(crawler)


asyncio.run(main())
