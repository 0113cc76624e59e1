try:
    pass
except* ValueError:
    pass
except* (TypeError, KeyError) as e:
    for i in range(2):
        break
else:
    pass
finally:
    pass
def g():
    try:
        pass
    except* ValueError:
        def h():
            return 1
