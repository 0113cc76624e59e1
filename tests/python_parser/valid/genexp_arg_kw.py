print(sum(x for x in range(3)))
print(max((x for x in range(3)), default=0))
