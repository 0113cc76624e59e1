# Checks: ExceptionGroup split/subgroup/derive (nested groups, predicates), except* on a group, exception args/cause/context, add_note and a module-level traceback ending on a note.
# Modules: none
eg = ExceptionGroup('many', [ValueError('a'), TypeError('b'), ValueError('c'), ExceptionGroup('inner', [KeyError('k'), ValueError('d')])])
print(eg, repr(eg.exceptions[0]), len(eg.exceptions))
match, rest = eg.split(ValueError)
print(repr(match))
print(repr(rest))
print(repr(eg.subgroup(lambda e: isinstance(e, KeyError))))
print(eg.subgroup(OSError))
d = eg.derive([ValueError('z')])
print(repr(d), type(d).__name__)
print(eg.message, eg.args[0])
try:
    raise ExceptionGroup('g', [ValueError(1), TypeError(2)])
except* ValueError as e:
    print('caught V', repr(e))
except* TypeError as e:
    print('caught T', repr(e))
e = ValueError('bad', 42)
print(e.args, str(e), repr(e))
try:
    try:
        1 / 0
    except ZeroDivisionError as z:
        raise RuntimeError('wrapped') from z
except RuntimeError as r:
    print(repr(r.__cause__), r.__suppress_context__, repr(r.__context__))
try:
    try:
        {}['x']
    except KeyError:
        raise ValueError('during')
except ValueError as v:
    print(repr(v.__context__), v.__cause__)
err = ValueError('note me')
err.add_note('first note')
err.add_note('second')
print(err.__notes__)
print(BaseExceptionGroup('x', [ValueError()]).__class__.__name__, BaseExceptionGroup('x', [KeyboardInterrupt()]).__class__.__name__)
try:
    ExceptionGroup('x', [])
except ValueError as e:
    print(e)
print(repr(KeyError('k')), str(KeyError('k')), str(KeyError()))
raise err
