x = 1
s = 'a' f'{x}' 'b' f"{x + 1}"
print(s)
