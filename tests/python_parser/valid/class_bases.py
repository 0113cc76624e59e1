class Meta(type):
    pass
class A:
    pass
class B(A):
    pass
class C(A, B, metaclass=Meta):
    pass
class D(object, **{}):
    x = 1
    def __init__(self):
        super().__init__()
