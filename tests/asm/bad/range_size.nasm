# expect 2 value 3 out of range for size (1, 2, 4 or 8)
read l4+0 3 end
