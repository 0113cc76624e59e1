# Checks: json.dumps with sort_keys, indent (int and str), separators, ensure_ascii=False, default=, non-str keys, and its TypeError.
# Modules: json
import json
d = {'b': [1, 2.5, None, True], 'a': {'x': 'y\n"q"'}, 'c': 'é'}
print(json.dumps(d))
print(json.dumps(d, sort_keys=True))
print(json.dumps(d, indent=2))
print(json.dumps(d, separators=(',', ':')))
print(json.dumps(d, ensure_ascii=False))
print(json.dumps([1, {}], indent=4))
print(json.dumps({}, indent=2), json.dumps([], indent=2))
print(json.dumps({1: 'a', 2.5: 'b', True: 'c', None: 'd'}))
class P:
    def __init__(self): self.x = 1
print(json.dumps(P(), default=lambda o: o.__dict__))
print(json.dumps('x'), json.dumps(1.0), json.dumps(float('inf')), json.dumps((1, 2)))
print(json.dumps({'a': 1, 'b': [1, 2]}, indent='\t'))
print(json.dumps({'z': 1, 'a': {'y': 2, 'b': 3}}, sort_keys=True, indent=2))
print(json.loads('[1, 2]'), json.loads('true'), json.loads('"s"'))
try:
    json.dumps({'k': {1, 2}})
except TypeError as e:
    print(e)
