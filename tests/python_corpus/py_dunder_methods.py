# Checks: __repr__ vs __str__ (print, str(), repr(), inside containers),
# __eq__/__lt__ used by ==, sorted, min/max; __len__, __contains__,
# __getitem__, __add__, __bool__, __hash__ for set/dict keys, __call__.
# Modules: none
class Money:
    def __init__(self, cents):
        self.cents = cents

    def __repr__(self):
        return f"Money({self.cents})"

    def __str__(self):
        return f"${self.cents / 100:.2f}"

    def __eq__(self, other):
        return isinstance(other, Money) and self.cents == other.cents

    def __lt__(self, other):
        return self.cents < other.cents

    def __hash__(self):
        return hash(self.cents)

    def __add__(self, other):
        return Money(self.cents + other.cents)

    def __bool__(self):
        return self.cents != 0


m = Money(250)
print(m, str(m), repr(m), [m], f"{m} {m!r}")
wallet = [Money(500), Money(99), Money(250)]
print(sorted(wallet), min(wallet), max(wallet), Money(1) + Money(2))
print(m == Money(250), m != Money(1), m == 250, len({Money(1), Money(1)}))
print(bool(Money(0)), "yes" if Money(5) else "no")
try:
    Money(1) > Money(2)
    print("> works via reflected __lt__")
    Money(1) <= Money(2)
except TypeError as e:
    print("TypeError:", e)


class Playlist:
    def __init__(self, *songs):
        self.songs = list(songs)

    def __len__(self):
        return len(self.songs)

    def __getitem__(self, i):
        return self.songs[i]

    def __contains__(self, s):
        return s.lower() in (x.lower() for x in self.songs)

    def __call__(self, n):
        return self.songs[:n]


pl = Playlist("One", "Two", "Three")
print(len(pl), pl[0], pl[-1], "two" in pl, pl(2), list(pl), [s for s in pl])


class NoRepr:
    pass


print(type(NoRepr()).__name__, NoRepr.__name__, str(NoRepr) == "<class '__main__.NoRepr'>")
