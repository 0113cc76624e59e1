"""Module docstring."""
def f():
    """Function docstring.

    More text.
    """
    return None
class C:
    '''Class docstring.'''
