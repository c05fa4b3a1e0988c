# expect 3 unknown keyword 'jump'
start: read cur+0 1
        jump start
