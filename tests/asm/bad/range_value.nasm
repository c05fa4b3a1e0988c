# expect 2 value 70000 out of range for test value (0..65535)
read l4+0 2 test eq 70000 end
