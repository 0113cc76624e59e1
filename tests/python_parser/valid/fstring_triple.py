x = 3
s = f'''line {x}
second {x * 2}'''
print(s)
