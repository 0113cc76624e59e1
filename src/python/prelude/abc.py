# abc for the playground: ABC and abstractmethod, written from CPython
# 3.11's rules. Instantiating a class with abstract methods left fails as
# in CPython; the check runs in the class-call hook (`__class_call__`,
# where CPython's ABCMeta and object.__new__ do it).

def abstractmethod(funcobj):
    funcobj.__isabstractmethod__ = True
    return funcobj


def _is_abstract(v):
    if getattr(v, '__isabstractmethod__', False):
        return True
    fget = getattr(v, 'fget', None)
    return fget is not None and getattr(fget, '__isabstractmethod__', False)


def _abstracts(cls):
    names = []
    seen = set()
    for base in cls.__mro__:
        for name, v in base.__dict__.items():
            if name in seen:
                continue
            seen.add(name)
            if _is_abstract(getattr(cls, name, None)) or (_is_abstract(v) and getattr(cls, name, None) is v):
                names.append(name)
    return sorted(names)


class ABC:
    def __class_call__(cls, *args, **kwargs):
        missing = _abstracts(cls)
        if missing:
            s = '' if len(missing) == 1 else 's'
            raise TypeError(f"Can't instantiate abstract class {cls.__name__} with abstract method{s} {', '.join(missing)}")
        obj = _new_instance(cls)
        init = getattr(cls, '__init__', None)
        if init is not None and init is not object.__init__:
            init(obj, *args, **kwargs)
        elif args or kwargs:
            raise TypeError(f'{cls.__name__}() takes no arguments')
        return obj


ABCMeta = type
