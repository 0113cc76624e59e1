x = 1
def f():
    global x, y
    x = y = 2
global z
