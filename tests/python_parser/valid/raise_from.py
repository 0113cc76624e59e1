class AppError(Exception):
    pass
def f():
    try:
        int('x')
    except ValueError as e:
        raise AppError('bad') from e
def g():
    raise AppError
def h():
    raise
