# expect 2 value 65536 out of range for mask (0..65535)
read l4+0 2 mask 0x10000 end
