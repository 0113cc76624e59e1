match x:
    case {"k": a, "j": [b], **a}:
        pass
