# Checks: __slots__ refusing other attributes, __init_subclass__ with class keywords, class vs instance attributes, __getattr__, __setattr__ calling super(), type() reprs.
# Modules: none
class P:
    __slots__ = ('x', 'y')
    def __init__(self, x, y):
        self.x = x
        self.y = y
p = P(1, 2)
print(p.x, p.y, P.__slots__)
try:
    p.z = 3
except AttributeError as e:
    print(e)
class Base:
    def __init_subclass__(cls, /, tag=None, **kw):
        super().__init_subclass__(**kw)
        cls.tag = tag
        print('registered', cls.__name__, tag)
class A(Base, tag='a'):
    pass
class B(Base):
    pass
print(A.tag, B.tag)
class Registry:
    plugins = []
    def __init_subclass__(cls):
        Registry.plugins.append(cls.__name__)
class X(Registry): pass
class Y(Registry): pass
print(Registry.plugins)
class C:
    x = 1
    def __init__(self):
        self.x = 2
c = C()
print(c.x, C.x, type(c).x)
del c.x
print(c.x)
class D:
    items = []
    def add(self, v):
        self.items.append(v)
d1, d2 = D(), D()
d1.add(1)
print(d2.items)
class E:
    def __getattr__(self, name):
        return f'dyn_{name}'
print(E().foo)
class F:
    def __setattr__(self, name, value):
        print('set', name, value)
        super().__setattr__(name, value)
f = F(); f.a = 1
print(f.a)
print(P.__name__, type(P), type(p), type(1), type('a'), type(None), type([]), type(print), type(len))
