def main():
    # todo

