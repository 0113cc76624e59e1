print() = 3
