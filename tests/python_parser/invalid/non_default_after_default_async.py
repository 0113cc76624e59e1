async def fetch(url, retries=3, timeout):
    pass
