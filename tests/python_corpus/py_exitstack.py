# Checks: contextlib.ExitStack with enter_context and callback (in order, and on an exception), closing, suppress.
# Modules: contextlib
from contextlib import ExitStack, contextmanager, closing, suppress
@contextmanager
def resource(name):
    print('acquire', name)
    try:
        yield name
    finally:
        print('release', name)
with ExitStack() as stack:
    names = [stack.enter_context(resource(n)) for n in ('db', 'cache')]
    stack.callback(print, 'cleanup callback')
    print('working with', names)
try:
    with ExitStack() as stack:
        stack.enter_context(resource('file'))
        raise ValueError('boom')
except ValueError as e:
    print('caught', e)
class Conn:
    def close(self):
        print('conn closed')
with closing(Conn()):
    print('in closing')
with suppress(ZeroDivisionError):
    print(1 / 0)
print('end')
