# Checks: user exception classes with __init__ and super().__init__(msg),
# extra attributes, str()/repr()/args, hierarchy order in except clauses,
# else/finally.
# Modules: none


class AppError(Exception):
    pass


class InsufficientFunds(AppError):
    def __init__(self, balance, amount):
        super().__init__(f"balance {balance} < {amount}")
        self.balance = balance
        self.amount = amount


class Plain(Exception):
    def __init__(self, code):
        self.code = code


def withdraw(balance, amount):
    if amount > balance:
        raise InsufficientFunds(balance, amount)
    return balance - amount


for amount in (30, 80):
    try:
        left = withdraw(50, amount)
    except AppError as e:
        print("AppError:", e, "| repr:", repr(e), "| args:", e.args, e.amount - e.balance)
    else:
        print("left", left)
    finally:
        print("finally", amount)

try:
    raise Plain(404)
except Exception as e:
    print(repr(e), str(e) == "", e.args, e.code)
print(issubclass(InsufficientFunds, Exception), isinstance(InsufficientFunds(1, 2), AppError))
print(repr(ValueError()), repr(ValueError("a", 2)), str(ValueError("a", 2)))
print(repr(KeyError("k")), str(KeyError("k")))
raise InsufficientFunds(1, 2)
