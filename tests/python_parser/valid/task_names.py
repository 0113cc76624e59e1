import asyncio
async def main():
    t = asyncio.create_task(asyncio.sleep(0), name='sleeper')
    print(t.get_name(), asyncio.current_task().get_name())
    await t
    print(len(asyncio.all_tasks()))
asyncio.run(main())
