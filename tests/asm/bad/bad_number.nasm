# expect 2 bad number '0xzz'
read cur+12 2 test eq 0xzz end
