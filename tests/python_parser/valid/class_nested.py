class Outer:
    class Inner:
        value = 1
    def get(self):
        return self.Inner.value
