print("a" "b" c)
z = 'oops
