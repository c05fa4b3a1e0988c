# expect 2 value 300 out of range for adv (0..255)
adv 300 end
