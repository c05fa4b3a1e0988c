# expect 2 syntax: save l3|l4|both
save l5 end
