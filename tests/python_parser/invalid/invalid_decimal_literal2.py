delay = 2s
