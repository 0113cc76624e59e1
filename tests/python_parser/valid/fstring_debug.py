x = 1
y = 'a'
print(f'{x=} {y = } {x=!s} {x=:>4}')
