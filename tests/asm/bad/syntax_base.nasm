# expect 2 unknown base or field 'l2'
read l2+1 1 end
