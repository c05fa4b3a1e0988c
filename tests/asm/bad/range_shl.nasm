# expect 2 value 4 out of range for shl (0..3)
read l4+0 2 shl 4 adv end
