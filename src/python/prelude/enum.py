# enum for the playground: Enum, IntEnum, StrEnum, Flag, IntFlag, auto,
# unique, written from CPython 3.11's enum.py. The class-level protocol
# (`for m in Color`, `len(Color)`, `Color(1)`, `Color['RED']`, `m in Color`,
# `repr(Color)`) uses the interpreter's class hooks (`__class_iter__`, ...)
# where CPython uses the metaclass EnumType. `_new_instance(cls)` makes an
# instance without calling the class; `_body_names(cls)` gives the names the
# class body assigned, in order.

_MISSING = object()


class auto:
    def __init__(self, value=_MISSING):
        self.value = value

    def __repr__(self):
        return 'auto(%r)' % (self.value,)


def _is_member_value(name, v):
    if name.startswith('_') and (name.endswith('_') or name.startswith('__')):
        return False
    if type(v).__name__ in ('function', 'property', 'classmethod', 'staticmethod', 'builtin_function_or_method'):
        return False
    if isinstance(v, type):
        return False
    return True


def _data_type(cls):
    for base in cls.__mro__:
        if base in (int, str, float):
            return base
    return None


def _setup(cls):
    canon = []
    members = {}
    d = cls.__dict__
    data = _data_type(cls)
    cls._data_type_ = data
    init = None
    for base in cls.__mro__:
        if base is Enum:
            break
        if '__init__' in base.__dict__:
            init = base.__dict__['__init__']
            break
    for n in _body_names(cls):
        if n not in d:
            continue
        v = d[n]
        if not _is_member_value(n, v):
            continue
        if isinstance(v, auto):
            if v.value is _MISSING:
                v.value = cls._generate_next_value_(n, 1, len(canon), [m._value_ for m in canon])
            v = v.value
        alias = None
        for m in canon:
            if m._value_ == v:
                alias = m
                break
        if alias is not None:
            members[n] = alias
            setattr(cls, n, alias)
            continue
        m = _new_instance(cls)
        object.__setattr__(m, '_name_', n)
        args = v if isinstance(v, tuple) else (v,)
        if data is not None and isinstance(v, tuple):
            v = data(*args)
        object.__setattr__(m, '_value_', v)
        if init is not None:
            init(m, *args)
        canon.append(m)
        members[n] = m
        setattr(cls, n, m)
    cls._member_names_ = [m._name_ for m in canon]
    cls._member_map_ = members
    cls._member_list_ = canon
    cls.__members__ = dict(members)


def _name_of(cls):
    return cls.__name__


class Enum:
    def __init_subclass__(cls, **kwds):
        if getattr(cls, '_member_list_', None):
            raise TypeError(f"{cls.__name__} cannot extend {cls.__mro__[1]!r}")
        _setup(cls)

    def __class_call__(cls, value=_MISSING, *args, **kwds):
        if value is _MISSING:
            raise TypeError("EnumType.__call__() missing 1 required positional argument: 'value'")
        if isinstance(value, cls):
            return value
        for m in cls._member_list_:
            if m._value_ == value:
                return m
        found = cls._missing_(value)
        if found is not None:
            return found
        raise ValueError(f"{value!r} is not a valid {cls.__qualname__}")

    def __class_iter__(cls):
        return iter(list(getattr(cls, '_member_list_', [])))

    def __class_len__(cls):
        return len(getattr(cls, '_member_list_', []))

    def __class_getitem__(cls, name):
        return cls._member_map_[name]

    def __class_contains__(cls, m):
        if not isinstance(m, Enum):
            raise TypeError(f"unsupported operand type(s) for 'in': '{type(m).__name__}' and 'EnumType'")
        return isinstance(m, cls) and m._name_ in cls._member_map_

    def __class_setattr_check__(cls, name):
        if name in cls.__dict__.get('_member_map_', {}):
            raise AttributeError(f'cannot reassign member {name!r}')

    def __class_repr__(cls):
        return f"<enum {cls.__name__!r}>"

    @classmethod
    def _missing_(cls, value):
        return None

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        for last in reversed(last_values):
            try:
                return last + 1
            except TypeError:
                pass
        return start

    @property
    def name(self):
        return self._name_

    @property
    def value(self):
        return self._value_

    def __repr__(self):
        v = self._value_
        return f"<{type(self).__name__}.{self._name_}: {v!r}>"

    def __str__(self):
        return f"{type(self).__name__}.{self._name_}"

    def __format__(self, spec):
        return format(str(self), spec)

    def __hash__(self):
        return hash(self._name_)

    def __eq__(self, other):
        if self._data_type_ is not None and not isinstance(other, Enum):
            return self._value_ == other
        return self is other

    def __getattr__(self, name):
        if self._data_type_ is not None and not name.startswith('_'):
            return getattr(self._value_, name)
        raise AttributeError(f"'{type(self).__name__}' object has no attribute '{name}'")


def _plain(v):
    return v._value_ if isinstance(v, Enum) else v


class ReprEnum(Enum):
    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)


class IntEnum(ReprEnum):
    def __lt__(self, other):
        return self._value_ < _plain(other)

    def __le__(self, other):
        return self._value_ <= _plain(other)

    def __gt__(self, other):
        return self._value_ > _plain(other)

    def __ge__(self, other):
        return self._value_ >= _plain(other)

    _data_type_ = int

    def __init_subclass__(cls, **kwds):
        _setup(cls)
        cls._data_type_ = int

    def __hash__(self):
        return hash(self._value_)

    def __int__(self):
        return self._value_

    def __index__(self):
        return self._value_

    def __add__(self, o):
        return self._value_ + _plain(o)

    def __radd__(self, o):
        return _plain(o) + self._value_

    def __sub__(self, o):
        return self._value_ - _plain(o)

    def __rsub__(self, o):
        return _plain(o) - self._value_

    def __mul__(self, o):
        return self._value_ * _plain(o)

    def __rmul__(self, o):
        return _plain(o) * self._value_

    def __truediv__(self, o):
        return self._value_ / _plain(o)

    def __floordiv__(self, o):
        return self._value_ // _plain(o)

    def __mod__(self, o):
        return self._value_ % _plain(o)


class StrEnum(ReprEnum):
    def __lt__(self, other):
        return self._value_ < _plain(other)

    def __le__(self, other):
        return self._value_ <= _plain(other)

    def __gt__(self, other):
        return self._value_ > _plain(other)

    def __ge__(self, other):
        return self._value_ >= _plain(other)

    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        return name.lower()

    def __init_subclass__(cls, **kwds):
        _setup(cls)
        cls._data_type_ = str

    def __hash__(self):
        return hash(self._value_)

    def __add__(self, o):
        return self._value_ + _plain(o)

    def __radd__(self, o):
        return _plain(o) + self._value_


class Flag(Enum):
    @staticmethod
    def _generate_next_value_(name, start, count, last_values):
        if not last_values:
            return start
        high = max(last_values)
        return 1 << high.bit_length() if high else 1

    @classmethod
    def _missing_(cls, value):
        if not isinstance(value, int):
            return None
        m = _new_instance(cls)
        names = [x._name_ for x in cls._member_list_ if x._value_ & value == x._value_ and x._value_]
        object.__setattr__(m, '_name_', '|'.join(names) if names else None)
        object.__setattr__(m, '_value_', value)
        return m

    def _members(self):
        return [x for x in type(self)._member_list_ if x._value_ and x._value_ & self._value_ == x._value_]

    def __iter__(self):
        return iter(self._members())

    def __len__(self):
        return len(self._members())

    def __contains__(self, other):
        return other._value_ & self._value_ == other._value_

    def __bool__(self):
        return bool(self._value_)

    def __or__(self, other):
        return type(self)(self._value_ | other._value_)

    def __and__(self, other):
        return type(self)(self._value_ & other._value_)

    def __xor__(self, other):
        return type(self)(self._value_ ^ other._value_)

    def __invert__(self):
        full = 0
        for x in type(self)._member_list_:
            full |= x._value_
        return type(self)(full & ~self._value_)

    def __eq__(self, other):
        return isinstance(other, Flag) and type(other) is type(self) and other._value_ == self._value_

    def __hash__(self):
        return hash(self._value_)

    def __repr__(self):
        if self._name_ is None:
            return f"<{type(self).__name__}: {self._value_!r}>"
        return f"<{type(self).__name__}.{self._name_}: {self._value_!r}>"

    def __str__(self):
        if self._name_ is None:
            return f"{type(self).__name__}({self._value_!r})"
        return f"{type(self).__name__}.{self._name_}"


class IntFlag(Flag):
    def __init_subclass__(cls, **kwds):
        _setup(cls)
        cls._data_type_ = int

    def __str__(self):
        return str(self._value_)

    def __format__(self, spec):
        return format(self._value_, spec)

    def __int__(self):
        return self._value_

    def __or__(self, other):
        return type(self)(self._value_ | _plain(other))

    def __and__(self, other):
        return type(self)(self._value_ & _plain(other))

    def __eq__(self, other):
        return self._value_ == _plain(other)


def unique(enumeration):
    dups = []
    for name, m in enumeration.__members__.items():
        if name != m._name_:
            dups.append((name, m._name_))
    if dups:
        alias = ', '.join(f'{a} -> {b}' for a, b in dups)
        raise ValueError(f'duplicate values found in {enumeration!r}: {alias}')
    return enumeration


EnumType = type
EnumMeta = type
