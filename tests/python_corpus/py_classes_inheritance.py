# Checks: classes with __init__, inheritance, super(), method override,
# class vs instance attributes, @classmethod/@staticmethod/@property,
# isinstance/issubclass, the MRO of a diamond, default repr shape avoided.
# Modules: none
class Animal:
    kind = "animal"
    count = 0

    def __init__(self, name):
        self.name = name
        Animal.count += 1

    def speak(self):
        return f"{self.name} makes a sound"

    def describe(self):
        return f"{self.name} is an {self.kind}: {self.speak()}"


class Dog(Animal):
    kind = "dog"

    def __init__(self, name, trick):
        super().__init__(name)
        self.trick = trick

    def speak(self):
        return f"{self.name} barks and can {self.trick}"


class Puppy(Dog):
    def speak(self):
        return super().speak() + " (squeakily)"


a, d, p = Animal("generic"), Dog("Rex", "sit"), Puppy("Bit", "roll")
for x in (a, d, p):
    print(x.describe())
print(Animal.count, isinstance(p, Animal), issubclass(Dog, Puppy), type(p).__name__)


class Temperature:
    def __init__(self, celsius):
        self._c = celsius

    @property
    def fahrenheit(self):
        return self._c * 9 / 5 + 32

    @fahrenheit.setter
    def fahrenheit(self, f):
        self._c = (f - 32) * 5 / 9

    @classmethod
    def boiling(cls):
        return cls(100)

    @staticmethod
    def unit():
        return "C"


t = Temperature.boiling()
print(t.fahrenheit, Temperature.unit())
t.fahrenheit = 32
print(t._c)


class A:
    def who(self):
        return "A"


class B(A):
    def who(self):
        return "B>" + super().who()


class C(A):
    def who(self):
        return "C>" + super().who()


class D(B, C):
    def who(self):
        return "D>" + super().who()


print(D().who(), [k.__name__ for k in D.__mro__])
