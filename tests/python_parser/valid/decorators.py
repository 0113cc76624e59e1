import functools
def deco(f):
    return f
def with_args(n):
    return deco
@deco
def a():
    pass
@with_args(3)
@functools.lru_cache(maxsize=None)
def b():
    pass
@deco
class C:
    @staticmethod
    def s():
        pass
    @property
    def p(self):
        return 1
