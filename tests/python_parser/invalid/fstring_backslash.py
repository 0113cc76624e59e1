print(f'{"\n".join(xs)}')
