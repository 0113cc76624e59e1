n = 3
while n > 0:
    n -= 1
    if n == 10:
        break
else:
    print('no break')
