s = 'abc\
def'
t = """one \
two"""
print(s, t)
