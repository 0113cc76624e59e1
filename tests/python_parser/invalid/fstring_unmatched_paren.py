print(f'{)}')
