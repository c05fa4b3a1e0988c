# expect 2 value 1024 out of range for set (0..1023)
set 1024 end
