a, b, c = True, False, None
print(a and b or c)
print(not a or not b and c)
print(a or b or c, a and b and c)
print(not not a)
