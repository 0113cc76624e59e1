# dataclasses for the playground, written from CPython 3.11's
# dataclasses.py: the same generated methods, rules and messages, without
# generating source text (the methods are closures over the fields).

class _MISSING_TYPE:
    pass


MISSING = _MISSING_TYPE()


class FrozenInstanceError(AttributeError):
    pass


class Field:
    def __init__(self, default, default_factory, init, repr, hash, compare, metadata, kw_only):
        self.name = None
        self.type = None
        self.default = default
        self.default_factory = default_factory
        self.init = init
        self.repr = repr
        self.hash = hash
        self.compare = compare
        self.metadata = {} if metadata is None else metadata
        self.kw_only = kw_only

    def __repr__(self):
        return (f'Field(name={self.name!r},type={self.type!r},default={self.default!r},'
                f'default_factory={self.default_factory!r},init={self.init!r},repr={self.repr!r},'
                f'hash={self.hash!r},compare={self.compare!r},metadata={self.metadata!r},'
                f'kw_only={self.kw_only!r},_field_type=_FIELD)')


class _Params:
    def __init__(self, init, repr, eq, order, unsafe_hash, frozen):
        self.init = init
        self.repr = repr
        self.eq = eq
        self.order = order
        self.unsafe_hash = unsafe_hash
        self.frozen = frozen


def field(*, default=MISSING, default_factory=MISSING, init=True, repr=True,
          hash=None, compare=True, metadata=None, kw_only=MISSING):
    if default is not MISSING and default_factory is not MISSING:
        raise ValueError('cannot specify both default and default_factory')
    return Field(default, default_factory, init, repr, hash, compare, metadata, kw_only)


def _is_classvar(typ):
    if isinstance(typ, str):
        return typ.startswith('ClassVar') or typ.startswith('typing.ClassVar')
    return False


def _names_and(names):
    quoted = [f"'{n}'" for n in names]
    if len(quoted) == 1:
        return quoted[0]
    if len(quoted) == 2:
        return f'{quoted[0]} and {quoted[1]}'
    return ', '.join(quoted[:-1]) + f', and {quoted[-1]}'


def _has_default(f):
    return f.default is not MISSING or f.default_factory is not MISSING


def _process_class(cls, init, repr, eq, order, unsafe_hash, frozen):
    fields = {}
    has_dc_base = False
    any_frozen_base = False
    for b in reversed(cls.__mro__[1:]):
        base_fields = b.__dict__.get('__dataclass_fields__')
        if base_fields is not None:
            has_dc_base = True
            for f in base_fields.values():
                fields[f.name] = f
            if b.__dict__['__dataclass_params__'].frozen:
                any_frozen_base = True
    own = cls.__dict__
    for name, typ in own.get('__annotations__', {}).items():
        if _is_classvar(typ):
            continue
        default = own.get(name, MISSING)
        if isinstance(default, Field):
            f = default
        else:
            if isinstance(default, (list, dict, set)):
                raise ValueError(f'mutable default {type(default)} for field {name} '
                                 'is not allowed: use default_factory')
            f = field(default=default)
        f.name = name
        f.type = typ
        if isinstance(default, Field):
            if f.default is MISSING:
                try:
                    delattr(cls, name)
                except Exception:
                    pass
            else:
                setattr(cls, name, f.default)
        fields[name] = f
    for name, value in own.items():
        if isinstance(value, Field) and name not in fields:
            raise TypeError(f'{name!r} is a field but has no type annotation')
    if has_dc_base:
        if any_frozen_base and not frozen:
            raise TypeError('cannot inherit non-frozen dataclass from a frozen one')
        if frozen and not any_frozen_base:
            raise TypeError('cannot inherit frozen dataclass from a non-frozen one')
    cls.__dataclass_fields__ = fields
    cls.__dataclass_params__ = _Params(init, repr, eq, order, unsafe_hash, frozen)
    flds = list(fields.values())
    init_fields = [f for f in flds if f.init]
    if init:
        seen_default = False
        for f in init_fields:
            if _has_default(f):
                seen_default = True
            elif seen_default:
                raise TypeError(f'non-default argument {f.name!r} follows default argument')
    init_names = [f.name for f in init_fields]
    qualname = cls.__qualname__

    def __init__(self, *args, **kwargs):
        qn = qualname + '.__init__'
        n = len(init_fields)
        if len(args) > n:
            required = len([f for f in init_fields if not _has_default(f)])
            takes = f'from {required + 1} to {n + 1}' if required < n else f'{n + 1}'
            s = '' if n == 0 else 's'
            raise TypeError(f'{qn}() takes {takes} positional argument{s} but {len(args) + 1} were given')
        values = {}
        for i, a in enumerate(args):
            values[init_names[i]] = a
        for k, v in kwargs.items():
            if k not in init_names:
                raise TypeError(f"{qn}() got an unexpected keyword argument '{k}'")
            if k in values:
                raise TypeError(f"{qn}() got multiple values for argument '{k}'")
            values[k] = v
        missing = [f.name for f in init_fields if f.name not in values and not _has_default(f)]
        if missing:
            s = '' if len(missing) == 1 else 's'
            raise TypeError(f'{qn}() missing {len(missing)} required positional argument{s}: {_names_and(missing)}')
        for f in flds:
            if f.name in values:
                v = values[f.name]
            elif f.default_factory is not MISSING:
                v = f.default_factory()
            elif f.default is not MISSING:
                if not f.init:
                    continue
                v = f.default
            else:
                continue
            if frozen:
                object.__setattr__(self, f.name, v)
            else:
                setattr(self, f.name, v)
        post = getattr(self, '__post_init__', None)
        if post is not None:
            post()

    def __repr__(self):
        inner = ', '.join(f'{f.name}={getattr(self, f.name)!r}' for f in flds if f.repr)
        return f'{self.__class__.__qualname__}({inner})'

    cmp_fields = [f for f in flds if f.compare]

    def _key(self):
        return tuple(getattr(self, f.name) for f in cmp_fields)

    def __eq__(self, other):
        if other.__class__ is self.__class__:
            return _key(self) == _key(other)
        return NotImplemented

    def __lt__(self, other):
        if other.__class__ is self.__class__:
            return _key(self) < _key(other)
        return NotImplemented

    def __le__(self, other):
        if other.__class__ is self.__class__:
            return _key(self) <= _key(other)
        return NotImplemented

    def __gt__(self, other):
        if other.__class__ is self.__class__:
            return _key(self) > _key(other)
        return NotImplemented

    def __ge__(self, other):
        if other.__class__ is self.__class__:
            return _key(self) >= _key(other)
        return NotImplemented

    hash_fields = [f for f in flds if (f.compare if f.hash is None else f.hash)]

    def __hash__(self):
        return hash(tuple(getattr(self, f.name) for f in hash_fields))

    def __setattr__(self, name, value):
        if type(self) is cls or name in fields:
            raise FrozenInstanceError(f'cannot assign to field {name!r}')
        object.__setattr__(self, name, value)

    def __delattr__(self, name):
        if type(self) is cls or name in fields:
            raise FrozenInstanceError(f'cannot delete field {name!r}')

    if init and '__init__' not in own:
        __init__.__qualname__ = qualname + '.__init__'
        cls.__init__ = __init__
    if repr and '__repr__' not in own:
        cls.__repr__ = __repr__
    if eq and '__eq__' not in own:
        cls.__eq__ = __eq__
    if order:
        if not eq:
            raise ValueError('eq must be true if order is true')
        for name, fn in (('__lt__', __lt__), ('__le__', __le__), ('__gt__', __gt__), ('__ge__', __ge__)):
            if name in own:
                raise TypeError(f'Cannot overwrite attribute {name} in class {cls.__name__}. '
                                'Consider using functools.total_ordering')
            setattr(cls, name, fn)
    if frozen:
        cls.__setattr__ = __setattr__
        cls.__delattr__ = __delattr__
    explicit_hash = '__hash__' in own and own['__hash__'] is not None
    if unsafe_hash or (eq and frozen and not explicit_hash):
        cls.__hash__ = __hash__
    elif eq and not explicit_hash:
        cls.__hash__ = None
    if '__match_args__' not in own:
        cls.__match_args__ = tuple(init_names)
    return cls


def dataclass(cls=None, /, *, init=True, repr=True, eq=True, order=False,
              unsafe_hash=False, frozen=False, match_args=True, kw_only=False, slots=False):
    def wrap(cls):
        return _process_class(cls, init, repr, eq, order, unsafe_hash, frozen)
    if cls is None:
        return wrap
    return wrap(cls)


def is_dataclass(obj):
    cls = obj if isinstance(obj, type) else type(obj)
    return hasattr(cls, '__dataclass_fields__')


def fields(class_or_instance):
    try:
        fs = class_or_instance.__dataclass_fields__
    except AttributeError:
        raise TypeError('must be called with a dataclass type or instance') from None
    return tuple(fs.values())


def _is_instance(obj):
    return not isinstance(obj, type) and hasattr(type(obj), '__dataclass_fields__')


def _asdict_inner(obj, factory):
    if _is_instance(obj):
        return factory([(f.name, _asdict_inner(getattr(obj, f.name), factory)) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_asdict_inner(v, factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_asdict_inner(v, factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_asdict_inner(k, factory), _asdict_inner(v, factory)) for k, v in obj.items())
    return obj


def asdict(obj, *, dict_factory=dict):
    if not _is_instance(obj):
        raise TypeError('asdict() should be called on dataclass instances')
    return _asdict_inner(obj, dict_factory)


def _astuple_inner(obj, factory):
    if _is_instance(obj):
        return factory([_astuple_inner(getattr(obj, f.name), factory) for f in fields(obj)])
    if isinstance(obj, tuple) and hasattr(obj, '_fields'):
        return type(obj)(*[_astuple_inner(v, factory) for v in obj])
    if isinstance(obj, (list, tuple)):
        return type(obj)(_astuple_inner(v, factory) for v in obj)
    if isinstance(obj, dict):
        return type(obj)((_astuple_inner(k, factory), _astuple_inner(v, factory)) for k, v in obj.items())
    return obj


def astuple(obj, *, tuple_factory=tuple):
    if not _is_instance(obj):
        raise TypeError('astuple() should be called on dataclass instances')
    return _astuple_inner(obj, tuple_factory)


def replace(obj, /, **changes):
    if not _is_instance(obj):
        raise TypeError('replace() should be called on dataclass instances')
    for f in fields(obj):
        if not f.init:
            if f.name in changes:
                raise ValueError(f'field {f.name} is declared with init=False, '
                                 'it cannot be specified with replace()')
            continue
        if f.name not in changes:
            changes[f.name] = getattr(obj, f.name)
    return obj.__class__(**changes)
