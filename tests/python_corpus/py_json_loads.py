# Checks: json.loads as CPython: ints of any size, floats by fraction or
# exponent, NaN/Infinity, and JSONDecodeError words and positions.
# Modules: json
import json
docs = ['1.5e3', '[1E2, -0.5e-1, 2, -0, 12345678901234567890123, -98765432109876543210]',
        '{"a": [1, 2, {"b": null}], "c": true, "d": "x\\u00e9\\ud83d\\ude00\\n"}',
        'NaN', '[Infinity, -Infinity]', '', '   ', '[1,]', '{"a":1,}', '{"a" 1}', '{a:1}',
        '[1 2]', '"abc', '"a\\qb"', '"a\tb"', '[1]x', '{"a":1}\n  {', '\n\n  [', 'tru', '01', '-', '1.', '.5',
        '"\\u12"', '{"k": 1, "k": 2}', '[[[]]]']
for d in docs:
    try:
        print(repr(d), '->', repr(json.loads(d)))
    except json.JSONDecodeError as e:
        print(repr(d), 'JSONDecodeError', e)
    except ValueError as e:
        print(repr(d), 'ValueError', e)
