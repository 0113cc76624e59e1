msg = (
    f'one {1} '
    'two '
    f'three {3}'
)
print(msg)
