assert (1, 'msg')
