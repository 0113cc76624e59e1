x = 5
print(f'{{literal}} {x} }}{{ {{{x}}}')
