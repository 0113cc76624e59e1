class M:
    def __matmul__(self, o):
        return 1
m = M()
print(m @ m)
m @= m
