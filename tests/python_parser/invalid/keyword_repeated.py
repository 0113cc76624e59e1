print(sep=',', sep=';')
