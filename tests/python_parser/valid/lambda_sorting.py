people = [('bob', 3), ('al', 5)]
people.sort(key=lambda p: (-p[1], p[0]))
print(sorted(people, key=lambda p: p[0], reverse=True))
