print(end='', 'x')
