matrix = {i: {j: i * j for j in range(3)} for i in range(3)}
print(matrix[2][2])
