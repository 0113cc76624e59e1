# Checks: add_note/__notes__ on an exception raised in a coroutine; the traceback prints the notes and the run ends on the last note.
# Modules: asyncio
import asyncio
class AppError(Exception):
    def __init__(self, code, msg):
        super().__init__(msg)
        self.code = code
    def __str__(self):
        return f'[{self.code}] {self.args[0]}'
async def work():
    await asyncio.sleep(0.1)
    e = AppError(500, 'server down')
    e.add_note('while fetching /api')
    e.add_note('retry later')
    raise e
async def main():
    try:
        await work()
    except AppError as e:
        print('caught', e, e.code, e.args, e.__notes__)
    await work()
asyncio.run(main())
