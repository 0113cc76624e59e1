print(f'{1 +}')
