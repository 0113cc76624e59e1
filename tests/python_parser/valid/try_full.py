try:
    x = 1 / 0
except ZeroDivisionError as e:
    print('div', e)
except (ValueError, TypeError):
    print('other')
except Exception:
    raise
except:
    pass
else:
    print('ok')
finally:
    print('finally')
