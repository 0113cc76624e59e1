# Small pure-Python parts of the standard library, run by the interpreter.
# Each section becomes one module (see modules.rs); `#: name` starts one.
#: functools
def partial(func, /, *args, **keywords):
    def newfunc(*fargs, **fkeywords):
        return func(*args, *fargs, **{**keywords, **fkeywords})
    newfunc.func = func
    newfunc.args = args
    newfunc.keywords = keywords
    return newfunc


def wraps(wrapped, assigned=None, updated=None):
    def decorator(wrapper):
        for attr in ('__module__', '__name__', '__qualname__', '__doc__'):
            try:
                setattr(wrapper, attr, getattr(wrapped, attr))
            except Exception:
                pass
        try:
            wrapper.__wrapped__ = wrapped
        except Exception:
            pass
        return wrapper
    return decorator


def reduce(function, iterable, *initial):
    it = iter(iterable)
    if initial:
        value = initial[0]
    else:
        try:
            value = next(it)
        except StopIteration:
            raise TypeError('reduce() of empty iterable with no initial value') from None
    for element in it:
        value = function(value, element)
    return value


class _CacheInfo:
    def __init__(self, hits, misses, maxsize, currsize):
        self.hits = hits
        self.misses = misses
        self.maxsize = maxsize
        self.currsize = currsize

    def __repr__(self):
        return f'CacheInfo(hits={self.hits}, misses={self.misses}, maxsize={self.maxsize}, currsize={self.currsize})'


def lru_cache(maxsize=128, typed=False):
    def decorator(f):
        cache = {}
        stats = [0, 0]
        def wrapper(*args, **kwargs):
            key = args + tuple(sorted(kwargs.items()))
            if key in cache:
                stats[0] += 1
                return cache[key]
            stats[1] += 1
            value = f(*args, **kwargs)
            cache[key] = value
            if limit is not None and len(cache) > limit:
                del cache[next(iter(cache))]
            return value
        def cache_info():
            return _CacheInfo(stats[0], stats[1], limit, len(cache))
        def cache_clear():
            cache.clear()
            stats[0] = stats[1] = 0
        wrapper.cache_info = cache_info
        wrapper.cache_clear = cache_clear
        wrapper.__wrapped__ = f
        return wrapper
    if callable(maxsize):
        limit = 128
        return decorator(maxsize)
    limit = maxsize
    return decorator


def cache(f):
    return lru_cache(maxsize=None)(f)


def _gt_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other


def _le_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other


def _ge_from_lt(self, other):
    op_result = type(self).__lt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


def _ge_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other


def _lt_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other


def _gt_from_le(self, other):
    op_result = type(self).__le__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


def _lt_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result and self != other


def _ge_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result or self == other


def _le_from_gt(self, other):
    op_result = type(self).__gt__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


def _le_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result or self == other


def _gt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return op_result and self != other


def _lt_from_ge(self, other):
    op_result = type(self).__ge__(self, other)
    if op_result is NotImplemented:
        return op_result
    return not op_result


_convert = {
    '__lt__': [('__gt__', _gt_from_lt), ('__le__', _le_from_lt), ('__ge__', _ge_from_lt)],
    '__le__': [('__ge__', _ge_from_le), ('__lt__', _lt_from_le), ('__gt__', _gt_from_le)],
    '__gt__': [('__lt__', _lt_from_gt), ('__ge__', _ge_from_gt), ('__le__', _le_from_gt)],
    '__ge__': [('__le__', _le_from_ge), ('__gt__', _gt_from_ge), ('__lt__', _lt_from_ge)],
}


def total_ordering(cls):
    own = cls.__dict__
    roots = [op for op in _convert if own.get(op) is not None]
    if not roots:
        raise ValueError('must define at least one ordering operation: < > <= >=')
    root = max(roots)
    for opname, opfunc in _convert[root]:
        if opname not in roots:
            setattr(cls, opname, opfunc)
    return cls


def cmp_to_key(mycmp):
    class K(object):
        def __init__(self, obj):
            self.obj = obj

        def __lt__(self, other):
            return mycmp(self.obj, other.obj) < 0

        def __gt__(self, other):
            return mycmp(self.obj, other.obj) > 0

        def __eq__(self, other):
            return mycmp(self.obj, other.obj) == 0

        def __le__(self, other):
            return mycmp(self.obj, other.obj) <= 0

        def __ge__(self, other):
            return mycmp(self.obj, other.obj) >= 0

        __hash__ = None
    return K
#: contextlib
class _GeneratorContextManager:
    def __init__(self, gen):
        self.gen = gen

    def __enter__(self):
        try:
            return next(self.gen)
        except StopIteration:
            raise RuntimeError("generator didn't yield") from None

    def __exit__(self, typ, value, tb):
        if typ is None:
            try:
                next(self.gen)
            except StopIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        try:
            self.gen.throw(value)
        except StopIteration as exc:
            return exc is not value
        except BaseException as exc:
            if exc is value:
                return False
            raise
        raise RuntimeError("generator didn't stop after throw()")


class _AsyncGeneratorContextManager:
    def __init__(self, gen):
        self.gen = gen

    async def __aenter__(self):
        try:
            return await anext(self.gen)
        except StopAsyncIteration:
            raise RuntimeError("generator didn't yield") from None

    async def __aexit__(self, typ, value, tb):
        if typ is None:
            try:
                await anext(self.gen)
            except StopAsyncIteration:
                return False
            else:
                raise RuntimeError("generator didn't stop")
        try:
            await self.gen.athrow(value)
        except StopAsyncIteration as exc:
            return exc is not value
        except BaseException as exc:
            if exc is value:
                return False
            raise
        raise RuntimeError("generator didn't stop after athrow()")


def contextmanager(func):
    def helper(*args, **kwds):
        return _GeneratorContextManager(func(*args, **kwds))
    return helper


def asynccontextmanager(func):
    def helper(*args, **kwds):
        return _AsyncGeneratorContextManager(func(*args, **kwds))
    return helper


class suppress:
    def __init__(self, *exceptions):
        self._exceptions = exceptions

    def __enter__(self):
        pass

    def __exit__(self, exctype, excinst, exctb):
        return exctype is not None and issubclass(exctype, self._exceptions)


class nullcontext:
    def __init__(self, enter_result=None):
        self.enter_result = enter_result

    def __enter__(self):
        return self.enter_result

    def __exit__(self, *excinfo):
        pass

    async def __aenter__(self):
        return self.enter_result

    async def __aexit__(self, *excinfo):
        pass


class closing:
    def __init__(self, thing):
        self.thing = thing

    def __enter__(self):
        return self.thing

    def __exit__(self, *exc_info):
        self.thing.close()


class aclosing:
    def __init__(self, thing):
        self.thing = thing

    async def __aenter__(self):
        return self.thing

    async def __aexit__(self, *exc_info):
        await self.thing.aclose()


class ExitStack:
    def __init__(self):
        self._exit_callbacks = []

    def enter_context(self, cm):
        result = cm.__enter__()
        self._exit_callbacks.append(cm.__exit__)
        return result

    def push(self, exit):
        self._exit_callbacks.append(getattr(exit, '__exit__', exit))
        return exit

    def callback(self, callback, *args, **kwds):
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        self._exit_callbacks.append(_exit_wrapper)
        return callback

    def pop_all(self):
        new = ExitStack()
        new._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new

    def close(self):
        self.__exit__(None, None, None)

    def __enter__(self):
        return self

    def __exit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        suppressed = False
        pending_raise = False
        while self._exit_callbacks:
            cb = self._exit_callbacks.pop()
            try:
                if cb(*exc_details):
                    suppressed = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as e:
                exc_details = (type(e), e, None)
                pending_raise = True
        if pending_raise:
            raise exc_details[1]
        return received_exc and suppressed


class AsyncExitStack:
    def __init__(self):
        self._exit_callbacks = []

    async def enter_async_context(self, cm):
        result = await cm.__aenter__()
        self._exit_callbacks.append((True, cm.__aexit__))
        return result

    def enter_context(self, cm):
        result = cm.__enter__()
        self._exit_callbacks.append((False, cm.__exit__))
        return result

    def push_async_callback(self, callback, *args, **kwds):
        async def _exit_wrapper(exc_type, exc, tb):
            await callback(*args, **kwds)
        self._exit_callbacks.append((True, _exit_wrapper))
        return callback

    def callback(self, callback, *args, **kwds):
        def _exit_wrapper(exc_type, exc, tb):
            callback(*args, **kwds)
        self._exit_callbacks.append((False, _exit_wrapper))
        return callback

    def pop_all(self):
        new = AsyncExitStack()
        new._exit_callbacks = self._exit_callbacks
        self._exit_callbacks = []
        return new

    def push_async_exit(self, exit):
        self._exit_callbacks.append((True, getattr(exit, '__aexit__', exit)))
        return exit

    async def aclose(self):
        await self.__aexit__(None, None, None)

    async def __aenter__(self):
        return self

    async def __aexit__(self, *exc_details):
        received_exc = exc_details[0] is not None
        suppressed = False
        pending_raise = False
        while self._exit_callbacks:
            is_async, cb = self._exit_callbacks.pop()
            try:
                if is_async:
                    cb_suppress = await cb(*exc_details)
                else:
                    cb_suppress = cb(*exc_details)
                if cb_suppress:
                    suppressed = True
                    pending_raise = False
                    exc_details = (None, None, None)
            except BaseException as e:
                exc_details = (type(e), e, None)
                pending_raise = True
        if pending_raise:
            raise exc_details[1]
        return received_exc and suppressed
#: collections
class deque:
    def __init__(self, iterable=(), maxlen=None):
        self._items = list(iterable)
        self.maxlen = maxlen
        self._trim_left()

    def _trim_left(self):
        if self.maxlen is not None:
            while len(self._items) > self.maxlen:
                self._items.pop(0)

    def append(self, x):
        self._items.append(x)
        self._trim_left()

    def appendleft(self, x):
        self._items.insert(0, x)
        if self.maxlen is not None and len(self._items) > self.maxlen:
            self._items.pop()

    def pop(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop()

    def popleft(self):
        if not self._items:
            raise IndexError('pop from an empty deque')
        return self._items.pop(0)

    def extend(self, it):
        for x in it:
            self.append(x)

    def clear(self):
        self._items.clear()

    def remove(self, x):
        self._items.remove(x)

    def rotate(self, n=1):
        if self._items:
            n = n % len(self._items)
            self._items[:] = self._items[-n:] + self._items[:-n]

    def __len__(self):
        return len(self._items)

    def __iter__(self):
        return iter(list(self._items))

    def __bool__(self):
        return bool(self._items)

    def __getitem__(self, i):
        return self._items[i]

    def __contains__(self, x):
        return x in self._items

    def __repr__(self):
        if self.maxlen is None:
            return f'deque({self._items!r})'
        return f'deque({self._items!r}, maxlen={self.maxlen})'


class defaultdict:
    def __init__(self, default_factory=None, *args):
        self.default_factory = default_factory
        self._d = dict(*args)

    def __getitem__(self, k):
        if k not in self._d:
            if self.default_factory is None:
                raise KeyError(k)
            self._d[k] = self.default_factory()
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __contains__(self, k):
        return k in self._d

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)

    def get(self, k, default=None):
        return self._d.get(k, default)

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def pop(self, k, *default):
        return self._d.pop(k, *default)

    def setdefault(self, k, default=None):
        return self._d.setdefault(k, default)

    def __eq__(self, other):
        if isinstance(other, defaultdict):
            return self._d == other._d
        return self._d == other

    def __repr__(self):
        f = self.default_factory
        name = 'None' if f is None else repr(f)
        return f'defaultdict({name}, {self._d!r})'


class Counter:
    def __init__(self, iterable=None, **kwds):
        self._d = {}
        if iterable is not None:
            self.update(iterable)
        if kwds:
            self.update(kwds)

    def update(self, iterable):
        if isinstance(iterable, (dict, Counter)):
            for k, v in iterable.items():
                self._d[k] = self._d.get(k, 0) + v
        else:
            for k in iterable:
                self._d[k] = self._d.get(k, 0) + 1

    def __getitem__(self, k):
        return self._d.get(k, 0)

    def __setitem__(self, k, v):
        self._d[k] = v

    def __contains__(self, k):
        return k in self._d

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(self._d)

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, k, default=None):
        return self._d.get(k, default)

    def total(self):
        return sum(self._d.values())

    def __add__(self, other):
        out = Counter()
        for k, v in list(self._d.items()) + list(other._d.items()):
            out._d[k] = out._d.get(k, 0) + v
        out._d = {k: v for k, v in out._d.items() if v > 0}
        return out

    def __sub__(self, other):
        out = Counter()
        for k, v in self._d.items():
            r = v - other._d.get(k, 0)
            if r > 0:
                out._d[k] = r
        return out

    def __or__(self, other):
        out = Counter()
        for k in list(self._d) + [k for k in other._d if k not in self._d]:
            r = max(self._d.get(k, 0), other._d.get(k, 0))
            if r > 0:
                out._d[k] = r
        return out

    def __and__(self, other):
        out = Counter()
        for k, v in self._d.items():
            r = min(v, other._d.get(k, 0))
            if r > 0:
                out._d[k] = r
        return out

    def elements(self):
        out = []
        for k, v in self._d.items():
            out.extend([k] * v)
        return out

    def subtract(self, iterable):
        if isinstance(iterable, (dict, Counter)):
            for k, v in iterable.items():
                self._d[k] = self._d.get(k, 0) - v
        else:
            for k in iterable:
                self._d[k] = self._d.get(k, 0) - 1

    def most_common(self, n=None):
        items = sorted(self._d.items(), key=lambda kv: kv[1], reverse=True)
        return items if n is None else items[:n]

    def __eq__(self, other):
        if isinstance(other, Counter):
            return self._d == other._d
        return self._d == other

    def __repr__(self):
        if not self._d:
            return 'Counter()'
        items = ', '.join(f'{k!r}: {v!r}' for k, v in self.most_common())
        return f'Counter({{{items}}})'


class OrderedDict:
    def __init__(self, *args, **kwargs):
        self._d = dict(*args, **kwargs)

    def __getitem__(self, k):
        return self._d[k]

    def __setitem__(self, k, v):
        self._d[k] = v

    def __delitem__(self, k):
        del self._d[k]

    def __contains__(self, k):
        return k in self._d

    def __len__(self):
        return len(self._d)

    def __iter__(self):
        return iter(list(self._d))

    def __eq__(self, other):
        if isinstance(other, OrderedDict):
            return list(self._d.items()) == list(other._d.items())
        return self._d == other

    def keys(self):
        return self._d.keys()

    def values(self):
        return self._d.values()

    def items(self):
        return self._d.items()

    def get(self, k, default=None):
        return self._d.get(k, default)

    def pop(self, k, *default):
        return self._d.pop(k, *default)

    def setdefault(self, k, default=None):
        return self._d.setdefault(k, default)

    def update(self, *args, **kwargs):
        self._d.update(*args, **kwargs)

    def move_to_end(self, key, last=True):
        v = self._d.pop(key)
        if last:
            self._d[key] = v
        else:
            self._d = {key: v, **self._d}

    def popitem(self, last=True):
        if not self._d:
            raise KeyError('dictionary is empty')
        key = list(self._d)[-1] if last else next(iter(self._d))
        return key, self._d.pop(key)

    def copy(self):
        return OrderedDict(self._d)

    def __repr__(self):
        if not self._d:
            return 'OrderedDict()'
        return f'OrderedDict({list(self._d.items())!r})'


def _nt_namespace(typename, fields, defaults):
    defaults = tuple(defaults) if defaults is not None else ()
    nf = len(fields)
    field_defaults = dict(zip(fields[nf - len(defaults):], defaults)) if defaults else {}

    def __init__(self, *args, **kwargs):
        if len(args) > nf:
            raise TypeError(f"{typename}.__new__() takes {nf + 1} positional arguments but {len(args) + 1} were given")
        vals = list(args)
        for k in kwargs:
            if k not in fields:
                raise TypeError(f"{typename}.__new__() got an unexpected keyword argument '{k}'")
            if fields.index(k) < len(args):
                raise TypeError(f"{typename}.__new__() got multiple values for argument '{k}'")
        missing = []
        for f in fields[len(args):]:
            if f in kwargs:
                vals.append(kwargs[f])
            elif f in field_defaults:
                vals.append(field_defaults[f])
            else:
                missing.append(f)
        if missing:
            quoted = [f"'{m}'" for m in missing]
            names = quoted[0] if len(quoted) == 1 else (' and '.join(quoted) if len(quoted) == 2 else ', '.join(quoted[:-1]) + ', and ' + quoted[-1])
            s = '' if len(missing) == 1 else 's'
            raise TypeError(f"{typename}.__new__() missing {len(missing)} required positional argument{s}: {names}")
        for f, v in zip(fields, vals):
            object.__setattr__(self, f, v)

    def __repr__(self):
        inner = ', '.join(f'{f}={getattr(self, f)!r}' for f in fields)
        return f'{type(self).__name__}({inner})'

    def _tuple(self):
        return tuple(getattr(self, f) for f in fields)

    def _other(o):
        if hasattr(o, '_fields') and hasattr(o, '_asdict'):
            return tuple(o)
        return o

    def __iter__(self):
        return iter(_tuple(self))

    def __getitem__(self, i):
        return _tuple(self)[i]

    def __len__(self):
        return nf

    def __eq__(self, other):
        o = _other(other)
        if isinstance(o, tuple):
            return _tuple(self) == o
        return NotImplemented

    def __lt__(self, other):
        return _tuple(self) < _other(other)

    def __le__(self, other):
        return _tuple(self) <= _other(other)

    def __gt__(self, other):
        return _tuple(self) > _other(other)

    def __ge__(self, other):
        return _tuple(self) >= _other(other)

    def __add__(self, other):
        return _tuple(self) + _other(other)

    def __contains__(self, x):
        return x in _tuple(self)

    def __hash__(self):
        return hash(_tuple(self))

    def count(self, x):
        return _tuple(self).count(x)

    def index(self, x):
        return _tuple(self).index(x)

    def _asdict(self):
        return {f: getattr(self, f) for f in fields}

    def _replace(self, **kwargs):
        for k in kwargs:
            if k not in fields:
                raise ValueError(f"Got unexpected field names: {[k]!r}")
        vals = [kwargs.get(f, getattr(self, f)) for f in fields]
        return type(self)(*vals)

    def _make(cls, iterable):
        return cls(*iterable)

    def __setattr__(self, name, value):
        if name in fields:
            raise AttributeError("can't set attribute")
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")

    return {'__init__': __init__, '__repr__': __repr__, '__iter__': __iter__,
            '__getitem__': __getitem__, '__len__': __len__, '__eq__': __eq__,
            '__lt__': __lt__, '__le__': __le__, '__gt__': __gt__, '__ge__': __ge__,
            '__add__': __add__, '__contains__': __contains__,
            '__hash__': __hash__, '_asdict': _asdict, '_replace': _replace,
            '_make': classmethod(_make), 'count': count, 'index': index,
            '__setattr__': __setattr__, '_field_defaults': field_defaults,
            '_data_type_': tuple,
            '_fields': fields, '__match_args__': fields}


def namedtuple(typename, field_names, *, rename=False, defaults=None, module=None):
    if isinstance(field_names, str):
        field_names = field_names.replace(',', ' ').split()
    fields = tuple(field_names)
    cls = _make_class(typename, _nt_namespace(typename, fields, defaults))
    return cls


class ChainMap:
    def __init__(self, *maps):
        self.maps = list(maps) or [{}]

    def __getitem__(self, key):
        for m in self.maps:
            if key in m:
                return m[key]
        raise KeyError(key)

    def get(self, key, default=None):
        return self[key] if key in self else default

    def __setitem__(self, key, value):
        self.maps[0][key] = value

    def __delitem__(self, key):
        try:
            del self.maps[0][key]
        except KeyError:
            raise KeyError(f'Key not found in the first mapping: {key!r}')

    def __contains__(self, key):
        return any(key in m for m in self.maps)

    def __len__(self):
        return len(self._merged())

    def _merged(self):
        d = {}
        for m in reversed(self.maps):
            d.update(dict.fromkeys(m))
        return d

    def __iter__(self):
        return iter(self._merged())

    def keys(self):
        return self._merged().keys()

    def items(self):
        return [(k, self[k]) for k in self._merged()]

    def values(self):
        return [self[k] for k in self._merged()]

    def new_child(self, m=None):
        return ChainMap({} if m is None else m, *self.maps)

    @property
    def parents(self):
        return ChainMap(*self.maps[1:])

    def __repr__(self):
        return f"ChainMap({', '.join(map(repr, self.maps))})"
#: concurrent.futures
class Executor:
    def __init__(self, max_workers=None, *args, **kwargs):
        self._max_workers = max_workers

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        self.shutdown()
        return False

    def shutdown(self, wait=True, *, cancel_futures=False):
        pass

    def submit(self, fn, /, *args, **kwargs):
        raise RuntimeError('Executor.submit() is not available in the playground: use loop.run_in_executor()')


class ThreadPoolExecutor(Executor):
    pass


class ProcessPoolExecutor(Executor):
    pass
#: logging
# CPython's logging as a learner meets it: loggers by dotted name with
# levels inherited from their parents, basicConfig(level=, format=,
# datefmt=), one stream handler on the root (stderr unless stream=), the
# last-resort handler (bare message, WARNING and up) before basicConfig,
# and records formatted with %-style keys. Times are the run's clock.
import sys
import time

CRITICAL = 50
FATAL = CRITICAL
ERROR = 40
WARNING = 30
WARN = WARNING
INFO = 20
DEBUG = 10
NOTSET = 0

_names = {CRITICAL: 'CRITICAL', ERROR: 'ERROR', WARNING: 'WARNING',
          INFO: 'INFO', DEBUG: 'DEBUG', NOTSET: 'NOTSET'}
_levels = {v: k for k, v in _names.items()}
_levels['WARN'] = WARNING
_levels['FATAL'] = CRITICAL
_start = time.time()

BASIC_FORMAT = '%(levelname)s:%(name)s:%(message)s'


def getLevelName(level):
    if level in _names:
        return _names[level]
    if level in _levels:
        return _levels[level]
    return f'Level {level}'


def addLevelName(level, name):
    _names[level] = name
    _levels[name] = level


def _check_level(level):
    if isinstance(level, int):
        return level
    if str(level) == level:
        if level not in _levels:
            raise ValueError(f'Unknown level: {level!r}')
        return _levels[level]
    raise TypeError(f'Level not an integer or a valid string: {level!r}')


def _civil(days):
    # Days since 1970-01-01 to (year, month, day) (proleptic Gregorian).
    z = days + 719468
    era = (z if z >= 0 else z - 146096) // 146097
    doe = z - era * 146097
    yoe = (doe - doe // 1460 + doe // 36524 - doe // 146096) // 365
    y = yoe + era * 400
    doy = doe - (365 * yoe + yoe // 4 - yoe // 100)
    mp = (5 * doy + 2) // 153
    d = doy - (153 * mp + 2) // 5 + 1
    m = mp + 3 if mp < 10 else mp - 9
    return (y + 1 if m <= 2 else y, m, d)


def _strftime(fmt, t):
    secs = int(t)
    y, mo, d = _civil(secs // 86400)
    rest = secs % 86400
    parts = {'Y': f'{y:04d}', 'm': f'{mo:02d}', 'd': f'{d:02d}',
             'H': f'{rest // 3600:02d}', 'M': f'{rest // 60 % 60:02d}',
             'S': f'{rest % 60:02d}', 'y': f'{y % 100:02d}', '%': '%'}
    out = ''
    i = 0
    while i < len(fmt):
        c = fmt[i]
        if c == '%' and i + 1 < len(fmt) and fmt[i + 1] in parts:
            out += parts[fmt[i + 1]]
            i += 2
        else:
            out += c
            i += 1
    return out


class LogRecord:
    def __init__(self, name, level, msg, args, exc_info=None):
        self.name = name
        self.levelno = level
        self.levelname = getLevelName(level)
        self.msg = msg
        if args and len(args) == 1 and isinstance(args[0], dict) and args[0]:
            args = args[0]
        self.args = args
        self.exc_info = exc_info
        self.created = time.time()
        self.msecs = int((self.created - int(self.created)) * 1000) + 0.0
        self.relativeCreated = (self.created - _start) * 1000
        self.filename = 'main.py'
        self.module = 'main'
        self.pathname = 'main.py'
        self.funcName = None
        self.lineno = 0
        self.thread = 1
        self.threadName = 'MainThread'
        self.process = 1
        self.processName = 'MainProcess'

    def getMessage(self):
        msg = str(self.msg)
        if self.args:
            msg = msg % self.args
        return msg


class Formatter:
    default_time_format = '%Y-%m-%d %H:%M:%S'
    default_msec_format = '%s,%03d'

    def __init__(self, fmt=None, datefmt=None, style='%'):
        if style != '%':
            raise ValueError('only %-style formats are available in the playground')
        self._fmt = fmt or '%(message)s'
        self.datefmt = datefmt

    def usesTime(self):
        return '%(asctime)' in self._fmt

    def formatTime(self, record, datefmt=None):
        if datefmt:
            return _strftime(datefmt, record.created)
        s = _strftime(self.default_time_format, record.created)
        return self.default_msec_format % (s, record.msecs)

    def format(self, record):
        record.message = record.getMessage()
        if self.usesTime():
            record.asctime = self.formatTime(record, self.datefmt)
        s = self._fmt % record.__dict__
        if record.exc_info:
            e = record.exc_info
            s = s + '\n' + f'{type(e).__name__}: {e}' if str(e) else s + '\n' + type(e).__name__
        return s


_default_formatter = Formatter()


class Filterer:
    def __init__(self):
        self.filters = []

    def addFilter(self, f):
        if f not in self.filters:
            self.filters.append(f)

    def removeFilter(self, f):
        if f in self.filters:
            self.filters.remove(f)

    def filter(self, record):
        for f in self.filters:
            ok = f.filter(record) if hasattr(f, 'filter') else f(record)
            if not ok:
                return False
        return True


class Handler(Filterer):
    def __init__(self, level=NOTSET):
        super().__init__()
        self.level = _check_level(level)
        self.formatter = None

    def setLevel(self, level):
        self.level = _check_level(level)

    def setFormatter(self, fmt):
        self.formatter = fmt

    def format(self, record):
        return (self.formatter or _default_formatter).format(record)

    def handle(self, record):
        if self.filter(record):
            self.emit(record)

    def emit(self, record):
        raise NotImplementedError('emit must be implemented by Handler subclasses')


class StreamHandler(Handler):
    terminator = '\n'

    def __init__(self, stream=None):
        super().__init__()
        self.stream = stream

    def emit(self, record):
        stream = self.stream if self.stream is not None else sys.stderr
        stream.write(self.format(record) + self.terminator)

    def flush(self):
        pass


class NullHandler(Handler):
    def emit(self, record):
        pass


class _LastResort(StreamHandler):
    def __init__(self):
        super().__init__()
        self.level = WARNING


lastResort = _LastResort()


class Logger(Filterer):
    def __init__(self, name, level=NOTSET):
        super().__init__()
        self.name = name
        self.level = _check_level(level)
        self.parent = None
        self.propagate = True
        self.handlers = []
        self.disabled = False

    def __repr__(self):
        return f'<{type(self).__name__} {self.name} ({getLevelName(self.getEffectiveLevel())})>'

    def setLevel(self, level):
        self.level = _check_level(level)

    def getEffectiveLevel(self):
        logger = self
        while logger:
            if logger.level:
                return logger.level
            logger = logger.parent
        return NOTSET

    def isEnabledFor(self, level):
        return level >= _disable_above and level >= self.getEffectiveLevel()

    def addHandler(self, h):
        if h not in self.handlers:
            self.handlers.append(h)

    def removeHandler(self, h):
        if h in self.handlers:
            self.handlers.remove(h)

    def hasHandlers(self):
        c = self
        while c:
            if c.handlers:
                return True
            if not c.propagate:
                return False
            c = c.parent
        return False

    def getChild(self, suffix):
        name = suffix if self is root else self.name + '.' + suffix
        return getLogger(name)

    def _log(self, level, msg, args, exc_info=None, **kwargs):
        if exc_info is True:
            exc_info = sys.exception() if hasattr(sys, 'exception') else None
        elif isinstance(exc_info, tuple):
            exc_info = exc_info[1]
        record = LogRecord(self.name, level, msg, args, exc_info or None)
        if not self.filter(record):
            return
        found = 0
        c = self
        while c:
            for h in c.handlers:
                found += 1
                if record.levelno >= h.level:
                    h.handle(record)
            if not c.propagate:
                break
            c = c.parent
        if found == 0 and record.levelno >= lastResort.level:
            lastResort.handle(record)

    def log(self, level, msg, *args, **kwargs):
        if not isinstance(level, int):
            raise TypeError('level must be an integer')
        if self.isEnabledFor(level):
            self._log(level, msg, args, **kwargs)

    def debug(self, msg, *args, **kwargs):
        if self.isEnabledFor(DEBUG):
            self._log(DEBUG, msg, args, **kwargs)

    def info(self, msg, *args, **kwargs):
        if self.isEnabledFor(INFO):
            self._log(INFO, msg, args, **kwargs)

    def warning(self, msg, *args, **kwargs):
        if self.isEnabledFor(WARNING):
            self._log(WARNING, msg, args, **kwargs)

    warn = warning

    def error(self, msg, *args, **kwargs):
        if self.isEnabledFor(ERROR):
            self._log(ERROR, msg, args, **kwargs)

    def exception(self, msg, *args, exc_info=True, **kwargs):
        self.error(msg, *args, exc_info=exc_info, **kwargs)

    def critical(self, msg, *args, **kwargs):
        if self.isEnabledFor(CRITICAL):
            self._log(CRITICAL, msg, args, **kwargs)

    fatal = critical


class RootLogger(Logger):
    def __init__(self, level):
        super().__init__('root', level)

    def __repr__(self):
        return f'<RootLogger root ({getLevelName(self.getEffectiveLevel())})>'


root = RootLogger(WARNING)
_loggers = {}
_disable_above = 0


def getLogger(name=None):
    if not name or name == 'root':
        return root
    if name in _loggers:
        return _loggers[name]
    logger = Logger(name)
    _loggers[name] = logger
    # The nearest existing ancestor is the parent; existing children of
    # the new logger get it as their parent.
    parts = name.split('.')
    parent = root
    for i in range(len(parts) - 1, 0, -1):
        up = '.'.join(parts[:i])
        if up in _loggers:
            parent = _loggers[up]
            break
    logger.parent = parent
    for other in _loggers.values():
        if other is not logger and other.name.startswith(name + '.') and (
                other.parent is parent):
            other.parent = logger
    return logger


def basicConfig(**kwargs):
    force = kwargs.pop('force', False)
    if force:
        root.handlers = []
    if not root.handlers:
        h = StreamHandler(kwargs.pop('stream', None))
        fmt = kwargs.pop('format', BASIC_FORMAT)
        h.setFormatter(Formatter(fmt, kwargs.pop('datefmt', None), kwargs.pop('style', '%')))
        root.addHandler(h)
        level = kwargs.pop('level', None)
        if level is not None:
            root.setLevel(level)
        if kwargs:
            raise ValueError('Unrecognised argument(s): ' + ', '.join(kwargs))


def disable(level=CRITICAL):
    global _disable_above
    _disable_above = level + 1


def _root_call(level, msg, args, kwargs):
    if not root.handlers:
        basicConfig()
    root.log(level, msg, *args, **kwargs)


def debug(msg, *args, **kwargs):
    _root_call(DEBUG, msg, args, kwargs)


def info(msg, *args, **kwargs):
    _root_call(INFO, msg, args, kwargs)


def warning(msg, *args, **kwargs):
    _root_call(WARNING, msg, args, kwargs)


warn = warning


def error(msg, *args, **kwargs):
    _root_call(ERROR, msg, args, kwargs)


def exception(msg, *args, exc_info=True, **kwargs):
    _root_call(ERROR, msg, args, dict(kwargs, exc_info=exc_info))


def critical(msg, *args, **kwargs):
    _root_call(CRITICAL, msg, args, kwargs)


fatal = critical


def log(level, msg, *args, **kwargs):
    _root_call(level, msg, args, kwargs)
#: os
# What programs use `os` for beside files: the environment, the CPU
# count an executor sizes itself by, paths as strings. The playground has
# no files or processes: nothing here touches any.
name = 'posix'
sep = '/'
linesep = '\n'
curdir = '.'
environ = {}


def getenv(key, default=None):
    return environ.get(key, default)


def cpu_count():
    return 4


def getpid():
    return 1


def getcwd():
    return '/'


class _Path:
    sep = '/'

    @staticmethod
    def join(a, *parts):
        out = a
        for p in parts:
            if p.startswith('/'):
                out = p
            elif not out or out.endswith('/'):
                out = out + p
            else:
                out = out + '/' + p
        return out

    @staticmethod
    def basename(p):
        return p[p.rfind('/') + 1:]

    @staticmethod
    def dirname(p):
        i = p.rfind('/') + 1
        head = p[:i]
        if head and head != '/' * len(head):
            head = head.rstrip('/')
        return head

    @staticmethod
    def split(p):
        return (_Path.dirname(p), _Path.basename(p))

    @staticmethod
    def splitext(p):
        base = _Path.basename(p)
        i = base.rfind('.')
        if i <= 0 or base[:i] == '.' * i:
            return (p, '')
        cut = len(p) - len(base) + i
        return (p[:cut], p[cut:])

    @staticmethod
    def exists(p):
        return False

    @staticmethod
    def isabs(p):
        return p.startswith('/')


path = _Path()
#: math
def _int_arg(n, name):
    if not isinstance(n, int):
        raise TypeError(f"'{type(n).__name__}' object cannot be interpreted as an integer")
    return n


def isqrt(n):
    n = _int_arg(n, 'isqrt')
    if n < 0:
        raise ValueError('isqrt() argument must be nonnegative')
    if n == 0:
        return 0
    x = 1 << ((n.bit_length() + 1) // 2)
    while True:
        y = (x + n // x) // 2
        if y >= x:
            return x
        x = y


def comb(n, k):
    n = _int_arg(n, 'comb')
    k = _int_arg(k, 'comb')
    if n < 0:
        raise ValueError('n must be a non-negative integer')
    if k < 0:
        raise ValueError('k must be a non-negative integer')
    if k > n:
        return 0
    k = min(k, n - k)
    r = 1
    for i in range(k):
        r = r * (n - i) // (i + 1)
    return r


def perm(n, k=None):
    n = _int_arg(n, 'perm')
    if k is None:
        k = n
    k = _int_arg(k, 'perm')
    if n < 0:
        raise ValueError('n must be a non-negative integer')
    if k < 0:
        raise ValueError('k must be a non-negative integer')
    if k > n:
        return 0
    r = 1
    for i in range(k):
        r *= n - i
    return r


def lcm(*integers):
    r = 1
    for n in integers:
        n = _int_arg(n, 'lcm')
        if n == 0:
            return 0
        r = abs(r * n) // gcd(r, n)
    return r


def modf(x):
    x = float(x)
    if x != x or x in (inf, -inf):
        return (copysign(0.0, x) if x == x else x, x)
    i = float(trunc(x))
    return (copysign(x - i, x), i)


def frexp(x):
    x = float(x)
    if x == 0.0 or x != x or x in (inf, -inf):
        return (x, 0)
    e = 0
    m = abs(x)
    while m >= 1.0:
        m /= 2.0
        e += 1
    while m < 0.5:
        m *= 2.0
        e -= 1
    return (copysign(m, x), e)


def dist(p, q):
    if len(p) != len(q):
        raise ValueError('both points must have the same number of dimensions')
    return hypot(*[a - b for a, b in zip(p, q)])


def remainder(x, y):
    x = float(x)
    y = float(y)
    if y == 0.0:
        raise ValueError('math domain error')
    n = round(x / y)
    return x - n * y
#: itertools
def product(*iterables, repeat=1):
    pools = [tuple(p) for p in iterables] * repeat
    result = [[]]
    for pool in pools:
        result = [x + [y] for x in result for y in pool]
    for prod in result:
        yield tuple(prod)


def cycle(iterable):
    saved = []
    for x in iterable:
        yield x
        saved.append(x)
    while saved:
        for x in saved:
            yield x


class chain:
    def __init__(self, *iterables):
        self._it = (x for it in iterables for x in it)

    def __iter__(self):
        return self

    def __next__(self):
        return next(self._it)

    @classmethod
    def from_iterable(cls, iterables):
        c = cls()
        c._it = (x for it in iterables for x in it)
        return c


def tee(iterable, n=2):
    items = list(iterable)
    return tuple(iter(items) for _ in range(n))


def combinations_with_replacement(iterable, r):
    pool = tuple(iterable)
    n = len(pool)
    if not n and r:
        return
    indices = [0] * r
    yield tuple(pool[i] for i in indices)
    while True:
        for i in reversed(range(r)):
            if indices[i] != n - 1:
                break
        else:
            return
        indices[i:] = [indices[i] + 1] * (r - i)
        yield tuple(pool[i] for i in indices)


def compress(data, selectors):
    return (d for d, s in zip(data, selectors) if s)


def dropwhile(predicate, iterable):
    iterable = iter(iterable)
    for x in iterable:
        if not predicate(x):
            yield x
            break
    for x in iterable:
        yield x


def takewhile(predicate, iterable):
    for x in iterable:
        if predicate(x):
            yield x
        else:
            break


def filterfalse(predicate, iterable):
    if predicate is None:
        predicate = bool
    for x in iterable:
        if not predicate(x):
            yield x
#: operator
def itemgetter(*items):
    if len(items) == 1:
        item = items[0]
        return lambda obj: obj[item]
    return lambda obj: tuple(obj[i] for i in items)


def attrgetter(*attrs):
    def get(obj, name):
        for part in name.split('.'):
            obj = getattr(obj, part)
        return obj
    if len(attrs) == 1:
        return lambda obj: get(obj, attrs[0])
    return lambda obj: tuple(get(obj, a) for a in attrs)


def methodcaller(name, /, *args, **kwargs):
    return lambda obj: getattr(obj, name)(*args, **kwargs)


def add(a, b): return a + b
def sub(a, b): return a - b
def mul(a, b): return a * b
def truediv(a, b): return a / b
def floordiv(a, b): return a // b
def mod(a, b): return a % b
def pow(a, b): return a ** b
def neg(a): return -a
def eq(a, b): return a == b
def ne(a, b): return a != b
def lt(a, b): return a < b
def le(a, b): return a <= b
def gt(a, b): return a > b
def ge(a, b): return a >= b
def not_(a): return not a
def truth(a): return bool(a)
def and_(a, b): return a & b
def or_(a, b): return a | b
def xor(a, b): return a ^ b
def concat(a, b): return a + b
def contains(a, b): return b in a
def getitem(a, b): return a[b]
def is_(a, b): return a is b
def is_not(a, b): return a is not b
def abs(a): return a if a >= 0 else -a
def index(a): return a.__index__()

#: random
class Random:
    """random.Random(seed): a generator of its own, apart from the module's
    (each call swaps its state in and out of the module's one)."""

    def __init__(self, x=None):
        saved = getstate()
        seed(x)
        self._state = getstate()
        setstate(saved)

    def _call(self, f, *args, **kwargs):
        saved = getstate()
        setstate(self._state)
        try:
            return f(*args, **kwargs)
        finally:
            self._state = getstate()
            setstate(saved)

    def seed(self, a=None):
        self._call(seed, a)

    def getstate(self):
        return self._state

    def setstate(self, state):
        self._call(setstate, state)

    def random(self):
        return self._call(random)

    def randint(self, a, b):
        return self._call(randint, a, b)

    def randrange(self, *args):
        return self._call(randrange, *args)

    def uniform(self, a, b):
        return self._call(uniform, a, b)

    def triangular(self, *args):
        return self._call(triangular, *args)

    def choice(self, seq):
        return self._call(choice, seq)

    def choices(self, population, *args, **kwargs):
        return self._call(choices, population, *args, **kwargs)

    def shuffle(self, x):
        self._call(shuffle, x)

    def sample(self, population, k, **kwargs):
        return self._call(sample, population, k, **kwargs)

    def gauss(self, mu=0.0, sigma=1.0):
        return self._call(gauss, mu, sigma)

    def normalvariate(self, mu=0.0, sigma=1.0):
        return self._call(normalvariate, mu, sigma)

    def expovariate(self, lambd=1.0):
        return self._call(expovariate, lambd)

    def getrandbits(self, k):
        return self._call(getrandbits, k)
