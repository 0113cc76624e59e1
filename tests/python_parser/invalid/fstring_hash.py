print(f'{x#}')
