# Checks: int.to_bytes/from_bytes (byteorder, signed, defaults, lists), bit_count on small and big ints, their OverflowError/ValueError messages, and bytes reprs choosing their quotes.
# Modules: none
n = 1024
print(n.to_bytes(2, 'big'), n.to_bytes(4, 'little'), n.to_bytes(2, byteorder='big'), (5).to_bytes())
print(int.from_bytes(b'\x00\x10', 'big'), int.from_bytes(b'\xff', 'big', signed=True), int.from_bytes(b'\x01\x02', byteorder='little'))
print((-1).to_bytes(2, 'big', signed=True), (255).bit_count(), (10).bit_count(), (2**70 - 1).bit_count(), (-7).bit_count())
print(int.from_bytes(bytes([1, 2, 3, 4, 5, 6, 7, 8, 9]), 'big'), int.from_bytes([1, 0], 'big'))
for bad in [lambda: (256).to_bytes(1, 'big'), lambda: (-1).to_bytes(1, 'big'), lambda: (1).to_bytes(1, 'middle'), lambda: (128).to_bytes(1, 'big', signed=True)]:
    try:
        bad()
    except (OverflowError, ValueError) as e:
        print(type(e).__name__, e)
data = b"it's"
print(data, repr(b'say "hi"'), b'both \' and "', bytes(3), list(data))
checksum = sum(b'hello') % 256
print(checksum, checksum.to_bytes(1, 'big'))
