import asyncio

class Account:
    def __init__(self, balance=0):
        self._balance = balance
        self._lock = asyncio.Lock()

    @property
    def balance(self):
        return self._balance

    async def deposit(self, amount):
        async with self._lock:
            b = self._balance
            await asyncio.sleep(0.01)
            self._balance = b + amount

    def __repr__(self):
        return f"Account(balance={self._balance!r})"

class Savings(Account):
    rate = 0.05
    def __init__(self, balance):
        super().__init__(balance)
    async def accrue(self):
        await self.deposit(self.balance * self.rate)

    @staticmethod
    def describe():
        return "savings"

    @classmethod
    def make(cls):
        return cls(100)

async def main():
    a = Savings.make()
    await asyncio.gather(*(a.deposit(10) for _ in range(5)))
    await a.accrue()
    print(a, a.balance, Savings.describe(), isinstance(a, Account))
    print(f"{a.balance:>10.2f}|{a.balance:<8}|{'x':^5}|{255:#x}|{1234567:,}")

asyncio.run(main())
