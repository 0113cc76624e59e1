x = 1
if x: print('yes')
elif x > 1: print('big')
else: print('no')
while False: pass
for i in range(2): print(i)
def f(): return 1
class C: pass
