# Checks: cooperative super() through a diamond, __mro__, NotImplementedError, abc.ABC and abstractmethod errors, chained methods.
# Modules: abc
class A:
    def hi(self): return 'A'
class B(A):
    def hi(self): return 'B' + super().hi()
class C(A):
    def hi(self): return 'C' + super().hi()
class D(B, C):
    def hi(self): return 'D' + super().hi()
print(D().hi(), [k.__name__ for k in D.__mro__])
class Shape:
    def area(self):
        raise NotImplementedError
    def __str__(self):
        return f'{self.__class__.__name__} with area {self.area():.2f}'
class Circle(Shape):
    def __init__(self, r): self.r = r
    def area(self): return 3.14159 * self.r ** 2
class Sq(Shape):
    def __init__(self, s): self.s = s
    def area(self): return self.s ** 2
for s in [Circle(1), Sq(2)]:
    print(s)
try:
    Shape().area()
except NotImplementedError as e:
    print('NotImplementedError', repr(e))
from abc import ABC, abstractmethod
class Base(ABC):
    @abstractmethod
    def run(self): ...
class Impl(Base):
    def run(self): return 'ran'
print(Impl().run())
try:
    Base()
except TypeError as e:
    print(e)
class Half(Base):
    pass
try:
    Half()
except TypeError as e:
    print(e)
class Meta:
    def __eq__(self, o): return True
print(Meta() == 1, Meta() != 1)
class Account:
    interest = 0.02
    def __init__(self, owner, balance=0):
        self.owner, self.balance = owner, balance
    def deposit(self, amt):
        if amt <= 0:
            raise ValueError('Deposit must be positive')
        self.balance += amt
        return self
    def __repr__(self): return f'Account({self.owner!r}, {self.balance})'
a = Account('ann').deposit(10).deposit(5)
print(a, Account.interest, a.interest)
try:
    a.deposit(-1)
except ValueError as e:
    print(e)
