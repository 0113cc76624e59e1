import contextlib
with open('f') as f:
    pass
with open('a') as a, open('b') as b:
    pass
with contextlib.suppress(Exception):
    pass
with (open('a') as a, open('b') as b):
    pass
with (open('a'), open('b')):
    pass
with (yield_ := open('x')):
    pass
