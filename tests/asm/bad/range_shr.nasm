# expect 2 value 16 out of range for shr (0..15)
read l4+0 2 shr 16 adv end
