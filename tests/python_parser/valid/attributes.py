import os
print(os.path.join('a', 'b'), 'x'.upper().lower(), (1).bit_length(), 1.5.is_integer())
