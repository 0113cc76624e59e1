s = '  Hello, World  '
print(s.strip().lower().replace(',', '').split())
