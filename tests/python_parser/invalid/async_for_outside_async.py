def main():
    async for x in agen():
        print(x)
