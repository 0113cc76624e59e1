d = {'k': 1}
items = [1, 2]
print(f"{d['k']} {items[0]:03d} {len(items)} {'yes' if items else 'no'} {f'{d}'}")
