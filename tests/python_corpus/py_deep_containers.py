# Checks: containers nested far deeper than any recursion limit: building
# and dropping them is fine; repr, str, ==, < and json.dumps raise
# RecursionError (in the browser too, never the engine's stack overflow).
# Modules: json
import json

a = []
for i in range(3000):
    a = [a]
t = ()
for i in range(3000):
    t = (t,)
d = {}
for i in range(3000):
    d = {"k": d}
for what, f in [("repr", lambda: repr(a)), ("str", lambda: str(t)), ("eq", lambda: a == [a]),
                ("lt", lambda: a < [a]), ("tuple eq", lambda: t == (t,)), ("json", lambda: json.dumps(d))]:
    try:
        f()
        print(what, "ok")
    except RecursionError as e:
        print(what, "RecursionError:", e)
a = None
t = None
print("dropped")
