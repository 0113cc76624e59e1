try:
    raise ExceptionGroup('eg', [ValueError(1)])
except ExceptionGroup as eg:
    print(eg)
