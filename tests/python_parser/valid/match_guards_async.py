async def handle(queue):
    while True:
        match await queue.get():
            case ("job", n) if (m := n * 2) > 0:
                yield m
            case ("stop",):
                break
            case other:
                continue


def g(x):
    match x:
        case y if (yield y):
            return y
        case _:
            pass
