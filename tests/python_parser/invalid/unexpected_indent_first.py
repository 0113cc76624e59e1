  print('hi')
