# expect 2 value 256 out of range for add (0..255)
add 256 adv end
