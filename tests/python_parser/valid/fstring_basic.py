name = 'x'
print(f'hello {name}!')
print(F"{name!r} {name!s} {name!a}")
