match = 1
case = 2
_ = 3
type = 4
print(match, case, _, type)
match = [1]
match[0] = 2
print(match)
