x: int = 1
y: list[int]
z: dict[str, int] = {}
class C:
    a: int
    b: str = 'b'
    def m(self):
        self.c: float = 1.0
(w): int = 2
l = [0]
l[0]: int = 1
