# Checks: hasattr/getattr/setattr/delattr with defaults, type(), isinstance
# with tuples, vars()/__dict__, callable, __class__.__name__, dir filter.
# Modules: none
class Config:
    debug = False

    def __init__(self):
        self.level = 1

    def bump(self):
        self.level += 1


c = Config()
print(hasattr(c, "level"), hasattr(c, "missing"), hasattr(c, "bump"))
print(getattr(c, "level"), getattr(c, "missing", "default"), getattr(Config, "debug"))
setattr(c, "color", "blue")
print(c.color, vars(c), c.__dict__ == vars(c))
getattr(c, "bump")()
print(c.level)
delattr(c, "color")
print(hasattr(c, "color"))
try:
    getattr(c, "nope")
except AttributeError as e:
    print("AttributeError:", e)
print(type(c).__name__, c.__class__.__name__, type(c) is Config, type(Config).__name__)
print(isinstance(c, (int, Config)), isinstance(1.0, (int, str)), callable(c.bump), callable(c))
print([n for n in dir(c) if not n.startswith("_")])
print(type(1), type("s"), type([]), type(None), type(len), type(print))
for value in [1, 1.5, "s", [1], (1,), {1: 2}, {1}, None, True]:
    print(type(value).__name__, end=" ")
print()
c.debug = True
print(c.debug, Config.debug)
