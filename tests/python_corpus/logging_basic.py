import asyncio
import logging
import sys

logging.basicConfig(stream=sys.stdout, level=logging.DEBUG, format="%(asctime)s %(levelname)-8s %(name)s: %(message)s")
logger = logging.getLogger(__name__)
child = logging.getLogger("app.db")

async def work(i):
    logger.debug("work %s", i)
    await asyncio.sleep(1.5)
    child.info("done %(i)d", {"i": i})
    logging.error("root error %d%%", 5)

async def main():
    logging.warning("plain")
    await asyncio.gather(work(1), work(2))
    print(logger.name, logger.getEffectiveLevel(), child.parent.name)

asyncio.run(main())
