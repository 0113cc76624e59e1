s = 'tab\tnew\nline \\ \' \" \x41 \u00e9 \U0001F600 \101 \a\b\f\v\r \q'
print(s)
