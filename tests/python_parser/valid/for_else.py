for i in range(3):
    if i == 5:
        break
    continue
else:
    print('done')
