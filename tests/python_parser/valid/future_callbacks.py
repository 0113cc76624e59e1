import asyncio
async def main():
    loop = asyncio.get_running_loop()
    fut = loop.create_future()
    fut.add_done_callback(lambda f: print('done', f.result()))
    loop.call_later(0.1, fut.set_result, 42)
    print(await fut)
asyncio.run(main())
