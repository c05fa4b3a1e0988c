# expect 2 adv N cannot be combined with shr, shl or add
read cur+12 1 shr 2 adv 4 end
