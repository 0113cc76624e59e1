def outer(n):
    def middle():
        def inner():
            return n
        return inner()
    return middle()
print(outer(3))
