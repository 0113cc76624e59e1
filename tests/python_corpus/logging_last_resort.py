import logging
import sys
import asyncio
log = logging.getLogger("x")
sys.stderr = sys.stdout

async def main():
    log.warning("no config: %s", "bare")
    log.info("not shown")
    logging.getLogger().setLevel(logging.INFO)
    log.info("still last resort? %d", 1)
    print(logging.getLevelName(logging.INFO), logging.INFO)

asyncio.run(main())
