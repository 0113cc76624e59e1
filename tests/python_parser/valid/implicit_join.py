total = (1 +
         2 +
         3)
items = [
    1,
    2,
]
d = {
    'a': 1,  # comment
}
print(total, items, d)
