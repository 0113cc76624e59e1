# The Python part of typing: annotations are not checked, so most names
# are `object` (see modules.rs); these are the ones a program calls.
def cast(typ, val):
    return val


def overload(f):
    return f


def final(f):
    return f


def get_type_hints(obj):
    return dict(getattr(obj, '__annotations__', {}))


class NamedTuple:
    # `class Job(NamedTuple): name: str; priority: int = 0` is
    # collections.namedtuple('Job', ...) with the class body's methods.
    def __init_subclass__(cls, **kwds):
        import collections
        own = cls.__dict__
        fields = tuple(own.get('__annotations__', {}))
        defaults = [own[f] for f in fields if f in own]
        ns = collections._nt_namespace(cls.__name__, fields, defaults or None)
        for k, v in ns.items():
            if k not in own or k in fields:
                setattr(cls, k, v)
