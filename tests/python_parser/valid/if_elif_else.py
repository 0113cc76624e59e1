x = 5
if x < 0:
    print('neg')
elif x == 0:
    print('zero')
elif x < 10:
    print('small')
else:
    print('big')
