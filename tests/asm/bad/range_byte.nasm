# expect 2 value 8 out of range for byte (0..7)
read l4+0 8 byte 8 end
