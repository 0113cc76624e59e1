name = 'x'
print(f"hi {name})
