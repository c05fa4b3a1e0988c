# expect 2 value 256 out of range for off (0..255)
read cur+256 1 end
