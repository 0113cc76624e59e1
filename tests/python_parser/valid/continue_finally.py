for i in range(3):
    try:
        pass
    finally:
        continue
while True:
    try:
        break
    finally:
        pass
