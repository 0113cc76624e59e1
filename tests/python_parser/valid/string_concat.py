s = 'a' 'b' "c"
t = ('long string '
     'continued '
     'here')
print(s, t)
