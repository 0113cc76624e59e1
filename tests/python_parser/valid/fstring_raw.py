x = 2
print(rf'\d{x}' fr'\w{x}')
